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
import { staffRoute } from '../../platform/http/route.ts';
import { exportRoute, ledgerColumn, ledgerSheet } from '../../platform/http/excel-export.ts';
import { applyClueAction } from './actions.ts';
import { approvalRules, resetApprovalRule, updateApprovalRule } from './approval-rules.ts';
import { signDisposal } from './approvals.ts';
import type { CluesContext } from './clues.context.ts';
import { clueDetail } from './detail.ts';
import { updateClue } from './editing.ts';
import { exportClues, listClues } from './ledger.ts';
import { handlingBodies, transferTargets } from './ledgers.ts';
import { createClue } from './registration.ts';
import { assignScreeningReviewer, closeScreening, concludeScreeningItem, createScreening, listScreenings, screeningDetail } from './screenings.ts';

type ExportRow = Awaited<ReturnType<typeof exportClues>>[number];

// The ledger as offices keep it (问题线索台账), column by column.
const ledger = {
  sheetName: { zhCN: '问题线索台账', en: 'Clue ledger' },
  fileName: { zhCN: '问题线索台账.xlsx', en: 'clues.xlsx' },
  columns: [
    ledgerColumn<ExportRow>('线索编号', 'Ledger no.', 16, (row) => row.serialNumber),
    ledgerColumn<ExportRow>('收到时间', 'Received', 18, (row) => new Date(row.receivedAt), 'yyyy-mm-dd hh:mm'),
    ledgerColumn<ExportRow>('来源', 'Source', 14, (row, locale) => localize(clueSourceLabels[row.source], locale)),
    ledgerColumn<ExportRow>('标题', 'Title', 30, (row) => row.title),
    ledgerColumn<ExportRow>('被反映人', 'Person concerned', 12, (row) => row.concernedName),
    ledgerColumn<ExportRow>('职务', 'Post', 14, (row) => row.concernedPost ?? ''),
    ledgerColumn<ExportRow>('单位', 'Unit', 20, (row) => row.concernedUnit ?? ''),
    ledgerColumn<ExportRow>('职级', 'Rank', 12, (row, locale) => (row.objectLevel ? localize(objectLevelLabels[row.objectLevel], locale) : '')),
    ledgerColumn<ExportRow>('管理权限', 'Managed by', 12, (row, locale) => (row.cadreManagementLevel ? localize(cadreManagementLevelLabels[row.cadreManagementLevel], locale) : '')),
    ledgerColumn<ExportRow>('状态', 'Status', 16, (row, locale) => localize(clueWorkflow.states[row.status].label, locale)),
    ledgerColumn<ExportRow>('处置方式', 'Disposal', 14, (row, locale) => (row.disposalType ? localize(disposalTypeLabels[row.disposalType], locale) : '')),
    ledgerColumn<ExportRow>('承办部门', 'Held by', 24, (row) => row.organizationName),
    ledgerColumn<ExportRow>('期限', 'Due', 14, (row) => (row.dueAt ? new Date(row.dueAt) : ''), 'yyyy-mm-dd'),
    ledgerColumn<ExportRow>('期限状态', 'Deadline', 10, (row, locale) => (row.deadlineState ? localize(deadlineStateLabels[row.deadlineState], locale) : '')),
    ledgerColumn<ExportRow>('反映问题', 'Allegations', 60, (row) => row.allegations),
  ],
};

export function cluesRoutes(app: FastifyInstance, context: CluesContext): void {
  // A change answers with the record as the actor now sees it; the use case itself only writes.
  const andDetail = async (change: Promise<unknown>, actor: Actor, id: string) => {
    await change;
    return clueDetail(context, actor, id);
  };
  staffRoute(app, 'listClues', { permission: 'clues.read' }, async ({ actor, query }) => listClues(context, actor, query));
  staffRoute(app, 'createClue', { permission: 'clues.register' }, async ({ actor, body }) => clueDetail(context, actor, await createClue(context, actor, body)));
  staffRoute(app, 'getClue', { permission: 'clues.read' }, async ({ actor, params }) => clueDetail(context, actor, params.id));
  staffRoute(app, 'updateClue', { permission: 'clues.register' }, async ({ actor, params, body }) => andDetail(updateClue(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'applyClueAction', { permission: 'clues.read' }, async ({ actor, params, body }) => andDetail(applyClueAction(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'signClueDisposal', { permission: 'clues.read' }, async ({ actor, params, body }) => andDetail(signDisposal(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'listClueHandlingBodies', { permission: 'clues.read' }, async ({ actor }) => handlingBodies(context, actor));
  staffRoute(app, 'listClueTransferTargets', { permission: 'clues.register' }, async ({ actor }) => {
    // Partner bodies send to a commission; staff transfer between ledgers.
    if (!hasRole(actor, 'case_management_officer', 'leader', 'partner_officer', 'handling_officer')) throw new AppError('FORBIDDEN');
    return transferTargets(context, actor);
  });
  staffRoute(app, 'listScreenings', { permission: 'clues.read' }, async ({ actor }) => listScreenings(context, actor));
  staffRoute(app, 'createScreening', { permission: 'clues.read' }, async ({ actor, body }) => createScreening(context, actor, body));
  staffRoute(app, 'getScreening', { permission: 'clues.read' }, async ({ actor, params }) => screeningDetail(context, actor, params.id));
  staffRoute(app, 'assignScreeningReviewer', { permission: 'clues.read' }, async ({ actor, params, body }) =>
    assignScreeningReviewer(context, actor, params.id, params.itemId, body.reviewerId),
  );
  staffRoute(app, 'concludeScreeningItem', { permission: 'clues.read' }, async ({ actor, params, body }) =>
    concludeScreeningItem(context, actor, params.id, params.itemId, body.conclusion),
  );
  staffRoute(app, 'closeScreening', { permission: 'clues.read' }, async ({ actor, params }) => closeScreening(context, actor, params.id));

  staffRoute(app, 'listClueApprovalRules', {}, async ({ actor, query }) => {
    if (!can(actor, 'clues.read') && !can(actor, 'clues.configure')) throw new AppError('FORBIDDEN');
    return approvalRules(context, actor, query.organizationId);
  });
  staffRoute(app, 'updateClueApprovalRule', { permission: 'clues.configure' }, async ({ actor, params, body }) =>
    updateApprovalRule(context, actor, params.organizationId, params.level, body.steps),
  );
  staffRoute(app, 'resetClueApprovalRule', { permission: 'clues.configure' }, async ({ actor, params }) => resetApprovalRule(context, actor, params.organizationId, params.level));

  exportRoute(app, {
    url: '/api/clues/export.xlsx',
    tag: 'Clues',
    summary: 'The current ledger view as an Excel file (same filters as the list)',
    query: ClueListQuerySchema,
    authorize: (actor) => {
      if (!can(actor, 'clues.read')) throw new AppError('FORBIDDEN');
    },
    worksheet: async (actor, query) => ledgerSheet(ledger, await exportClues(context, actor, query), actor.locale),
  });
}
