import type { EndpointRequest, PetitionListQuery, PetitionSummary } from '@guantong/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { pageResult } from '../../platform/http/pagination.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { visiblePetition } from './petitions.policy.ts';
import { presentSummary } from './petitions.presenter.ts';
import { activeMembersOf, transferTargetBodies } from './petitions.repository.ts';
import { queueExportRows, queuePageQueries, summaryRowsByIds, type SummaryRow } from './petitions-queue.repository.ts';

// The work queue (信访件台账) of the actor's subtree: filters, search, sort, paging and the Excel export.

export async function listPetitions(context: PetitionsContext, actor: Actor, query: EndpointRequest<'listPetitions'>['query']) {
  const now = context.clock.now();
  const { items, countMatches, countFirst } = queuePageQueries(context.db, actor, query, now);
  // A search needs its count first: how many match decides how the page is read (petitions-queue.repository.ts).
  if (countFirst) {
    const counted = await countMatches();
    return pageResult((await items(counted)).map((row) => presentSummary(row as SummaryRow, now)), counted, query);
  }
  const [rows, counted] = await Promise.all([items(null), countMatches()]);
  return pageResult(rows.map((row) => presentSummary(row as SummaryRow, now)), counted, query);
}

export async function exportPetitions(context: PetitionsContext, actor: Actor, query: PetitionListQuery) {
  const now = context.clock.now();
  const rows = await queueExportRows(context.db, actor, query, now);
  return rows.map((row) => ({ ...presentSummary(row as SummaryRow, now), content: row.content, concernedPost: row.concernedPost }));
}

/** Summaries of reports by id (whatever their scope: the caller has checked why it may show them). */
export async function summariesOf(context: PetitionsContext, ids: string[]): Promise<Map<string, PetitionSummary>> {
  const now = context.clock.now();
  return new Map((await summaryRowsByIds(context.db, ids)).map((row) => [row.id, presentSummary(row, now)]));
}

/** Who a report can be assigned to: the active accounts of the body holding it. */
export async function listAssignees(context: PetitionsContext, actor: Actor, id: string) {
  const row = await visiblePetition(context.db, actor, id);
  return activeMembersOf(context.db, row.organizationId);
}

export function listTransferTargets(context: PetitionsContext) {
  return transferTargetBodies(context.db);
}
