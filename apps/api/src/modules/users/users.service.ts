import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  accountWorkflow,
  allowedActionsFor,
  type AccountAction,
  type AccountStatus,
  type CreateUserBody,
  type Membership,
  type PageQuery,
  type Role,
  type UpdateUserBody,
  type User,
  type WorkflowEvent,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { asWorkflowActor, can, inActorScope, visibleOrganizationIds, type Actor } from '../../platform/auth/actor.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { countCapped, pageResult } from '../../platform/http/pagination.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Platform } from '../../platform/platform.ts';
import { workflowEvents } from '../../platform/workflow/workflow.table.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { memberships, users } from '../../platform/identity/users.table.ts';

type UserRow = typeof users.$inferSelect;

export const accountSubject = { table: users, id: users.id, status: users.status, version: users.version };

/** Memberships of users, with their bodies, for presenting. */
export async function membershipsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, Membership[]>> {
  const byUser = new Map<string, Membership[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ membership: memberships, organizationName: organizations.name, organizationType: organizations.type })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(memberships.createdAt), asc(organizations.depth), asc(organizations.code));
  for (const row of rows) {
    const list = byUser.get(row.membership.userId) ?? [];
    list.push({
      id: row.membership.id,
      organizationId: row.membership.organizationId,
      organizationName: row.organizationName,
      organizationType: row.organizationType,
      roles: row.membership.roles,
      grants: row.membership.grants,
      title: row.membership.title,
    });
    byUser.set(row.membership.userId, list);
  }
  return byUser;
}

// A user is visible when one of their memberships lies in the actor's subtree.
function userInScope(actor: Actor): SQL {
  return sql`exists (select 1 from memberships vm where vm.user_id = ${users.id} and vm.organization_id in ${visibleOrganizationIds(actor)})`;
}

