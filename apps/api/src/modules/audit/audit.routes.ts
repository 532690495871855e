import type { FastifyInstance } from 'fastify';
import { and, count, desc, eq, gte, lte, or, isNull, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '@guantong/contracts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { verifyAuditChain } from '../../platform/audit/audit.service.ts';
import { inActorScope } from '../../platform/auth/actor.ts';
import { staffRoute } from '../../platform/http/route.ts';
import { pageResult } from '../../platform/http/pagination.ts';
import type { Platform } from '../../platform/platform.ts';
import { AppError } from '../../platform/errors.ts';

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

export function auditRoutes(app: FastifyInstance, { db }: Pick<Platform, 'db'>): void {
  staffRoute(app, 'listAuditEntries', { permission: 'audit.read' }, async ({ actor, query }) => {
    // Entries about the actor's subtree; entries with no body (sign-ins) only for the top-level administrators' view of themselves.
    const conditions: SQL[] = [or(inActorScope(auditLog.organizationId, actor), and(isNull(auditLog.organizationId), eq(auditLog.actorId, actor.userId)))!];
    if (query.action) conditions.push(eq(auditLog.action, query.action));
    if (query.subjectType) conditions.push(eq(auditLog.subjectType, query.subjectType));
    if (query.subjectId) conditions.push(eq(auditLog.subjectId, query.subjectId));
    if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
    if (query.from) conditions.push(gte(auditLog.occurredAt, new Date(query.from)));
    if (query.to) conditions.push(lte(auditLog.occurredAt, new Date(query.to)));
    const where = and(...conditions);
    const [rows, [{ total }]] = await Promise.all([
      db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
      db.select({ total: count() }).from(auditLog).where(where),
    ]);
    return pageResult(rows.map(present), total, query);
  });

  staffRoute(app, 'verifyAudit', { permission: 'audit.read' }, async ({ actor }) => {
    if (!actor.roles.includes('administrator')) throw new AppError('FORBIDDEN');
    return verifyAuditChain(db);
  });
}
