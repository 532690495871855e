import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { clueHandlingBodyTypes, clueLedgerBodyTypes, type ClueStatus } from '@guantong/contracts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { selfAndAncestorIds } from '../../platform/identity/ancestors.ts';
import { inSubtree } from '../../platform/identity/subtree.ts';
import type { ClueRow } from './clues.record.ts';
import { clues } from './clues.table.ts';

// Bodies (ledgers and holders), the scope conditions, and single clues. The ledger's lists are in
// clues-ledger.repository.ts, persons in persons.repository.ts, approvals in approvals.repository.ts.

export type Body = { id: string; name: string; type: string; path: string; parentId: string | null };
const bodyColumns = { id: organizations.id, name: organizations.name, type: organizations.type, path: organizations.path, parentId: organizations.parentId };

export async function bodyById(db: DbOrTx, id: string): Promise<Body | undefined> {
  const [body] = await db.select(bodyColumns).from(organizations).where(eq(organizations.id, id));
  return body;
}

/** The body at `path` and every body above it. */
export function bodiesOnPath(db: DbOrTx, path: string): Promise<Body[]> {
  return db.select(bodyColumns).from(organizations).where(inArray(organizations.id, selfAndAncestorIds(path)));
}

/** A ledger's case-management office (案管室), if it has one (a township committee has none). */
export async function caseManagementOfficeOf(db: DbOrTx, ledgerId: string): Promise<string | undefined> {
  const [office] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.parentId, ledgerId), eq(organizations.type, 'case_management_office')))
    .limit(1);
  return office?.id;
}

/** The offices, groups and townships (室组地) under a ledger that may handle its clues, in tree order. */
export function handlingBodiesUnder(db: DbOrTx, ledgerPath: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type })
    .from(organizations)
    .where(and(sql`${organizations.path} like ${`${ledgerPath}%`}`, inArray(organizations.type, [...clueHandlingBodyTypes])))
    .orderBy(asc(organizations.path));
}

/** Every ledger body (commission or township committee) but `exceptId`, in tree order. */
export function ledgerBodies(db: DbOrTx, exceptId: string | null) {
  return db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type })
    .from(organizations)
    .where(and(inArray(organizations.type, [...clueLedgerBodyTypes]), exceptId ? ne(organizations.id, exceptId) : undefined))
    .orderBy(asc(organizations.path));
}

// ---- Scope (see clues.policy.ts for who sees what) ----

/** Clues held by a body in the subtree at `path`. */
export function heldUnder(path: string): SQL {
  return inSubtree(clues.organizationId, path);
}

/** Clues a body in the subtree at `path` sent to a ledger (it follows their state and result). */
export function sentFrom(path: string): SQL {
  return inSubtree(clues.sourceOrganizationId, path);
}

// ---- Single clues ----

export async function clueWhere(db: DbOrTx, id: string, scope: SQL): Promise<ClueRow | undefined> {
  const [row] = await db.select().from(clues).where(and(eq(clues.id, id), scope));
  return row;
}

export async function clueById(db: DbOrTx, id: string): Promise<ClueRow | undefined> {
  const [row] = await db.select().from(clues).where(eq(clues.id, id));
  return row;
}

/** Of these clues, the ids within `scope`. */
export async function clueIdsWhere(db: DbOrTx, ids: string[], scope: SQL): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: clues.id }).from(clues).where(and(inArray(clues.id, ids), scope));
  return new Set(rows.map((row) => row.id));
}

/** The clues by id, with the ledger each belongs to. */
export function cluesLedgers(db: DbOrTx, ids: string[]) {
  return db.select({ id: clues.id, ledgerOrganizationId: clues.ledgerOrganizationId }).from(clues).where(inArray(clues.id, ids));
}

export async function clueStatuses(db: DbOrTx, ids: string[]): Promise<Map<string, ClueStatus>> {
  const rows = await db.select({ id: clues.id, status: clues.status }).from(clues).where(inArray(clues.id, ids));
  return new Map(rows.map((row) => [row.id, row.status as ClueStatus]));
}

export async function insertClue(tx: Transaction, values: typeof clues.$inferInsert): Promise<ClueRow> {
  const [row] = await tx.insert(clues).values(values).returning();
  return row;
}

export async function updateClue(tx: Transaction, id: string, set: Partial<ClueRow>): Promise<void> {
  await tx.update(clues).set(set).where(eq(clues.id, id));
}

/** Compare-and-set on the version: the changed row's id, or none when the clue changed meanwhile. */
export function updateClueAtVersion(tx: Transaction, id: string, version: number, changes: Partial<ClueRow>) {
  return tx
    .update(clues)
    .set({ ...changes, version: sql`${clues.version} + 1` })
    .where(and(eq(clues.id, id), eq(clues.version, version)))
    .returning({ id: clues.id });
}

/** Moves the version on while the clue still awaits its approval (a signature of a step that is not the last). */
export function touchProposedClue(tx: Transaction, id: string, version: number, at: Date) {
  return tx
    .update(clues)
    .set({ version: sql`${clues.version} + 1`, updatedAt: at })
    .where(and(eq(clues.id, id), eq(clues.version, version), eq(clues.status, 'disposal_proposed')))
    .returning({ id: clues.id });
}

/** What a case needs to know of the clue it came from: its number and the person's party membership and category. */
export async function clueFactsForCase(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ serialNumber: clues.serialNumber, isPartyMember: clues.isPartyMember, supervisedCategory: clues.supervisedCategory })
    .from(clues)
    .where(eq(clues.id, id));
  return row;
}
