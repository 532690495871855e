import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { permissionsOf, type MembershipGrant, type Role } from '@guantong/contracts';
import type { Database, DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import * as schema from '../../apps/api/src/schema.ts';
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
  const { page, count } = auditListQueries(handle.db, actorOf(user), { page: 1, pageSize });
  return { page: render(page), count: render(count) };
}

/**
 * The whole actor of an account's sign-in (the membership auth.service's primaryMembership picks), for services whose
 * scope reads roles and the active body too (clues, cases). Session fields are placeholders: nothing reads them here.
 */
export async function actorFor(handle: DatabaseHandle, username: string): Promise<Actor> {
  const [row] = await handle.query<{ id: string; display_name: string; membership_id: string; roles: Role[]; grants: MembershipGrant[]; organization_id: string; path: string }>(
    `select u.id, u.display_name, m.id as membership_id, m.roles::text[] as roles, m.grants::text[] as grants, o.id as organization_id, o.path
       from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.organization_id
      where u.username = $1 order by m.created_at, o.depth, o.code limit 1`,
    [username],
  );
  if (!row) throw new Error(`demo account ${username} not found`);
  return {
    userId: row.id,
    username,
    displayName: row.display_name,
    locale: 'zh-CN',
    sessionId: 'bench',
    csrfToken: 'bench',
    membershipId: row.membership_id,
    organizationId: row.organization_id,
    organizationPath: row.path,
    roles: row.roles,
    grants: row.grants,
    permissions: permissionsOf(row.roles),
  };
}

/**
 * A second drizzle instance on the same connection (pool or PGlite) that reports every statement it sends: services
 * built on it show the exact SQL and parameters of a request, which the bench then sends raw.
 */
export function capturingDatabase(handle: DatabaseHandle, onQuery: (statement: Statement) => void): Database {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const logger = { logQuery: (sql: string, params: unknown[]) => onQuery({ sql, params }) };
  return (
    handle.kind === 'pglite'
      ? drizzlePglite({ client: client as PGlite, schema, casing: 'snake_case', logger })
      : drizzlePostgres({ client: client as pg.Pool, schema, casing: 'snake_case', logger })
  ) as unknown as Database;
}

/** The actor as list scoping sees it: it only reads these two fields. */
export function actorOf(user: ScopedUser): Actor {
  return { userId: user.userId, organizationPath: user.organizationPath } as Actor;
}

/** A drizzle query rendered to the SQL text and parameters it sends. */
export function render(query: { toSQL(): { sql: string; params: unknown[] } }): Statement {
  const { sql, params } = query.toSQL();
  return { sql, params };
}

/**
 * One raw operation of a list endpoint: page and capped count at once, as the routes' Promise.all sends them, or,
 * with `countFirst` (a petitions search, whose page statement the count chose), the count and then the page.
 */
export function listOperation(handle: DatabaseHandle, statements: { page: Statement; count: Statement }, { countFirst = false } = {}) {
  const countMatches = async () => {
    const [counted] = await handle.query<Record<string, number | string>>(statements.count.sql, statements.count.params);
    // drizzle reads results by position; read the one column whatever its name.
    return Number(Object.values(counted)[0]);
  };
  return async () => {
    if (countFirst) {
      const matches = await countMatches();
      const rows = await handle.query(statements.page.sql, statements.page.params);
      return { rows: rows.length, matches };
    }
    const [rows, matches] = await Promise.all([handle.query(statements.page.sql, statements.page.params), countMatches()]);
    return { rows: rows.length, matches };
  };
}

/** The plan of one statement as the database runs it (EXPLAIN ANALYZE executes it once). */
export async function explainAnalyze(handle: DatabaseHandle, statement: Statement): Promise<string> {
  const rows = await handle.query<Record<string, string>>(`explain (analyze, buffers) ${statement.sql}`, statement.params);
  return rows.map((row) => Object.values(row)[0]).join('\n');
}

/** How many audit rows the account's scope covers, counted without the cap (for the report, not timed). */
export async function scopeSize(handle: DatabaseHandle, user: ScopedUser): Promise<number> {
  const [{ total }] = await handle.query<{ total: string | number }>(
    'select count(*) as total from audit_log where organization_id in (select o.id from organizations o where o.path like $1)',
    [`${user.organizationPath}%`],
  );
  return Number(total);
}
