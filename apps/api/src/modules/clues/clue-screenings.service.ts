import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { createCommissionScope } from '../organizations/commission-scope.ts';
import { memberships, users } from '../users/users.table.ts';
import type { CluesService } from './clues.service.ts';
import { clueScreeningItems, clueScreenings, clues } from './clues.table.ts';

/**
 * Joint screening (集中排查): a leader gathers clues held by several offices, groups and townships (室组地) of one
 * ledger into a batch, assigns a reviewer to each, and closes the batch once each has a conclusion.
 */
export function createClueScreeningsService(platform: Pick<Platform, 'db' | 'clock'>, { clues: cluesService }: { clues: CluesService }) {
  const { db, clock } = platform;
  const commissionScope = createCommissionScope(db);
  const ledgerOffices = new Set(['case_management_office']);

  async function ledgerPathOf(ledgerOrganizationId: string): Promise<string> {
    const [body] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, ledgerOrganizationId));
    if (!body) throw new AppError('NOT_FOUND');
    return body.path;
  }

  /** Leaders at or above the ledger, and its case-management office, manage a batch; reviewers see theirs. */
  async function mayManage(actor: Actor, ledgerOrganizationId: string): Promise<boolean> {
    const ledgerPath = await ledgerPathOf(ledgerOrganizationId);
    return hasRole(actor, 'leader', 'case_management_officer') && (ledgerPath.startsWith(actor.organizationPath) || actor.organizationPath.startsWith(ledgerPath));
  }

  async function load(actor: Actor, id: string) {
    const [screening] = await db.select().from(clueScreenings).where(eq(clueScreenings.id, id));
    if (!screening) throw new AppError('NOT_FOUND');
    const manage = await mayManage(actor, screening.ledgerOrganizationId);
    const items = await db.select().from(clueScreeningItems).where(eq(clueScreeningItems.screeningId, id)).orderBy(asc(clueScreeningItems.id));
    if (!manage && !items.some((item) => item.reviewerId === actor.userId)) throw new AppError('NOT_FOUND');
    return { screening, items, manage };
  }

  async function present(actor: Actor, id: string) {
    const { screening, items, manage } = await load(actor, id);
    const summaries = await cluesService.summariesOf(items.map((item) => item.clueId));
    const reviewerIds = [...new Set(items.flatMap((item) => (item.reviewerId ? [item.reviewerId] : [])))];
    const names = new Map(
      reviewerIds.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, reviewerIds))).map((user) => [user.id, user.name]) : [],
    );
    // A reviewer sees the clues assigned to them; the managers see the whole batch.
    const visibleItems = manage ? items : items.filter((item) => item.reviewerId === actor.userId);
    return {
      ...presentSummary(screening, items),
      items: visibleItems
        .filter((item) => summaries.has(item.clueId))
        .map((item) => ({
          id: item.id,
          clue: summaries.get(item.clueId)!,
          reviewerId: item.reviewerId,
          reviewerName: item.reviewerId ? (names.get(item.reviewerId) ?? null) : null,
          conclusion: item.conclusion,
          concludedAt: item.concludedAt?.toISOString() ?? null,
        })),
      capabilities: { manage: manage && screening.status === 'open' },
    };
  }

  function presentSummary(screening: typeof clueScreenings.$inferSelect, items: (typeof clueScreeningItems.$inferSelect)[]) {
    return {
      id: screening.id,
      title: screening.title,
      note: screening.note,
      status: screening.status as 'open' | 'closed',
      ledgerOrganizationId: screening.ledgerOrganizationId,
      createdByName: screening.createdByName,
      createdAt: screening.createdAt.toISOString(),
      closedAt: screening.closedAt?.toISOString() ?? null,
      total: items.length,
      concluded: items.filter((item) => item.conclusion !== null).length,
    };
  }

  async function list(actor: Actor) {
    const mine = db.select({ id: clueScreeningItems.screeningId }).from(clueScreeningItems).where(eq(clueScreeningItems.reviewerId, actor.userId));
    const rows = await db
      .select()
      .from(clueScreenings)
      .where(
        or(
          inArray(clueScreenings.id, mine),
          // Leaders see the batches of ledgers in their subtree; the case-management office those of its commission.
          hasRole(actor, 'leader', 'case_management_officer')
            ? sql`${clueScreenings.ledgerOrganizationId} in (select o.id from organizations o where o.path like ${`${await commissionScope.workingPath(actor, ledgerOffices)}%`})`
            : sql`false`,
        ),
      )
      .orderBy(desc(clueScreenings.createdAt))
      .limit(200);
    const items = rows.length ? await db.select().from(clueScreeningItems).where(inArray(clueScreeningItems.screeningId, rows.map((row) => row.id))) : [];
    return rows.map((row) => presentSummary(row, items.filter((item) => item.screeningId === row.id)));
  }

  async function create(actor: Actor, body: EndpointRequest<'createScreening'>['body']) {
    if (!hasRole(actor, 'leader')) throw new AppError('FORBIDDEN');
    const found = await db.select({ id: clues.id, ledgerOrganizationId: clues.ledgerOrganizationId }).from(clues).where(inArray(clues.id, body.clueIds));
    const visible = await cluesService.visibleIds(actor, body.clueIds);
    if (found.length !== new Set(body.clueIds).size || visible.size !== found.length) throw new AppError('NOT_FOUND');
    const ledgers = new Set(found.map((row) => row.ledgerOrganizationId));
    if (ledgers.size !== 1) throw new AppError('VALIDATION_FAILED', [{ path: 'body.clueIds', message: 'a batch covers the clues of one ledger' }]);
    const now = clock.now();
    const id = await db.transaction(async (tx) => {
      const [screening] = await tx
        .insert(clueScreenings)
        .values({ ledgerOrganizationId: [...ledgers][0], title: body.title, note: body.note ?? null, createdBy: actor.userId, createdByName: actor.displayName, createdAt: now })
        .returning();
      await tx.insert(clueScreeningItems).values([...new Set(body.clueIds)].map((clueId) => ({ screeningId: screening.id, clueId })));
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: screening.ledgerOrganizationId,
        action: 'clue_screening.create',
        subjectType: 'clue_screening',
        subjectId: screening.id,
        after: { title: body.title, clues: body.clueIds.length },
      });
      return screening.id;
    });
    return present(actor, id);
  }

  async function assignReviewer(actor: Actor, id: string, itemId: string, reviewerId: string) {
    const { screening, items, manage } = await load(actor, id);
    if (!manage || screening.status !== 'open') throw new AppError('FORBIDDEN');
    const item = items.find((entry) => entry.id === itemId);
    if (!item) throw new AppError('NOT_FOUND');
    // The reviewer is an officer of a body within the ledger (室组地).
    const ledgerPath = await ledgerPathOf(screening.ledgerOrganizationId);
    const [member] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.userId, reviewerId), sql`${organizations.path} like ${`${ledgerPath}%`}`))
      .limit(1);
    if (!member) throw new AppError('VALIDATION_FAILED', [{ path: 'body.reviewerId', message: 'not an officer of this commission' }]);
    await db.transaction(async (tx) => {
      await tx.update(clueScreeningItems).set({ reviewerId }).where(eq(clueScreeningItems.id, itemId));
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: screening.ledgerOrganizationId,
        action: 'clue_screening.assign',
        subjectType: 'clue_screening',
        subjectId: id,
        before: { itemId, reviewerId: item.reviewerId },
        after: { itemId, reviewerId },
      });
    });
    return present(actor, id);
  }

  async function conclude(actor: Actor, id: string, itemId: string, conclusion: string) {
    const { screening, items, manage } = await load(actor, id);
    const item = items.find((entry) => entry.id === itemId);
    if (!item) throw new AppError('NOT_FOUND');
    if (screening.status !== 'open' || (item.reviewerId !== actor.userId && !(manage && hasRole(actor, 'leader')))) throw new AppError('FORBIDDEN');
    await db.transaction(async (tx) => {
      await tx.update(clueScreeningItems).set({ conclusion, concludedAt: clock.now() }).where(eq(clueScreeningItems.id, itemId));
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: screening.ledgerOrganizationId,
        action: 'clue_screening.conclude',
        subjectType: 'clue_screening',
        subjectId: id,
        after: { itemId, clueId: item.clueId },
        reason: conclusion,
      });
    });
    return present(actor, id);
  }

  async function close(actor: Actor, id: string) {
    const { screening, items, manage } = await load(actor, id);
    if (!manage || !hasRole(actor, 'leader') || screening.status !== 'open') throw new AppError('FORBIDDEN');
    if (items.some((item) => item.conclusion === null)) throw new AppError('SCREENING_INCOMPLETE');
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(clueScreenings)
        .set({ status: 'closed', closedAt: clock.now() })
        .where(and(eq(clueScreenings.id, id), eq(clueScreenings.status, 'open')))
        .returning({ id: clueScreenings.id });
      if (updated.length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: screening.ledgerOrganizationId,
        action: 'clue_screening.close',
        subjectType: 'clue_screening',
        subjectId: id,
        after: { items: items.length },
      });
    });
    return present(actor, id);
  }

  return { list, create, get: present, assignReviewer, conclude, close };
}
export type ClueScreeningsService = ReturnType<typeof createClueScreeningsService>;
