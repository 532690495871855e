import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit trail: entries within the reader's scope, and verifying the hash chain. */
export function auditModule(platform: Platform) {
  return defineModule({ name: 'audit', routes: (app) => auditRoutes(app, platform) });
}
