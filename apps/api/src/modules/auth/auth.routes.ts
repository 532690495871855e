import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { publicRoute, staffRoute } from '../../platform/http/route.ts';
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { LOCALE_COOKIE } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from './auth.service.ts';

export function authRoutes(app: FastifyInstance, auth: AuthService, config: Config): void {
  // Guessing passwords or one-time codes from one address is slowed down before the account lockout is reached.
  const loginRateLimit = { max: config.rateLimit.loginPerMinute, timeWindow: 60_000 };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure: config.session.cookieSecure } as const;
  const setSessionCookie = (reply: FastifyReply, token: string) => {
    void reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: Math.floor(config.session.ttlMs / 1000) });
  };
  const setLocaleCookie = (reply: FastifyReply, locale: string) => {
    void reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', secure: config.session.cookieSecure, maxAge: 365 * 86400 });
  };

  publicRoute(app, 'login', async ({ body, reply }) => {
    const outcome = await auth.login(body.username, body.password);
    setSessionCookie(reply, outcome.token);
    if (outcome.result === 'totp_required') return { status: 'totp_required' as const };
    setLocaleCookie(reply, outcome.session!.user.locale);
    return { status: 'ok' as const, session: outcome.session! };
  }, { rateLimit: loginRateLimit });

  publicRoute(app, 'verifyTotp', async ({ body, request, reply }) => {
    const started = await auth.verifyTotp(request.pendingTotpSessionId, request.pendingTotpUserId, body.code);
    setSessionCookie(reply, started.token);
    setLocaleCookie(reply, started.session.user.locale);
    return started.session;
  }, { rateLimit: loginRateLimit });

  staffRoute(app, 'logout', {}, async ({ actor, reply }) => {
    await auth.logout(actor);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
  staffRoute(app, 'currentSession', {}, ({ actor }) => auth.describe(actor.userId, actor.sessionId));
  staffRoute(app, 'switchMembership', {}, ({ actor, body }) => auth.switchMembership(actor, body.membershipId));
  staffRoute(app, 'updatePreferences', {}, async ({ actor, body, reply }) => {
    setLocaleCookie(reply, body.locale);
    return auth.setLocale(actor, body.locale);
  });
  staffRoute(app, 'changePassword', {}, async ({ actor, body }) => {
    await auth.changePassword(actor, body.currentPassword, body.newPassword);
    return { ok: true as const };
  });
  staffRoute(app, 'setupTotp', {}, ({ actor }) => auth.setupTotp(actor));
  staffRoute(app, 'enableTotp', {}, async ({ actor, body }) => {
    await auth.enableTotp(actor, body.code);
    return { ok: true as const };
  });
  staffRoute(app, 'disableTotp', {}, async ({ actor, body }) => {
    await auth.disableTotp(actor, body.code);
    return { ok: true as const };
  });
}
