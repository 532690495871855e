import type { PetitionDetail, PetitionStatus } from '@guantong/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { organizationNames } from '../../platform/identity/organization-name.ts';
import { notesOf } from '../../platform/records/record-notes.ts';
import { recordAttachments, recordDeadlines, recordTimeline } from '../../platform/records/record-views.ts';
import { presentTransfers, transferInto, transfersFrom } from '../../platform/records/transfers.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { allowedActionsOf, canReadIdentity, capabilitiesOf, visiblePetition } from './petitions.policy.ts';
import {
  presentClueHandoff,
  presentLinks,
  presentNote,
  presentProposal,
  presentSupplement,
  presentTransfer,
  reporterLabelOf,
} from './petitions.presenter.ts';
import { petitionRecord } from './petitions.record.ts';
import { clueHandoffOf, intakePlaceName, linksOf, petitionStatuses, repeatReporterCount, supplementsOfChain } from './petitions.repository.ts';
import { summariesOf } from './queue.ts';

/** The report page: the report, its timeline, deadlines, files, transfers, links, notes, and what the actor may do. */
export async function petitionDetail(context: PetitionsContext, actor: Actor, id: string): Promise<PetitionDetail> {
  const { db, deadlines } = context;
  const row = await visiblePetition(db, actor, id);
  const [summaries, events, deadlineCards, files, outgoing, incoming, links, notes, supplements, handoff, repeatCount] = await Promise.all([
    summariesOf(context, [row.id]),
    recordTimeline(db, petitionRecord, id),
    recordDeadlines(deadlines, petitionRecord, id),
    recordAttachments(db, petitionRecord, id),
    transfersFrom(db, id),
    transferInto(db, id),
    linksOf(db, id),
    notesOf(db, petitionRecord, id, 'notes'),
    supplementsOfChain(db, row.rootId),
    clueHandoffOf(db, id),
    repeatReporterCount(db, actor, row),
  ]);
  const linkedIds = links.map((link) => (link.petitionId === id ? link.linkedPetitionId : link.petitionId));
  const statusesOf = (ids: string[]) => petitionStatuses(db, ids);
  const [linkedSummaries, transfersOut, transfersIn, targetNames, intakePlace] = await Promise.all([
    summariesOf(context, linkedIds),
    presentTransfers<PetitionStatus>(db, outgoing, statusesOf),
    presentTransfers<PetitionStatus>(db, incoming ? [incoming] : [], statusesOf),
    organizationNames(db, row.proposal?.targetOrganizationIds ?? []),
    row.intakePointId ? intakePlaceName(db, row.intakePointId) : Promise.resolve(null),
  ]);
  return {
    ...summaries.get(id)!,
    content: row.content,
    concernedPost: row.concernedPost,
    occurredOn: row.occurredOn,
    occurredPlace: row.occurredPlace,
    intakePlaceName: intakePlace,
    extraAnswers: row.extraAnswers,
    violationCategories: row.violationCategories as PetitionDetail['violationCategories'],
    reporterLabel: reporterLabelOf(row),
    repeatReporterCount: repeatCount,
    canReadReporterIdentity: canReadIdentity(actor, row),
    proposal: presentProposal(row, targetNames),
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    satisfactionComment: row.satisfactionComment,
    rehandlingCount: row.rehandlingCount,
    parentPetitionId: row.parentId,
    rootPetitionId: row.rootId,
    mergedIntoId: row.mergedIntoId,
    allowedActions: allowedActionsOf(actor, row),
    events,
    deadlines: deadlineCards,
    attachments: files,
    transfersOut: transfersOut.map(presentTransfer),
    transferIn: transfersIn.map(presentTransfer)[0] ?? null,
    links: presentLinks(id, links, linkedSummaries),
    notes: notes.map(presentNote),
    supplements: supplements.map(presentSupplement),
    clueHandoff: presentClueHandoff(handoff),
    capabilities: capabilitiesOf(actor, row, Boolean(handoff)),
    version: row.version,
  };
}
