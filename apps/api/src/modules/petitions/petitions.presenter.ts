import type { clueHandoffStatuses, PetitionDetail, PetitionStatus, PetitionSummary, Transfer, TransferMode } from '@guantong/contracts';
import { deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import type { RecordNoteRow } from '../../platform/records/record-notes.ts';
import type { TransferView } from '../../platform/records/transfers.ts';
import type { SummaryRow } from './petitions-queue.repository.ts';
import type { PetitionRow } from './petitions.record.ts';
import type { petitionClueHandoffs, petitionLinks, petitionSupplements } from './petitions.table.ts';

// Rows → contracts. Every outgoing field is listed here; sealed identity never is.

export function presentSummary(row: SummaryRow, now: Date): PetitionSummary {
  const r = row as unknown as Record<string, unknown>;
  return {
    id: row.id,
    serialNumber: r.serialNumber as string | null,
    receiptCode: r.receiptCode as string | null,
    title: r.title as string,
    status: row.status,
    channel: r.channel as PetitionSummary['channel'],
    source: r.source as PetitionSummary['source'],
    submissionType: r.submissionType as PetitionSummary['submissionType'],
    categoryKey: r.categoryKey as string | null,
    objectLevel: r.objectLevel as PetitionSummary['objectLevel'],
    concernedName: r.concernedName as string | null,
    concernedUnit: r.concernedUnit as string | null,
    anonymous: r.anonymous as boolean,
    organizationId: r.organizationId as string,
    organizationName: r.organizationName as string,
    assigneeId: r.assigneeId as string | null,
    assigneeName: r.assigneeName as string | null,
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    deadlineState: deadlineStateOf(row, now),
    satisfaction: r.satisfaction as PetitionSummary['satisfaction'],
  };
}

/** The record kit's transfer, in the petitions contract's words. */
export function presentTransfer(view: TransferView<PetitionStatus>): Transfer {
  const { fromRecordId, toRecordId, toRecordStatus, mode, ...rest } = view;
  return { ...rest, mode: mode as TransferMode, fromPetitionId: fromRecordId, toPetitionId: toRecordId, toPetitionStatus: toRecordStatus };
}

/** How the reporter is described to staff: anonymous, sealed real name, or a real name whose identity stayed behind. */
export function reporterLabelOf(row: PetitionRow): PetitionDetail['reporterLabel'] {
  if (row.anonymous) return { zhCN: '匿名', en: 'Anonymous' };
  return row.reporterSealed ? { zhCN: '实名(已密封)', en: 'Real name (sealed)' } : { zhCN: '实名(未转来身份)', en: 'Real name (identity not passed on)' };
}

export function presentProposal(row: PetitionRow, bodyNames: Map<string, string>): PetitionDetail['proposal'] {
  const proposal = row.proposal;
  if (!proposal) return null;
  return {
    mode: proposal.mode,
    targetOrganizationIds: proposal.targetOrganizationIds,
    targetOrganizationNames: proposal.targetOrganizationIds.map((target) => bodyNames.get(target) ?? ''),
    opinion: proposal.opinion,
    proposedBy: proposal.proposedBy,
    proposedAt: proposal.proposedAt,
  };
}

/** Links of the report to others, each with the other report's summary (links to reports gone from view are left out). */
export function presentLinks(id: string, links: (typeof petitionLinks.$inferSelect)[], summaries: Map<string, PetitionSummary>): PetitionDetail['links'] {
  return links
    .map((link) => {
      const petition = summaries.get(link.petitionId === id ? link.linkedPetitionId : link.petitionId);
      return petition ? { id: link.id, kind: link.kind, petition } : null;
    })
    .filter((link): link is NonNullable<typeof link> => link !== null);
}

export function presentNote(note: RecordNoteRow) {
  return { id: note.id, body: note.body, authorName: note.authorName, createdAt: note.createdAt.toISOString() };
}

export function presentSupplement(supplement: typeof petitionSupplements.$inferSelect) {
  return { id: supplement.id, body: supplement.body, createdAt: supplement.createdAt.toISOString() };
}

export function presentClueHandoff(handoff: typeof petitionClueHandoffs.$inferSelect | undefined): PetitionDetail['clueHandoff'] {
  if (!handoff) return null;
  return {
    id: handoff.id,
    status: handoff.status as (typeof clueHandoffStatuses)[number],
    createdAt: handoff.createdAt.toISOString(),
    clueId: handoff.clueId,
    result: handoff.result,
    resultAt: handoff.resultAt?.toISOString() ?? null,
  };
}
