import type { PetitionAction, PetitionStatus } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { organizationNames } from '../../platform/identity/organization-name.ts';
import { applyRecordAction } from '../../platform/records/record-actions.ts';
import { timelineRows } from '../../platform/records/record-views.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { finalStatuses } from './petitions.policy.ts';
import { petitionRecord, type PetitionRow } from './petitions.record.ts';
import { answersOfChain, chainOf, insertSupplement, leaderIdsOf, rootByReceiptCode, rootsByReceiptCodes, supplementsOfChain } from './petitions.repository.ts';
import { publicEventLabels, publicStageLabels, stageOf } from './public-view.presenter.ts';
import { receiptSecretMatches } from './receipts.ts';
import { reopenSenderForReview } from './transfers.ts';

// The reporter's side, by receipt code and secret: where the report stands, adding information, rating the answer.

type Credentials = { receiptCode: string; secret: string };

// 信访工作条例 art.35–36: one review (复查) and one recheck (复核); a third dissatisfied rating ends the matter.
const MAX_REHANDLINGS = 2;

async function byReceipt(context: PetitionsContext, credentials: Credentials): Promise<PetitionRow> {
  const root = await rootByReceiptCode(context.db, credentials.receiptCode);
  // Checked whether or not the code exists, so that the time taken does not tell.
  const matches = receiptSecretMatches(context.keys.receiptSecret, root?.receiptSecretHash, credentials.secret);
  if (!root || !matches) throw new AppError('RECEIPT_INVALID');
  return root;
}

/** The record the reporter is dealing with now: the newest reporter-facing one that was not handed back. */
function currentOf(chain: PetitionRow[]): PetitionRow {
  const byId = new Map(chain.map((row) => [row.id, row]));
  const depthOf = (row: PetitionRow): number => (row.parentId && byId.has(row.parentId) ? depthOf(byId.get(row.parentId)!) + 1 : 0);
  const facing = chain.filter((row) => row.reporterFacing && row.status !== 'returned');
  // Deepest in the chain first (the body handling it now), then the newest.
  facing.sort((a, b) => depthOf(a) - depthOf(b) || a.createdAt.getTime() - b.createdAt.getTime());
  return facing[facing.length - 1] ?? chain[0];
}

/** What the reporter sees: plain-words progress, the answers, what they added; no staff names, no internal notes. */
async function publicView(context: PetitionsContext, root: PetitionRow) {
  const { db } = context;
  const chain = await chainOf(db, root.rootId);
  const current = currentOf(chain);
  const [events, answers, supplements, nameOf] = await Promise.all([
    timelineRows(db, petitionRecord, chain.map((row) => row.id)),
    answersOfChain(db, root.rootId),
    supplementsOfChain(db, root.rootId),
    organizationNames(db, chain.map((row) => row.organizationId)),
  ]);
  const facing = new Set(chain.filter((row) => row.reporterFacing).map((row) => row.id));
  const bodyOfRecord = new Map(chain.map((row) => [row.id, row.organizationId]));
  const stage = stageOf[current.status as PetitionStatus];
  const rated = chain.filter((row) => row.ratedAt).sort((a, b) => b.ratedAt!.getTime() - a.ratedAt!.getTime())[0];
  return {
    receiptCode: root.receiptCode!,
    title: root.title,
    submissionType: root.submissionType,
    anonymous: root.anonymous,
    receivedAt: root.receivedAt.toISOString(),
    stage,
    stageLabel: publicStageLabels[stage],
    handlingOrganizationName: nameOf.get(current.organizationId) ?? '',
    timeline: events
      .filter((event) => facing.has(event.subjectId) && publicEventLabels[event.action])
      .map((event) => ({ at: event.createdAt.toISOString(), label: publicEventLabels[event.action]!, organizationName: nameOf.get(bodyOfRecord.get(event.subjectId) ?? '') ?? '' })),
    answers: answers
      .filter((entry) => facing.has(entry.petitionId))
      .map((entry) => ({ at: entry.createdAt.toISOString(), organizationName: nameOf.get(entry.organizationId) ?? '', body: entry.body })),
    supplements: supplements.map((supplement) => ({ at: supplement.createdAt.toISOString(), body: supplement.body })),
    canRate: current.status === 'answered',
    dissatisfiedStartsReview: current.status === 'answered' && current.rehandlingCount < MAX_REHANDLINGS,
    rating: rated && rated.satisfaction ? { satisfaction: rated.satisfaction, comment: rated.satisfactionComment, at: rated.ratedAt!.toISOString() } : null,
    canSupplement: !finalStatuses.has(current.status as PetitionStatus),
  };
}

