import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/client.ts';
import { deadlines } from '../deadlines/deadlines.table.ts';
import { organizations } from '../identity/organizations.table.ts';
import { inSubtree } from '../identity/subtree.ts';
import { endOfChinaDay, startOfChinaDay } from '../calendar/working-days.ts';
import type { MetricPeriod } from '../module/module-places.ts';

// Figures shared by every record type: the body a figure is counted for, and the on-time rate of its deadlines.

/** The subtree a figure counts: the body asked for (which must lie in the reader's scope) or the reader's own. */
export async function metricSubtree(db: DbOrTx, actor: Actor, period: MetricPeriod, readerPath = actor.organizationPath): Promise<{ id: string; name: string; path: string }> {
  const id = period.organizationId ?? readerPath.split('/').at(-2)!;
  const [body] = await db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations).where(eq(organizations.id, id));
  if (!body || !body.path.startsWith(readerPath)) throw new AppError('NOT_FOUND');
  return body;
}

/** The instants a period of China dates covers, both days whole. */
export function periodBounds(period: MetricPeriod): { from: Date; to: Date } {
  return { from: startOfChinaDay(period.from), to: endOfChinaDay(period.to) };
}

/**
 * Of the deadlines of a workflow met (closed by the record moving on) within the period, in the subtree, the share
 * met by their due time; null when none was met in the period. 按期办结率.
 */
export async function onTimeRate(db: DbOrTx, workflowId: string, path: string, period: MetricPeriod): Promise<number | null> {
  const { from, to } = periodBounds(period);
  const [row] = await db
    .select({ met: sql<number>`count(*)::int`, onTime: sql<number>`(count(*) filter (where ${deadlines.metAt} <= ${deadlines.dueAt}))::int` })
    .from(deadlines)
    .where(and(eq(deadlines.workflowId, workflowId), eq(deadlines.status, 'met'), gte(deadlines.metAt, from), lte(deadlines.metAt, to), inSubtree(deadlines.organizationId, path)));
  return row.met ? row.onTime / row.met : null;
}

/**
 * Which body directly below the root at `rootPath` a row falls under ('' for the root's own), read off the path of
 * the organization joined as `organizations`. (The offset is written into the statement, a number: a parameter would
 * differ between select and group by.)
 */
export function branchUnder(rootPath: string) {
  return sql<string>`split_part(substr(${organizations.path}, ${sql.raw(String(rootPath.length + 1))}), '/', 1)`;
}
