import {
  petitionWorkflow,
  transferModes,
  type EndpointRequest,
  type HandlingMode,
  type PetitionAction,
  type PetitionStatus,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit, valuesBefore } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { organizationNames } from '../../platform/identity/organization-name.ts';
import { actOnRecord } from '../../platform/records/record-actions.ts';
import { acknowledgeTransfer, returnTransfer, transfersFrom } from '../../platform/records/transfers.ts';
import { answersForCategoryKey } from './category-answers.ts';
import { acceptanceText, allocateSerial } from './intake.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { dedicatedActions, requireCapability, requireMatchingApproval, transferModeOf, visiblePetition } from './petitions.policy.ts';
import { petitionRecord, type PetitionRow } from './petitions.record.ts';
import {
  insertAnswer,
  insertDuplicateLink,
  intakeOwnerOf,
  isMemberOf,
  petitionById,
  transferTargetIds,
  updatePetition,
  updatePetitionAtVersion,
} from './petitions.repository.ts';
import type { ProposalRecord } from './petitions.table.ts';
import { messageReporter } from './reporter-identity.ts';
import { createTransfers, moveSenderWhenSettled, reportToSender } from './transfers.ts';

// Handling a report inside a body: register, acknowledge or return a transfer, propose a handling mode (拟办), approve
// it, answer, merge, classify. Every status change goes through the petition workflow (petitionRecord).

interface Transition {
  note?: string;
  set?: Partial<PetitionRow>;
  within?: (tx: Transaction) => Promise<void>;
}

async function transition(context: PetitionsContext, actor: Actor, row: PetitionRow, action: PetitionAction, expectedStatus: PetitionStatus, options: Transition = {}) {
  await actOnRecord(context, petitionRecord, actor, row, { action, expectedStatus, ...options });
}

/** What an action writes besides the status change; the actions not named here change the status only. */
function effectsOf(context: PetitionsContext, actor: Actor, row: PetitionRow, action: PetitionAction, note: string | undefined): Omit<Transition, 'note'> {
  const now = context.clock.now();
  const numbered = async (tx: Transaction) => {
    const serial = await allocateSerial(context, tx, row);
    await updatePetition(tx, row.id, serial);
    return serial;
  };
  switch (action) {
    case 'register':
      return {
        set: { assigneeId: row.assigneeId ?? actor.userId },
        within: async (tx) => {
          const serial = await numbered(tx);
          await messageReporter(context, tx, row, 'petition.accepted', acceptanceText(row.receiptCode ?? serial.serialNumber ?? ''));
        },
      };
    case 'acknowledge':
    case 'acknowledgeAndHandle':
      return {
        set: { assigneeId: row.assigneeId ?? actor.userId },
        within: async (tx) => {
          await numbered(tx);
          await acknowledgeTransfer(tx, row.id, now);
        },
      };
    case 'returnToSender':
      return {
        within: async (tx) => {
          const transfer = await returnTransfer(tx, row.id, { at: now, reason: note ?? null });
          if (transfer) await moveSenderWhenSettled(context, tx, transfer.fromRecordId);
        },
      };
    case 'sendBack':
      return { set: { proposal: null } };
    case 'approveNotAccepted':
      // The reporter is told why and where to turn (DOMAIN.md §3.1: 告知向有权机关反映).
      return {
        set: { answer: row.proposal?.opinion ?? null, answeredAt: now, answeredBy: actor.userId },
        within: async (tx) => {
          await insertAnswer(tx, { petitionId: row.id, rootId: row.rootId, organizationId: row.organizationId, body: row.proposal?.opinion ?? '', answeredBy: actor.userId, createdAt: now });
          await messageReporter(context, tx, row, 'petition.not_accepted', `您反映的问题经研究不予受理，答复意见可凭查询码查看。`);
          await reportToSender(context, tx, row, row.proposal?.opinion ?? '');
        },
      };
    case 'closeWithResult':
      return {
        within: async (tx) => {
          const results = (await transfersFrom(tx, row.id)).map((transfer) => transfer.result).filter(Boolean);
          await reportToSender(context, tx, row, results.join('\n') || (note ?? ''));
        },
      };
    default: {
      const mode = transferModeOf[action];
      return mode ? { within: (tx) => createTransfers(context, tx, actor, row, mode, row.proposal?.targetOrganizationIds ?? []) } : {};
    }
  }
}

