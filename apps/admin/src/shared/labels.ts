import {
  accountWorkflow,
  calendarDayKindLabels,
  caseAppealWorkflow,
  caseWorkflow,
  clueWorkflow,
  deadlineStateLabels,
  localize,
  membershipGrantLabels,
  organizationTypeLabels,
  petitionWorkflow,
  roleLabels,
  sanctionCategories,
  sanctionCategoryLabels,
  sanctionTypeKeys,
  sanctionTypes,
  type AccountStatus,
  type CaseAppealStatus,
  type CaseStatus,
  type ClueStatus,
  type DeadlineBasis,
  type DeadlineState,
  type Locale,
  type LocalizedText,
  type MembershipGrant,
  type OrganizationType,
  type PetitionStatus,
  type Role,
  type SanctionCategory,
  type SanctionType,
  type SanctionTypeSpec,
} from '@guantong/contracts';
import { translate } from './i18n.tsx';

export function roleLabel(role: Role, locale: Locale): string {
  return localize(roleLabels[role], locale);
}

export function membershipGrantLabel(grant: MembershipGrant, locale: Locale): string {
  return localize(membershipGrantLabels[grant], locale);
}

export function rolesText(roles: readonly Role[], locale: Locale): string {
  return roles.map((role) => roleLabel(role, locale)).join(locale === 'en' ? ', ' : '、');
}

export function organizationTypeLabel(type: OrganizationType, locale: Locale): string {
  return localize(organizationTypeLabels[type], locale);
}

export function accountStatusLabel(status: AccountStatus, locale: Locale): string {
  return localize(accountWorkflow.states[status].label, locale);
}

export const accountStatusColor: Record<AccountStatus, string> = { active: 'success', locked: 'warning', disabled: 'default' };

export function calendarKindLabel(kind: keyof typeof calendarDayKindLabels, locale: Locale): string {
  return localize(calendarDayKindLabels[kind], locale);
}

/** "15 工作日" / "15 working days". */
export function deadlineLengthText(length: number, basis: DeadlineBasis, locale: Locale): string {
  const unit = {
    calendarDays: translate(locale, length === 1 ? 'deadline.unit.calendarDay' : 'deadline.unit.calendarDays'),
    workingDays: translate(locale, length === 1 ? 'deadline.unit.workingDay' : 'deadline.unit.workingDays'),
    months: translate(locale, length === 1 ? 'deadline.unit.month' : 'deadline.unit.months'),
  }[basis];
  return `${length} ${unit}`;
}

export function deadlineBasisLabel(basis: DeadlineBasis, locale: Locale): string {
  return translate(locale, `deadline.basis.${basis}`);
}

/** The label of one value of a contracts enum (`submissionTypeLabels`, `petitionChannelLabels` …). */
export function enumLabel<K extends string>(labels: Record<K, LocalizedText>, value: K, locale: Locale): string {
  return localize(labels[value], locale);
}

/** Select options for some values of a contracts enum, labelled in the UI language. */
export function enumOptions<K extends string>(values: readonly K[], labels: Record<K, LocalizedText>, locale: Locale): { value: K; label: string }[] {
  return values.map((value) => ({ value, label: localize(labels[value], locale) }));
}

// Statuses and actions are labelled by the workflow definitions themselves.
const workflowsByKey = { petition: petitionWorkflow, clue: clueWorkflow, case: caseWorkflow, caseAppeal: caseAppealWorkflow } as const;
export type WorkflowKey = keyof typeof workflowsByKey;
export type StatusOf<W extends WorkflowKey> = keyof (typeof workflowsByKey)[W]['states'] & string;

/** A status key of a workflow as records, events and deadlines store it; unknown keys are shown as they are. */
export function workflowStateLabel(workflow: WorkflowKey, key: string, locale: Locale): string {
  const states: Record<string, { label: LocalizedText }> = workflowsByKey[workflow].states;
  return Object.hasOwn(states, key) ? localize(states[key].label, locale) : key;
}

/** An action of a workflow; the engine records a record's creation as 'create', which no definition lists. */
export function workflowActionLabel(workflow: WorkflowKey, action: string, locale: Locale): string {
  if (action === 'create') return translate(locale, 'workflow.createdEvent');
  const actions: Record<string, { label: LocalizedText }> = workflowsByKey[workflow].actions;
  return Object.hasOwn(actions, action) ? localize(actions[action].label, locale) : action;
}

