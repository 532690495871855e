import { clueHandlingBodyTypes, clueWorkflow, type ClueAction, type ClueActionBody, type ClueStatus } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { addStepRecord } from '../../platform/records/record-notes.ts';
import { inOrder } from '../../platform/records/record-actions.ts';
import { moveAttachments } from '../../platform/records/record-attachments.ts';
import { acknowledgeTransfer } from '../../platform/records/transfers.ts';
import { approvalChain } from './approvals.ts';
import { actionIncomplete, fileCase, transition } from './clue-transitions.ts';
import type { CluesContext } from './clues.context.ts';
import { concludingActions, isSenderView, recordedActions, signedActions, visibleClue } from './clues.policy.ts';
import { clueRecord, type ClueRow } from './clues.record.ts';
import { bodyById } from './clues.repository.ts';
import type { DisposalProposalRecord } from './clues.table.ts';
import { feedBackResult, returnToSender, transferTarget, transferToLedger } from './transfers.ts';

// The holder's steps on a clue (WF-B): acknowledge or return a transfer, assign it to an office, propose a disposal,
// the inquiry and verification steps with their written records, transfers, filing after verification, feedback.
// Approvals go through the chain (approvals.ts).

type Step = (tx: Transaction) => Promise<void>;
interface Effects {
  set: Partial<ClueRow>;
  steps: Step[];
}

/** The holding office, group or township a clue is assigned to: one of the ledger's own. */
async function assignEffects(context: CluesContext, row: ClueRow, body: ClueActionBody): Promise<Effects> {
  if (!body.handlingOrganizationId) actionIncomplete('handlingOrganizationId', 'choose the office, group or township that handles it');
  const [ledger, target] = [await bodyById(context.db, row.ledgerOrganizationId), await bodyById(context.db, body.handlingOrganizationId)];
  if (!ledger || !target || !target.path.startsWith(ledger.path) || !(clueHandlingBodyTypes as readonly string[]).includes(target.type)) {
    throw new AppError('CLUE_HANDLING_BODY_INVALID');
  }
  // Evidence moves with the clue to the body that now holds it.
  return { set: { organizationId: target.id }, steps: [(tx) => moveAttachments(tx, clueRecord, row.id, target.id)] };
}

/** A proposed disposal with its reasons, the approval chain it needs, and (for a verification) its work plan. */
async function proposeEffects(context: CluesContext, actor: Actor, row: ClueRow, body: ClueActionBody): Promise<Effects> {
  if (!body.disposalType) actionIncomplete('disposalType', 'choose a disposal');
  if (!body.note?.trim()) actionIncomplete('note', 'give the reasons (集体研究意见)');
  // WF-B2: a preliminary verification is approved together with its work plan and team (监察法 art.41).
  if (body.disposalType === 'preliminary_verification' && !body.verificationPlan) actionIncomplete('verificationPlan', 'write the work plan and name the verification team');
  const proposal: DisposalProposalRecord = {
    disposalType: body.disposalType,
    reason: body.note.trim(),
    proposedBy: actor.displayName,
    proposedById: actor.userId,
    proposedAt: context.clock.now().toISOString(),
    round: (row.proposal?.round ?? 0) + 1,
    steps: await approvalChain(context.db, row, body.disposalType),
    verificationPlan: body.disposalType === 'preliminary_verification' ? body.verificationPlan : null,
  };
  return { set: { proposal }, steps: [] };
}

/** What an action writes besides the status change and its written record. */
async function effectsOf(context: CluesContext, actor: Actor, row: ClueRow, action: ClueAction, body: ClueActionBody, record: string | undefined): Promise<Effects> {
  const none: Effects = { set: {}, steps: [] };
  switch (action) {
    case 'acknowledge':
      return { set: {}, steps: [(tx) => acknowledgeTransfer(tx, row.id, context.clock.now())] };
    case 'returnTransfer':
      return { set: {}, steps: [(tx) => returnToSender(context, tx, row, body.note ?? null)] };
    case 'assign':
      return assignEffects(context, row, body);
    case 'propose':
      return proposeEffects(context, actor, row, body);
    case 'moveToVerification':
      if (!body.verificationPlan) actionIncomplete('verificationPlan', 'write the work plan and name the verification team');
      return { set: { verificationPlan: body.verificationPlan }, steps: [] };
    case 'submitVerificationReport':
      if (!body.recommendation) actionIncomplete('recommendation', 'recommend how to dispose of the clue');
      return none;
    case 'transferOut':
    case 'forwardOut': {
      const target = await transferTarget(context, row, body);
      const mode = action === 'forwardOut' ? 'forward' : body.transferMode === 'assign_with_report' ? 'assign_with_report' : 'transfer';
      return { set: {}, steps: [(tx) => transferToLedger(context, tx, actor, row, target, mode)] };
    }
    case 'approveCaseFilingAfterVerification':
      return { set: {}, steps: [(tx) => fileCase(context, tx, row, actor)] };
    case 'feedBack':
      return { set: { feedback: record!, feedbackAt: context.clock.now() }, steps: [(tx) => feedBackResult(context, tx, row, record!)] };
    default:
      return none;
  }
}

export async function applyClueAction(context: CluesContext, actor: Actor, id: string, body: ClueActionBody): Promise<void> {
  const row = await visibleClue(context, actor, id);
  const action = body.action as ClueAction;
  if (signedActions.has(action) || !Object.hasOwn(clueWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  if (await isSenderView(context, actor, row)) throw new AppError('FORBIDDEN');
  const record = body.record?.trim();
  if (recordedActions.has(action) && !record) actionIncomplete('record', 'write down what was done or decided');

  const steps: Step[] = [];
  if (record) {
    steps.push((tx) =>
      addStepRecord(tx, clueRecord, {
        recordId: row.id,
        action,
        body: record,
        details: {
          inquiryMethod: action === 'recordTalk' ? 'talk' : action === 'sendLetter' ? 'letter' : null,
          recommendation: action === 'submitVerificationReport' ? (body.recommendation ?? null) : null,
        },
        authorId: actor.userId,
        authorName: actor.displayName,
        createdAt: context.clock.now(),
      }),
    );
  }
  const effects = await effectsOf(context, actor, row, action, body, record);
  const set = { ...(concludingActions.has(action) ? { conclusion: record ?? body.note ?? null } : {}), ...effects.set };
  steps.push(...effects.steps);
  await transition(context, actor, row, action, body.expectedStatus as ClueStatus, {
    note: body.note,
    set,
    within: inOrder(steps),
  });
}
