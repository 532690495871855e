import { accountWorkflow, type WorkflowDefinition } from '@guantong/contracts';
import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { createUsersService } from './users.service.ts';
import { usersRoutes } from './users.routes.ts';

/** Staff accounts (the `account` workflow: active, locked, disabled), their memberships and roles. */
export function usersModule(platform: Platform) {
  const users = createUsersService(platform);
  return defineModule({
    name: 'users',
    workflows: [accountWorkflow as unknown as WorkflowDefinition],
    routes: (app) => usersRoutes(app, users),
  });
}

// What the auth module uses of accounts: the account workflow's subject (lockout) and a person's memberships.
export { accountSubject, membershipsOf } from './users.service.ts';
