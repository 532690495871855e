import { and, count, eq, gte, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { inSubtree } from '../../platform/identity/subtree.ts';
import { branchUnder } from '../../platform/records/record-metrics.ts';
import { clues } from './clues.table.ts';

// Figures of the clue ledger for a subtree and period (DOMAIN.md §5.2); the cases module adds cases and sanctions.

interface Window {
  /** The subtree counted. */
  path: string;
  from: Date;
  to: Date;
  now: Date;
}

/** Received in the period (a transfer's copy counts with its sender, not again with the receiver). */
function receivedIn({ path, from, to }: Window) {
  return and(inSubtree(clues.organizationId, path), gte(clues.receivedAt, from), lte(clues.receivedAt, to), sql`${clues.status} <> 'transfer_received'`);
}

/** Clues received by source: how many, how many disposed, how many became cases. */
export function receivedBySource(db: DbOrTx, window: Window) {
  return db
    .select({
      source: clues.source,
      received: count(),
      disposed: sql<number>`count(*) filter (where ${clues.disposalType} is not null)`,
      // A case filed from the proposal or after a verification names its clue (qualified by hand: drizzle leaves a
      // one-table select unqualified, and the subquery would take `id` as its own). `cases` is the cases module's table.
      cases: sql<number>`count(*) filter (where exists (select 1 from cases c where c.clue_id = clues.id))`,
    })
    .from(clues)
    .where(receivedIn(window))
    .groupBy(clues.source);
}

export function receivedByDisposal(db: DbOrTx, window: Window) {
  return db.select({ disposalType: clues.disposalType, count: count() }).from(clues).where(and(receivedIn(window), isNotNull(clues.disposalType))).groupBy(clues.disposalType);
}

/** Clues still open at the end of the period (存量). */
export async function backlogAt(db: DbOrTx, { path, to }: Window): Promise<number> {
  const [{ backlog }] = await db
    .select({ backlog: count() })
    .from(clues)
    .where(and(inSubtree(clues.organizationId, path), lte(clues.receivedAt, to), or(sql`${clues.status} not in ('closed', 'forwarded', 'returned')`, sql`${clues.updatedAt} > ${to}`)));
  return Number(backlog);
}

/** Received and disposed by the body directly below the root that holds them. */
export function receivedByBranch(db: DbOrTx, window: Window) {
  const branch = branchUnder(window.path);
  return db
    .select({ branch, received: count(), disposed: sql<number>`count(*) filter (where ${clues.disposalType} is not null)` })
    .from(clues)
    .innerJoin(organizations, eq(organizations.id, clues.organizationId))
    .where(receivedIn(window))
    .groupBy(branch);
}

/** Overdue now, by the body directly below the root that holds them. */
export function overdueByBranch(db: DbOrTx, window: Window) {
  const branch = branchUnder(window.path);
  return db
    .select({ branch, count: count() })
    .from(clues)
    .innerJoin(organizations, eq(organizations.id, clues.organizationId))
    .where(and(inSubtree(clues.organizationId, window.path), lte(clues.dueAt, window.now)))
    .groupBy(branch);
}
