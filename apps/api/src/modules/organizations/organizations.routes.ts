import type { FastifyInstance } from 'fastify';
import { staffRoute } from '../../platform/http/route.ts';
import type { OrganizationsService } from './organizations.service.ts';

export function organizationsRoutes(app: FastifyInstance, organizations: OrganizationsService): void {
  staffRoute(app, 'listRegions', { permission: 'organizations.read' }, async () =>
    (await organizations.listRegions()).map((region) => ({
      id: region.id,
      parentId: region.parentId,
      code: region.code,
      name: region.name,
      level: region.level,
    })),
  );
  staffRoute(app, 'listOrganizations', { permission: 'organizations.read' }, ({ actor, query }) => organizations.list(actor, query));
  staffRoute(app, 'getOrganization', { permission: 'organizations.read' }, ({ actor, params }) => organizations.get(actor, params.id));
  staffRoute(app, 'createOrganization', { permission: 'organizations.manage' }, ({ actor, body }) => organizations.create(actor, body));
  staffRoute(app, 'updateOrganization', { permission: 'organizations.manage' }, ({ actor, params, body }) =>
    organizations.update(actor, params.id, body),
  );
  staffRoute(app, 'deleteOrganization', { permission: 'organizations.manage' }, async ({ actor, params }) => {
    await organizations.remove(actor, params.id);
    return { ok: true as const };
  });
}
