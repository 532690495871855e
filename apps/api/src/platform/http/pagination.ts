import { count, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Page, PageQuery } from '@guantong/contracts';
import type { DbOrTx } from '../db/client.ts';

// Counting every match of a million-row table on each page view costs more than the page itself;
// beyond this the list says "10,000+" (totalCapped) instead.
export const COUNT_CAP = 10_000;

export interface CappedCount {
  total: number;
  totalCapped: boolean;
}

/** The statement that counts matches up to the cap; exposed so benchmarks can run the same SQL. */
export function cappedCountQuery(db: DbOrTx, table: PgTable, where: SQL | undefined, cap = COUNT_CAP) {
  const limited = db
    .select({ one: sql<number>`1`.as('one') })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('limited');
  return db.select({ matches: count() }).from(limited);
}

export async function countCapped(db: DbOrTx, table: PgTable, where: SQL | undefined, cap = COUNT_CAP): Promise<CappedCount> {
  const [{ matches }] = await cappedCountQuery(db, table, where, cap);
  return { total: Math.min(matches, cap), totalCapped: matches > cap };
}

export function pageResult<T>(items: T[], counted: CappedCount, query: PageQuery): Page<T> {
  return { items, total: counted.total, totalCapped: counted.totalCapped, page: query.page, pageSize: query.pageSize };
}
