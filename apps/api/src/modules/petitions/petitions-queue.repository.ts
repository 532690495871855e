import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { PetitionListQuery, PetitionStatus } from '@guantong/contracts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { recordFilters, withinDays } from '../../platform/records/record-filters.ts';
import { cappedCountQuery, COUNT_CAP, countCapped, type CappedCount } from '../../platform/http/pagination.ts';
import { organizationName } from '../../platform/identity/organization-name.ts';
import { keywordsOf, searchQueryOf } from '../../platform/search/segment.ts';
import type { PetitionRow } from './petitions.record.ts';
import { petitions } from './petitions.table.ts';

// The work queue, its search and export, and look-ups over many reports (similar reports, summaries by id).

// A search counts its matches only this far ("1,000+"): beyond it the newest matches are found by walking the date
// index, at most pageSize × (reports ÷ 1,000) rows a page, and counting further would cost more than the page.
export const SEARCH_COUNT_CAP = 1_000;
const EXPORT_ROW_CAP = 20_000;

export const summaryColumns = {
  id: petitions.id,
  serialNumber: petitions.serialNumber,
  receiptCode: petitions.receiptCode,
  title: petitions.title,
  status: petitions.status,
  channel: petitions.channel,
  source: petitions.source,
  submissionType: petitions.submissionType,
  categoryKey: petitions.categoryKey,
  objectLevel: petitions.objectLevel,
  concernedName: petitions.concernedName,
  concernedUnit: petitions.concernedUnit,
  anonymous: petitions.anonymous,
  organizationId: petitions.organizationId,
  organizationName: organizationName(petitions.organizationId),
  assigneeId: petitions.assigneeId,
  assigneeName: sql<string | null>`(select u.display_name from users u where u.id = ${petitions.assigneeId})`,
  receivedAt: petitions.receivedAt,
  dueAt: petitions.dueAt,
  remindAt: petitions.remindAt,
  updatedAt: petitions.updatedAt,
  satisfaction: petitions.satisfaction,
};
export type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & {
  id: string;
  status: PetitionStatus;
  dueAt: Date | null;
  remindAt: Date | null;
  receivedAt: Date;
  updatedAt: Date;
};

/**
 * `searchIndex: false` writes the search condition so that the GIN index cannot serve it: then the planner walks the
 * date index and tests each row it meets, which is what a word matching very many reports needs (see orderOf).
 */
function listConditions(actor: Actor, query: PetitionListQuery, now: Date, { searchIndex = true } = {}): SQL {
  const conditions: (SQL | undefined)[] = [
    inActorScope(petitions.organizationId, actor),
    ...recordFilters(petitions, query, now),
    ...withinDays(petitions.receivedAt, query.receivedFrom, query.receivedTo),
  ];
  if (query.channel) conditions.push(eq(petitions.channel, query.channel));
  if (query.submissionType) conditions.push(eq(petitions.submissionType, query.submissionType));
  if (query.categoryKey) conditions.push(eq(petitions.categoryKey, query.categoryKey));
  if (query.objectLevel) conditions.push(eq(petitions.objectLevel, query.objectLevel));
  if (query.assigneeId) conditions.push(eq(petitions.assigneeId, query.assigneeId));
  if (query.q) {
    const tsQuery = searchQueryOf(query.q);
    // A query of punctuation only matches nothing rather than everything.
    // ts_match_vq is the function behind @@: the same test, but written as a call the GIN index cannot serve and the
    // planner takes to match a third of the rows, so it walks the date index.
    const matches = searchIndex ? sql`${petitions.searchVector} @@ ${tsQuery}` : sql`ts_match_vq(${petitions.searchVector}, ${tsQuery})`;
    conditions.push(tsQuery ? matches : sql`false`);
  }
  return and(...conditions)!;
}

/**
 * With a search word, how to find the newest matches depends on how many there are, which planner estimates for
 * tsvector matches get wrong both ways (bench/README.md). So a search counts first, up to SEARCH_COUNT_CAP: when many
 * reports match, walk the date index and keep the matches met on the way (the condition written so the GIN index
 * cannot serve it); when few do, take them all from the GIN index and sort them (the `+ interval` hides the date
 * index from the planner, which would otherwise walk it for a rare word and read the whole table).
 */
function orderOf(query: PetitionListQuery, manyMatches: boolean) {
  const direction = query.order === 'asc' ? asc : desc;
  const column = query.sort === 'dueAt' ? petitions.dueAt : query.sort === 'updatedAt' ? petitions.updatedAt : petitions.receivedAt;
  const sortKey = query.q && query.sort !== 'dueAt' && !manyMatches ? sql`(${column} + interval '0 second')` : column;
  const primary = query.sort === 'dueAt' ? sql`${column} ${sql.raw(query.order)} nulls last` : query.order === 'asc' ? sql`${sortKey} asc` : sql`${sortKey} desc`;
  return [primary, direction(petitions.id)];
}

/** The condition and order of a view's rows; `counted` is a search's capped count (null without a search word). */
function viewOf(actor: Actor, query: PetitionListQuery, now: Date, counted: CappedCount | null) {
  const manyMatches = Boolean(query.q && counted?.totalCapped);
  return { where: listConditions(actor, query, now, { searchIndex: !manyMatches }), orderBy: orderOf(query, manyMatches) };
}

