import { randomUUID } from 'node:crypto';
import type { PetitionStatus, TransferMode } from '@guantong/contracts';
import { asWorkflowActor, type Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import type { WorkflowActor } from '../../platform/workflow/workflow.engine.ts';
import { applyRecordAction, startRecords } from '../../platform/records/record-actions.ts';
import { copyAttachments } from '../../platform/records/record-attachments.ts';
import { latestRound, openTransfer, reopenTransfer, reportTransferResult, transferInto, transfersFrom } from '../../platform/records/transfers.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { petitionRecord, type PetitionRow } from './petitions.record.ts';
import { insertPetition, intakeOwnerOf, memberIdsOf, petitionById } from './petitions.repository.ts';

// Hand-overs between bodies (交办, 转办, 联办, 报送上级), on the record kit: each receiving body gets its own row of the
// report in its intake queue; the receiver's answer or closing result flows back and moves the sender along.

const transferSystem: WorkflowActor = { kind: 'system', name: 'transfer' };

/** Creates the receiving bodies' rows and their transfers for an approved hand-over (in the approval's transaction). */
export async function createTransfers(context: PetitionsContext, tx: Transaction, actor: Actor, parent: PetitionRow, mode: TransferMode, targetIds: string[]) {
  const { clock, workflows, notifier } = context;
  const now = clock.now();
  const reportBackRequired = mode === 'joint' || mode === 'assign_with_report';
  const reporterFacing = mode !== 'joint' && parent.reporterFacing;
  for (const target of targetIds) {
    // A commission's reports go to its intake office's queue, as they would from the public.
    const targetId = await intakeOwnerOf(tx, target);
    const childId = randomUUID();
    await insertPetition(tx, {
      ...copiedMatter(parent),
      id: childId,
      organizationId: targetId,
      rootId: parent.rootId,
      parentId: parent.id,
      status: 'transfer_received',
      source: 'transfer',
      // Joint partners work on the matter, not with the reporter: they get no identity (DOMAIN.md §2.10 P1).
      reporterSealed: reporterFacing ? parent.reporterSealed : null,
      reporterFingerprint: reporterFacing ? parent.reporterFingerprint : null,
      reporterFacing,
      receivedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await openTransfer(tx, petitionRecord, {
      mode,
      fromRecordId: parent.id,
      fromOrganizationId: parent.organizationId,
      toOrganizationId: targetId,
      toRecordId: childId,
      reportBackRequired,
      createdBy: actor.userId,
      createdAt: now,
    });
    await copyAttachments(tx, petitionRecord, parent.id, { id: childId, organizationId: targetId, at: now });
    await startRecords(workflows, tx, petitionRecord, [
      { subjectId: childId, organizationId: targetId, status: 'transfer_received', actor: asWorkflowActor(actor), note: parent.proposal?.opinion, after: { mode, fromPetitionId: parent.id } },
    ]);
    await notifier.notify(tx, {
      userIds: await memberIdsOf(tx, targetId),
      organizationId: targetId,
      kind: 'petition.transfer',
      title: '收到转来的信访举报件',
      body: `${parent.title}（请在规定期限内签收）`,
      subjectType: 'petition',
      subjectId: childId,
    });
  }
}

/** The matter itself, as the receiving body's row copies it from the sender's. */
function copiedMatter(parent: PetitionRow) {
  return {
    channel: parent.channel,
    submissionType: parent.submissionType,
    categoryKey: parent.categoryKey,
    extraAnswers: parent.extraAnswers,
    title: parent.title,
    content: parent.content,
    concernedName: parent.concernedName,
    concernedPost: parent.concernedPost,
    concernedUnit: parent.concernedUnit,
    objectLevel: parent.objectLevel,
    violationCategories: parent.violationCategories,
    occurredOn: parent.occurredOn,
    occurredPlace: parent.occurredPlace,
    anonymous: parent.anonymous,
  };
}

/** The result of a transferred record flows back to the sender; a report-back transfer moves the sender along. */
export async function reportToSender(context: PetitionsContext, tx: Transaction, child: PetitionRow, result: string) {
  if (!child.parentId) return;
  const transfer = await reportTransferResult(tx, child.id, { at: context.clock.now(), result });
  if (!transfer?.reportBackRequired) return;
  await moveSenderWhenSettled(context, tx, transfer.fromRecordId);
}

/** Once every report-back transfer of the sender's latest round has an outcome, the sender's record moves on. */
export async function moveSenderWhenSettled(context: PetitionsContext, tx: Transaction, senderId: string) {
  const sender = await petitionById(tx, senderId);
  if (!sender) return;
  const round = latestRound(await transfersFrom(tx, senderId));
  if (round.open) return;
  const move = (action: 'resultReceived' | 'transferReturned', extra: { set?: Record<string, unknown>; note?: string } = {}) =>
    applyRecordAction(
      context.workflows,
      petitionRecord,
      { id: sender.id, organizationId: sender.organizationId, expectedStatus: sender.status as PetitionStatus, action, actor: transferSystem, ...extra },
      tx,
    );
  if (sender.status === 'awaiting_result' && round.anyReported) {
    await move('resultReceived');
  } else if (!round.anyReported && (sender.status === 'awaiting_result' || sender.status === 'forwarded' || sender.status === 'escalated')) {
    await move('transferReturned', { set: { proposal: null }, note: round.returnReasons.join('；') });
  }
}

/** A reviewed answer is not a final result: the sender's report-back transfer is open again until the new answer. */
export async function reopenSenderForReview(context: PetitionsContext, tx: Transaction, child: PetitionRow) {
  const transfer = await transferInto(tx, child.id);
  if (!transfer || !transfer.reportBackRequired || transfer.status !== 'reported') return;
  await reopenTransfer(tx, transfer.id);
  const sender = await petitionById(tx, transfer.fromRecordId);
  if (sender?.status !== 'result_received') return;
  await applyRecordAction(
    context.workflows,
    petitionRecord,
    { id: sender.id, organizationId: sender.organizationId, expectedStatus: 'result_received', action: 'reviewStarted', actor: transferSystem },
    tx,
  );
}
