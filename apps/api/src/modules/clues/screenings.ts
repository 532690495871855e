import type { EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import { userNames } from '../../platform/identity/user-names.ts';
import type { CluesContext } from './clues.context.ts';
import { bodyById, cluesLedgers } from './clues.repository.ts';
import { clueSummaries, visibleClueIds } from './ledger.ts';
import {
  closeOpenScreening,
  insertScreening,
  isOfficerUnder,
  itemsOf,
  screeningById,
  screeningsFor,
  setConclusion,
  setReviewer,
  type ScreeningItemRow,
  type ScreeningRow,
} from './screenings.repository.ts';

// Joint screening (集中排查): a leader gathers clues held by several offices, groups and townships (室组地) of one ledger
// into a batch, assigns a reviewer to each, and closes the batch once each has a conclusion.

const ledgerOffices = new Set(['case_management_office']);

async function ledgerPathOf(context: CluesContext, ledgerOrganizationId: string): Promise<string> {
  const body = await bodyById(context.db, ledgerOrganizationId);
  if (!body) throw new AppError('NOT_FOUND');
  return body.path;
}

/** Leaders at or above the ledger, and its case-management office, manage a batch; reviewers see theirs. */
async function mayManage(context: CluesContext, actor: Actor, ledgerOrganizationId: string): Promise<boolean> {
  const ledgerPath = await ledgerPathOf(context, ledgerOrganizationId);
  return hasRole(actor, 'leader', 'case_management_officer') && (ledgerPath.startsWith(actor.organizationPath) || actor.organizationPath.startsWith(ledgerPath));
}

async function load(context: CluesContext, actor: Actor, id: string) {
  const screening = await screeningById(context.db, id);
  if (!screening) throw new AppError('NOT_FOUND');
  const manage = await mayManage(context, actor, screening.ledgerOrganizationId);
  const items = await itemsOf(context.db, [id]);
  if (!manage && !items.some((item) => item.reviewerId === actor.userId)) throw new AppError('NOT_FOUND');
  return { screening, items, manage };
}

function presentSummary(screening: ScreeningRow, items: ScreeningItemRow[]) {
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

export async function screeningDetail(context: CluesContext, actor: Actor, id: string) {
  const { screening, items, manage } = await load(context, actor, id);
  const summaries = await clueSummaries(context, items.map((item) => item.clueId));
  const names = await userNames(context.db, items.flatMap((item) => (item.reviewerId ? [item.reviewerId] : [])));
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

export async function listScreenings(context: CluesContext, actor: Actor) {
  // Leaders see the batches of ledgers in their subtree; the case-management office those of its commission.
  const ledgersUnder = hasRole(actor, 'leader', 'case_management_officer') ? await context.commissionScope.workingPath(actor, ledgerOffices) : null;
  const rows = await screeningsFor(context.db, actor.userId, ledgersUnder);
  const items = await itemsOf(context.db, rows.map((row) => row.id));
  return rows.map((row) => presentSummary(row, items.filter((item) => item.screeningId === row.id)));
}

export async function createScreening(context: CluesContext, actor: Actor, body: EndpointRequest<'createScreening'>['body']) {
  const { db, clock } = context;
  if (!hasRole(actor, 'leader')) throw new AppError('FORBIDDEN');
  const found = await cluesLedgers(db, body.clueIds);
  const visible = await visibleClueIds(context, actor, body.clueIds);
  if (found.length !== new Set(body.clueIds).size || visible.size !== found.length) throw new AppError('NOT_FOUND');
  const ledgers = new Set(found.map((row) => row.ledgerOrganizationId));
  if (ledgers.size !== 1) throw new AppError('VALIDATION_FAILED', [{ path: 'body.clueIds', message: 'a batch covers the clues of one ledger' }]);
  const id = await db.transaction(async (tx) => {
    const screening = await insertScreening(
      tx,
      { ledgerOrganizationId: [...ledgers][0], title: body.title, note: body.note ?? null, createdBy: actor.userId, createdByName: actor.displayName, createdAt: clock.now() },
      [...new Set(body.clueIds)],
    );
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
  return screeningDetail(context, actor, id);
}

export async function assignScreeningReviewer(context: CluesContext, actor: Actor, id: string, itemId: string, reviewerId: string) {
  const { db, clock } = context;
  const { screening, items, manage } = await load(context, actor, id);
  if (!manage || screening.status !== 'open') throw new AppError('FORBIDDEN');
  const item = items.find((entry) => entry.id === itemId);
  if (!item) throw new AppError('NOT_FOUND');
  // The reviewer is an officer of a body within the ledger (室组地).
  if (!(await isOfficerUnder(db, reviewerId, await ledgerPathOf(context, screening.ledgerOrganizationId)))) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.reviewerId', message: 'not an officer of this commission' }]);
  }
  await db.transaction(async (tx) => {
    await setReviewer(tx, itemId, reviewerId);
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
  return screeningDetail(context, actor, id);
}

export async function concludeScreeningItem(context: CluesContext, actor: Actor, id: string, itemId: string, conclusion: string) {
  const { db, clock } = context;
  const { screening, items, manage } = await load(context, actor, id);
  const item = items.find((entry) => entry.id === itemId);
  if (!item) throw new AppError('NOT_FOUND');
  if (screening.status !== 'open' || (item.reviewerId !== actor.userId && !(manage && hasRole(actor, 'leader')))) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    await setConclusion(tx, itemId, conclusion, clock.now());
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
  return screeningDetail(context, actor, id);
}

export async function closeScreening(context: CluesContext, actor: Actor, id: string) {
  const { db, clock } = context;
  const { screening, items, manage } = await load(context, actor, id);
  if (!manage || !hasRole(actor, 'leader') || screening.status !== 'open') throw new AppError('FORBIDDEN');
  if (items.some((item) => item.conclusion === null)) throw new AppError('SCREENING_INCOMPLETE');
  await db.transaction(async (tx) => {
    if (!(await closeOpenScreening(tx, id, clock.now()))) throw new AppError('WORKFLOW_STATE_CHANGED');
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
  return screeningDetail(context, actor, id);
}
