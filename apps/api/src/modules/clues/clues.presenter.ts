import type { ClueDetail, ClueStatus, ClueSummary, ClueTransferMode } from '@guantong/contracts';
import { deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import type { RecordNoteRow } from '../../platform/records/record-notes.ts';
import type { TransferView } from '../../platform/records/transfers.ts';
import { finalStatuses } from './clues.policy.ts';
import type { ClueRow } from './clues.record.ts';
import type { SummaryRow } from './clues-ledger.repository.ts';

// Rows → contracts. A sender (partner body) is shown what it is owed, never the internal handling.

export function presentSummary(row: SummaryRow, now: Date): ClueSummary {
  const status = row.status as ClueStatus;
  return {
    id: row.id,
    serialNumber: row.serialNumber,
    title: row.title,
    status,
    source: row.source,
    concernedName: row.concernedName,
    concernedUnit: row.concernedUnit,
    objectLevel: row.objectLevel,
    cadreManagementLevel: row.cadreManagementLevel,
    disposalType: row.disposalType,
    ledgerOrganizationId: row.ledgerOrganizationId,
    ledgerOrganizationName: row.ledgerOrganizationName ?? '',
    organizationId: row.organizationId,
    organizationName: row.organizationName ?? '',
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    deadlineState: finalStatuses.has(status) ? null : deadlineStateOf(row, now),
  };
}

/** The record kit's transfer, in the clue contract's words. */
export function presentTransfer(view: TransferView<ClueStatus>): ClueDetail['transfersOut'][number] {
  return {
    id: view.id,
    mode: view.mode as ClueTransferMode,
    status: view.status,
    fromClueId: view.fromRecordId,
    fromOrganizationName: view.fromOrganizationName,
    toClueId: view.toRecordId!,
    toOrganizationId: view.toOrganizationId,
    toOrganizationName: view.toOrganizationName,
    toClueStatus: view.toRecordStatus,
    createdAt: view.createdAt,
    acknowledgedAt: view.acknowledgedAt,
    returnedAt: view.returnedAt,
    returnReason: view.returnReason,
    reportedAt: view.reportedAt,
    result: view.result,
  };
}

/** A step's written record (talk, letter, reply, report, conclusion). */
export function presentRecord(entry: RecordNoteRow): ClueDetail['records'][number] {
  return {
    action: entry.action!,
    body: entry.body,
    inquiryMethod: (entry.details.inquiryMethod ?? null) as ClueDetail['records'][number]['inquiryMethod'],
    recommendation: (entry.details.recommendation ?? null) as ClueDetail['records'][number]['recommendation'],
    authorName: entry.authorName,
    createdAt: entry.createdAt.toISOString(),
  };
}

export function presentProposal(row: ClueRow): ClueDetail['proposal'] {
  if (!row.proposal) return null;
  return {
    disposalType: row.proposal.disposalType,
    reason: row.proposal.reason,
    proposedBy: row.proposal.proposedBy,
    proposedAt: row.proposal.proposedAt,
    verificationPlan: row.proposal.verificationPlan ?? null,
  };
}
