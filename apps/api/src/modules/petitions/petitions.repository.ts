import { and, asc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { receivingBodyTypes, transferTargetTypes, type PetitionStatus } from '@guantong/contracts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { regionName } from '../../platform/identity/organization-name.ts';
import { memberships, users } from '../../platform/identity/users.table.ts';
import { searchVectorOf } from '../../platform/search/segment.ts';
import type { PetitionRow } from './petitions.record.ts';
import { intakePoints, petitionAnswers, petitionCategories, petitionClueHandoffs, petitionLinks, petitionSupplements, petitions } from './petitions.table.ts';

// The petitions module's reads and writes of single records and what hangs off them; the queue, search and figures
// are in petitions-queue.repository.ts.

/** A report held in the actor's subtree (reports elsewhere do not exist for the actor). */
export async function petitionInScope(db: DbOrTx, actor: Actor, id: string): Promise<PetitionRow | undefined> {
  const [row] = await db.select().from(petitions).where(and(eq(petitions.id, id), inActorScope(petitions.organizationId, actor)));
  return row;
}

export async function petitionById(db: DbOrTx, id: string): Promise<PetitionRow | undefined> {
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
  return row;
}

type NewPetition = Omit<typeof petitions.$inferInsert, 'searchVector'>;

/** The words a report is found by: title, content, the person and unit concerned, post and place. */
function searchVectorFor(values: Pick<NewPetition, 'title' | 'content' | 'concernedName' | 'concernedUnit' | 'concernedPost' | 'occurredPlace'>) {
  return searchVectorOf(values.title, values.content, values.concernedName, values.concernedUnit, values.concernedPost, values.occurredPlace);
}

export async function insertPetition(tx: Transaction, values: NewPetition): Promise<PetitionRow> {
  const [row] = await tx
    .insert(petitions)
    .values({ ...values, searchVector: searchVectorFor(values) })
    .returning();
  return row;
}

/** Many new reports in one statement (public intake's group commit). */
export async function insertPetitions(tx: Transaction, rows: NewPetition[]): Promise<void> {
  await tx.insert(petitions).values(rows.map((row) => ({ ...row, searchVector: searchVectorFor(row) })));
}

export async function updatePetition(tx: Transaction, id: string, set: Partial<PetitionRow>): Promise<void> {
  await tx.update(petitions).set(set).where(eq(petitions.id, id));
}

/** Compare-and-set on the version: the changed row, or none when someone changed the report meanwhile. */
export async function updatePetitionAtVersion(tx: Transaction, id: string, version: number, changes: Partial<PetitionRow>, searchable: Parameters<typeof searchVectorFor>[0]) {
  return tx
    .update(petitions)
    .set({ ...changes, searchVector: searchVectorFor(searchable), version: sql`${petitions.version} + 1` })
    .where(and(eq(petitions.id, id), eq(petitions.version, version)))
    .returning({ id: petitions.id });
}

/** The statuses of reports by id (a sender follows the receiver's status). */
export async function petitionStatuses(db: DbOrTx, ids: string[]): Promise<Map<string, PetitionStatus>> {
  const rows = await db.select({ id: petitions.id, status: petitions.status }).from(petitions).where(inArray(petitions.id, ids));
  return new Map(rows.map((row) => [row.id, row.status as PetitionStatus]));
}

// ---- Bodies ----

/** Bodies the public may report to, by id, each with the body that takes its reports; unknown ids are left out. */
export async function receivingBodiesByIds(db: DbOrTx, ids: string[]): Promise<Map<string, { ownerId: string; receivingName: string }>> {
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      // A commission's intake office takes its reports (信访室归口受理); a township committee takes its own.
      // (Qualified by hand: drizzle leaves a one-table select's columns unqualified, which the subquery would take as its own.)
      ownerId: sql<string>`coalesce((select office.id from organizations office where office.parent_id = organizations.id and office.type = 'petition_report_office' limit 1), organizations.id)`,
    })
    .from(organizations)
    .where(and(inArray(organizations.id, [...new Set(ids)]), inArray(organizations.type, [...receivingBodyTypes])));
  return new Map(rows.map((row) => [row.id, { ownerId: row.ownerId, receivingName: row.name }]));
}

