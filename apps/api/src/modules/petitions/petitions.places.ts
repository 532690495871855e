import { petitionWorkflow, type PetitionStatus } from '@guantong/contracts';
import { can, type Actor } from '../../platform/auth/actor.ts';
import type { MetricSource, NotificationKind, SearchProvider, TodoSource } from '../../platform/module/module-places.ts';
import { metricSubtree, onTimeRate } from '../../platform/records/record-metrics.ts';
import { workflowTodos } from '../../platform/records/record-todos.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { petitionRecord } from './petitions.record.ts';
import { petitionCounts } from './petitions-metrics.repository.ts';
import { assignedTo, heldWithin, searchRows, todoColumns } from './petitions-queue.repository.ts';

// What the petitions module gives the workbench, the bell, global search and the cockpit.

export function petitionTodoSources(context: PetitionsContext): TodoSource[] {
  const common = { db: context.db, clock: context.clock, record: petitionRecord, columns: todoColumns };
  return [
    workflowTodos({
      ...common,
      key: 'petitions.intake',
      label: { zhCN: '待受理、签收、拟办的信访举报', en: 'Reports to register, acknowledge or propose' },
      states: {
        submitted: { reason: { zhCN: '向本单位提交的网上举报，待登记受理', en: 'Reported to your body online, awaiting registration' } },
        transfer_received: { reason: { zhCN: '其他单位转来本单位，待签收', en: 'Transferred to your body, awaiting acknowledgement' } },
        registered: { reason: { zhCN: '本单位已受理，待提出拟办意见', en: 'Registered by your body, awaiting a proposed handling' } },
      },
    }),
    workflowTodos({
      ...common,
      key: 'petitions.approve',
      label: { zhCN: '待审批的拟办意见', en: 'Proposed handling to approve' },
      states: {
        proposal_pending: {
          reason: { zhCN: '本级或下属部门的拟办意见待领导审批', en: 'A proposal of your body or an office below it awaits a leader' },
          action: { zhCN: '审批拟办意见', en: 'Approve the proposed handling' },
        },
      },
      mine: (actor: Actor) => heldWithin(actor),
    }),
    workflowTodos({
      ...common,
      key: 'petitions.answer',
      label: { zhCN: '待答复的信访举报', en: 'Reports to answer' },
      states: {
        handling: { reason: { zhCN: '由你承办，待答复', en: 'Assigned to you, awaiting your answer' } },
        rehandling: { reason: { zhCN: '举报人不满意，由你复查答复', en: 'The reporter was dissatisfied: review and answer again' } },
        result_received: { reason: { zhCN: '承办单位已反馈结果，待答复或办结', en: 'The handling body reported back: answer or close' } },
      },
      mine: (actor: Actor) => assignedTo(actor),
    }),
  ];
}

export const petitionNotificationKinds: NotificationKind[] = [
  {
    kind: 'petition.transfer',
    channel: 'inApp',
    label: { zhCN: '收到转来的信访举报件', en: 'A report was transferred to your body' },
    recipients: { zhCN: '接收单位的全体人员，审批转办、交办、联办或报送上级时', en: 'Everyone in the receiving body, when a transfer is approved' },
  },
  {
    kind: 'petition.supplement',
    channel: 'inApp',
    label: { zhCN: '举报人补充了材料', en: 'The reporter added information' },
    recipients: { zhCN: '正在办理的承办人', en: 'The officer the report is assigned to' },
  },
  {
    kind: 'petition.rehandling',
    channel: 'inApp',
    label: { zhCN: '举报人不满意，进入复查', en: 'The reporter was dissatisfied: review started' },
    recipients: { zhCN: '办理单位的领导和作出答复的承办人', en: "The handling body's leaders and the officer who answered" },
  },
  {
    kind: 'petition.accepted',
    channel: 'message',
    label: { zhCN: '受理告知', en: 'Acceptance notice' },
    recipients: { zhCN: '实名举报人（短信），登记受理时', en: 'A real-name reporter (SMS), on registration' },
  },
  {
    kind: 'petition.not_accepted',
    channel: 'message',
    label: { zhCN: '不予受理告知', en: 'Notice of non-acceptance' },
    recipients: { zhCN: '实名举报人（短信），批准不予受理时', en: 'A real-name reporter (SMS), when non-acceptance is approved' },
  },
  {
    kind: 'petition.answered',
    channel: 'message',
    label: { zhCN: '办理结果告知', en: 'Notice of the answer' },
    recipients: { zhCN: '实名举报人（短信），作出答复时', en: 'A real-name reporter (SMS), when the report is answered' },
  },
];

export function petitionSearchProvider(context: PetitionsContext): SearchProvider {
  return {
    recordType: petitionRecord.type,
    label: { zhCN: '信访举报', en: 'Reports' },
    async search(actor, text, { limit }) {
      if (!can(actor, 'petitions.read')) return [];
      const rows = await searchRows(context.db, actor, text, limit);
      return rows.map((row) => ({
        recordType: petitionRecord.type,
        recordId: row.id,
        reference: row.serialNumber ?? row.receiptCode,
        title: row.title,
        detail: [row.concernedName, row.concernedUnit].filter(Boolean).join(' · ') || null,
        status: petitionWorkflow.states[row.status as PetitionStatus].label,
        organizationName: row.organizationName ?? '',
        at: row.receivedAt,
      }));
    },
  };
}

export function petitionMetricSource(context: PetitionsContext): MetricSource {
  return {
    key: 'petitions',
    label: { zhCN: '信访举报', en: 'Petitions and reports' },
    async figures(actor, period) {
      if (!can(actor, 'petitions.read')) return [];
      const body = await metricSubtree(context.db, actor, period);
      const [counts, onTime] = await Promise.all([petitionCounts(context.db, body.path, period, context.clock.now()), onTimeRate(context.db, petitionRecord.workflow.id, body.path, period)]);
      return [
        { key: 'petitions.received', label: { zhCN: '受理信访举报', en: 'Reports received' }, value: counts.received, unit: 'count' },
        { key: 'petitions.answered', label: { zhCN: '作出答复', en: 'Answers given' }, value: counts.answered, unit: 'count' },
        { key: 'petitions.onTimeRate', label: { zhCN: '按期办理率', en: 'Steps done on time' }, value: onTime, unit: 'ratio' },
        { key: 'petitions.overdue', label: { zhCN: '当前超期', en: 'Overdue now' }, value: counts.overdue, unit: 'count' },
        { key: 'petitions.satisfactionRate', label: { zhCN: '满意率', en: 'Satisfaction' }, value: counts.rated ? counts.satisfied / counts.rated : null, unit: 'ratio' },
      ];
    },
  };
}
