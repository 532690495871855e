import QRCode from 'qrcode';
import { and, asc, eq } from 'drizzle-orm';
import { accountWorkflow, permissionsOf, type CurrentSession, type Locale } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { localeFrom } from '../../platform/auth/session-helpers.ts';
import { checkTotp, newTotpSecret, totpUri } from '../../platform/auth/totp.ts';
import type { Platform } from '../../platform/platform.ts';
import { accountSubject, membershipsOf } from '../users/index.ts';
import { memberships, users } from '../../platform/identity/users.table.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { sessions as sessionsTable } from '../../platform/auth/sessions.table.ts';

type UserRow = typeof users.$inferSelect;

// Long function: a module written before the template (see architecture.test.ts), one service object whose short
// methods share the injected platform; it is split into use-case files like petitions when it next changes.
export function createAuthService({ db, clock, config, sessions, workflows, sealer }: Pick<Platform, 'db' | 'clock' | 'config' | 'sessions' | 'workflows' | 'sealer'>) {
  // TOTP secrets are sealed at rest: a copy of the database alone does not yield second factors.
  const totpMatches = (user: UserRow, code: string) => (user.totpSecret ? checkTotp(sealer.unseal(user.totpSecret), code, clock) : Promise.resolve(false));

  async function describe(userId: string, sessionId: string): Promise<CurrentSession> {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const [session] = await db.select().from(sessionsTable).where(eq(sessionsTable.id, sessionId));
    if (!user || !session || !session.activeMembershipId) throw new AppError('UNAUTHENTICATED');
    const membershipList = (await membershipsOf(db, [userId])).get(userId) ?? [];
    const active = membershipList.find((membership) => membership.id === session.activeMembershipId);
    if (!active) throw new AppError('UNAUTHENTICATED');
    return {
      user: { id: user.id, username: user.username, displayName: user.displayName, locale: localeFrom(user.locale), totpEnabled: user.totpEnabled },
      memberships: membershipList,
      activeMembershipId: active.id,
      permissions: permissionsOf(active.roles),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  async function primaryMembership(userId: string): Promise<{ id: string; organizationId: string } | null> {
    // Memberships made together share a timestamp: then the higher body (smaller depth) comes first.
    const [first] = await db
      .select({ id: memberships.id, organizationId: memberships.organizationId })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt), asc(organizations.depth), asc(organizations.code))
      .limit(1);
    return first ?? null;
  }

  async function startSession(user: UserRow) {
    const membership = await primaryMembership(user.id);
    if (!membership) throw new AppError('FORBIDDEN');
    const created = await sessions.create(user.id, 'active', membership.id);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ lastLoginAt: clock.now(), failedLoginCount: 0 }).where(eq(users.id, user.id));
      await appendAudit(tx, clock, {
        actorId: user.id,
        actorName: user.displayName,
        organizationId: membership.organizationId,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
      });
    });
    return { token: created.token, session: await describe(user.id, created.session.id) };
  }

  async function recordFailure(user: UserRow) {
    const failures = user.failedLoginCount + 1;
    if (failures < config.login.maxFailures) {
      await db.update(users).set({ failedLoginCount: failures }).where(eq(users.id, user.id));
      return;
    }
    // Too many failures: the system locks the account through the account workflow, leaving event and audit rows.
    await throttleAction(user.id, 'active', 'lock', {
      note: `${failures} failed sign-ins`,
      set: { failedLoginCount: 0, lockedUntil: new Date(clock.now().getTime() + config.login.lockMs) },
    });
  }

  /** A lock or lock expiry taken by the sign-in throttle; losing the race to another request is the outcome wanted anyway. */
  async function throttleAction(userId: string, expectedStatus: 'active' | 'locked', action: 'lock' | 'expireLock', extra: { note?: string; set: Record<string, unknown> }) {
    await workflows
      .apply({
        definition: accountWorkflow,
        subject: accountSubject,
        subjectId: userId,
        organizationId: (await primaryMembership(userId))?.organizationId ?? null,
        expectedStatus,
        action,
        actor: { kind: 'system', name: 'login-throttle' },
        ...extra,
      })
      .catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === 'WORKFLOW_STATE_CHANGED')) throw error;
      });
  }

  return {
    describe,

    /** Password step; answers with a session, or asks for the one-time code. */
    async login(username: string, password: string): Promise<{ token: string; result: 'ok' | 'totp_required'; session?: CurrentSession }> {
      let [user] = await db.select().from(users).where(eq(users.username, username.toLowerCase()));
      if (!user) {
        await burnPasswordCheck(password);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (user.status === 'locked') {
        if (user.lockedUntil && user.lockedUntil > clock.now()) throw new AppError('ACCOUNT_LOCKED');
        await throttleAction(user.id, 'locked', 'expireLock', { set: { lockedUntil: null, failedLoginCount: 0 } });
        [user] = await db.select().from(users).where(eq(users.id, user.id));
        if (user.status !== 'active') throw new AppError('ACCOUNT_LOCKED');
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        if (user.status === 'active') await recordFailure(user);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (user.status === 'disabled') throw new AppError('ACCOUNT_DISABLED');
      if (user.totpEnabled) {
        const pending = await sessions.create(user.id, 'totp_pending', null);
        return { token: pending.token, result: 'totp_required' };
      }
      const started = await startSession(user);
      return { token: started.token, result: 'ok', session: started.session };
    },

    /** Second step: the one-time code turns a pending sign-in into a new session. */
    async verifyTotp(pendingSessionId: string | null, userId: string | null, code: string) {
      if (!pendingSessionId || !userId) throw new AppError('TOTP_NOT_PENDING');
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user?.totpSecret || user.status !== 'active') throw new AppError('TOTP_NOT_PENDING');
      if (!(await totpMatches(user, code))) {
        await recordFailure(user);
        throw new AppError('TOTP_INVALID');
      }
      // A fresh token after the second factor, so the pending token can never become a full session.
      await sessions.destroy(pendingSessionId);
      return startSession(user);
    },

    async logout(actor: Actor) {
      await sessions.destroy(actor.sessionId);
      await db.transaction((tx) =>
        appendAudit(tx, clock, { actorId: actor.userId, actorName: actor.displayName, organizationId: actor.organizationId, action: 'auth.logout', subjectType: 'user', subjectId: actor.userId }),
      );
    },

    async switchMembership(actor: Actor, membershipId: string) {
      const [membership] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.id, membershipId), eq(memberships.userId, actor.userId)));
      if (!membership) throw new AppError('MEMBERSHIP_NOT_FOUND');
      await sessions.switchMembership(actor.sessionId, membershipId);
      await db.transaction((tx) =>
        appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'auth.switch_membership',
          subjectType: 'user',
          subjectId: actor.userId,
          before: { membershipId: actor.membershipId },
          after: { membershipId },
        }),
      );
      return describe(actor.userId, actor.sessionId);
    },

    async setLocale(actor: Actor, locale: Locale) {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ locale }).where(eq(users.id, actor.userId));
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'auth.preferences',
          subjectType: 'user',
          subjectId: actor.userId,
          before: { locale: actor.locale },
          after: { locale },
        });
      });
      return describe(actor.userId, actor.sessionId);
    },

    async changePassword(actor: Actor, currentPassword: string, newPassword: string) {
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('PASSWORD_WRONG');
      if (currentPassword === newPassword) throw new AppError('PASSWORD_TOO_WEAK');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, passwordChangedAt: clock.now() }).where(eq(users.id, actor.userId));
        await appendAudit(tx, clock, { actorId: actor.userId, actorName: actor.displayName, organizationId: actor.organizationId, action: 'auth.change_password', subjectType: 'user', subjectId: actor.userId });
      });
      // Other sessions of this person end: a changed password must lock out whoever knew the old one.
      await sessions.destroyAllOf(actor.userId, actor.sessionId);
    },

    async setupTotp(actor: Actor) {
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED');
      const secret = newTotpSecret();
      await db.update(users).set({ totpSecret: sealer.seal(secret) }).where(eq(users.id, actor.userId));
      const otpauthUrl = totpUri(secret, user.username);
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
    },

    async enableTotp(actor: Actor, code: string) {
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED');
      if (!(await totpMatches(user, code))) throw new AppError('TOTP_INVALID');
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabled: true }).where(eq(users.id, actor.userId));
        await appendAudit(tx, clock, { actorId: actor.userId, actorName: actor.displayName, organizationId: actor.organizationId, action: 'auth.totp_enable', subjectType: 'user', subjectId: actor.userId });
      });
    },

    async disableTotp(actor: Actor, code: string) {
      const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
      if (!user.totpEnabled || !(await totpMatches(user, code))) throw new AppError('TOTP_INVALID');
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.id, actor.userId));
        await appendAudit(tx, clock, { actorId: actor.userId, actorName: actor.displayName, organizationId: actor.organizationId, action: 'auth.totp_disable', subjectType: 'user', subjectId: actor.userId });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
