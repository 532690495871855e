import { and, asc, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CaseListQuery, CaseSummary, SanctionListQuery } from '@guantong/contracts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { recordFilters, withinDays } from '../../platform/records/record-filters.ts';
import { countCapped } from '../../platform/http/pagination.ts';
import { organizationName } from '../../platform/identity/organization-name.ts';
import { inSubtree } from '../../platform/identity/subtree.ts';
import { cases, sanctions } from './cases.table.ts';

// The case list, the sanctions register and a person's history, each within the actor's working subtree (`path`).

const EXPORT_ROW_CAP = 20_000;

export const summaryColumns = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  title: cases.title,
  status: cases.status,
  concernedName: cases.concernedName,
  concernedPost: cases.concernedPost,
  concernedUnit: cases.concernedUnit,
  objectLevel: cases.objectLevel,
  personId: cases.personId,
  clueId: cases.clueId,
  organizationId: cases.organizationId,
  organizationName: organizationName(cases.organizationId),
  filedAt: cases.filedAt,
  decidedAt: cases.decidedAt,
  updatedAt: cases.updatedAt,
  dueAt: cases.dueAt,
  remindAt: cases.remindAt,
};
export type SummaryRow = {
  id: string;
  caseNumber: string;
  title: string;
  status: string;
  concernedName: string;
  concernedPost: string | null;
  concernedUnit: string | null;
  objectLevel: CaseSummary['objectLevel'];
  personId: string | null;
  clueId: string | null;
  organizationId: string;
  organizationName: string;
  filedAt: Date;
  decidedAt: Date | null;
  updatedAt: Date;
  dueAt: Date | null;
  remindAt: Date | null;
};

export const sanctionColumns = {
  id: sanctions.id,
  caseId: sanctions.caseId,
  caseNumber: sql<string>`(select c.case_number from cases c where c.id = ${sanctions.caseId})`,
  personId: sanctions.personId,
  concernedName: sanctions.concernedName,
  concernedUnit: sanctions.concernedUnit,
  category: sanctions.category,
  type: sanctions.type,
  fourForm: sanctions.fourForm,
  decidedOn: sanctions.decidedOn,
  effectiveFrom: sanctions.effectiveFrom,
  effectEndsOn: sanctions.effectEndsOn,
  permanent: sanctions.permanent,
  revokedAt: sanctions.revokedAt,
  organizationId: sanctions.organizationId,
  organizationName: organizationName(sanctions.organizationId),
};

/** By case number (LA2026-00012), or by the name or unit of the person concerned (prefix). */
function searchCondition(q: string): SQL | undefined {
  const prefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return /^LA\d{4}-\d+$/i.test(q) ? eq(cases.caseNumber, q.toUpperCase()) : or(sql`${cases.concernedName} like ${prefix}`, sql`${cases.concernedUnit} like ${prefix}`);
}

function listConditions(path: string, query: CaseListQuery, now: Date): SQL {
  const conditions: (SQL | undefined)[] = [inSubtree(cases.organizationId, path), ...recordFilters(cases, query, now), ...withinDays(cases.filedAt, query.filedFrom, query.filedTo)];
  if (query.organizationId) conditions.push(eq(cases.organizationId, query.organizationId));
  if (query.personId) conditions.push(eq(cases.personId, query.personId));
  if (query.q) conditions.push(searchCondition(query.q));
  return and(...conditions)!;
}

function orderOf(query: CaseListQuery) {
  const direction = query.order === 'asc' ? asc : desc;
  if (query.sort === 'dueAt') return [sql`${cases.dueAt} ${sql.raw(query.order)} nulls last`, direction(cases.id)];
  return [direction(query.sort === 'updatedAt' ? cases.updatedAt : cases.filedAt), direction(cases.id)];
}

