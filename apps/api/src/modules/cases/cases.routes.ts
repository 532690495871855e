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
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import { parseInput, requireActor, staffRoute } from '../../platform/http/route.ts';
import { column, sendWorkbook } from '../../platform/http/excel-export.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import type { DocumentTemplates } from '../../platform/documents/document-templates.ts';
import { attachmentOwners } from '../files/files.routes.ts';
import type { CluesService } from '../clues/clues.service.ts';
import type { CasesService } from './cases.service.ts';
import type { CaseQualityService } from './case-quality.service.ts';
import { composeDocument } from './documents.compose.ts';

export function casesRoutes(
  app: FastifyInstance,
  {
    service,
    clues,
    documents,
    documentTemplates,
    quality,
  }: { service: CasesService; clues: CluesService; documents: DocumentsService; documentTemplates: DocumentTemplates; quality: CaseQualityService },
): void {
  attachmentOwners.set('case', async (actor, ownerId) => can(actor, 'cases.read') && service.isVisible(actor, ownerId));
  // A document's Word file is readable by whoever sees the clue or case it was issued for.
  attachmentOwners.set('document', async (actor, ownerId) => {
    const subject = await documents.subjectOf(ownerId);
    if (!subject) return false;
    return subjectVisible(actor, subject.subjectType, subject.subjectId);
  });

  async function subjectVisible(actor: Actor, subjectType: 'clue' | 'case', subjectId: string): Promise<boolean> {
    if (subjectType === 'clue') return can(actor, 'clues.read') && clues.isVisible(actor, subjectId);
    return can(actor, 'cases.read') && service.isVisible(actor, subjectId);
  }

  staffRoute(app, 'listCases', { permission: 'cases.read' }, async ({ actor, query }) => service.list(actor, query));
  staffRoute(app, 'getCase', { permission: 'cases.read' }, async ({ actor, params }) => service.detail(actor, params.id));
  staffRoute(app, 'applyCaseAction', { permission: 'cases.read' }, async ({ actor, params, body }) => service.applyAction(actor, params.id, body));
  staffRoute(app, 'addCaseMeasure', { permission: 'cases.read' }, async ({ actor, params, body }) => service.addMeasure(actor, params.id, body));
  staffRoute(app, 'updateCaseMeasure', { permission: 'cases.read' }, async ({ actor, params, body }) => service.updateMeasure(actor, params.id, params.measureId, body));
  staffRoute(app, 'fileCaseAppeal', { permission: 'cases.read' }, async ({ actor, params, body }) => service.fileAppeal(actor, params.id, body));
  staffRoute(app, 'applyCaseAppealAction', { permission: 'cases.read' }, async ({ actor, params, body }) => service.applyAppealAction(actor, params.id, body));

  // Case-quality review: administrators keep the checklists; the case-management office and leaders score cases.
  const reviewer = (actor: Actor) => {
    if (!hasRole(actor, 'case_management_officer', 'leader')) throw new AppError('FORBIDDEN');
  };
  staffRoute(app, 'listReviewChecklists', {}, async ({ actor }) => {
    if (!can(actor, 'clues.configure') && !hasRole(actor, 'case_management_officer', 'leader')) throw new AppError('FORBIDDEN');
    return quality.listChecklists();
  });
  staffRoute(app, 'createReviewChecklist', { permission: 'clues.configure' }, async ({ actor, body }) => quality.saveChecklist(actor, null, body));
  staffRoute(app, 'updateReviewChecklist', { permission: 'clues.configure' }, async ({ actor, params, body }) => quality.saveChecklist(actor, params.id, body));
  staffRoute(app, 'createCaseReview', { permission: 'cases.read' }, async ({ actor, params, body }) => {
    reviewer(actor);
    return quality.review(actor, params.id, body);
  });
  staffRoute(app, 'listCaseReviews', { permission: 'cases.read' }, async ({ actor, query }) => {
    reviewer(actor);
    return quality.monthReviews(actor, query.month);
  });
  staffRoute(app, 'caseReviewSummary', { permission: 'cases.read' }, async ({ actor, query }) => {
    reviewer(actor);
    return quality.summary(actor, query.month);
  });

  staffRoute(app, 'listSanctions', { permission: 'cases.read' }, async ({ actor, query }) => service.listSanctions(actor, query));
  staffRoute(app, 'getClueMetrics', { permission: 'clues.read' }, async ({ actor, query }) => {
    if (!hasRole(actor, 'case_management_officer', 'handling_officer', 'leader')) throw new AppError('FORBIDDEN');
    return service.metrics(actor, query);
  });
  staffRoute(app, 'getCluePerson', { permission: 'clues.persons' }, async ({ actor, params }) => {
    const person = await clues.person(actor, params.id);
    return { ...person, ...(await service.personHistory(actor, params.id)) };
  });

  staffRoute(app, 'issueDocument', {}, async ({ actor, body }) => {
    if (!hasRole(actor, 'case_management_officer', 'handling_officer', 'leader') || !(await subjectVisible(actor, body.subjectType, body.subjectId))) {
      throw new AppError('NOT_FOUND');
    }
    const composed = await composeDocument({ clues, cases: service, templates: documentTemplates }, actor, body);
    return documents.issue(actor, composed);
  });
  staffRoute(app, 'listDocumentTemplates', {}, async ({ actor, query }) => {
    if (!can(actor, 'clues.read') && !can(actor, 'cases.read') && !can(actor, 'clues.configure')) throw new AppError('FORBIDDEN');
    return documentTemplates.list(actor, query.organizationId);
  });
  staffRoute(app, 'updateDocumentTemplate', { permission: 'clues.configure' }, async ({ actor, params, body }) =>
    documentTemplates.update(actor, params.organizationId, params.kind, body),
  );
  staffRoute(app, 'resetDocumentTemplate', { permission: 'clues.configure' }, async ({ actor, params }) => documentTemplates.reset(actor, params.organizationId, params.kind));
  staffRoute(app, 'listDocuments', {}, async ({ actor, query }) => {
    if (!(await subjectVisible(actor, query.subjectType, query.subjectId))) throw new AppError('NOT_FOUND');
    return documents.list(query.subjectType, query.subjectId);
  });

  app.get(
    '/api/cases/export.xlsx',
    { schema: { tags: ['Cases'], summary: 'The current case list as an Excel file (same filters as the list)', querystring: CaseListQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'cases.read')) throw new AppError('FORBIDDEN');
      const rows = await service.exportRows(actor, parseInput(CaseListQuerySchema, request.query, 'query', request.locale));
      const locale = actor.locale;
      const en = locale === 'en';
      return sendWorkbook(reply, {
        locale,
        sheetName: { zhCN: '立案审查调查台账', en: 'Cases' },
        fileName: { zhCN: '立案审查调查台账.xlsx', en: 'cases.xlsx' },
        columns: [
          column('立案编号', 'Case no.', 16),
          column('立案时间', 'Filed', 18, 'yyyy-mm-dd'),
          column('被审查调查人', 'Person', 12),
          column('职务', 'Post', 14),
          column('单位', 'Unit', 20),
          column('案由', 'Title', 30),
          column('状态', 'Status', 14),
          column('承办部门', 'Investigating body', 24),
          column('决定时间', 'Decided', 14, 'yyyy-mm-dd'),
          column('期限', 'Due', 14, 'yyyy-mm-dd'),
          column('期限状态', 'Deadline', 10),
          column('问题', 'Allegations', 60),
        ],
        rows: rows.map((row) => [
          row.caseNumber,
          new Date(row.filedAt),
          row.concernedName,
          row.concernedPost ?? '',
          row.concernedUnit ?? '',
          row.title,
          localize(caseWorkflow.states[row.status].label, locale),
          row.organizationName,
          row.decidedAt ? new Date(row.decidedAt) : '',
          row.dueAt ? new Date(row.dueAt) : '',
          row.deadlineState ? localize(deadlineStateLabels[row.deadlineState], locale) : '',
          row.allegations,
        ]),
      });
    },
  );

  app.get(
    '/api/sanctions/export.xlsx',
    { schema: { tags: ['Cases'], summary: 'The sanctions register as an Excel file (same filters as the list)', querystring: SanctionListQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'cases.read')) throw new AppError('FORBIDDEN');
      const rows = await service.exportSanctions(actor, parseInput(SanctionListQuerySchema, request.query, 'query', request.locale));
      const locale = actor.locale;
      const en = locale === 'en';
      return sendWorkbook(reply, {
        locale,
        sheetName: { zhCN: '处分台账', en: 'Sanctions' },
        fileName: { zhCN: '处分台账.xlsx', en: 'sanctions.xlsx' },
        columns: [
          column('立案编号', 'Case no.', 16),
          column('姓名', 'Name', 12),
          column('单位', 'Unit', 20),
          column('类别', 'Category', 14),
          column('处分', 'Sanction', 18),
          column('四种形态', 'Four forms', 12),
          column('决定日期', 'Decided', 12),
          column('生效日期', 'Effective', 12),
          column('影响期满', 'Effect ends', 12),
          column('影响期内', 'In effect', 10),
          column('决定机关', 'Deciding body', 24),
        ],
        rows: rows.map((row) => [
          row.caseNumber,
          row.concernedName,
          row.concernedUnit ?? '',
          localize(sanctionCategoryLabels[row.category], locale),
          localize(sanctionTypes[row.type].label, locale),
          row.fourForm ? localize(fourFormLabels[row.fourForm], locale) : '',
          row.decidedOn,
          row.effectiveFrom,
          row.permanent ? (en ? 'permanent' : '永久') : (row.effectEndsOn ?? ''),
          row.inEffect ? (en ? 'yes' : '是') : en ? 'no' : '否',
          row.organizationName,
        ]),
      });
    },
  );

  app.get(
    '/api/clue-metrics/export.xlsx',
    { schema: { tags: ['Clues'], summary: 'The clue metrics of a period as an Excel file', querystring: ClueMetricsQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'clues.read') || !hasRole(actor, 'case_management_officer', 'handling_officer', 'leader')) throw new AppError('FORBIDDEN');
      const metrics = await service.metrics(actor, parseInput(ClueMetricsQuerySchema, request.query, 'query', request.locale));
      const locale = actor.locale;
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
      return sendWorkbook(reply, {
        locale,
        sheetName: { zhCN: '线索处置统计', en: 'Clue metrics' },
        fileName: { zhCN: `线索处置统计${metrics.from}至${metrics.to}.xlsx`, en: `clue-metrics-${metrics.from}-${metrics.to}.xlsx` },
        columns: [column('项目', 'Item', 30), column('数值', 'Value', 14), column('', '', 18), column('', '', 14), column('', '', 14), column('', '', 14)],
        rows,
      });
    },
  );
}