/** The body whose queue takes a report sent to `organizationId`: its intake office, or the body itself. */
export async function intakeOwnerOf(db: DbOrTx, organizationId: string): Promise<string> {
  const [office] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.parentId, organizationId), eq(organizations.type, 'petition_report_office')))
    .limit(1);
  return office?.id ?? organizationId;
}

/** Of these ids, the bodies a report may be transferred to. */
export async function transferTargetIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  const found = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), inArray(organizations.type, [...transferTargetTypes])));
  return found.map((row) => row.id);
}

/** Every body a report may be transferred to, in tree order. */
export function transferTargetBodies(db: DbOrTx) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      type: organizations.type,
      regionName: regionName(organizations.regionId),
      depth: organizations.depth,
    })
    .from(organizations)
    .where(inArray(organizations.type, [...transferTargetTypes]))
    .orderBy(asc(organizations.path));
}

/** A body named by its id or by its code (Open311's jurisdiction_id), if it exists. */
export async function bodyIdOf(db: DbOrTx, name: { id: string } | { code: string }): Promise<string | undefined> {
  const [body] = await db.select({ id: organizations.id }).from(organizations).where('id' in name ? eq(organizations.id, name.id) : eq(organizations.code, name.code));
  return body?.id;
}

export async function bodyCode(db: DbOrTx, organizationId: string): Promise<string> {
  const [body] = await db.select({ code: organizations.code }).from(organizations).where(eq(organizations.id, organizationId));
  return body.code;
}

// ---- People ----

/** Everyone with a membership in the body (a transfer's notice goes to them all). */
export async function memberIdsOf(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organizationId, organizationId));
  return rows.map((row) => row.userId);
}

export async function leaderIdsOf(db: DbOrTx, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(sql`${memberships.organizationId} = ${organizationId} and 'leader' = any(${memberships.roles})`);
  return rows.map((row) => row.userId);
}

export async function isMemberOf(db: DbOrTx, userId: string, organizationId: string): Promise<boolean> {
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
  return Boolean(member);
}

/** Active accounts of the body, by name: who a report can be assigned to. */
export function activeMembersOf(db: DbOrTx, organizationId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, title: memberships.title })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(users.status, 'active')))
    .orderBy(asc(users.displayName));
}

// ---- Categories and intake points ----

export async function categoryByKey(db: DbOrTx, key: string) {
  const [category] = await db.select().from(petitionCategories).where(eq(petitionCategories.key, key));
  return category;
}

export async function categoriesByKeys(db: DbOrTx, keys: string[]): Promise<Map<string, typeof petitionCategories.$inferSelect>> {
  if (keys.length === 0) return new Map();
  return new Map((await db.select().from(petitionCategories).where(inArray(petitionCategories.key, keys))).map((row) => [row.key, row]));
}

/** Active intake points by their (upper-case) codes: code → id. */
export async function activeIntakePointIds(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: intakePoints.id, code: intakePoints.code })
    .from(intakePoints)
    .where(and(inArray(intakePoints.code, codes), eq(intakePoints.active, true)));
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function intakePlaceName(db: DbOrTx, intakePointId: string): Promise<string | null> {
  const [point] = await db.select({ placeName: intakePoints.placeName }).from(intakePoints).where(eq(intakePoints.id, intakePointId));
  return point?.placeName ?? null;
}

// ---- Answers, links, supplements ----

export async function insertAnswer(tx: Transaction, answer: typeof petitionAnswers.$inferInsert): Promise<void> {
  await tx.insert(petitionAnswers).values(answer);
}

export function answersOfChain(db: DbOrTx, rootId: string) {
  return db.select().from(petitionAnswers).where(eq(petitionAnswers.rootId, rootId)).orderBy(asc(petitionAnswers.createdAt));
}

export async function insertDuplicateLink(tx: Transaction, link: { petitionId: string; linkedPetitionId: string; createdBy: string; createdAt: Date }): Promise<void> {
  await tx.insert(petitionLinks).values({ ...link, kind: 'duplicate' }).onConflictDoNothing();
}

