import { defineWorkflow, type DeadlineRule } from '../workflow.ts';

const investigators = ['handling_officer'] as const;
const leaders = ['leader'] as const;
const hearing = ['leader', 'handling_officer'] as const;

// Deadline rules; DOMAIN.md §3.3 and §4 (D18–D21). Rules tagged M, I or L are overridable by administrators.
const rules = {
  announceFiling: {
    key: 'case.announceFiling',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '立案后5个工作日内向被审查调查人宣布（本地做法）', en: 'Announce the filing within 5 working days (local practice)' },
    source: 'I',
  },
  investigation: {
    key: 'case.investigation',
    basis: 'months',
    length: 3,
    extendable: true,
    maxExtension: 1,
    remindBefore: 10,
    // Not confirmed in sourced text (DOMAIN.md §3.3): a local example is 3 months + 1.
    legalBasis: { zhCN: '审查调查期限3个月，可延长1个月（地方做法，待核实）', en: 'Investigation: 3 months + 1 (local practice, to verify)' },
    source: 'L',
  },
  reportReview: {
    key: 'case.reportReview',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '组长审核审查调查报告（本地做法）', en: 'Group leader reviews the report (local practice)' },
    source: 'I',
  },
  hearing: {
    key: 'case.hearing',
    basis: 'months',
    length: 1,
    extendable: true,
    maxExtension: 1,
    remindBefore: 5,
    // 2019 规则 (from memory, to verify): a hearing takes at most a month, extendable for major or complex cases (D18).
    legalBasis: { zhCN: '审理期限1个月，重大复杂案件可延长（《监督执纪工作规则》，待核实）', en: 'Hearing: 1 month, extendable (Discipline Work Rules, to verify)' },
    source: 'M',
  },
  decision: {
    key: 'case.decision',
    basis: 'workingDays',
    length: 10,
    extendable: false,
    remindBefore: 2,
    legalBasis: { zhCN: '审理完毕后10个工作日内提请作出决定（本地做法）', en: 'Decide within 10 working days of the hearing (local practice)' },
    source: 'I',
  },
  announceDecision: {
    key: 'case.announceDecision',
    basis: 'months',
    length: 1,
    extendable: false,
    remindBefore: 5,
    // 纪律处分条例 art.44: the decision is announced and filed in the dossier within one month (D19).
    legalBasis: { zhCN: '《中国共产党纪律处分条例》第四十四条：1个月内宣布并归档', en: 'Party Discipline Regulations art.44: announce within 1 month' },
    source: 'S',
  },
  executionReport: {
    key: 'case.executionReport',
    basis: 'months',
    length: 6,
    extendable: false,
    remindBefore: 10,
    // 纪律处分条例 art.45: the executing body reports the execution within six months (D21).
    legalBasis: { zhCN: '《中国共产党纪律处分条例》第四十五条：6个月内报告执行情况', en: 'Party Discipline Regulations art.45: report within 6 months' },
    source: 'S',
  },
} as const satisfies Record<string, DeadlineRule>;

/**
 * A case (立案审查调查) from filing to the executed decision, DOMAIN.md §3.3 (WF-C), with the three-level responsibility
 * of the investigation report: the handler submits it (承办人负首责), the group leader reviews it (组长审核把关), the group
 * meeting decides to send it to the hearing (组务会集体研究) — each sign-off a recorded step.
 */
export const caseWorkflow = defineWorkflow({
  id: 'case',
  label: { zhCN: '立案审查调查', en: 'Case investigation and decision' },
  initial: 'filed',
  states: {
    filed: { label: { zhCN: '已立案待宣布', en: 'Filed, to announce' }, deadline: rules.announceFiling },
    under_investigation: { label: { zhCN: '审查调查中', en: 'Under investigation' }, deadline: rules.investigation },
    report_review: { label: { zhCN: '报告待组长审核', en: 'Report with the group leader' }, deadline: rules.reportReview },
    report_deliberation: { label: { zhCN: '待组务会研究', en: 'Report before the group meeting' }, deadline: rules.reportReview },
    under_hearing: { label: { zhCN: '审理中', en: 'Under hearing' }, deadline: rules.hearing },
    heard: { label: { zhCN: '审理完毕待决定', en: 'Heard, awaiting decision' }, deadline: rules.decision },
    decided: { label: { zhCN: '已决定待宣布', en: 'Decided, to announce' }, deadline: rules.announceDecision },
    executing: { label: { zhCN: '执行中', en: 'Being executed' }, deadline: rules.executionReport },
    executed: { label: { zhCN: '已执行', en: 'Executed' }, final: true },
    withdrawn: { label: { zhCN: '已撤销', en: 'Withdrawn' }, final: true },
  },
  actions: {
    announceFiling: { label: { zhCN: '宣布立案', en: 'Announce the filing' }, from: ['filed'], to: 'under_investigation', roles: [...investigators, ...leaders] },
    submitInvestigationReport: { label: { zhCN: '提交审查调查报告', en: 'Submit the investigation report' }, from: ['under_investigation'], to: 'report_review', roles: investigators },
    approveReport: { label: { zhCN: '组长审核同意', en: 'Group leader approves' }, from: ['report_review'], to: 'report_deliberation', roles: leaders },
    returnReport: { label: { zhCN: '退回补充', en: 'Send back' }, from: ['report_review', 'report_deliberation'], to: 'under_investigation', roles: leaders, requiresNote: true },
    transferToHearing: { label: { zhCN: '组务会研究移送审理', en: 'Group meeting: send to hearing' }, from: ['report_deliberation'], to: 'under_hearing', roles: leaders, requiresNote: true },
    concludeHearing: { label: { zhCN: '审理完毕', en: 'Conclude the hearing' }, from: ['under_hearing'], to: 'heard', roles: hearing },
    returnForInvestigation: { label: { zhCN: '退回补充调查', en: 'Return for more investigation' }, from: ['under_hearing'], to: 'under_investigation', roles: hearing, requiresNote: true },
    decide: { label: { zhCN: '作出处分决定', en: 'Decide' }, from: ['heard'], to: 'decided', roles: leaders },
    withdraw: { label: { zhCN: '撤销案件', en: 'Withdraw the case' }, from: ['heard'], to: 'withdrawn', roles: leaders, requiresNote: true },
    announceDecision: { label: { zhCN: '宣布处分决定', en: 'Announce the decision' }, from: ['decided'], to: 'executing', roles: [...investigators, ...leaders] },
    reportExecution: { label: { zhCN: '报告执行情况', en: 'Report the execution' }, from: ['executing'], to: 'executed', roles: [...investigators, ...leaders] },
  },
});

export type CaseStatus = keyof typeof caseWorkflow.states;
export type CaseAction = keyof typeof caseWorkflow.actions;
export const caseStatuses = Object.keys(caseWorkflow.states) as CaseStatus[];
