import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { cluePersons } from './clues.table.ts';

// The persons clues are about (被反映人): found by a keyed hash of the ID number, or by name and unit.

export type PersonRow = typeof cluePersons.$inferSelect;

export async function personById(db: DbOrTx, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(cluePersons).where(eq(cluePersons.id, id));
  return row;
}

export async function personIdByIdNumber(db: DbOrTx, idNumberHash: string): Promise<string | undefined> {
  const [row] = await db.select({ id: cluePersons.id }).from(cluePersons).where(eq(cluePersons.idNumberHash, idNumberHash));
  return row?.id;
}

const sameUnit = (unit: string | null) => (unit ? eq(cluePersons.unit, unit) : sql`${cluePersons.unit} is null`);

/** Someone known by this name and unit who has no ID number yet. */
export async function personWithoutIdNumber(db: DbOrTx, name: string, unit: string | null): Promise<string | undefined> {
  const [row] = await db
    .select({ id: cluePersons.id })
    .from(cluePersons)
    .where(and(eq(cluePersons.name, name), sameUnit(unit), sql`${cluePersons.idNumberHash} is null`))
    .limit(1);
  return row?.id;
}

/** The first person known by this name and unit. */
export async function personByNameAndUnit(db: DbOrTx, name: string, unit: string | null): Promise<string | undefined> {
  const [row] = await db
    .select({ id: cluePersons.id })
    .from(cluePersons)
    .where(and(eq(cluePersons.name, name), sameUnit(unit)))
    .orderBy(asc(cluePersons.createdAt))
    .limit(1);
  return row?.id;
}

export async function setPersonIdNumber(db: DbOrTx, id: string, idNumber: { hash: string; sealed: string }): Promise<void> {
  await db.update(cluePersons).set({ idNumberHash: idNumber.hash, idNumberSealed: idNumber.sealed }).where(eq(cluePersons.id, id));
}

/** A new person; none when another transaction created the same ID number a moment ago. */
export async function insertPerson(db: DbOrTx, person: Omit<typeof cluePersons.$inferInsert, 'id'>): Promise<string | undefined> {
  const [row] = await db.insert(cluePersons).values(person).onConflictDoNothing().returning({ id: cluePersons.id });
  return row?.id;
}
