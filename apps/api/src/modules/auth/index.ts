import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { createAuthService } from './auth.service.ts';
import { authRoutes } from './auth.routes.ts';

/** Sign-in with password and one-time code, sessions, switching body, the current session. */
export function authModule(platform: Platform) {
  const auth = createAuthService(platform);
  return defineModule({
    name: 'auth',
    routes: (app) => authRoutes(app, auth, platform.config),
    jobs: [{ name: 'sessions.purge', everyMs: 3600_000, run: () => platform.sessions.purgeExpired() }],
  });
}
