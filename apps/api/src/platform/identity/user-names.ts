import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { users } from './users.table.ts';

/** People's display names by account id (unknown ids are left out). */
export async function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}
