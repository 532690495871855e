import type { FastifyInstance } from 'fastify';
import { staffRoute } from '../../platform/http/route.ts';
import type { UsersService } from './users.service.ts';

export function usersRoutes(app: FastifyInstance, users: UsersService): void {
  staffRoute(app, 'listUsers', { permission: 'users.read' }, ({ actor, query }) => users.list(actor, query));
  staffRoute(app, 'getUser', { permission: 'users.read' }, ({ actor, params }) => users.get(actor, params.id));
  staffRoute(app, 'createUser', { permission: 'users.manage' }, ({ actor, body }) => users.create(actor, body));
  staffRoute(app, 'updateUser', { permission: 'users.manage' }, ({ actor, params, body }) => users.update(actor, params.id, body));
  staffRoute(app, 'resetUserPassword', { permission: 'users.manage' }, async ({ actor, params, body }) => {
    await users.resetPassword(actor, params.id, body.newPassword);
    return { ok: true as const };
  });
  staffRoute(app, 'applyUserAction', { permission: 'users.manage' }, ({ actor, params, body }) => users.applyAction(actor, params.id, body));
  staffRoute(app, 'listUserEvents', { permission: 'users.read' }, ({ actor, params }) => users.events(actor, params.id));
}
