import type { SQL } from 'drizzle-orm';
import { inSubtree, subtreeIds } from '../identity/subtree.ts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Locale, MembershipGrant, Permission, Role } from '@guantong/contracts';
import type { WorkflowActor } from '../workflow/workflow.engine.ts';

/** The signed-in person acting in one of their bodies (the active membership). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  locale: Locale;
  sessionId: string;
  csrfToken: string;
  membershipId: string;
  organizationId: string;
  /** Materialised path of the active body; its subtree is everything with a path starting with it. */
  organizationPath: string;
  roles: Role[];
  /** Grants of the active membership beyond its roles (e.g. reading sealed reporter identity). */
  grants: MembershipGrant[];
  permissions: Permission[];
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export function hasRole(actor: Actor, ...roleList: Role[]): boolean {
  return roleList.some((role) => actor.roles.includes(role));
}

export function asWorkflowActor(actor: Actor): WorkflowActor {
  return { kind: 'user', userId: actor.userId, displayName: actor.displayName, roles: actor.roles };
}

/** Ids of the bodies in the actor's subtree, as a sub-select for `column in (...)`. */
export function visibleOrganizationIds(actor: Actor): SQL {
  return subtreeIds(actor.organizationPath);
}

/** Every query on organisation-owned data goes through this: the active body's subtree, nothing else. */
export function inActorScope(column: PgColumn | SQL, actor: Actor): SQL {
  return inSubtree(column, actor.organizationPath);
}
