import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { healthRoutes } from './health.routes.ts';

/** `GET /api/health`: the process is up and the database answers. */
export function healthModule(platform: Platform) {
  return defineModule({ name: 'health', routes: (app) => healthRoutes(app, platform) });
}
