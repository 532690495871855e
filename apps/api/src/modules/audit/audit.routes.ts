import type { FastifyInstance } from 'fastify';
import { verifyAuditChain } from '../../platform/audit/audit.service.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { staffRoute } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/platform.ts';
import { listAuditEntries } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, { db }: Pick<Platform, 'db'>): void {
  staffRoute(app, 'listAuditEntries', { permission: 'audit.read' }, ({ actor, query }) => listAuditEntries(db, actor, query));

  // Recomputing the whole chain is heavy and concerns every body: administrators only.
  staffRoute(app, 'verifyAudit', { permission: 'audit.read' }, async ({ actor }) => {
    if (!hasRole(actor, 'administrator')) throw new AppError('FORBIDDEN');
    return verifyAuditChain(db);
  });
}