/** Where reports stand, by receipt code alone: status and handling body only (Open311 answers with this). */
export async function statusesByReceipt(context: PetitionsContext, codes: string[]) {
  if (codes.length === 0) return [];
  const roots = await rootsByReceiptCodes(context.db, codes);
  return Promise.all(
    roots.map(async (root) => {
      const current = currentOf(await chainOf(context.db, root.rootId));
      const names = await organizationNames(context.db, [current.organizationId]);
      return {
        receiptCode: root.receiptCode!,
        categoryKey: root.categoryKey,
        receivedAt: root.receivedAt,
        open: !finalStatuses.has(current.status as PetitionStatus),
        updatedAt: current.updatedAt,
        organizationName: names.get(current.organizationId) ?? '',
      };
    }),
  );
}

export async function trackPetition(context: PetitionsContext, credentials: Credentials) {
  return publicView(context, await byReceipt(context, credentials));
}

/** The reporter adds information; the officer holding the report is told. */
export async function supplementPetition(context: PetitionsContext, credentials: Credentials, body: string) {
  const { db, clock, notifier } = context;
  const root = await byReceipt(context, credentials);
  const current = currentOf(await chainOf(db, root.rootId));
  if (finalStatuses.has(current.status as PetitionStatus)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  await db.transaction(async (tx) => {
    const row = await insertSupplement(tx, { rootId: root.rootId, body, createdAt: clock.now() });
    await notifier.notify(tx, {
      userIds: current.assigneeId ? [current.assigneeId] : [],
      organizationId: current.organizationId,
      kind: 'petition.supplement',
      title: '举报人补充了材料',
      body: current.title,
      subjectType: 'petition',
      subjectId: current.id,
    });
    await appendAudit(tx, clock, {
      actorId: null,
      actorName: 'reporter',
      organizationId: current.organizationId,
      action: 'petition.supplement',
      subjectType: 'petition',
      subjectId: current.id,
      after: { supplementId: row.id },
    });
  });
  return publicView(context, root);
}

/** The reporter rates the answer; a dissatisfied rating starts a review, up to the statutory limit. */
export async function ratePetition(context: PetitionsContext, credentials: Credentials, input: { satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string | null }) {
  const { db, clock } = context;
  const root = await byReceipt(context, credentials);
  const current = currentOf(await chainOf(db, root.rootId));
  if (current.status !== 'answered') throw new AppError(current.ratedAt ? 'ALREADY_RATED' : 'NOT_RATEABLE');
  const dissatisfied = input.satisfaction === 'dissatisfied';
  const action: PetitionAction = !dissatisfied ? 'rateSatisfied' : current.rehandlingCount >= MAX_REHANDLINGS ? 'rateDissatisfiedFinal' : 'rateDissatisfied';
  const now = clock.now();
  await applyRecordAction(context.workflows, petitionRecord, {
    id: current.id,
    organizationId: current.organizationId,
    expectedStatus: 'answered',
    action,
    actor: { kind: 'system', name: 'reporter' },
    note: input.comment ?? undefined,
    set: {
      satisfaction: input.satisfaction,
      satisfactionComment: input.comment ?? null,
      ratedAt: now,
      updatedAt: now,
      ...(action === 'rateDissatisfied' ? { rehandlingCount: current.rehandlingCount + 1 } : {}),
    },
    within: async (tx) => {
      if (action !== 'rateDissatisfied') return;
      await reopenSenderForReview(context, tx, current);
      // The review goes to the body's leaders and the officer who answered.
      const leaders = await leaderIdsOf(tx, current.organizationId);
      await context.notifier.notify(tx, {
        userIds: [...new Set([...leaders, ...(current.answeredBy ? [current.answeredBy] : [])])],
        organizationId: current.organizationId,
        kind: 'petition.rehandling',
        title: '举报人不满意，进入复查',
        body: current.title,
        subjectType: 'petition',
        subjectId: current.id,
      });
    },
  });
  return publicView(context, root);
}
