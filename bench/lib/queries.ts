import type { DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import type { Actor } from '../../apps/api/src/platform/auth/actor.ts';
import { auditListQueries } from '../../apps/api/src/modules/audit/audit.service.ts';

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface ScopedUser {
  username: string;
  userId: string;
  organizationPath: string;
}

/** The account's user id and the path of the body a sign-in starts in (as auth.service's primaryMembership picks it). */
export async function scopedUser(handle: DatabaseHandle, username: string): Promise<ScopedUser> {
  const [row] = await handle.query<{ id: string; path: string }>(
    `select u.id, o.path from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.organization_id
      where u.username = $1 order by m.created_at, o.depth, o.code limit 1`,
    [username],
  );
  if (!row) throw new Error(`demo account ${username} not found`);
  return { username, userId: row.id, organizationPath: row.path };
}

/**
 * The two statements `GET /api/audit?page=1&pageSize=20` runs, from the route's own query builder
 * (`auditListQueries` in apps/api/src/modules/audit/audit.service.ts), rendered to SQL.
 */
export function auditListStatements(handle: DatabaseHandle, user: ScopedUser, pageSize = 20): { page: Statement; count: Statement } {
  // The scope only reads these two fields of the actor.
  const actor = { userId: user.userId, organizationPath: user.organizationPath } as Actor;
  const { page, count } = auditListQueries(handle.db, actor, { page: 1, pageSize });
  const render = (query: { toSQL(): { sql: string; params: unknown[] } }): Statement => {
    const { sql, params } = query.toSQL();
    return { sql, params };
  };
  return { page: render(page), count: render(count) };
}

/** One raw operation of the list endpoint: both statements at once, as the route's Promise.all sends them. */
export function auditListOperation(handle: DatabaseHandle, statements: { page: Statement; count: Statement }) {
  return async () => {
    const [rows, [counted]] = await Promise.all([
      handle.query(statements.page.sql, statements.page.params),
      handle.query<Record<string, number | string>>(statements.count.sql, statements.count.params),
    ]);
    // drizzle reads results by position; read the one column whatever its name.
    return { rows: rows.length, matches: Number(Object.values(counted)[0]) };
  };
}

/** How many audit rows the account's scope covers, counted without the cap (for the report, not timed). */
export async function scopeSize(handle: DatabaseHandle, user: ScopedUser): Promise<number> {
  const [{ total }] = await handle.query<{ total: string | number }>(
    'select count(*) as total from audit_log where organization_id in (select o.id from organizations o where o.path like $1)',
    [`${user.organizationPath}%`],
  );
  return Number(total);
}
