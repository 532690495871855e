import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import { organizations } from './organizations.table.ts';

/** A body's name as a correlated sub-select, for list statements that show who holds a record. */
export function organizationName(id: SQL | PgColumn) {
  return sql<string>`(select o.name from organizations o where o.id = ${id})`;
}

/** The names of bodies by id (unknown ids are left out). */
export async function organizationNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A body's region name as a correlated sub-select. */
export function regionName(regionId: SQL | PgColumn) {
  return sql<string>`(select r.name from regions r where r.id = ${regionId})`;
}
