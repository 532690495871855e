import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { memberships } from '../../platform/identity/users.table.ts';
import { inSubtree } from '../../platform/identity/subtree.ts';
import { clueScreeningItems, clueScreenings } from './clues.table.ts';

// Joint screening batches (集中排查) and their items.

export type ScreeningRow = typeof clueScreenings.$inferSelect;
export type ScreeningItemRow = typeof clueScreeningItems.$inferSelect;

export async function screeningById(db: DbOrTx, id: string): Promise<ScreeningRow | undefined> {
  const [row] = await db.select().from(clueScreenings).where(eq(clueScreenings.id, id));
  return row;
}

export function itemsOf(db: DbOrTx, screeningIds: string[]): Promise<ScreeningItemRow[]> {
  if (screeningIds.length === 0) return Promise.resolve([]);
  return db.select().from(clueScreeningItems).where(inArray(clueScreeningItems.screeningId, screeningIds)).orderBy(asc(clueScreeningItems.id));
}

/** The newest 200 batches the actor reviews in, or (`ledgersUnder`) whose ledger lies in that subtree. */
export function screeningsFor(db: DbOrTx, reviewerId: string, ledgersUnder: string | null) {
  const mine = db.select({ id: clueScreeningItems.screeningId }).from(clueScreeningItems).where(eq(clueScreeningItems.reviewerId, reviewerId));
  return db
    .select()
    .from(clueScreenings)
    .where(
      or(
        inArray(clueScreenings.id, mine),
        ledgersUnder !== null ? inSubtree(clueScreenings.ledgerOrganizationId, ledgersUnder) : sql`false`,
      ),
    )
    .orderBy(desc(clueScreenings.createdAt))
    .limit(200);
}

export async function insertScreening(tx: Transaction, screening: typeof clueScreenings.$inferInsert, clueIds: string[]): Promise<ScreeningRow> {
  const [row] = await tx.insert(clueScreenings).values(screening).returning();
  await tx.insert(clueScreeningItems).values(clueIds.map((clueId) => ({ screeningId: row.id, clueId })));
  return row;
}

export async function setReviewer(tx: Transaction, itemId: string, reviewerId: string): Promise<void> {
  await tx.update(clueScreeningItems).set({ reviewerId }).where(eq(clueScreeningItems.id, itemId));
}

export async function setConclusion(tx: Transaction, itemId: string, conclusion: string, at: Date): Promise<void> {
  await tx.update(clueScreeningItems).set({ conclusion, concludedAt: at }).where(eq(clueScreeningItems.id, itemId));
}

/** Closes an open batch; false when it was closed meanwhile. */
export async function closeOpenScreening(tx: Transaction, id: string, at: Date): Promise<boolean> {
  const updated = await tx
    .update(clueScreenings)
    .set({ status: 'closed', closedAt: at })
    .where(and(eq(clueScreenings.id, id), eq(clueScreenings.status, 'open')))
    .returning({ id: clueScreenings.id });
  return updated.length > 0;
}

/** Whether the person has a membership in a body of the subtree at `path` (an officer of the ledger's commission). */
export async function isOfficerUnder(db: DbOrTx, userId: string, path: string): Promise<boolean> {
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), sql`${organizations.path} like ${`${path}%`}`))
    .limit(1);
  return Boolean(member);
}