export function petitionStatusLabel(status: PetitionStatus, locale: Locale): string {
  return workflowStateLabel('petition', status, locale);
}

export function clueStatusLabel(status: ClueStatus, locale: Locale): string {
  return workflowStateLabel('clue', status, locale);
}

const petitionStatusColor = {
  submitted: 'blue',
  transfer_received: 'purple',
  registered: 'cyan',
  proposal_pending: 'gold',
  handling: 'processing',
  awaiting_result: 'geekblue',
  result_received: 'orange',
  forwarded: 'default',
  escalated: 'default',
  answered: 'lime',
  rehandling: 'magenta',
  closed: 'success',
  not_accepted: 'default',
  merged: 'default',
  returned: 'default',
} as const satisfies Record<PetitionStatus, string>;

const clueStatusColor = {
  received: 'blue',
  transfer_received: 'purple',
  registered: 'cyan',
  with_handling_office: 'processing',
  disposal_proposed: 'gold',
  inquiry: 'geekblue',
  awaiting_reply: 'geekblue',
  inquiry_reporting: 'geekblue',
  inquiry_reported: 'orange',
  verification: 'magenta',
  verification_reported: 'orange',
  shelved: 'default',
  transferred: 'purple',
  case_filing: 'red',
  concluded: 'lime',
  closed: 'success',
  forwarded: 'default',
  returned: 'default',
} as const satisfies Record<ClueStatus, string>;

const caseStatusColor = {
  filed: 'blue',
  under_investigation: 'processing',
  report_review: 'gold',
  report_deliberation: 'gold',
  under_hearing: 'purple',
  heard: 'orange',
  decided: 'red',
  executing: 'magenta',
  executed: 'success',
  withdrawn: 'default',
} as const satisfies Record<CaseStatus, string>;

const caseAppealStatusColor = {
  filed: 'blue',
  under_review: 'processing',
  decided: 'success',
  rejected: 'default',
} as const satisfies Record<CaseAppealStatus, string>;

/** The colour of each status tag, per workflow. */
export const statusColors: { [W in WorkflowKey]: Record<StatusOf<W>, string> } = {
  petition: petitionStatusColor,
  clue: clueStatusColor,
  case: caseStatusColor,
  caseAppeal: caseAppealStatusColor,
};

/** 党内警告 …, from the contracts' sanction types. */
export function sanctionTypeLabel(type: SanctionType, locale: Locale): string {
  return localize(sanctionTypes[type].label, locale);
}

/** How long a sanction type affects the person: "影响期 12 个月", "永久", or "无影响期". */
export function sanctionEffectText(type: SanctionType, locale: Locale): string {
  const spec: SanctionTypeSpec = sanctionTypes[type];
  if (spec.permanent) return translate(locale, 'sanctions.permanent');
  return spec.effectMonths === null ? translate(locale, 'sanctions.noEffectPeriod') : translate(locale, 'sanctions.effectMonths', { months: spec.effectMonths });
}

/** Sanction types grouped by category (党纪处分, 政务处分 …), for selects; with the effect period, or of one category only. */
export function sanctionTypeOptions(
  locale: Locale,
  { withEffect = true, category: only }: { withEffect?: boolean; category?: SanctionCategory } = {},
): { label: string; options: { value: SanctionType; label: string }[] }[] {
  return sanctionCategories.filter((category) => !only || category === only).map((category) => ({
    label: localize(sanctionCategoryLabels[category], locale),
    options: sanctionTypeKeys
      .filter((type) => sanctionTypes[type].category === category)
      .map((type) => ({ value: type, label: withEffect ? `${sanctionTypeLabel(type, locale)}（${sanctionEffectText(type, locale)}）` : sanctionTypeLabel(type, locale) })),
  }));
}

export function deadlineStateLabel(state: DeadlineState, locale: Locale): string {
  return localize(deadlineStateLabels[state], locale);
}

/** Overdue is red wherever a deadline shows. */
export const deadlineStateColor = {
  on_time: 'green',
  due_soon: 'orange',
  overdue: 'red',
  met_on_time: 'default',
  met_late: 'volcano',
} as const satisfies Record<DeadlineState, string>;