/** A workflow action that carries no more than a note (the others have their own endpoints). */
export async function applyPetitionAction(context: PetitionsContext, actor: Actor, id: string, body: { action: string; expectedStatus: string; note?: string }): Promise<void> {
  const row = await visiblePetition(context.db, actor, id);
  const action = body.action as PetitionAction;
  if (dedicatedActions.has(action) || !Object.hasOwn(petitionWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  requireMatchingApproval(row, action);
  await transition(context, actor, row, action, body.expectedStatus as PetitionStatus, { note: body.note, ...effectsOf(context, actor, row, action, body.note) });
}

/** 拟办: the intake officer proposes how to handle the report (and, for a transfer, to which bodies). */
export async function proposeHandling(context: PetitionsContext, actor: Actor, id: string, body: EndpointRequest<'proposePetitionHandling'>['body']): Promise<void> {
  const row = await visiblePetition(context.db, actor, id);
  const targets = await validTargets(context, actor, body.mode, body.targetOrganizationIds);
  const proposal: ProposalRecord = {
    mode: body.mode,
    targetOrganizationIds: targets,
    opinion: body.opinion,
    proposedBy: actor.displayName,
    proposedById: actor.userId,
    proposedAt: context.clock.now().toISOString(),
  };
  await transition(context, actor, row, 'propose', body.expectedStatus, { note: body.opinion, set: { proposal } });
}

/** A transfer goes to other bodies that take transfers, never to the proposing body itself or its own intake office. */
async function validTargets(context: PetitionsContext, actor: Actor, mode: HandlingMode, targetIds: string[]): Promise<string[]> {
  if (!(transferModes as readonly string[]).includes(mode)) return [];
  const unique = [...new Set(targetIds)];
  if (unique.includes(actor.organizationId)) throw new AppError('TRANSFER_TARGET_INVALID');
  for (const target of unique) if ((await intakeOwnerOf(context.db, target)) === actor.organizationId) throw new AppError('TRANSFER_TARGET_INVALID');
  if ((await transferTargetIds(context.db, unique)).length !== unique.length) throw new AppError('TRANSFER_TARGET_INVALID');
  return unique;
}

export async function answerPetition(context: PetitionsContext, actor: Actor, id: string, body: EndpointRequest<'answerPetition'>['body']): Promise<void> {
  const row = await visiblePetition(context.db, actor, id);
  const now = context.clock.now();
  const text = await fillPlaceholders(context, row, body.answer);
  await transition(context, actor, row, 'answer', body.expectedStatus, {
    set: { answer: text, answeredAt: now, answeredBy: actor.userId },
    within: async (tx) => {
      await insertAnswer(tx, { petitionId: row.id, rootId: row.rootId, organizationId: row.organizationId, body: text, answeredBy: actor.userId, createdAt: now });
      // D11: the result goes to a real-name reporter (15 working days after closure at most); here at once.
      await messageReporter(context, tx, row, 'petition.answered', '您反映的问题已有办理结果，请凭受理编号和查询码查看并评价。');
      await reportToSender(context, tx, row, text);
    },
  });
}

/** Templates name the report's own facts; they are filled in here so the reporter never reads a placeholder. */
async function fillPlaceholders(context: PetitionsContext, row: PetitionRow, text: string): Promise<string> {
  const root = row.rootId === row.id ? row : await petitionById(context.db, row.rootId);
  const names = await organizationNames(context.db, [row.organizationId]);
  const values: Record<string, string> = {
    receiptCode: root?.receiptCode ?? row.serialNumber ?? '',
    serialNumber: row.serialNumber ?? '',
    receivedDate: chinaDateOf(root?.receivedAt ?? row.receivedAt),
    organizationName: names.get(row.organizationId) ?? '',
    title: row.title,
  };
  return text.replace(/\{(receiptCode|serialNumber|receivedDate|organizationName|title)\}/g, (_, key: string) => values[key]);
}

/** The same matter reported twice: this report closes into the other, which carries on. */
export async function mergePetition(context: PetitionsContext, actor: Actor, id: string, body: EndpointRequest<'mergePetition'>['body']): Promise<void> {
  const row = await visiblePetition(context.db, actor, id);
  const target = await visiblePetition(context.db, actor, body.targetId).catch(() => {
    throw new AppError('MERGE_TARGET_INVALID');
  });
  if (target.id === row.id || target.rootId === row.rootId || target.status === 'merged') throw new AppError('MERGE_TARGET_INVALID');
  await transition(context, actor, row, 'merge', body.expectedStatus, {
    note: body.note,
    set: { mergedIntoId: target.id },
    within: (tx) => insertDuplicateLink(tx, { petitionId: row.id, linkedPetitionId: target.id, createdBy: actor.userId, createdAt: context.clock.now() }),
  });
}

/** Corrects the facts of a report (category, person concerned, level …) or assigns it; version-checked and audited. */
export async function classifyPetition(context: PetitionsContext, actor: Actor, id: string, body: EndpointRequest<'classifyPetition'>['body']): Promise<void> {
  const { db, clock } = context;
  const row = await visiblePetition(db, actor, id);
  const { version, extraAnswers: answersGiven, ...changes } = body;
  const onlyAssignee = Object.keys(changes).every((key) => key === 'assigneeId') && answersGiven === undefined;
  if (!onlyAssignee) requireCapability(actor, row, 'classify');
  if (changes.assigneeId !== undefined && changes.assigneeId !== row.assigneeId) requireCapability(actor, row, 'assign');
  const categoryKey = changes.categoryKey === undefined ? row.categoryKey : changes.categoryKey;
  // Answers follow the category: new answers are checked against it; a changed category without answers must have no required questions.
  const extraAnswers = answersGiven !== undefined || categoryKey !== row.categoryKey ? await answersForCategoryKey(db, categoryKey, answersGiven ?? {}, 'body') : row.extraAnswers;
  if (changes.assigneeId && !(await isMemberOf(db, changes.assigneeId, row.organizationId))) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.assigneeId', message: 'not a member of the body holding the report' }]);
  }
  const merged = { ...row, ...changes };
  await db.transaction(async (tx) => {
    const updated = await updatePetitionAtVersion(tx, id, version, { ...changes, extraAnswers, updatedAt: clock.now() } as Partial<PetitionRow>, merged);
    if (updated.length === 0) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: row.organizationId,
      action: 'petition.classify',
      subjectType: 'petition',
      subjectId: id,
      before: valuesBefore(row, changes),
      after: changes,
    });
  });
}