// Long function: a module written before the template (see architecture.test.ts), one service object whose short
// methods share the injected platform; it is split into use-case files like petitions when it next changes.
export function createUsersService({ db, clock, workflows }: Pick<Platform, 'db' | 'clock' | 'workflows'>) {
  function present(actor: Actor, row: UserRow, membershipList: Membership[]): User {
    const manageable = can(actor, 'users.manage') && row.id !== actor.userId;
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      phone: row.phone,
      status: row.status,
      totpEnabled: row.totpEnabled,
      memberships: membershipList,
      lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
      allowedActions: manageable ? allowedActionsFor(accountWorkflow, row.status, actor.roles) : [],
    };
  }

  async function findVisible(actor: Actor, id: string): Promise<UserRow> {
    const [row] = await db.select().from(users).where(and(eq(users.id, id), userInScope(actor)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function get(actor: Actor, id: string): Promise<User> {
    const row = await findVisible(actor, id);
    return present(actor, row, (await membershipsOf(db, [id])).get(id) ?? []);
  }

  async function assertOrganizationsInScope(actor: Actor, organizationIds: string[]) {
    const unique = [...new Set(organizationIds)];
    const rows = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(inArray(organizations.id, unique), inActorScope(organizations.id, actor)));
    if (rows.length !== unique.length) throw new AppError('FORBIDDEN');
    if (unique.length !== organizationIds.length) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'body.memberships', message: 'one membership per body' }]);
    }
  }

  return {
    get,

    async list(actor: Actor, query: PageQuery & { search?: string; organizationId?: string; role?: Role; status?: AccountStatus }) {
      const conditions = [userInScope(actor)];
      if (query.search) {
        const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
      }
      if (query.status) conditions.push(eq(users.status, query.status));
      if (query.organizationId || query.role) {
        conditions.push(
          sql`exists (select 1 from memberships fm where fm.user_id = ${users.id}
                ${query.organizationId ? sql`and fm.organization_id = ${query.organizationId}` : sql``}
                ${query.role ? sql`and ${query.role} = any(fm.roles)` : sql``})`,
        );
      }
      const where = and(...conditions);
      const [rows, counted] = await Promise.all([
        db
          .select()
          .from(users)
          .where(where)
          .orderBy(asc(users.username))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        countCapped(db, users, where),
      ]);
      const membershipMap = await membershipsOf(db, rows.map((row) => row.id));
      return pageResult(
        rows.map((row) => present(actor, row, membershipMap.get(row.id) ?? [])),
        counted,
        query,
      );
    },

    async create(actor: Actor, body: CreateUserBody) {
      await assertOrganizationsInScope(actor, body.memberships.map((membership) => membership.organizationId));
      const passwordHash = await hashPassword(body.password);
      const id = crypto.randomUUID();
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(users)
          .values({ id, username: body.username, displayName: body.displayName, phone: body.phone ?? null, passwordHash, passwordChangedAt: clock.now() })
          .onConflictDoNothing({ target: users.username })
          .returning({ id: users.id });
        if (inserted.length === 0) throw new AppError('USERNAME_TAKEN');
        await tx.insert(memberships).values(
          body.memberships.map((membership) => ({ userId: id, organizationId: membership.organizationId, roles: membership.roles, grants: membership.grants ?? [], title: membership.title ?? null })),
        );
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: body.memberships[0].organizationId,
          action: 'user.create',
          subjectType: 'user',
          subjectId: id,
          after: { username: body.username, displayName: body.displayName, phone: body.phone ?? null, memberships: body.memberships },
        });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateUserBody) {
      const current = await findVisible(actor, id);
      if (body.memberships) await assertOrganizationsInScope(actor, body.memberships.map((membership) => membership.organizationId));
      const before = (await membershipsOf(db, [id])).get(id) ?? [];
      await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(users)
          .set({
            ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
            ...(body.phone !== undefined ? { phone: body.phone } : {}),
            version: current.version + 1,
            updatedAt: clock.now(),
          })
          .where(and(eq(users.id, id), eq(users.version, body.version)))
          .returning({ id: users.id });
        if (!updated) throw new AppError('VERSION_CONFLICT');
        if (body.memberships) {
          // Only memberships inside the actor's subtree are replaced; those elsewhere are not the actor's to change.
          const wanted = new Map(body.memberships.map((membership) => [membership.organizationId, membership]));
          const existing = await tx
            .select()
            .from(memberships)
            .where(and(eq(memberships.userId, id), inActorScope(memberships.organizationId, actor)));
          for (const row of existing) {
            const next = wanted.get(row.organizationId);
            if (next) {
              await tx.update(memberships).set({ roles: next.roles, title: next.title ?? null }).where(eq(memberships.id, row.id));
              wanted.delete(row.organizationId);
            } else {
              await tx.delete(memberships).where(eq(memberships.id, row.id));
            }
          }
          if (wanted.size > 0) {
            await tx
              .insert(memberships)
              .values([...wanted.values()].map((membership) => ({ userId: id, organizationId: membership.organizationId, roles: membership.roles, grants: membership.grants ?? [], title: membership.title ?? null })));
          }
        }
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'user.update',
          subjectType: 'user',
          subjectId: id,
          before: { displayName: current.displayName, phone: current.phone, memberships: before },
          after: { displayName: body.displayName, phone: body.phone, memberships: body.memberships },
        });
      });
      return get(actor, id);
    },

    async resetPassword(actor: Actor, id: string, newPassword: string) {
      await findVisible(actor, id);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, passwordChangedAt: clock.now(), updatedAt: clock.now() }).where(eq(users.id, id));
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'user.reset_password',
          subjectType: 'user',
          subjectId: id,
        });
      });
    },

    async applyAction(actor: Actor, id: string, input: { action: string; expectedStatus: string; note?: string }) {
      await findVisible(actor, id);
      // Nobody disables or unlocks their own account.
      if (id === actor.userId) throw new AppError('FORBIDDEN');
      // The engine refuses names that are not actions or states of the definition.
      const action = input.action as AccountAction;
      await workflows.apply({
        definition: accountWorkflow,
        subject: accountSubject,
        subjectId: id,
        organizationId: actor.organizationId,
        expectedStatus: input.expectedStatus as AccountStatus,
        action,
        actor: asWorkflowActor(actor),
        note: input.note,
        set: action === 'unlock' || action === 'enable' ? { failedLoginCount: 0, lockedUntil: null, updatedAt: clock.now() } : { updatedAt: clock.now() },
      });
      return get(actor, id);
    },

    async events(actor: Actor, id: string): Promise<WorkflowEvent[]> {
      await findVisible(actor, id);
      const rows = await db
        .select()
        .from(workflowEvents)
        .where(and(eq(workflowEvents.workflowId, accountWorkflow.id), eq(workflowEvents.subjectId, id)))
        .orderBy(asc(workflowEvents.createdAt));
      return rows.map((row) => ({
        id: row.id,
        workflowId: row.workflowId,
        subjectId: row.subjectId,
        action: row.action,
        fromStatus: row.fromStatus,
        toStatus: row.toStatus,
        actorId: row.actorId,
        actorName: row.actorName,
        note: row.note,
        createdAt: row.createdAt.toISOString(),
      }));
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
