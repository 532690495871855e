import type { FastifyInstance } from 'fastify';
import {
  CaseListQuerySchema,
  caseWorkflow,
  ClueMetricsQuerySchema,
  clueSourceLabels,
  deadlineStateLabels,
  disposalTypeLabels,
  fourFormLabels,
  localize,
  sanctionCategoryLabels,
  SanctionListQuerySchema,
  sanctionTypes,
  type ClueMetrics,
  type Locale,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import { staffRoute } from '../../platform/http/route.ts';
import { column, exportRoute, ledgerColumn, ledgerSheet, type Worksheet } from '../../platform/http/excel-export.ts';
import { personView } from '../clues/index.ts';
import { applyCaseAction } from './actions.ts';
import { applyAppealAction, fileAppeal } from './appeals.ts';
import type { CasesContext } from './cases.context.ts';
import { clueMetrics } from './clue-metrics.ts';
import { caseDetail } from './detail.ts';
import { documentSubjectVisible, issueDocument } from './documents.ts';
import { exportCases, exportSanctions, listCases, listSanctions, personHistory } from './lists.ts';
import { addMeasure, updateMeasure } from './measures.ts';
import { listChecklists, monthReviews, reviewCase, reviewSummary, saveChecklist } from './quality.ts';

type CaseExportRow = Awaited<ReturnType<typeof exportCases>>[number];
type SanctionExportRow = Awaited<ReturnType<typeof exportSanctions>>[number];

const caseLedger = {
  sheetName: { zhCN: '立案审查调查台账', en: 'Cases' },
  fileName: { zhCN: '立案审查调查台账.xlsx', en: 'cases.xlsx' },
  columns: [
    ledgerColumn<CaseExportRow>('立案编号', 'Case no.', 16, (row) => row.caseNumber),
    ledgerColumn<CaseExportRow>('立案时间', 'Filed', 18, (row) => new Date(row.filedAt), 'yyyy-mm-dd'),
    ledgerColumn<CaseExportRow>('被审查调查人', 'Person', 12, (row) => row.concernedName),
    ledgerColumn<CaseExportRow>('职务', 'Post', 14, (row) => row.concernedPost ?? ''),
    ledgerColumn<CaseExportRow>('单位', 'Unit', 20, (row) => row.concernedUnit ?? ''),
    ledgerColumn<CaseExportRow>('案由', 'Title', 30, (row) => row.title),
    ledgerColumn<CaseExportRow>('状态', 'Status', 14, (row, locale) => localize(caseWorkflow.states[row.status].label, locale)),
    ledgerColumn<CaseExportRow>('承办部门', 'Investigating body', 24, (row) => row.organizationName),
    ledgerColumn<CaseExportRow>('决定时间', 'Decided', 14, (row) => (row.decidedAt ? new Date(row.decidedAt) : ''), 'yyyy-mm-dd'),
    ledgerColumn<CaseExportRow>('期限', 'Due', 14, (row) => (row.dueAt ? new Date(row.dueAt) : ''), 'yyyy-mm-dd'),
    ledgerColumn<CaseExportRow>('期限状态', 'Deadline', 10, (row, locale) => (row.deadlineState ? localize(deadlineStateLabels[row.deadlineState], locale) : '')),
    ledgerColumn<CaseExportRow>('问题', 'Allegations', 60, (row) => row.allegations),
  ],
};

const yesNo = (value: boolean, locale: Locale) => (locale === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否');

const sanctionLedger = {
  sheetName: { zhCN: '处分台账', en: 'Sanctions' },
  fileName: { zhCN: '处分台账.xlsx', en: 'sanctions.xlsx' },
  columns: [
    ledgerColumn<SanctionExportRow>('立案编号', 'Case no.', 16, (row) => row.caseNumber),
    ledgerColumn<SanctionExportRow>('姓名', 'Name', 12, (row) => row.concernedName),
    ledgerColumn<SanctionExportRow>('单位', 'Unit', 20, (row) => row.concernedUnit ?? ''),
    ledgerColumn<SanctionExportRow>('类别', 'Category', 14, (row, locale) => localize(sanctionCategoryLabels[row.category], locale)),
    ledgerColumn<SanctionExportRow>('处分', 'Sanction', 18, (row, locale) => localize(sanctionTypes[row.type].label, locale)),
    ledgerColumn<SanctionExportRow>('四种形态', 'Four forms', 12, (row, locale) => (row.fourForm ? localize(fourFormLabels[row.fourForm], locale) : '')),
    ledgerColumn<SanctionExportRow>('决定日期', 'Decided', 12, (row) => row.decidedOn),
    ledgerColumn<SanctionExportRow>('生效日期', 'Effective', 12, (row) => row.effectiveFrom),
    ledgerColumn<SanctionExportRow>('影响期满', 'Effect ends', 12, (row, locale) => (row.permanent ? (locale === 'en' ? 'permanent' : '永久') : (row.effectEndsOn ?? ''))),
    ledgerColumn<SanctionExportRow>('影响期内', 'In effect', 10, (row, locale) => yesNo(row.inEffect, locale)),
    ledgerColumn<SanctionExportRow>('决定机关', 'Deciding body', 24, (row) => row.organizationName),
  ],
};

/** The clue metrics as one worksheet: the headline figures, then by source, disposal, four forms and body. */
function metricsSheet(metrics: ClueMetrics, locale: Locale): Worksheet {
  const en = locale === 'en';
  const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(1)}%`);
  const rows: unknown[][] = [
    [en ? 'Body' : '统计单位', metrics.organizationName, '', ''],
    [en ? 'Period' : '统计期间', `${metrics.from} ~ ${metrics.to}`, '', ''],
    [en ? 'Clues received' : '受理线索', metrics.received, '', ''],
    [en ? 'Disposed' : '已处置', metrics.disposed, en ? 'Disposal rate' : '处置率', percent(metrics.disposalRate)],
    [en ? 'Overdue now' : '当前超期', metrics.overdue, en ? 'Backlog at period end' : '期末存量', metrics.backlog],
    [en ? 'Cases filed' : '立案', metrics.funnel.cases, en ? 'Conversion rate' : '成案率', percent(metrics.conversionRate)],
    [en ? 'Persons sanctioned' : '处分人数', metrics.funnel.personsSanctioned, '', ''],
    [],
    [en ? 'By source' : '按来源', en ? 'Received' : '受理', en ? 'Disposed' : '处置', en ? 'Cases' : '立案'],
    ...metrics.bySource.map((row) => [localize(clueSourceLabels[row.source], locale), row.received, row.disposed, row.cases]),
    [],
    [en ? 'By disposal' : '按处置方式', en ? 'Clues' : '件数', '', ''],
    ...metrics.byDisposal.map((row) => [localize(disposalTypeLabels[row.disposalType], locale), row.count, '', '']),
    [],
    [en ? 'Four forms' : '四种形态', en ? 'Persons' : '人次', '', ''],
    ...metrics.fourForms.map((row) => [localize(fourFormLabels[row.fourForm], locale), row.persons, '', '']),
    [],
    [en ? 'By body' : '按单位', en ? 'Received' : '受理', en ? 'Disposed' : '处置', en ? 'Cases' : '立案', en ? 'Persons sanctioned' : '处分人数', en ? 'Overdue now' : '当前超期'],
    ...metrics.byBody.map((row) => [row.own ? `${row.name}${en ? ' (held directly)' : '（本级）'}` : row.name, row.received, row.disposed, row.cases, row.personsSanctioned, row.overdue]),
  ];
  return {
    sheetName: { zhCN: '线索处置统计', en: 'Clue metrics' },
    fileName: { zhCN: `线索处置统计${metrics.from}至${metrics.to}.xlsx`, en: `clue-metrics-${metrics.from}-${metrics.to}.xlsx` },
    columns: [column('项目', 'Item', 30), column('数值', 'Value', 14), column('', '', 18), column('', '', 14), column('', '', 14), column('', '', 14)],
    rows,
  };
}

const forbiddenUnless = (allowed: boolean) => {
  if (!allowed) throw new AppError('FORBIDDEN');
};
const mayReadMetrics = (actor: Actor) => can(actor, 'clues.read') && hasRole(actor, 'case_management_officer', 'handling_officer', 'leader');

export function casesRoutes(app: FastifyInstance, context: CasesContext): void {
  // A change answers with the record as the actor now sees it; the use case itself only writes.
  const andDetail = async (change: Promise<unknown>, actor: Actor, id: string) => {
    await change;
    return caseDetail(context, actor, id);
  };
  staffRoute(app, 'listCases', { permission: 'cases.read' }, async ({ actor, query }) => listCases(context, actor, query));
  staffRoute(app, 'getCase', { permission: 'cases.read' }, async ({ actor, params }) => caseDetail(context, actor, params.id));
  staffRoute(app, 'applyCaseAction', { permission: 'cases.read' }, async ({ actor, params, body }) => andDetail(applyCaseAction(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'addCaseMeasure', { permission: 'cases.read' }, async ({ actor, params, body }) => andDetail(addMeasure(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'updateCaseMeasure', { permission: 'cases.read' }, async ({ actor, params, body }) => andDetail(updateMeasure(context, actor, params.id, params.measureId, body), actor, params.id));
  staffRoute(app, 'fileCaseAppeal', { permission: 'cases.read' }, async ({ actor, params, body }) => andDetail(fileAppeal(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'applyCaseAppealAction', { permission: 'cases.read' }, async ({ actor, params, body }) => applyAppealAction(context, actor, params.id, body));
  reviewAndRegisterRoutes(app, context);
  exportRoutes(app, context);
}

/** Case-quality review, the sanctions register, the clue metrics, the person view and official documents. */
function reviewAndRegisterRoutes(app: FastifyInstance, context: CasesContext): void {
  // Case-quality review: administrators keep the checklists; the case-management office and leaders score cases.
  const reviewer = (actor: Actor) => forbiddenUnless(hasRole(actor, 'case_management_officer', 'leader'));
  staffRoute(app, 'listReviewChecklists', {}, async ({ actor }) => {
    forbiddenUnless(can(actor, 'clues.configure') || hasRole(actor, 'case_management_officer', 'leader'));
    return listChecklists(context);
  });
  staffRoute(app, 'createReviewChecklist', { permission: 'clues.configure' }, async ({ actor, body }) => saveChecklist(context, actor, null, body));
  staffRoute(app, 'updateReviewChecklist', { permission: 'clues.configure' }, async ({ actor, params, body }) => saveChecklist(context, actor, params.id, body));
  staffRoute(app, 'createCaseReview', { permission: 'cases.read' }, async ({ actor, params, body }) => {
    reviewer(actor);
    return reviewCase(context, actor, params.id, body);
  });
  staffRoute(app, 'listCaseReviews', { permission: 'cases.read' }, async ({ actor, query }) => {
    reviewer(actor);
    return monthReviews(context, actor, query.month);
  });
  staffRoute(app, 'caseReviewSummary', { permission: 'cases.read' }, async ({ actor, query }) => {
    reviewer(actor);
    return reviewSummary(context, actor, query.month);
  });

  staffRoute(app, 'listSanctions', { permission: 'cases.read' }, async ({ actor, query }) => listSanctions(context, actor, query));
  staffRoute(app, 'getClueMetrics', { permission: 'clues.read' }, async ({ actor, query }) => {
    forbiddenUnless(hasRole(actor, 'case_management_officer', 'handling_officer', 'leader'));
    return clueMetrics(context, actor, query);
  });
  staffRoute(app, 'getCluePerson', { permission: 'clues.persons' }, async ({ actor, params }) => {
    const person = await personView(context.clues, actor, params.id);
    return { ...person, ...(await personHistory(context, actor, params.id)) };
  });

  staffRoute(app, 'issueDocument', {}, async ({ actor, body }) => issueDocument(context, actor, body));
  staffRoute(app, 'listDocumentTemplates', {}, async ({ actor, query }) => {
    forbiddenUnless(can(actor, 'clues.read') || can(actor, 'cases.read') || can(actor, 'clues.configure'));
    return context.documentTemplates.list(actor, query.organizationId);
  });
  staffRoute(app, 'updateDocumentTemplate', { permission: 'clues.configure' }, async ({ actor, params, body }) =>
    context.documentTemplates.update(actor, params.organizationId, params.kind, body),
  );
  staffRoute(app, 'resetDocumentTemplate', { permission: 'clues.configure' }, async ({ actor, params }) => context.documentTemplates.reset(actor, params.organizationId, params.kind));
  staffRoute(app, 'listDocuments', {}, async ({ actor, query }) => {
    if (!(await documentSubjectVisible(context, actor, query.subjectType, query.subjectId))) throw new AppError('NOT_FOUND');
    return context.documents.list(query.subjectType, query.subjectId);
  });
}

/** The Excel exports: the case list, the sanctions register, the clue metrics. */
function exportRoutes(app: FastifyInstance, context: CasesContext): void {
  exportRoute(app, {
    url: '/api/cases/export.xlsx',
    tag: 'Cases',
    summary: 'The current case list as an Excel file (same filters as the list)',
    query: CaseListQuerySchema,
    authorize: (actor) => forbiddenUnless(can(actor, 'cases.read')),
    worksheet: async (actor, query) => ledgerSheet(caseLedger, await exportCases(context, actor, query), actor.locale),
  });
  exportRoute(app, {
    url: '/api/sanctions/export.xlsx',
    tag: 'Cases',
    summary: 'The sanctions register as an Excel file (same filters as the list)',
    query: SanctionListQuerySchema,
    authorize: (actor) => forbiddenUnless(can(actor, 'cases.read')),
    worksheet: async (actor, query) => ledgerSheet(sanctionLedger, await exportSanctions(context, actor, query), actor.locale),
  });
  exportRoute(app, {
    url: '/api/clue-metrics/export.xlsx',
    tag: 'Clues',
    summary: 'The clue metrics of a period as an Excel file',
    query: ClueMetricsQuerySchema,
    authorize: (actor) => forbiddenUnless(mayReadMetrics(actor)),
    worksheet: async (actor, query) => metricsSheet(await clueMetrics(context, actor, query), actor.locale),
  });
}
