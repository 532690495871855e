import { and, asc, count as countRows, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { ClueListQuery } from '@guantong/contracts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { recordFilters, withinDays } from '../../platform/records/record-filters.ts';
import { cappedCountQuery, COUNT_CAP } from '../../platform/http/pagination.ts';
import { organizationName } from '../../platform/identity/organization-name.ts';
import { clues } from './clues.table.ts';

// The central clue ledger's lists: filters, search, sort, the capped count, the export, and look-ups over many clues.

const EXPORT_ROW_CAP = 20_000;

export const summaryColumns = {
  id: clues.id,
  serialNumber: clues.serialNumber,
  title: clues.title,
  status: clues.status,
  source: clues.source,
  concernedName: clues.concernedName,
  concernedUnit: clues.concernedUnit,
  objectLevel: clues.objectLevel,
  cadreManagementLevel: clues.cadreManagementLevel,
  disposalType: clues.disposalType,
  ledgerOrganizationId: clues.ledgerOrganizationId,
  ledgerOrganizationName: organizationName(clues.ledgerOrganizationId),
  organizationId: clues.organizationId,
  organizationName: organizationName(clues.organizationId),
  receivedAt: clues.receivedAt,
  updatedAt: clues.updatedAt,
  dueAt: clues.dueAt,
  remindAt: clues.remindAt,
};
export type SummaryRow = Awaited<ReturnType<typeof summaryRowsByIds>>[number];

/** The actor's scope split in two: clues held in the subtree, and (for offices and partner bodies) clues they sent. */
export interface ScopeParts {
  held: SQL;
  sent: SQL | null;
}

export const scopeCondition = ({ held, sent }: ScopeParts): SQL => (sent ? sql`(${held} or ${sent})` : held);

/**
 * What `q` looks for, as disjoint parts whose union is the search: a ledger number, or a name starting with it, or a
 * unit starting with it about someone whose name does not (so that a count can add the parts up).
 */
function searchParts(q: string): SQL[] {
  if (/^XS\d{4}-\d+$/i.test(q)) return [eq(clues.serialNumber, q.toUpperCase())];
  const prefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return [sql`${clues.concernedName} like ${prefix}`, sql`${clues.concernedUnit} like ${prefix} and ${clues.concernedName} not like ${prefix}`];
}

function listConditions(scope: SQL | null, query: ClueListQuery, now: Date, { searched = true } = {}): SQL {
  const conditions: (SQL | undefined)[] = [scope ?? sql`true`, ...recordFilters(clues, query, now), ...withinDays(clues.receivedAt, query.receivedFrom, query.receivedTo)];
  if (query.source) conditions.push(eq(clues.source, query.source));
  if (query.disposalType) conditions.push(eq(clues.disposalType, query.disposalType));
  if (query.cadreManagementLevel) conditions.push(eq(clues.cadreManagementLevel, query.cadreManagementLevel));
  if (query.objectLevel) conditions.push(eq(clues.objectLevel, query.objectLevel));
  if (query.organizationId) conditions.push(eq(clues.organizationId, query.organizationId));
  if (query.personId) conditions.push(eq(clues.personId, query.personId));
  if (query.q && searched) conditions.push(or(...searchParts(query.q)));
  return and(...conditions)!;
}

function orderOf(query: ClueListQuery) {
  const direction = query.order === 'asc' ? asc : desc;
  if (query.sort === 'dueAt') return [sql`${clues.dueAt} ${sql.raw(query.order)} nulls last`, direction(clues.id)];
  return [direction(query.sort === 'updatedAt' ? clues.updatedAt : clues.receivedAt), direction(clues.id)];
}

/**
 * The statements of a ledger page, built once here and reused by the benchmark. The capped count adds up disjoint
 * parts, each capped, rather than counting an OR: an office's ledger is what it holds plus what it sent and no longer
 * holds, a search is the names plus the units of other names. Each part is then one index range read from the index
 * alone; an OR was a bitmap over the table (bench/README.md, clues).
 */
export function ledgerPageQueries(db: DbOrTx, parts: ScopeParts, query: ClueListQuery & { page: number; pageSize: number }, now: Date) {
  const where = listConditions(scopeCondition(parts), query, now);
  const filters = listConditions(null, query, now, { searched: false });
  const { held, sent } = parts;
  const scopes = sent ? [held, sql`${sent} and not (${held})`] : [held];
  const searches = query.q ? searchParts(query.q) : [sql`true`];
  const countParts = scopes.flatMap((scope) => searches.map((search) => and(scope, search, filters)!));
  const capped = (condition: SQL) => db.select({ one: sql<number>`1`.as('one') }).from(clues).where(condition).limit(COUNT_CAP + 1);
  const [first, second, ...rest] = countParts.map(capped);
  const count = second ? db.select({ matches: countRows() }).from(unionAll(first, second, ...rest).as('limited')) : cappedCountQuery(db, clues, countParts[0]);
  return {
    items: db
      .select(summaryColumns)
      .from(clues)
      .where(where)
      .orderBy(...orderOf(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    count,
    where,
  };
}

/** The rows of a ledger view for its Excel export (at most EXPORT_ROW_CAP), with allegations and post. */
export function ledgerExportRows(db: DbOrTx, scope: SQL, query: ClueListQuery, now: Date) {
  return db
    .select({ ...summaryColumns, allegations: clues.allegations, concernedPost: clues.concernedPost })
    .from(clues)
    .where(listConditions(scope, query, now))
    .orderBy(...orderOf(query))
    .limit(EXPORT_ROW_CAP);
}

/** Summary rows of clues by id (the caller has checked why it may show them). */
export function summaryRowsByIds(db: DbOrTx, ids: string[]) {
  return db.select(summaryColumns).from(clues).where(inArray(clues.id, ids));
}

/** The newest 200 clues about a person within `scope` (the person view). */
export function personRowsOf(db: DbOrTx, personId: string, scope: SQL) {
  return db.select(summaryColumns).from(clues).where(and(eq(clues.personId, personId), scope)).orderBy(desc(clues.receivedAt)).limit(200);
}

/** The newest 50 other clues about the same person within `scope` (shown on a clue). */
export function relatedRowsOf(db: DbOrTx, personId: string, exceptId: string, scope: SQL) {
  return db
    .select(summaryColumns)
    .from(clues)
    .where(and(eq(clues.personId, personId), ne(clues.id, exceptId), scope))
    .orderBy(desc(clues.receivedAt))
    .limit(50);
}

/** Clues within `scope` by ledger number or by the name or unit of the person concerned, newest first (global search). */
export function searchRows(db: DbOrTx, scope: SQL, text: string, limit: number) {
  const q = text.trim();
  if (!q) return Promise.resolve([]);
  return db
    .select(summaryColumns)
    .from(clues)
    .where(and(scope, or(...searchParts(q))))
    .orderBy(desc(clues.receivedAt), desc(clues.id))
    .limit(limit);
}

/** What a to-do shows of a clue: its ledger number and title. */
export const todoColumns = { reference: clues.serialNumber, title: clues.title };

/** Clues awaiting approval of their disposal within `scope`, soonest due first (the signers' to-dos are among them). */
export function proposedRows(db: DbOrTx, scope: SQL, limit: number) {
  return db
    .select()
    .from(clues)
    .where(and(eq(clues.status, 'disposal_proposed'), scope))
    .orderBy(sql`${clues.dueAt} asc nulls last`, asc(clues.id))
    .limit(limit);
}
