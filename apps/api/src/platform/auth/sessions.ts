import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { permissionsOf } from '@guantong/contracts';
import { localeFrom } from './session-helpers.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import type { Config } from '../../config.ts';
import { memberships, users } from '../identity/users.table.ts';
import { organizations } from '../identity/organizations.table.ts';
import { sessions } from './sessions.table.ts';
import type { Actor } from './actor.ts';

export const SESSION_COOKIE = 'gt_session';
// A sign-in waiting for its one-time code expires quickly.
const TOTP_PENDING_TTL_MS = 5 * 60_000;
// Refresh last-seen at most once a minute, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type SessionRow = typeof sessions.$inferSelect;

export type LoadedSession =
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'totp_pending'; session: SessionRow }
  | { kind: 'active'; session: SessionRow; actor: Actor };

// Long function: one platform service object (sessions); its methods are short and share the injected db, clock and config.
export function createSessionService({ db, clock, config }: { db: Database; clock: Clock; config: Config }) {
  async function create(userId: string, stage: 'totp_pending' | 'active', activeMembershipId: string | null) {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const ttl = stage === 'totp_pending' ? TOTP_PENDING_TTL_MS : config.session.ttlMs;
    const [session] = await db
      .insert(sessions)
      .values({
        id: hashToken(token),
        userId,
        activeMembershipId,
        stage,
        csrfToken: randomBytes(24).toString('base64url'),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + ttl),
      })
      .returning();
    return { token, session };
  }

  async function load(token: string | undefined): Promise<LoadedSession> {
    if (!token) return { kind: 'none' };
    const id = hashToken(token);
    const [row] = await db
      .select({ session: sessions, user: users, membership: memberships, organization: organizations })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(memberships, eq(memberships.id, sessions.activeMembershipId))
      .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(sessions.id, id));
    if (!row) return { kind: 'expired' };
    const now = clock.now();
    const idleFor = now.getTime() - row.session.lastSeenAt.getTime();
    if (row.session.expiresAt <= now || idleFor > config.session.idleMs || row.user.status === 'disabled') {
      await db.delete(sessions).where(eq(sessions.id, id));
      return { kind: 'expired' };
    }
    if (row.session.stage === 'totp_pending') return { kind: 'totp_pending', session: row.session };
    if (!row.membership || !row.organization) {
      await db.delete(sessions).where(eq(sessions.id, id));
      return { kind: 'expired' };
    }
    if (idleFor > TOUCH_INTERVAL_MS) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    }
    const roleList = row.membership.roles;
    return {
      kind: 'active',
      session: row.session,
      actor: {
        userId: row.user.id,
        username: row.user.username,
        displayName: row.user.displayName,
        locale: localeFrom(row.user.locale),
        sessionId: id,
        csrfToken: row.session.csrfToken,
        membershipId: row.membership.id,
        organizationId: row.organization.id,
        organizationPath: row.organization.path,
        roles: roleList,
        grants: row.membership.grants,
        permissions: permissionsOf(roleList),
      },
    };
  }

  return {
    create,
    load,
    async destroy(sessionId: string) {
      await db.delete(sessions).where(eq(sessions.id, sessionId));
    },
    async destroyAllOf(userId: string, exceptSessionId?: string) {
      const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
      for (const { id } of rows) if (id !== exceptSessionId) await db.delete(sessions).where(eq(sessions.id, id));
    },
    async switchMembership(sessionId: string, membershipId: string) {
      await db.update(sessions).set({ activeMembershipId: membershipId }).where(and(eq(sessions.id, sessionId), eq(sessions.stage, 'active')));
    },
    async purgeExpired() {
      await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()));
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
