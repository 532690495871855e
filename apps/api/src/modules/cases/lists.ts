import type { CaseListQuery, EndpointRequest, SanctionListQuery } from '@guantong/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { pageResult } from '../../platform/http/pagination.ts';
import type { CasesContext } from './cases.context.ts';
import { scopePath } from './cases.policy.ts';
import { presentSanction, presentSummary } from './cases.presenter.ts';
import { caseExportRows, casePage, personHistoryRows, sanctionExportRows, sanctionPage, type SummaryRow } from './cases-lists.repository.ts';

// The case list (立案审查调查台账) and the sanctions register (处分台账) of the actor's working subtree.

export async function listCases(context: CasesContext, actor: Actor, query: EndpointRequest<'listCases'>['query']) {
  const now = context.clock.now();
  const { rows, counted } = await casePage(context.db, await scopePath(context, actor), query, now);
  return pageResult(rows.map((row) => presentSummary(row, now)), counted, query);
}

export async function exportCases(context: CasesContext, actor: Actor, query: CaseListQuery) {
  const now = context.clock.now();
  const rows = await caseExportRows(context.db, await scopePath(context, actor), query, now);
  return rows.map((row) => ({ ...presentSummary(row as SummaryRow, now), allegations: row.allegations }));
}

export async function listSanctions(context: CasesContext, actor: Actor, query: EndpointRequest<'listSanctions'>['query']) {
  const now = context.clock.now();
  const { rows, counted } = await sanctionPage(context.db, await scopePath(context, actor), query, chinaDateOf(now));
  return pageResult(rows.map((row) => presentSanction(row, now)), counted, query);
}

export async function exportSanctions(context: CasesContext, actor: Actor, query: SanctionListQuery) {
  const now = context.clock.now();
  return (await sanctionExportRows(context.db, await scopePath(context, actor), query, chinaDateOf(now))).map((row) => presentSanction(row, now));
}

/** Cases and sanctions about a person, within the actor's scope (the person view adds them to the clues). */
export async function personHistory(context: CasesContext, actor: Actor, personId: string) {
  const now = context.clock.now();
  const { caseRows, sanctionRows } = await personHistoryRows(context.db, await scopePath(context, actor), personId);
  return { cases: caseRows.map((row) => presentSummary(row, now)), sanctions: sanctionRows.map((row) => presentSanction(row, now)) };
}