/**
 * The statements of a queue page, built once here and reused by the benchmark. With a search word the count runs
 * first (`countFirst`, up to SEARCH_COUNT_CAP) and the page statement depends on it (see orderOf); without one, both
 * run at once.
 */
export function queuePageQueries(db: DbOrTx, actor: Actor, query: PetitionListQuery & { page: number; pageSize: number }, now: Date) {
  const where = listConditions(actor, query, now);
  const countFirst = Boolean(query.q);
  const cap = countFirst ? SEARCH_COUNT_CAP : COUNT_CAP;
  return {
    items: (counted: CappedCount | null) => {
      const view = viewOf(actor, query, now, counted);
      return db
        .select(summaryColumns)
        .from(petitions)
        .where(view.where)
        .orderBy(...view.orderBy)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
    },
    count: cappedCountQuery(db, petitions, where, cap),
    countMatches: () => countCapped(db, petitions, where, cap),
    countFirst,
    cap,
    where,
  };
}

/** The rows of a queue view for its Excel export (at most EXPORT_ROW_CAP), with content and post. */
export async function queueExportRows(db: DbOrTx, actor: Actor, query: PetitionListQuery, now: Date) {
  const counted = query.q ? await countCapped(db, petitions, listConditions(actor, query, now), SEARCH_COUNT_CAP) : null;
  const view = viewOf(actor, query, now, counted);
  return db
    .select({ ...summaryColumns, content: petitions.content, concernedPost: petitions.concernedPost })
    .from(petitions)
    .where(view.where)
    .orderBy(...view.orderBy)
    .limit(EXPORT_ROW_CAP);
}

/** Summary rows of reports by id (the caller has checked why it may show them). */
export async function summaryRowsByIds(db: DbOrTx, ids: string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  return (await db.select(summaryColumns).from(petitions).where(inArray(petitions.id, ids))) as SummaryRow[];
}

export async function contentsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: petitions.id, content: petitions.content }).from(petitions).where(inArray(petitions.id, ids));
  return new Map(rows.map((row) => [row.id, row.content]));
}

// ---- Similar reports ----

/** Other matters than `row`'s in the actor's scope, not merged away: where similar reports are looked for. */
function similarScope(actor: Actor, row: PetitionRow) {
  return and(inActorScope(petitions.organizationId, actor), ne(petitions.rootId, row.rootId), ne(petitions.status, 'merged'));
}

/** The newest 20 such reports with the same person, unit or reporter fingerprint. */
export function reportsWithSame(db: DbOrTx, actor: Actor, row: PetitionRow, field: 'concernedName' | 'concernedUnit' | 'reporterFingerprint', value: string) {
  return db
    .select({ id: petitions.id })
    .from(petitions)
    .where(and(similarScope(actor, row), eq(petitions[field], value)))
    .orderBy(desc(petitions.receivedAt))
    .limit(20);
}

/** The 20 such reports sharing most of the telling words of `row`'s text, ranked (ts_rank). */
export function reportsWithSimilarText(db: DbOrTx, actor: Actor, row: PetitionRow) {
  const keywords = keywordsOf(`${row.title}\n${row.content}`, 6);
  if (keywords.length < 2) return null;
  // Any of the telling words, ranked by how many match; two or more shared words count as similar text.
  const tsQuery = sql`to_tsquery('simple', ${keywords.map((word) => `'${word.replace(/'/g, '')}'`).join(' | ')})`;
  const rank = sql<number>`ts_rank(${petitions.searchVector}, ${tsQuery})`;
  return db
    .select({ id: petitions.id, rank })
    .from(petitions)
    .where(and(similarScope(actor, row), sql`${petitions.searchVector} @@ ${tsQuery}`))
    .orderBy(desc(rank))
    .limit(20);
}

// ---- The workbench ----

/** What a to-do shows of a report: its serial number once registered (the receipt code before), its title. */
export const todoColumns = { reference: sql<string | null>`coalesce(${petitions.serialNumber}, ${petitions.receiptCode})`, title: petitions.title };

/** Reports held in the actor's subtree (a leader approves what the offices below propose). */
export function heldWithin(actor: Actor): SQL {
  return inActorScope(petitions.organizationId, actor);
}

/** Reports assigned to the actor. */
export function assignedTo(actor: Actor): SQL {
  return eq(petitions.assigneeId, actor.userId);
}

// ---- Global search ----

/**
 * Reports in the actor's scope found by receipt code, serial number or words (the search index), newest first. A
 * receipt code or serial number is matched whole; anything else as words, like the queue's search.
 */
export function searchRows(db: DbOrTx, actor: Actor, text: string, limit: number) {
  const term = text.trim();
  const code = term.toUpperCase();
  const byNumber = /^JB[A-Z0-9]{8}$/.test(code) ? eq(petitions.receiptCode, code) : /^[A-Z0-9-]+-\d{4}-\d{5}$/.test(code) ? eq(petitions.serialNumber, code) : null;
  const tsQuery = byNumber ? null : searchQueryOf(term);
  if (!byNumber && !tsQuery) return Promise.resolve([]);
  return db
    .select({ ...summaryColumns, concernedPost: petitions.concernedPost })
    .from(petitions)
    .where(and(inActorScope(petitions.organizationId, actor), byNumber ?? sql`${petitions.searchVector} @@ ${tsQuery}`))
    .orderBy(desc(petitions.receivedAt), desc(petitions.id))
    .limit(limit);
}
