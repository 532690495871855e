import type { FastifyInstance } from 'fastify';
import {
  cadreManagementLevelLabels,
  ClueListQuerySchema,
  clueSourceLabels,
  clueWorkflow,
  deadlineStateLabels,
  disposalTypeLabels,
  localize,
  objectLevelLabels,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import { parseInput, requireActor, staffRoute } from '../../platform/http/route.ts';
import { column, sendWorkbook } from '../../platform/http/excel-export.ts';
import { attachmentOwners } from '../files/files.routes.ts';
import type { CluesService } from './clues.service.ts';
import type { ClueScreeningsService } from './clue-screenings.service.ts';

export function cluesRoutes(app: FastifyInstance, { service, screenings }: { service: CluesService; screenings: ClueScreeningsService }): void {
  // Evidence of a clue is readable by whoever can see the clue (held in the subtree, or sent by the partner body).
  attachmentOwners.set('clue', async (actor: Actor, ownerId: string) => {
    if (!can(actor, 'clues.read')) return false;
    return service.isVisible(actor, ownerId);
  });

  staffRoute(app, 'listClues', { permission: 'clues.read' }, async ({ actor, query }) => service.list(actor, query));
  staffRoute(app, 'createClue', { permission: 'clues.register' }, async ({ actor, body }) => service.create(actor, body));
  staffRoute(app, 'getClue', { permission: 'clues.read' }, async ({ actor, params }) => service.detail(actor, params.id));
  staffRoute(app, 'updateClue', { permission: 'clues.register' }, async ({ actor, params, body }) => service.update(actor, params.id, body));
  staffRoute(app, 'applyClueAction', { permission: 'clues.read' }, async ({ actor, params, body }) => service.applyAction(actor, params.id, body));
  staffRoute(app, 'signClueDisposal', { permission: 'clues.read' }, async ({ actor, params, body }) => service.sign(actor, params.id, body));
  staffRoute(app, 'listClueHandlingBodies', { permission: 'clues.read' }, async ({ actor }) => service.handlingBodies(actor));
  staffRoute(app, 'listClueTransferTargets', { permission: 'clues.register' }, async ({ actor }) => {
    // Partner bodies send to a commission; staff transfer between ledgers.
    if (!hasRole(actor, 'case_management_officer', 'leader', 'partner_officer', 'handling_officer')) throw new AppError('FORBIDDEN');
    return service.transferTargets(actor);
  });
  staffRoute(app, 'listScreenings', { permission: 'clues.read' }, async ({ actor }) => screenings.list(actor));
  staffRoute(app, 'createScreening', { permission: 'clues.read' }, async ({ actor, body }) => screenings.create(actor, body));
  staffRoute(app, 'getScreening', { permission: 'clues.read' }, async ({ actor, params }) => screenings.get(actor, params.id));
  staffRoute(app, 'assignScreeningReviewer', { permission: 'clues.read' }, async ({ actor, params, body }) =>
    screenings.assignReviewer(actor, params.id, params.itemId, body.reviewerId),
  );
  staffRoute(app, 'concludeScreeningItem', { permission: 'clues.read' }, async ({ actor, params, body }) =>
    screenings.conclude(actor, params.id, params.itemId, body.conclusion),
  );
  staffRoute(app, 'closeScreening', { permission: 'clues.read' }, async ({ actor, params }) => screenings.close(actor, params.id));

  staffRoute(app, 'listClueApprovalRules', {}, async ({ actor, query }) => {
    if (!can(actor, 'clues.read') && !can(actor, 'clues.configure')) throw new AppError('FORBIDDEN');
    return service.approvalRules(actor, query.organizationId);
  });
  staffRoute(app, 'updateClueApprovalRule', { permission: 'clues.configure' }, async ({ actor, params, body }) =>
    service.updateApprovalRule(actor, params.organizationId, params.level, body.steps),
  );
  staffRoute(app, 'resetClueApprovalRule', { permission: 'clues.configure' }, async ({ actor, params }) => service.resetApprovalRule(actor, params.organizationId, params.level));

  app.get(
    '/api/clues/export.xlsx',
    { schema: { tags: ['Clues'], summary: 'The current ledger view as an Excel file (same filters as the list)', querystring: ClueListQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'clues.read')) throw new AppError('FORBIDDEN');
      const query = parseInput(ClueListQuerySchema, request.query, 'query', request.locale);
      const rows = await service.exportRows(actor, query);
      const locale = actor.locale;
      const en = locale === 'en';
      return sendWorkbook(reply, {
        locale,
        sheetName: { zhCN: '问题线索台账', en: 'Clue ledger' },
        fileName: { zhCN: '问题线索台账.xlsx', en: 'clues.xlsx' },
        columns: [
          column('线索编号', 'Ledger no.', 16),
          column('收到时间', 'Received', 18, 'yyyy-mm-dd hh:mm'),
          column('来源', 'Source', 14),
          column('标题', 'Title', 30),
          column('被反映人', 'Person concerned', 12),
          column('职务', 'Post', 14),
          column('单位', 'Unit', 20),
          column('职级', 'Rank', 12),
          column('管理权限', 'Managed by', 12),
          column('状态', 'Status', 16),
          column('处置方式', 'Disposal', 14),
          column('承办部门', 'Held by', 24),
          column('期限', 'Due', 14, 'yyyy-mm-dd'),
          column('期限状态', 'Deadline', 10),
          column('反映问题', 'Allegations', 60),
        ],
        rows: rows.map((row) => [
          row.serialNumber,
          new Date(row.receivedAt),
          localize(clueSourceLabels[row.source], locale),
          row.title,
          row.concernedName,
          row.concernedPost ?? '',
          row.concernedUnit ?? '',
          row.objectLevel ? localize(objectLevelLabels[row.objectLevel], locale) : '',
          row.cadreManagementLevel ? localize(cadreManagementLevelLabels[row.cadreManagementLevel], locale) : '',
          localize(clueWorkflow.states[row.status].label, locale),
          row.disposalType ? localize(disposalTypeLabels[row.disposalType], locale) : '',
          row.organizationName,
          row.dueAt ? new Date(row.dueAt) : '',
          row.deadlineState ? localize(deadlineStateLabels[row.deadlineState], locale) : '',
          row.allegations,
        ]),
      });
    },
  );
}
