import { and, asc, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { CreateOrganizationBody, Organization, OrganizationType, UpdateOrganizationBody } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { memberships } from '../../platform/identity/users.table.ts';
import { organizations, regions } from '../../platform/identity/organizations.table.ts';

type OrganizationRow = typeof organizations.$inferSelect;

const memberCount = sql<number>`(select count(*)::int from memberships m where m.organization_id = ${organizations.id})`;

// Long function: a module written before the template (see architecture.test.ts), one service object whose short
// methods share the injected db and clock; it is split into use-case files like petitions when it next changes.
export function createOrganizationsService({ db, clock }: Pick<Platform, 'db' | 'clock'>) {
  function selectPresented() {
    return db
      .select({ organization: organizations, regionName: regions.name, memberCount })
      .from(organizations)
      .innerJoin(regions, eq(regions.id, organizations.regionId));
  }

  function present(row: { organization: OrganizationRow; regionName: string; memberCount: number }): Organization {
    const { organization } = row;
    return {
      id: organization.id,
      parentId: organization.parentId,
      regionId: organization.regionId,
      regionName: row.regionName,
      code: organization.code,
      name: organization.name,
      shortName: organization.shortName,
      type: organization.type,
      depth: organization.depth,
      memberCount: row.memberCount,
      version: organization.version,
    };
  }

  async function findVisible(actor: Actor, id: string) {
    const [row] = await selectPresented().where(and(eq(organizations.id, id), inActorScope(organizations.id, actor)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function assertParentAllowed(actor: Actor, parentId: string | null, movingId?: string) {
    if (parentId === null) {
      // Only someone administering a top-level body may create or move a body to the top.
      const [own] = await db.select({ depth: organizations.depth }).from(organizations).where(eq(organizations.id, actor.organizationId));
      if (own?.depth !== 0) throw new AppError('FORBIDDEN');
      return { path: '/', depth: -1 };
    }
    const [parent] = await db
      .select({ id: organizations.id, path: organizations.path, depth: organizations.depth })
      .from(organizations)
      .where(and(eq(organizations.id, parentId), inActorScope(organizations.id, actor)));
    if (!parent) throw new AppError('ORGANIZATION_PARENT_INVALID');
    if (movingId && parent.path.includes(`/${movingId}/`)) throw new AppError('ORGANIZATION_PARENT_INVALID');
    return parent;
  }

  return {
    async list(actor: Actor, query: { search?: string; type?: OrganizationType }) {
      const conditions = [inActorScope(organizations.id, actor)];
      if (query.search) {
        const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(or(ilike(organizations.name, pattern), ilike(organizations.code, pattern))!);
      }
      if (query.type) conditions.push(eq(organizations.type, query.type));
      const rows = await selectPresented().where(and(...conditions)).orderBy(asc(organizations.path));
      return rows.map(present);
    },

    async get(actor: Actor, id: string) {
      return present(await findVisible(actor, id));
    },

    async listRegions() {
      return db.select().from(regions).orderBy(asc(regions.code));
    },

    async create(actor: Actor, body: CreateOrganizationBody) {
      const parent = await assertParentAllowed(actor, body.parentId);
      const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, body.regionId));
      if (!region) throw new AppError('VALIDATION_FAILED', [{ path: 'body.regionId', message: 'unknown region' }]);
      const id = crypto.randomUUID();
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(organizations)
          .values({
            id,
            parentId: body.parentId,
            regionId: body.regionId,
            code: body.code,
            name: body.name,
            shortName: body.shortName ?? null,
            type: body.type,
            path: `${parent.path}${id}/`,
            depth: parent.depth + 1,
          })
          .onConflictDoNothing({ target: organizations.code })
          .returning();
        if (inserted.length === 0) throw new AppError('ORGANIZATION_CODE_TAKEN');
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: id,
          action: 'organization.create',
          subjectType: 'organization',
          subjectId: id,
          after: inserted[0],
        });
      });
      return present(await findVisible(actor, id));
    },

    async update(actor: Actor, id: string, body: UpdateOrganizationBody) {
      const current = (await findVisible(actor, id)).organization;
      // The active body itself is not editable from inside its own scope: its parent lies outside.
      if (id === actor.organizationId && body.parentId !== undefined && body.parentId !== current.parentId) throw new AppError('FORBIDDEN');
      const moving = body.parentId !== undefined && body.parentId !== current.parentId;
      const parent = moving ? await assertParentAllowed(actor, body.parentId ?? null, id) : null;
      await db.transaction(async (tx) => {
        const newPath = parent ? `${parent.path}${id}/` : current.path;
        const newDepth = parent ? parent.depth + 1 : current.depth;
        const [updated] = await tx
          .update(organizations)
          .set({
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.shortName !== undefined ? { shortName: body.shortName } : {}),
            ...(body.type !== undefined ? { type: body.type } : {}),
            ...(body.regionId !== undefined ? { regionId: body.regionId } : {}),
            ...(parent ? { parentId: body.parentId ?? null, path: newPath, depth: newDepth } : {}),
            version: current.version + 1,
            updatedAt: clock.now(),
          })
          .where(and(eq(organizations.id, id), eq(organizations.version, body.version)))
          .returning();
        if (!updated) throw new AppError('VERSION_CONFLICT');
        if (parent) {
          // Re-root the whole subtree under the new path.
          await tx
            .update(organizations)
            .set({
              // Typed parameters: an untyped `from $n` would pick the regular-expression form of substring.
              path: sql`${newPath}::text || substring(${organizations.path} from ${current.path.length + 1}::int)`,
              depth: sql`${organizations.depth} + ${newDepth - current.depth}::int`,
            })
            .where(and(like(organizations.path, `${current.path}%`), sql`${organizations.id} <> ${id}`));
        }
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: id,
          action: 'organization.update',
          subjectType: 'organization',
          subjectId: id,
          before: current,
          after: updated,
        });
      });
      return present(await findVisible(actor, id));
    },

    async remove(actor: Actor, id: string) {
      const current = (await findVisible(actor, id)).organization;
      if (id === actor.organizationId) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        const [children] = await tx.select({ count: sql<number>`count(*)::int` }).from(organizations).where(eq(organizations.parentId, id));
        const [members] = await tx.select({ count: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.organizationId, id));
        if (children.count > 0 || members.count > 0) throw new AppError('ORGANIZATION_HAS_CHILDREN');
        await tx.delete(organizations).where(eq(organizations.id, id));
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: current.parentId,
          action: 'organization.delete',
          subjectType: 'organization',
          subjectId: id,
          before: current,
        });
      });
    },
  };
}
export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
