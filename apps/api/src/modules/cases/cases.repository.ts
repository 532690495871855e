import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { inSubtree } from '../../platform/identity/subtree.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { workflowEvents } from '../../platform/workflow/workflow.table.ts';
import type { CaseAppealRow, CaseRow } from './cases.record.ts';
import { caseAppeals, caseMeasures, cases, sanctions } from './cases.table.ts';

// Single cases and what hangs off them: measures, sanctions decided, appeals. Lists are in cases-lists.repository.ts.

export async function caseWhere(db: DbOrTx, id: string, scopePath: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(and(eq(cases.id, id), inSubtree(cases.organizationId, scopePath)));
  return row;
}

export async function insertCase(tx: Transaction, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await tx.insert(cases).values(values).returning();
  return row;
}

/** Moves the version on (a measure changed) while the case is still in `status`; none when it moved meanwhile. */
export function touchCase(tx: Transaction, id: string, at: Date, status?: string) {
  return tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, updatedAt: at })
    .where(and(eq(cases.id, id), status ? eq(cases.status, status) : undefined))
    .returning({ id: cases.id });
}

export async function bodyPath(db: DbOrTx, organizationId: string): Promise<string | undefined> {
  const [body] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, organizationId));
  return body?.path;
}

export async function bodyNamed(db: DbOrTx, organizationId: string): Promise<{ id: string; name: string } | undefined> {
  const [body] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
  return body;
}

// ---- Measures ----

export type MeasureRow = typeof caseMeasures.$inferSelect;

export function measuresOf(db: DbOrTx, caseId: string): Promise<MeasureRow[]> {
  return db.select().from(caseMeasures).where(eq(caseMeasures.caseId, caseId)).orderBy(asc(caseMeasures.startedOn));
}

export async function measureOf(db: DbOrTx, caseId: string, measureId: string): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(caseMeasures).where(and(eq(caseMeasures.id, measureId), eq(caseMeasures.caseId, caseId)));
  return row;
}

export async function insertMeasure(tx: Transaction, measure: typeof caseMeasures.$inferInsert): Promise<void> {
  await tx.insert(caseMeasures).values(measure);
}

/** Compare-and-set on the measure's version: false when it changed meanwhile. */
export async function updateMeasureAtVersion(tx: Transaction, measureId: string, version: number, changes: Partial<MeasureRow>): Promise<boolean> {
  const updated = await tx
    .update(caseMeasures)
    .set({ ...changes, version: sql`${caseMeasures.version} + 1` })
    .where(and(eq(caseMeasures.id, measureId), eq(caseMeasures.version, version)))
    .returning({ id: caseMeasures.id });
  return updated.length > 0;
}

// ---- Sanctions decided ----

export async function insertSanctions(tx: Transaction, decided: (typeof sanctions.$inferInsert)[]): Promise<void> {
  await tx.insert(sanctions).values(decided);
}

/** A revoked decision's sanctions end now; they stay in the register as history. */
export async function revokeSanctionsOf(tx: Transaction, caseId: string, at: Date): Promise<void> {
  await tx.update(sanctions).set({ revokedAt: at }).where(and(eq(sanctions.caseId, caseId), sql`${sanctions.revokedAt} is null`));
}

/** What the outcome says: the case number, the person and the types of sanction decided. */
export async function outcomeFacts(tx: DbOrTx, caseId: string) {
  const decided = await tx.select({ type: sanctions.type }).from(sanctions).where(eq(sanctions.caseId, caseId));
  const [row] = await tx.select({ caseNumber: cases.caseNumber, concernedName: cases.concernedName }).from(cases).where(eq(cases.id, caseId));
  return { ...row, types: decided.map((entry) => entry.type) };
}

// ---- Appeals ----

export async function appealById(db: DbOrTx, id: string): Promise<CaseAppealRow | undefined> {
  const [row] = await db.select().from(caseAppeals).where(eq(caseAppeals.id, id));
  return row;
}

export function appealsOf(db: DbOrTx, caseId: string): Promise<CaseAppealRow[]> {
  return db.select().from(caseAppeals).where(eq(caseAppeals.caseId, caseId)).orderBy(asc(caseAppeals.createdAt));
}

export async function insertAppeal(tx: Transaction, appeal: typeof caseAppeals.$inferInsert): Promise<CaseAppealRow> {
  const [row] = await tx.insert(caseAppeals).values(appeal).returning();
  return row;
}

/** Everyone who took a step of the case's workflow (investigators, hearers): they may not review its appeal. */
export async function caseActorIds(db: DbOrTx, workflowId: string, caseId: string): Promise<Set<string | null>> {
  const rows = await db
    .selectDistinct({ actorId: workflowEvents.actorId })
    .from(workflowEvents)
    .where(and(eq(workflowEvents.workflowId, workflowId), eq(workflowEvents.subjectId, caseId), isNotNull(workflowEvents.actorId)));
  return new Set(rows.map((row) => row.actorId));
}
