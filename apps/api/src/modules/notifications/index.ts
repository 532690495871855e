import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { notificationsRoutes } from './notifications.routes.ts';

/** The bell: each person's in-app notices, read and unread. */
export function notificationsModule(platform: Platform) {
  return defineModule({ name: 'notifications', routes: (app) => notificationsRoutes(app, platform) });
}
