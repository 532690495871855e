import { approvalStepLabels, clueWorkflow, type ClueStatus } from '@guantong/contracts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import { deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import { organizationNames } from '../../platform/identity/organization-name.ts';
import type { MetricSource, SearchProvider, TodoSource } from '../../platform/module/module-places.ts';
import { metricSubtree, onTimeRate, periodBounds } from '../../platform/records/record-metrics.ts';
import { workflowTodos } from '../../platform/records/record-todos.ts';
import { approvalState } from './approvals.ts';
import type { CluesContext } from './clues.context.ts';
import { holderScopePath, scopeOf } from './clues.policy.ts';
import { clueRecord } from './clues.record.ts';
import { heldUnder } from './clues.repository.ts';
import { proposedRows, searchRows, todoColumns } from './clues-ledger.repository.ts';
import { backlogAt, overdueByBranch, receivedBySource } from './clues-metrics.repository.ts';

// What the clue ledger gives the workbench, global search and the cockpit.

/** Disposals whose next signature is the actor's (one person signs one step of a chain). */
function signatureTodos(context: CluesContext): TodoSource {
  return {
    key: 'clues.sign',
    label: { zhCN: '待签批的线索处置意见', en: 'Disposals awaiting your signature' },
    async list(actor, { limit }) {
      if (!hasRole(actor, 'leader')) return [];
      // The signer's step is decided per clue; look at a few times as many proposals as are wanted.
      const rows = await proposedRows(context.db, await scopeOf(context, actor), limit * 5);
      const mine = [];
      for (const row of rows) {
        const state = await approvalState(context.db, actor, row);
        if (state?.canSign && state.nextStep) mine.push({ row, step: state.nextStep });
        if (mine.length >= limit) break;
      }
      const names = await organizationNames(context.db, mine.map(({ row }) => row.organizationId));
      const now = context.clock.now();
      return mine.map(({ row, step }) => ({
        source: 'clues.sign',
        recordType: clueRecord.type,
        recordId: row.id,
        reference: row.serialNumber,
        title: row.title,
        action: { zhCN: '签批处置意见', en: 'Sign the proposed disposal' },
        reason: { zhCN: `审批链中轮到你：${approvalStepLabels[step].zhCN}`, en: `Your step of the approval chain: ${approvalStepLabels[step].en}` },
        organizationId: row.organizationId,
        organizationName: names.get(row.organizationId) ?? '',
        dueAt: row.dueAt,
        deadlineState: deadlineStateOf(row, now),
      }));
    },
  };
}

export function clueTodoSources(context: CluesContext): TodoSource[] {
  const common = { db: context.db, clock: context.clock, record: clueRecord, columns: todoColumns };
  return [
    workflowTodos({
      ...common,
      key: 'clues.register',
      label: { zhCN: '待登记、签收、分办的问题线索', en: 'Clues to register, acknowledge or assign' },
      states: {
        received: { reason: { zhCN: '进入本委线索库，待登记', en: "In your commission's ledger, awaiting registration" } },
        transfer_received: { reason: { zhCN: '其他纪委监委移送，待签收', en: 'Transferred from another commission, awaiting acknowledgement' } },
        registered: { reason: { zhCN: '已登记，待分办到承办部门', en: 'Registered, awaiting assignment to a handling office' } },
      },
    }),
    workflowTodos({
      ...common,
      key: 'clues.dispose',
      label: { zhCN: '待处置的问题线索', en: 'Clues to dispose of' },
      states: {
        with_handling_office: { reason: { zhCN: '分办到本部门，待提出处置意见', en: 'Assigned to your office: propose a disposal' } },
        inquiry: { reason: { zhCN: '已批准谈话函询，待开展', en: 'Inquiry approved: hold the talk or send the letter' } },
        awaiting_reply: { reason: { zhCN: '已发函，待记录书面说明', en: 'Letter sent: record the reply' } },
        inquiry_reporting: { reason: { zhCN: '待撰写函询报告', en: 'Write the inquiry report' } },
        verification: { reason: { zhCN: '初步核实中，待报送初核报告', en: 'Under verification: submit the report' } },
        concluded: { reason: { zhCN: '已处置，待向来源单位反馈结果', en: 'Disposed: feed the result back to the source' } },
      },
    }),
    workflowTodos({
      ...common,
      key: 'clues.decide',
      label: { zhCN: '待审定的函询、初核结果', en: 'Inquiry and verification outcomes to decide' },
      states: {
        inquiry_reported: { reason: { zhCN: '本级以下承办部门报送函询结果', en: 'An office below you reported the inquiry' }, action: { zhCN: '审定函询结果', en: 'Decide on the inquiry' } },
        verification_reported: { reason: { zhCN: '本级以下承办部门报送初核报告', en: 'An office below you reported the verification' }, action: { zhCN: '审定初核结果', en: 'Decide on the verification' } },
      },
      mine: (actor: Actor) => heldUnder(actor.organizationPath),
    }),
    signatureTodos(context),
  ];
}

export function clueSearchProvider(context: CluesContext): SearchProvider {
  return {
    recordType: clueRecord.type,
    label: { zhCN: '问题线索', en: 'Clues' },
    async search(actor, text, { limit }) {
      if (!can(actor, 'clues.read')) return [];
      const rows = await searchRows(context.db, await scopeOf(context, actor), text, limit);
      return rows.map((row) => ({
        recordType: clueRecord.type,
        recordId: row.id,
        reference: row.serialNumber,
        title: row.title,
        detail: [row.concernedName, row.concernedUnit].filter(Boolean).join(' · ') || null,
        status: clueWorkflow.states[row.status as ClueStatus].label,
        organizationName: row.organizationName ?? '',
        at: row.receivedAt,
      }));
    },
  };
}

export function clueMetricSource(context: CluesContext): MetricSource {
  return {
    key: 'clues',
    label: { zhCN: '问题线索', en: 'Problem clues' },
    async figures(actor, period) {
      if (!can(actor, 'clues.read') || !hasRole(actor, 'case_management_officer', 'handling_officer', 'leader')) return [];
      const body = await metricSubtree(context.db, actor, period, await holderScopePath(context, actor));
      const window = { path: body.path, ...periodBounds(period), now: context.clock.now() };
      const [bySource, backlog, overdue, onTime] = await Promise.all([
        receivedBySource(context.db, window),
        backlogAt(context.db, window),
        overdueByBranch(context.db, window),
        onTimeRate(context.db, clueRecord.workflow.id, body.path, period),
      ]);
      const received = bySource.reduce((sum, row) => sum + Number(row.received), 0);
      const disposed = bySource.reduce((sum, row) => sum + Number(row.disposed), 0);
      return [
        { key: 'clues.received', label: { zhCN: '受理线索', en: 'Clues received' }, value: received, unit: 'count' },
        { key: 'clues.disposed', label: { zhCN: '已处置', en: 'Disposed' }, value: disposed, unit: 'count' },
        { key: 'clues.disposalRate', label: { zhCN: '处置率', en: 'Disposal rate' }, value: received ? disposed / received : null, unit: 'ratio' },
        { key: 'clues.onTimeRate', label: { zhCN: '按期办理率', en: 'Steps done on time' }, value: onTime, unit: 'ratio' },
        { key: 'clues.overdue', label: { zhCN: '当前超期', en: 'Overdue now' }, value: overdue.reduce((sum, row) => sum + Number(row.count), 0), unit: 'count' },
        { key: 'clues.backlog', label: { zhCN: '期末存量', en: 'Backlog at period end' }, value: backlog, unit: 'count' },
      ];
    },
  };
}