export async function upsertLink(tx: Transaction, link: typeof petitionLinks.$inferInsert): Promise<void> {
  await tx
    .insert(petitionLinks)
    .values(link)
    .onConflictDoUpdate({ target: [petitionLinks.petitionId, petitionLinks.linkedPetitionId], set: { kind: link.kind } });
}

/** Removes a link of the report; the removed link, if it was one of the report's. */
export async function deleteLink(tx: Transaction, petitionId: string, linkId: string) {
  const [removed] = await tx
    .delete(petitionLinks)
    .where(and(eq(petitionLinks.id, linkId), or(eq(petitionLinks.petitionId, petitionId), eq(petitionLinks.linkedPetitionId, petitionId))))
    .returning();
  return removed;
}

export function linksOf(db: DbOrTx, petitionId: string) {
  return db.select().from(petitionLinks).where(or(eq(petitionLinks.petitionId, petitionId), eq(petitionLinks.linkedPetitionId, petitionId)));
}

export function supplementsOfChain(db: DbOrTx, rootId: string) {
  return db.select().from(petitionSupplements).where(eq(petitionSupplements.rootId, rootId)).orderBy(asc(petitionSupplements.createdAt));
}

export async function insertSupplement(tx: Transaction, supplement: { rootId: string; body: string; createdAt: Date }) {
  const [row] = await tx.insert(petitionSupplements).values(supplement).returning();
  return row;
}

// ---- The reporter's chain ----

/** Every row of one report (the root and the rows transfers created), oldest first. */
export function chainOf(db: DbOrTx, rootId: string): Promise<PetitionRow[]> {
  return db.select().from(petitions).where(eq(petitions.rootId, rootId)).orderBy(asc(petitions.createdAt));
}

/** The root row a receipt code belongs to, if a secret was issued for it. */
export async function rootByReceiptCode(db: DbOrTx, receiptCode: string): Promise<PetitionRow | undefined> {
  const [root] = await db.select().from(petitions).where(and(eq(petitions.receiptCode, receiptCode), isNotNull(petitions.receiptSecretHash)));
  return root;
}

export function rootsByReceiptCodes(db: DbOrTx, codes: string[]): Promise<PetitionRow[]> {
  return db.select().from(petitions).where(inArray(petitions.receiptCode, codes));
}

/** How many other reports (by root) the same reporter made, by fingerprint, within the actor's scope. */
export async function repeatReporterCount(db: DbOrTx, actor: Actor, row: PetitionRow): Promise<number> {
  if (!row.reporterFingerprint) return 0;
  const [result] = await db
    .select({ n: sql<number>`count(distinct ${petitions.rootId})::int` })
    .from(petitions)
    .where(and(eq(petitions.reporterFingerprint, row.reporterFingerprint), ne(petitions.rootId, row.rootId), inActorScope(petitions.organizationId, actor)));
  return result?.n ?? 0;
}

// ---- Hand-over to the clue ledger ----

export async function clueHandoffOf(db: DbOrTx, petitionId: string) {
  const [handoff] = await db.select().from(petitionClueHandoffs).where(eq(petitionClueHandoffs.petitionId, petitionId));
  return handoff;
}

/** A pending hand-over; none when the report was handed over already (one per report). */
export async function insertClueHandoff(tx: Transaction, handoff: { petitionId: string; organizationId: string; summary: string; createdBy: string; createdAt: Date }) {
  const [row] = await tx.insert(petitionClueHandoffs).values(handoff).onConflictDoNothing().returning();
  return row;
}

/** The clue ledger took the hand-over in as clue `clueId`. */
export async function markHandoffReceived(tx: DbOrTx, handoffId: string, clueId: string): Promise<void> {
  await tx.update(petitionClueHandoffs).set({ status: 'received', clueId }).where(eq(petitionClueHandoffs.id, handoffId));
}

/** The clue closed: its result goes back to the report it came from, where the intake office sees it. */
export async function recordClueResult(tx: DbOrTx, clueId: string, result: string, at: Date): Promise<void> {
  await tx.update(petitionClueHandoffs).set({ status: 'fed_back', result, resultAt: at }).where(eq(petitionClueHandoffs.clueId, clueId));
}
