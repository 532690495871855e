import { defineWorkflow, type DeadlineRule } from '../workflow.ts';

const leaders = ['leader'] as const;

// DOMAIN.md §3.3 and §4 (D22, D23).
const rules = {
  accept: {
    key: 'caseAppeal.accept',
    basis: 'workingDays',
    length: 5,
    extendable: false,
    remindBefore: 1,
    legalBasis: { zhCN: '收到申诉后5个工作日内决定是否受理（本地做法）', en: 'Decide whether to accept within 5 working days (local practice)' },
    source: 'I',
  },
  partyReview: {
    key: 'caseAppeal.partyReview',
    basis: 'months',
    length: 3,
    extendable: false,
    remindBefore: 10,
    // 2019 规则 art.59: a party-discipline appeal is reviewed and decided within three months (D22).
    legalBasis: { zhCN: '《监督执纪工作规则》第五十九条：3个月内复议复查', en: 'Discipline Work Rules art.59: decide within 3 months' },
    source: 'S',
  },
} as const satisfies Record<string, DeadlineRule>;

/**
 * An appeal against a case decision (申诉 / 复审 / 复核). Execution of the decision is not suspended meanwhile
 * (监察法 art.56, 政务处分法 art.56); the review team excludes those who investigated or heard the case.
 */
export const caseAppealWorkflow = defineWorkflow({
  id: 'case-appeal',
  label: { zhCN: '申诉复审复核', en: 'Appeal' },
  initial: 'filed',
  states: {
    filed: { label: { zhCN: '待受理', en: 'Awaiting acceptance' }, deadline: rules.accept },
    under_review: { label: { zhCN: '复查中', en: 'Under review' }, deadline: rules.partyReview },
    decided: { label: { zhCN: '已作出复查决定', en: 'Decided' }, final: true },
    rejected: { label: { zhCN: '不予受理', en: 'Not accepted' }, final: true },
  },
  actions: {
    accept: { label: { zhCN: '受理', en: 'Accept' }, from: ['filed'], to: 'under_review', roles: leaders },
    reject: { label: { zhCN: '不予受理', en: 'Do not accept' }, from: ['filed'], to: 'rejected', roles: leaders, requiresNote: true },
    decide: { label: { zhCN: '作出复查决定', en: 'Decide' }, from: ['under_review'], to: 'decided', roles: leaders },
  },
});
export type CaseAppealStatus = keyof typeof caseAppealWorkflow.states;
export type CaseAppealAction = keyof typeof caseAppealWorkflow.actions;
export const caseAppealStatuses = Object.keys(caseAppealWorkflow.states) as CaseAppealStatus[];