/** A page of the case list, with the capped count. */
export async function casePage(db: DbOrTx, path: string, query: CaseListQuery & { page: number; pageSize: number }, now: Date) {
  const where = listConditions(path, query, now);
  const [rows, counted] = await Promise.all([
    db.select(summaryColumns).from(cases).where(where).orderBy(...orderOf(query)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    countCapped(db, cases, where),
  ]);
  return { rows: rows as SummaryRow[], counted };
}

export function caseExportRows(db: DbOrTx, path: string, query: CaseListQuery, now: Date) {
  return db
    .select({ ...summaryColumns, allegations: cases.allegations })
    .from(cases)
    .where(listConditions(path, query, now))
    .orderBy(...orderOf(query))
    .limit(EXPORT_ROW_CAP);
}

export async function caseSummaryRow(db: DbOrTx, id: string): Promise<SummaryRow> {
  const [row] = await db.select(summaryColumns).from(cases).where(eq(cases.id, id));
  return row as SummaryRow;
}

/** The sanctions decided in a case, in the order they were decided. */
export function sanctionRowsOfCase(db: DbOrTx, caseId: string) {
  return db.select(sanctionColumns).from(sanctions).where(eq(sanctions.caseId, caseId)).orderBy(asc(sanctions.createdAt));
}

function sanctionConditions(path: string, query: SanctionListQuery, today: string): SQL {
  const conditions: (SQL | undefined)[] = [inSubtree(sanctions.organizationId, path)];
  if (query.category) conditions.push(eq(sanctions.category, query.category));
  if (query.type) conditions.push(eq(sanctions.type, query.type));
  if (query.fourForm) conditions.push(eq(sanctions.fourForm, query.fourForm));
  if (query.personId) conditions.push(eq(sanctions.personId, query.personId));
  if (query.decidedFrom) conditions.push(gte(sanctions.decidedOn, query.decidedFrom));
  if (query.decidedTo) conditions.push(lte(sanctions.decidedOn, query.decidedTo));
  const inEffect = and(sql`${sanctions.revokedAt} is null`, or(eq(sanctions.permanent, true), and(lte(sanctions.effectiveFrom, today), gte(sanctions.effectEndsOn, today))));
  if (query.inEffect === 'true') conditions.push(inEffect);
  if (query.inEffect === 'false') conditions.push(sql`not (${inEffect})`);
  return and(...conditions)!;
}

/** A page of the sanctions register (newest decisions first), with the capped count. */
export async function sanctionPage(db: DbOrTx, path: string, query: SanctionListQuery & { page: number; pageSize: number }, today: string) {
  const where = sanctionConditions(path, query, today);
  const [rows, counted] = await Promise.all([
    db.select(sanctionColumns).from(sanctions).where(where).orderBy(desc(sanctions.decidedOn), desc(sanctions.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    countCapped(db, sanctions, where),
  ]);
  return { rows, counted };
}

export function sanctionExportRows(db: DbOrTx, path: string, query: SanctionListQuery, today: string) {
  return db.select(sanctionColumns).from(sanctions).where(sanctionConditions(path, query, today)).orderBy(desc(sanctions.decidedOn)).limit(EXPORT_ROW_CAP);
}

/** Cases and sanctions about a person within the subtree (at most 100 of each), newest first. */
export async function personHistoryRows(db: DbOrTx, path: string, personId: string) {
  const [caseRows, sanctionRows] = await Promise.all([
    db.select(summaryColumns).from(cases).where(and(eq(cases.personId, personId), inSubtree(cases.organizationId, path))).orderBy(desc(cases.filedAt)).limit(100),
    db.select(sanctionColumns).from(sanctions).where(and(eq(sanctions.personId, personId), inSubtree(sanctions.organizationId, path))).orderBy(desc(sanctions.decidedOn)).limit(100),
  ]);
  return { caseRows: caseRows as SummaryRow[], sanctionRows };
}

/** Cases within the subtree by case number or name, newest first (global search). */
export function caseSearchRows(db: DbOrTx, path: string, text: string, limit: number) {
  const q = text.trim();
  if (!q) return Promise.resolve([] as SummaryRow[]);
  return db
    .select(summaryColumns)
    .from(cases)
    .where(and(inSubtree(cases.organizationId, path), searchCondition(q)))
    .orderBy(desc(cases.filedAt), desc(cases.id))
    .limit(limit) as Promise<SummaryRow[]>;
}

/** What a to-do shows of a case: its number and title. */
export const todoColumns = { reference: cases.caseNumber, title: cases.title };

/** Cases held in the subtree at `path` (a to-do of the leaders above the investigating body). */
export function heldUnder(path: string): SQL {
  return inSubtree(cases.organizationId, path);
}
