import { caseWorkflow, type CaseStatus } from '@guantong/contracts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { MetricSource, SearchProvider, TodoSource } from '../../platform/module/module-places.ts';
import { metricSubtree, onTimeRate, periodBounds } from '../../platform/records/record-metrics.ts';
import { workflowTodos } from '../../platform/records/record-todos.ts';
import type { CasesContext } from './cases.context.ts';
import { scopePath } from './cases.policy.ts';
import { caseRecord } from './cases.record.ts';
import { caseSearchRows, heldUnder, todoColumns } from './cases-lists.repository.ts';
import { casesByBranch, personsSanctioned } from './cases-metrics.repository.ts';

// What the cases module gives the workbench, global search and the cockpit.

export function caseTodoSources(context: CasesContext): TodoSource[] {
  const common = { db: context.db, clock: context.clock, record: caseRecord, columns: todoColumns };
  return [
    workflowTodos({
      ...common,
      key: 'cases.investigate',
      label: { zhCN: '本部门承办的案件', en: 'Cases your body investigates' },
      states: {
        filed: { reason: { zhCN: '本部门承办，已立案待宣布', en: 'Filed with your body: announce the filing' } },
        under_investigation: { reason: { zhCN: '本部门审查调查中，待提交报告', en: 'Under investigation by your body: submit the report' } },
        decided: { reason: { zhCN: '处分决定待宣布', en: 'Decided: announce the decision' } },
        executing: { reason: { zhCN: '执行中，待报告执行情况', en: 'Being executed: report the execution' } },
      },
    }),
    workflowTodos({
      ...common,
      key: 'cases.signOff',
      label: { zhCN: '待审核、研究、决定的案件', en: 'Case reports to sign off and decisions to take' },
      states: {
        report_review: { reason: { zhCN: '审查调查报告待组长审核', en: 'The investigation report awaits the group leader' }, action: { zhCN: '审核审查调查报告', en: 'Review the report' } },
        report_deliberation: { reason: { zhCN: '报告待组务会研究', en: 'The report awaits the group meeting' }, action: { zhCN: '组务会研究', en: 'Group meeting' } },
        heard: { reason: { zhCN: '审理完毕，待作出决定', en: 'Heard: take the decision' } },
      },
      mine: (actor: Actor) => heldUnder(actor.organizationPath),
    }),
  ];
}

export function caseSearchProvider(context: CasesContext): SearchProvider {
  return {
    recordType: caseRecord.type,
    label: { zhCN: '案件', en: 'Cases' },
    async search(actor, text, { limit }) {
      if (!can(actor, 'cases.read')) return [];
      const rows = await caseSearchRows(context.db, await scopePath(context, actor), text, limit);
      return rows.map((row) => ({
        recordType: caseRecord.type,
        recordId: row.id,
        reference: row.caseNumber,
        title: row.title,
        detail: [row.concernedName, row.concernedUnit].filter(Boolean).join(' · ') || null,
        status: caseWorkflow.states[row.status as CaseStatus].label,
        organizationName: row.organizationName ?? '',
        at: row.filedAt,
      }));
    },
  };
}

export function caseMetricSource(context: CasesContext): MetricSource {
  return {
    key: 'cases',
    label: { zhCN: '审查调查', en: 'Cases' },
    async figures(actor, period) {
      if (!can(actor, 'cases.read') || !hasRole(actor, 'case_management_officer', 'handling_officer', 'leader')) return [];
      const body = await metricSubtree(context.db, actor, period, await scopePath(context, actor));
      const window = { path: body.path, ...periodBounds(period), fromDate: period.from, toDate: period.to };
      const [filed, persons, onTime] = await Promise.all([casesByBranch(context.db, window), personsSanctioned(context.db, window), onTimeRate(context.db, caseRecord.workflow.id, body.path, period)]);
      return [
        { key: 'cases.filed', label: { zhCN: '立案', en: 'Cases filed' }, value: filed.reduce((sum, row) => sum + Number(row.count), 0), unit: 'count' },
        { key: 'cases.personsSanctioned', label: { zhCN: '处分人数', en: 'Persons sanctioned' }, value: persons, unit: 'count' },
        { key: 'cases.onTimeRate', label: { zhCN: '按期办理率', en: 'Steps done on time' }, value: onTime, unit: 'ratio' },
      ];
    },
  };
}
