import fp from 'fastify-plugin';
import { pickLocale, type Locale } from '@guantong/contracts';
import type { Actor } from './actor.ts';
import { localeFrom } from './session-helpers.ts';
import { SESSION_COOKIE, type SessionService } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
    /** Id (token hash) of a sign-in waiting for its one-time code. */
    pendingTotpSessionId: string | null;
    pendingTotpUserId: string | null;
    locale: Locale;
  }
}

export const LOCALE_COOKIE = 'gt_locale';

/** Loads the session behind the cookie and decides the language of every answer. */
export const authPlugin = fp<{ sessions: SessionService }>(
  async (app, { sessions }) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionExpired', false);
    app.decorateRequest('pendingTotpSessionId', null);
    app.decorateRequest('pendingTotpUserId', null);
    app.decorateRequest('locale', 'zh-CN');
    app.addHook('onRequest', async (request) => {
      const chosen = request.cookies[LOCALE_COOKIE] ?? request.headers['x-locale'];
      request.locale = typeof chosen === 'string' && chosen ? localeFrom(chosen) : pickLocale(request.headers['accept-language']);
      if (!request.url.startsWith('/api/')) return;
      const loaded = await sessions.load(request.cookies[SESSION_COOKIE]);
      if (loaded.kind === 'expired') request.sessionExpired = true;
      if (loaded.kind === 'totp_pending') {
        request.pendingTotpSessionId = loaded.session.id;
        request.pendingTotpUserId = loaded.session.userId;
      }
      if (loaded.kind === 'active') request.actor = loaded.actor;
    });
  },
  { name: 'auth' },
);
