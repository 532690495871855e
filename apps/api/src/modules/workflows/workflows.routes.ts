import type { FastifyInstance } from 'fastify';
import { toWorkflowJson } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { hasRole, inActorScope } from '../../platform/auth/actor.ts';
import { staffRoute } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/platform.ts';
import type { WorkflowCatalog } from '../../platform/workflow/workflow-catalog.ts';
import { deadlines as deadlinesTable } from '../../platform/deadlines/deadlines.table.ts';
import { and, eq } from 'drizzle-orm';
import { createDeadlineRulesService } from './deadline-rules.service.ts';

export function workflowsRoutes(app: FastifyInstance, { db, clock, deadlines }: Pick<Platform, 'db' | 'clock' | 'deadlines'>, catalog: WorkflowCatalog): void {
  const rules = createDeadlineRulesService({ db, clock }, catalog);
  staffRoute(app, 'listWorkflows', { permission: 'workflows.read' }, async () => catalog.all().map(toWorkflowJson));

  staffRoute(app, 'getWorkflow', { permission: 'workflows.read' }, async ({ params }) => {
    const definition = catalog.get(params.workflowId);
    if (!definition) throw new AppError('NOT_FOUND');
    return toWorkflowJson(definition);
  });

  staffRoute(app, 'listDeadlineRules', { permission: 'workflows.read' }, () => rules.list());
  staffRoute(app, 'updateDeadlineRule', { permission: 'workflows.manage' }, ({ actor, params, body }) => rules.update(actor, params.key, body));
  staffRoute(app, 'resetDeadlineRule', { permission: 'workflows.manage' }, ({ actor, params }) => rules.reset(actor, params.key));

  // Extending a statutory period needs a leader's approval (e.g. 信访工作条例 art.34: head of the handling body).
  staffRoute(app, 'extendDeadline', {}, async ({ actor, params, body }) => {
    if (!hasRole(actor, 'leader')) throw new AppError('FORBIDDEN');
    const [row] = await db
      .select()
      .from(deadlinesTable)
      .where(and(eq(deadlinesTable.id, params.id), inActorScope(deadlinesTable.organizationId, actor)));
    if (!row) throw new AppError('NOT_FOUND');
    const rule = catalog.get(row.workflowId)?.states[row.stateKey]?.deadline;
    if (!rule) throw new AppError('DEADLINE_NOT_EXTENDABLE');
    return deadlines.present(await deadlines.extend(actor, row, rule, body));
  });
}
