import type { ClueListQuery, ClueSummary, EndpointRequest } from '@guantong/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { COUNT_CAP, pageResult } from '../../platform/http/pagination.ts';
import type { CluesContext } from './clues.context.ts';
import { scopeOf, scopeParts } from './clues.policy.ts';
import { presentSummary } from './clues.presenter.ts';
import { clueIdsWhere } from './clues.repository.ts';
import { ledgerExportRows, ledgerPageQueries, summaryRowsByIds } from './clues-ledger.repository.ts';

// The central clue ledger (问题线索台账) as the actor sees it: filters, search, sort, paging and the Excel export.

/** The statements of a ledger page (the benchmark replays them). */
export async function ledgerQueries(context: CluesContext, actor: Actor, query: ClueListQuery & { page: number; pageSize: number }) {
  return ledgerPageQueries(context.db, await scopeParts(context, actor), query, context.clock.now());
}

export async function listClues(context: CluesContext, actor: Actor, query: EndpointRequest<'listClues'>['query']) {
  const { items, count } = await ledgerQueries(context, actor, query);
  const [rows, [{ matches }]] = await Promise.all([items, count]);
  const now = context.clock.now();
  return pageResult(rows.map((row) => presentSummary(row, now)), { total: Math.min(Number(matches), COUNT_CAP), totalCapped: Number(matches) > COUNT_CAP }, query);
}

export async function exportClues(context: CluesContext, actor: Actor, query: ClueListQuery) {
  const now = context.clock.now();
  const rows = await ledgerExportRows(context.db, await scopeOf(context, actor), query, now);
  return rows.map((row) => ({ ...presentSummary(row, now), allegations: row.allegations, concernedPost: row.concernedPost }));
}

/** Summaries of clues by id (whatever their scope: the caller has checked why it may show them). */
export async function clueSummaries(context: CluesContext, ids: string[]): Promise<Map<string, ClueSummary>> {
  if (ids.length === 0) return new Map();
  const now = context.clock.now();
  return new Map((await summaryRowsByIds(context.db, ids)).map((row) => [row.id, presentSummary(row, now)]));
}

/** Which of these clues the actor sees. */
export async function visibleClueIds(context: CluesContext, actor: Actor, ids: string[]): Promise<Set<string>> {
  return clueIdsWhere(context.db, ids, await scopeOf(context, actor));
}

export async function isClueVisible(context: CluesContext, actor: Actor, id: string): Promise<boolean> {
  return (await visibleClueIds(context, actor, [id])).has(id);
}
