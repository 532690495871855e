import { clueLedgerBodyTypes, type ClueActionBody, type ClueTransferMode } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { asWorkflowActor, type Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { applyRecordAction, startRecords } from '../../platform/records/record-actions.ts';
import { openTransfer, reportTransferResult, returnTransfer } from '../../platform/records/transfers.ts';
import { recordClueResult } from '../petitions/index.ts';
import { actionIncomplete } from './clue-transitions.ts';
import type { CluesContext } from './clues.context.ts';
import { clueRecord, type ClueRow } from './clues.record.ts';
import { bodyById, clueById, updateClue, type Body } from './clues.repository.ts';
import { enterInLedger } from './registration.ts';
import { intakeHolderOf } from './ledgers.ts';

// Clues between ledgers (移送 / 交办 / 转办), on the record kit: the receiving ledger gets its own clue, acknowledges or
// returns it, and its feedback flows back to the sending ledger (and to the report the clue came from).

/** The ledger a clue is transferred or forwarded to: another commission or township committee. */
export async function transferTarget(context: CluesContext, row: ClueRow, body: ClueActionBody): Promise<Body> {
  if (!body.targetOrganizationId) actionIncomplete('targetOrganizationId', 'choose the commission that takes the clue');
  const target = await bodyById(context.db, body.targetOrganizationId);
  if (!target || !(clueLedgerBodyTypes as readonly string[]).includes(target.type) || target.id === row.ledgerOrganizationId) {
    throw new AppError('TRANSFER_TARGET_INVALID');
  }
  return target;
}

/** Creates the receiving ledger's clue and the transfer, in the sending action's transaction. */
export async function transferToLedger(context: CluesContext, tx: Transaction, actor: Actor, row: ClueRow, target: Body, mode: ClueTransferMode) {
  const now = context.clock.now();
  const child = await enterInLedger(context, tx, target, {
    organizationId: await intakeHolderOf(tx, target),
    status: 'transfer_received',
    parentId: row.id,
    source: 'other_commission',
    sourceOrganizationId: row.ledgerOrganizationId,
    sourceReference: row.serialNumber,
    petitionId: row.petitionId,
    title: row.title,
    allegations: row.allegations,
    violationCategories: row.violationCategories,
    concernedName: row.concernedName,
    concernedPost: row.concernedPost,
    concernedUnit: row.concernedUnit,
    objectLevel: row.objectLevel,
    cadreManagementLevel: row.cadreManagementLevel,
    isPartyMember: row.isPartyMember,
    supervisedCategory: row.supervisedCategory,
    lowerCommitteePrincipal: row.lowerCommitteePrincipal,
    receivedAt: now,
    createdBy: actor.userId,
  });
  // The receiver's ledger links it to the same person record.
  await updateClue(tx, child.id, { personId: row.personId });
  await openTransfer(tx, clueRecord, {
    mode,
    fromRecordId: row.id,
    fromOrganizationId: row.ledgerOrganizationId,
    toOrganizationId: target.id,
    toRecordId: child.id,
    // A forwarded clue (转办) is the receiver's from then on; a transfer waits for its result.
    reportBackRequired: mode !== 'forward',
    createdBy: actor.userId,
    createdAt: now,
  });
  await startRecords(context.workflows, tx, clueRecord, [
    { subjectId: child.id, organizationId: child.organizationId, status: 'transfer_received', actor: asWorkflowActor(actor), after: { serialNumber: child.serialNumber, fromClueId: row.id, mode } },
  ]);
}

/** The receiver sends the clue back with its reasons; the sender's clue moves back. */
export async function returnToSender(context: CluesContext, tx: Transaction, row: ClueRow, reason: string | null) {
  await returnTransfer(tx, row.id, { at: context.clock.now(), reason });
  await moveSender(context, tx, row, 'transferReturned', reason ?? '');
}

/** The loop closes: the sending ledger and the report this came from learn the result (结果反馈). */
export async function feedBackResult(context: CluesContext, tx: Transaction, row: ClueRow, record: string) {
  const now = context.clock.now();
  if (row.parentId) {
    const result = `${row.conclusion ?? ''}\n${record}`.trim();
    await reportTransferResult(tx, row.id, { at: now, result });
    await moveSender(context, tx, row, 'resultReceived', result);
  }
  if (row.petitionId && !row.parentId) await recordClueResult(tx, row.id, record, now);
}

/** Moves the sender's clue when its transfer is returned or reported back (a system action in the same transaction). */
async function moveSender(context: CluesContext, tx: Transaction, row: ClueRow, action: 'transferReturned' | 'resultReceived', note: string) {
  if (!row.parentId) return;
  const parent = await clueById(tx, row.parentId);
  if (!parent || parent.status !== 'transferred') return;
  await applyRecordAction(
    context.workflows,
    clueRecord,
    {
      id: parent.id,
      organizationId: parent.organizationId,
      expectedStatus: 'transferred',
      action,
      actor: { kind: 'system', name: 'clue-transfer' },
      note,
      set: { updatedAt: context.clock.now(), ...(action === 'resultReceived' ? { conclusion: note } : {}) },
    },
    tx,
  );
}
