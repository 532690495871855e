import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

// Bodies form a tree with a materialised path ('/root/…/id/'); a subtree is every body whose path starts with one.

/** Ids of the bodies in the subtree at `path`, as a sub-select for `column in (...)`. */
export function subtreeIds(path: string): SQL {
  return sql`(select o.id from organizations o where o.path like ${`${path}%`})`;
}

/** `column` names a body in the subtree at `path`. */
export function inSubtree(column: PgColumn | SQL, path: string): SQL {
  return sql`${column} in ${subtreeIds(path)}`;
}
