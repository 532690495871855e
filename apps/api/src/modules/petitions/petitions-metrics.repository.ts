import { and, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { inSubtree } from '../../platform/identity/subtree.ts';
import { periodBounds } from '../../platform/records/record-metrics.ts';
import type { MetricPeriod } from '../../platform/module/module-places.ts';
import { petitionAnswers, petitions } from './petitions.table.ts';

/** Counts over reports of a subtree in a period: received (not counting transfers' copies), answered, rated, overdue now. */
export async function petitionCounts(db: DbOrTx, path: string, period: MetricPeriod, now: Date) {
  const { from, to } = periodBounds(period);
  const held = inSubtree(petitions.organizationId, path);
  const [[received], [answered], [rated], [overdue]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(petitions)
      .where(and(held, ne(petitions.source, 'transfer'), gte(petitions.receivedAt, from), lte(petitions.receivedAt, to))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(petitionAnswers)
      .where(and(inSubtree(petitionAnswers.organizationId, path), gte(petitionAnswers.createdAt, from), lte(petitionAnswers.createdAt, to))),
    db
      .select({
        n: sql<number>`count(*)::int`,
        satisfied: sql<number>`(count(*) filter (where ${inArray(petitions.satisfaction, ['satisfied', 'basically_satisfied'])}))::int`,
      })
      .from(petitions)
      .where(and(held, gte(petitions.ratedAt, from), lte(petitions.ratedAt, to))),
    db.select({ n: sql<number>`count(*)::int` }).from(petitions).where(and(held, lte(petitions.dueAt, now))),
  ]);
  return { received: received.n, answered: answered.n, rated: rated.n, satisfied: rated.satisfied, overdue: overdue.n };
}
