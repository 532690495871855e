import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { receivingBodyTypes } from '@guantong/contracts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { regionName } from '../../platform/identity/organization-name.ts';
import { answerTemplates, intakePoints, petitionCategories, petitions } from './petitions.table.ts';

// What administrators set up for intake: categories with their questions, QR intake points, answer templates.

export type CategoryRow = typeof petitionCategories.$inferSelect;
export type IntakePointRow = typeof intakePoints.$inferSelect;
export type AnswerTemplateRow = typeof answerTemplates.$inferSelect;

export function categoriesInOrder(db: DbOrTx, onlyActive: boolean): Promise<CategoryRow[]> {
  return db
    .select()
    .from(petitionCategories)
    .where(onlyActive ? eq(petitionCategories.active, true) : undefined)
    .orderBy(asc(petitionCategories.sortOrder), asc(petitionCategories.key));
}

type CategoryValues = Omit<typeof petitionCategories.$inferInsert, 'key' | 'version'>;

export async function insertCategory(tx: Transaction, key: string, values: CategoryValues): Promise<CategoryRow> {
  const [row] = await tx.insert(petitionCategories).values({ key, ...values }).returning();
  return row;
}

/** Compare-and-set on the version: the updated category, or none when it changed meanwhile. */
export async function updateCategoryAtVersion(tx: Transaction, key: string, version: number, values: CategoryValues): Promise<CategoryRow | undefined> {
  const [row] = await tx
    .update(petitionCategories)
    .set({ ...values, version: sql`${petitionCategories.version} + 1` })
    .where(and(eq(petitionCategories.key, key), eq(petitionCategories.version, version)))
    .returning();
  return row;
}

/** How many reports came in through each of these intake points. */
export async function submissionCountsByPoint(db: DbOrTx, pointIds: string[]): Promise<Map<string | null, number>> {
  const rows = await db.select({ id: petitions.intakePointId, n: count() }).from(petitions).where(inArray(petitions.intakePointId, pointIds)).groupBy(petitions.intakePointId);
  return new Map(rows.map((row) => [row.id, row.n]));
}

export function pointsInScope(db: DbOrTx, actor: Actor): Promise<IntakePointRow[]> {
  return db.select().from(intakePoints).where(inActorScope(intakePoints.organizationId, actor)).orderBy(asc(intakePoints.createdAt));
}

export async function pointInScope(db: DbOrTx, actor: Actor, id: string): Promise<IntakePointRow | undefined> {
  const [row] = await db.select().from(intakePoints).where(and(eq(intakePoints.id, id), inActorScope(intakePoints.organizationId, actor)));
  return row;
}

/** Whether the body takes public reports and lies in the actor's subtree. */
export async function isReceivingBodyInScope(db: DbOrTx, actor: Actor, organizationId: string): Promise<boolean> {
  const [body] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), inArray(organizations.type, [...receivingBodyTypes]), inActorScope(organizations.id, actor)));
  return Boolean(body);
}

export async function insertPoint(tx: Transaction, values: typeof intakePoints.$inferInsert): Promise<IntakePointRow> {
  const [row] = await tx.insert(intakePoints).values(values).returning();
  return row;
}

export async function updatePointAtVersion(tx: Transaction, id: string, version: number, values: Pick<IntakePointRow, 'placeName' | 'description' | 'active'>) {
  const [row] = await tx
    .update(intakePoints)
    .set({ ...values, version: sql`${intakePoints.version} + 1` })
    .where(and(eq(intakePoints.id, id), eq(intakePoints.version, version)))
    .returning();
  return row;
}

/** An active point by its code, with the name of the body it reports to (the portal presets it). */
export async function activePointByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ code: intakePoints.code, organizationId: intakePoints.organizationId, placeName: intakePoints.placeName, organizationName: organizations.name })
    .from(intakePoints)
    .innerJoin(organizations, eq(organizations.id, intakePoints.organizationId))
    .where(and(eq(intakePoints.code, code), eq(intakePoints.active, true)));
  return row;
}

export function templatesInOrder(db: DbOrTx): Promise<AnswerTemplateRow[]> {
  return db.select().from(answerTemplates).orderBy(asc(answerTemplates.createdAt));
}

export async function insertTemplate(tx: Transaction, values: typeof answerTemplates.$inferInsert): Promise<AnswerTemplateRow> {
  const [row] = await tx.insert(answerTemplates).values(values).returning();
  return row;
}

export async function updateTemplateAtVersion(tx: Transaction, id: string, version: number, values: Pick<AnswerTemplateRow, 'title' | 'body' | 'active'>) {
  const [row] = await tx
    .update(answerTemplates)
    .set({ ...values, version: sql`${answerTemplates.version} + 1` })
    .where(and(eq(answerTemplates.id, id), eq(answerTemplates.version, version)))
    .returning();
  return row;
}

export async function templateExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: answerTemplates.id }).from(answerTemplates).where(eq(answerTemplates.id, id));
  return Boolean(row);
}

/** Every body the public may report to, in tree order, with its region. */
export function receivingBodiesInOrder(db: DbOrTx) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      parentId: organizations.parentId,
      regionName: regionName(organizations.regionId),
    })
    .from(organizations)
    .where(inArray(organizations.type, [...receivingBodyTypes]))
    .orderBy(asc(organizations.path));
}
