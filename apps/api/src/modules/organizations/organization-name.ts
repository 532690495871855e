import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** A body's name as a correlated sub-select, for list statements that show who holds a record. */
export function organizationName(id: SQL | PgColumn) {
  return sql<string>`(select o.name from organizations o where o.id = ${id})`;
}
