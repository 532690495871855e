import type { FastifyInstance } from 'fastify';
import {
  deadlineStateLabels,
  localize,
  objectLevelLabels,
  petitionChannelLabels,
  PetitionListQuerySchema,
  petitionWorkflow,
  satisfactionLabels,
  submissionTypeLabels,
} from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, type Actor } from '../../platform/auth/actor.ts';
import { staffRoute } from '../../platform/http/route.ts';
import { exportRoute, ledgerColumn, ledgerSheet } from '../../platform/http/excel-export.ts';
import { handOffToClues } from './clue-handoff.ts';
import { petitionDetail } from './detail.ts';
import { answerPetition, applyPetitionAction, classifyPetition, mergePetition, proposeHandling } from './handling.ts';
import { registerPetition } from './intake.ts';
import { addPetitionNote } from './notes.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { exportPetitions, listAssignees, listPetitions, listTransferTargets } from './queue.ts';
import { readReporterIdentity } from './reporter-identity.ts';
import { linkPetition, similarPetitions, unlinkPetition } from './similar.ts';

type ExportRow = Awaited<ReturnType<typeof exportPetitions>>[number];

// The queue as offices keep it on paper (信访举报台账), column by column.
const ledger = {
  sheetName: { zhCN: '信访举报台账', en: 'Petitions' },
  fileName: { zhCN: '信访举报台账.xlsx', en: 'petitions.xlsx' },
  columns: [
    ledgerColumn<ExportRow>('登记编号', 'Serial no.', 16, (row) => row.serialNumber ?? ''),
    ledgerColumn<ExportRow>('受理编号', 'Receipt', 14, (row) => row.receiptCode ?? ''),
    ledgerColumn<ExportRow>('收件时间', 'Received', 18, (row) => new Date(row.receivedAt), 'yyyy-mm-dd hh:mm'),
    ledgerColumn<ExportRow>('来源渠道', 'Channel', 10, (row, locale) => localize(petitionChannelLabels[row.channel], locale)),
    ledgerColumn<ExportRow>('类型', 'Type', 12, (row, locale) => localize(submissionTypeLabels[row.submissionType], locale)),
    ledgerColumn<ExportRow>('标题', 'Title', 30, (row) => row.title),
    ledgerColumn<ExportRow>('被反映人', 'Person concerned', 12, (row) => row.concernedName ?? ''),
    ledgerColumn<ExportRow>('职务', 'Post', 14, (row) => row.concernedPost ?? ''),
    ledgerColumn<ExportRow>('单位', 'Unit', 20, (row) => row.concernedUnit ?? ''),
    ledgerColumn<ExportRow>('职级', 'Level', 12, (row, locale) => (row.objectLevel ? localize(objectLevelLabels[row.objectLevel], locale) : '')),
    ledgerColumn<ExportRow>('状态', 'Status', 14, (row, locale) => localize(petitionWorkflow.states[row.status].label, locale)),
    ledgerColumn<ExportRow>('承办单位', 'Body', 24, (row) => row.organizationName),
    ledgerColumn<ExportRow>('承办人', 'Assignee', 10, (row) => row.assigneeName ?? ''),
    ledgerColumn<ExportRow>('办理期限', 'Due', 18, (row) => (row.dueAt ? new Date(row.dueAt) : ''), 'yyyy-mm-dd'),
    ledgerColumn<ExportRow>('期限状态', 'Deadline', 10, (row, locale) => (row.deadlineState ? localize(deadlineStateLabels[row.deadlineState], locale) : '')),
    ledgerColumn<ExportRow>('满意度', 'Satisfaction', 10, (row, locale) => (row.satisfaction ? localize(satisfactionLabels[row.satisfaction], locale) : '')),
    ledgerColumn<ExportRow>('反映内容', 'Content', 60, (row) => row.content),
  ],
};

/** The staff console's routes over reports: queue, registration, the record page and its actions, the export. */
export function petitionsRoutes(app: FastifyInstance, context: PetitionsContext): void {
  // A change answers with the record as the actor now sees it; the use case itself only writes.
  const andDetail = async (change: Promise<unknown>, actor: Actor, id: string) => {
    await change;
    return petitionDetail(context, actor, id);
  };
  staffRoute(app, 'listPetitions', { permission: 'petitions.read' }, async ({ actor, query }) => listPetitions(context, actor, query));
  staffRoute(app, 'registerPetition', { permission: 'petitions.register' }, async ({ actor, body }) => petitionDetail(context, actor, await registerPetition(context, actor, body)));
  staffRoute(app, 'getPetition', { permission: 'petitions.read' }, async ({ actor, params }) => petitionDetail(context, actor, params.id));
  staffRoute(app, 'classifyPetition', { permission: 'petitions.read' }, async ({ actor, params, body }) => andDetail(classifyPetition(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'applyPetitionAction', { permission: 'petitions.read' }, async ({ actor, params, body }) => andDetail(applyPetitionAction(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'proposePetitionHandling', { permission: 'petitions.register' }, async ({ actor, params, body }) => andDetail(proposeHandling(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'answerPetition', { permission: 'petitions.read' }, async ({ actor, params, body }) => andDetail(answerPetition(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'mergePetition', { permission: 'petitions.register' }, async ({ actor, params, body }) => andDetail(mergePetition(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'listSimilarPetitions', { permission: 'petitions.read' }, async ({ actor, params }) => similarPetitions(context, actor, params.id));
  staffRoute(app, 'linkPetition', { permission: 'petitions.read' }, async ({ actor, params, body }) => andDetail(linkPetition(context, actor, params.id, body), actor, params.id));
  staffRoute(app, 'unlinkPetition', { permission: 'petitions.read' }, async ({ actor, params }) => andDetail(unlinkPetition(context, actor, params.id, params.linkId), actor, params.id));
  staffRoute(app, 'addPetitionNote', { permission: 'petitions.read' }, async ({ actor, params, body }) => andDetail(addPetitionNote(context, actor, params.id, body.body), actor, params.id));
  staffRoute(app, 'readReporterIdentity', { permission: 'petitions.read' }, async ({ actor, params, body }) => readReporterIdentity(context, actor, params.id, body.reason));
  staffRoute(app, 'handOffPetitionToClues', { permission: 'petitions.read' }, async ({ actor, params, body }) => andDetail(handOffToClues(context, actor, params.id, body.summary), actor, params.id));
  staffRoute(app, 'listPetitionAssignees', { permission: 'petitions.read' }, async ({ actor, params }) => listAssignees(context, actor, params.id));
  staffRoute(app, 'listTransferTargets', { permission: 'petitions.read' }, async () => listTransferTargets(context));

  exportRoute(app, {
    url: '/api/petitions/export.xlsx',
    tag: 'Petitions',
    summary: 'The current queue view as an Excel file (same filters as the list)',
    query: PetitionListQuerySchema,
    authorize: (actor) => {
      if (!can(actor, 'petitions.read')) throw new AppError('FORBIDDEN');
    },
    worksheet: async (actor, query) => ledgerSheet(ledger, await exportPetitions(context, actor, query), actor.locale),
  });
}
