import type { ClueDetail, ClueStatus } from '@guantong/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { notesOf } from '../../platform/records/record-notes.ts';
import { recordAttachments, recordDeadlines, recordTimeline } from '../../platform/records/record-views.ts';
import { presentTransfers, transferInto, transfersFrom } from '../../platform/records/transfers.ts';
import { approvalState } from './approvals.ts';
import type { CluesContext } from './clues.context.ts';
import { allowedActionsOf, capabilitiesOf, isSenderView, scopeOf, visibleClue } from './clues.policy.ts';
import { presentProposal, presentRecord, presentSummary, presentTransfer } from './clues.presenter.ts';
import { clueRecord } from './clues.record.ts';
import { bodyById, clueStatuses } from './clues.repository.ts';
import { relatedRowsOf, summaryRowsByIds } from './clues-ledger.repository.ts';
import { personById } from './persons.repository.ts';

/**
 * The clue page. A sender (a partner body, an office that filed it) sees the state and the result it is owed, not the
 * internal handling: no records, plan, timeline, deadlines, approvals or related clues (DOMAIN.md §3.2 结果反馈).
 */
export async function clueDetail(context: CluesContext, actor: Actor, id: string): Promise<ClueDetail> {
  const { db, deadlines } = context;
  const row = await visibleClue(context, actor, id);
  const partner = await isSenderView(context, actor, row);
  const scope = await scopeOf(context, actor);
  const [[summaryRow], events, deadlineCards, files, records, outgoing, incoming, related, person] = await Promise.all([
    summaryRowsByIds(db, [id]),
    recordTimeline(db, clueRecord, id),
    recordDeadlines(deadlines, clueRecord, id),
    recordAttachments(db, clueRecord, id),
    notesOf(db, clueRecord, id, 'steps'),
    transfersFrom(db, id),
    transferInto(db, id),
    row.personId && !partner ? relatedRowsOf(db, row.personId, id, scope) : Promise.resolve([]),
    row.personId ? personById(db, row.personId) : Promise.resolve(undefined),
  ]);
  const statusesOf = (ids: string[]) => clueStatuses(db, ids);
  const [transfersOut, transfersIn] = await Promise.all([presentTransfers<ClueStatus>(db, outgoing, statusesOf), presentTransfers<ClueStatus>(db, incoming ? [incoming] : [], statusesOf)]);
  const sourceName = row.sourceOrganizationId ? ((await bodyById(db, row.sourceOrganizationId))?.name ?? null) : null;
  const approval = partner ? null : await approvalState(db, actor, row);
  const now = context.clock.now();
  return {
    ...presentSummary(summaryRow, now),
    allegations: row.allegations,
    violationCategories: row.violationCategories as ClueDetail['violationCategories'],
    concernedPost: row.concernedPost,
    isPartyMember: row.isPartyMember,
    supervisedCategory: row.supervisedCategory,
    lowerCommitteePrincipal: row.lowerCommitteePrincipal,
    verificationPlan: partner ? null : (row.verificationPlan ?? null),
    hasIdNumber: Boolean(person?.idNumberHash),
    personId: partner ? null : row.personId,
    sourceOrganizationId: row.sourceOrganizationId,
    sourceOrganizationName: sourceName,
    sourceReference: row.sourceReference,
    petitionId: row.petitionId,
    proposal: partner ? null : presentProposal(row),
    approval: approval ? { steps: approval.steps, nextStep: approval.nextStep, canSign: approval.canSign } : null,
    records: partner ? [] : records.map(presentRecord),
    conclusion: partner ? null : row.conclusion,
    feedback: row.feedback,
    feedbackAt: row.feedbackAt?.toISOString() ?? null,
    relatedClues: related.map((entry) => presentSummary(entry, now)),
    allowedActions: allowedActionsOf(actor, row, partner),
    events: partner ? [] : events,
    deadlines: partner ? [] : deadlineCards,
    attachments: files,
    transfersOut: transfersOut.map(presentTransfer),
    transferIn: transfersIn.map(presentTransfer)[0] ?? null,
    capabilities: capabilitiesOf(actor, row, partner),
    partnerView: partner,
    version: row.version,
  };
}
