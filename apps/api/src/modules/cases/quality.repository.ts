import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { inSubtree } from '../../platform/identity/subtree.ts';
import { caseReviews, cases, reviewChecklists } from './cases.table.ts';

// Case-quality review checklists and the reviews scored against them.

export type ChecklistRow = typeof reviewChecklists.$inferSelect;
export type ReviewRow = typeof caseReviews.$inferSelect;

export function checklistsByName(db: DbOrTx): Promise<ChecklistRow[]> {
  return db.select().from(reviewChecklists).orderBy(asc(reviewChecklists.name));
}

export async function activeChecklist(db: DbOrTx, id: string): Promise<ChecklistRow | undefined> {
  const [row] = await db.select().from(reviewChecklists).where(and(eq(reviewChecklists.id, id), eq(reviewChecklists.active, true)));
  return row;
}

type ChecklistValues = Pick<ChecklistRow, 'name' | 'items' | 'active' | 'updatedAt'>;

export async function insertChecklist(tx: Transaction, values: ChecklistValues): Promise<ChecklistRow> {
  const [row] = await tx.insert(reviewChecklists).values(values).returning();
  return row;
}

/** Compare-and-set on the version: the updated checklist, or none when it changed meanwhile. */
export async function updateChecklistAtVersion(tx: Transaction, id: string, version: number, values: ChecklistValues): Promise<ChecklistRow | undefined> {
  const [row] = await tx
    .update(reviewChecklists)
    .set({ ...values, version: sql`${reviewChecklists.version} + 1` })
    .where(and(eq(reviewChecklists.id, id), eq(reviewChecklists.version, version)))
    .returning();
  return row;
}

export async function insertReview(tx: Transaction, review: typeof caseReviews.$inferInsert): Promise<ReviewRow> {
  const [row] = await tx.insert(caseReviews).values(review).returning();
  return row;
}

/** Reviews made in [from, to) of cases held in the subtree at `path`, newest first, with the case number. */
export function reviewsBetween(db: DbOrTx, path: string, from: Date, to: Date) {
  return db
    .select({ review: caseReviews, caseNumber: cases.caseNumber })
    .from(caseReviews)
    .innerJoin(cases, eq(cases.id, caseReviews.caseId))
    .where(and(gte(caseReviews.reviewedAt, from), lt(caseReviews.reviewedAt, to), inSubtree(cases.organizationId, path)))
    .orderBy(desc(caseReviews.reviewedAt));
}
