import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuditEntry, PageQuery } from '@guantong/contracts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { cappedCountQuery, countCapped, pageResult } from '../../platform/http/pagination.ts';

export interface AuditListFilter extends PageQuery {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

function present(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    organizationId: row.organizationId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: row.before,
    after: row.after,
    reason: row.reason,
    hash: row.hash,
  };
}

function whereOf(actor: Actor, filter: AuditListFilter): SQL | undefined {
  // Every entry names the body it concerns, so one index-friendly condition scopes the trail.
  const conditions: SQL[] = [inActorScope(auditLog.organizationId, actor)];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.subjectType) conditions.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditLog.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditLog.occurredAt, new Date(filter.to)));
  return and(...conditions);
}

/** The two statements of one page of the trail (newest first), shared with the benchmark. */
export function auditListQueries(db: DbOrTx, actor: Actor, filter: AuditListFilter) {
  const where = whereOf(actor, filter);
  return {
    where,
    page: db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    count: cappedCountQuery(db, auditLog, where),
  };
}

export async function listAuditEntries(db: DbOrTx, actor: Actor, filter: AuditListFilter) {
  const { where, page } = auditListQueries(db, actor, filter);
  const [rows, counted] = await Promise.all([page, countCapped(db, auditLog, where)]);
  return pageResult(rows.map(present), counted, filter);
}
