import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { createOrganizationsService } from './organizations.service.ts';
import { organizationsRoutes } from './organizations.routes.ts';

/** The region tree and the bodies in it (tables in platform/identity, which every module scopes by). */
export function organizationsModule(platform: Platform) {
  const organizations = createOrganizationsService(platform);
  return defineModule({ name: 'organizations', routes: (app) => organizationsRoutes(app, organizations) });
}
