import {
  accountWorkflow,
  calendarDayKindLabels,
  clueWorkflow,
  deadlineStateLabels,
  localize,
  membershipGrantLabels,
  organizationTypeLabels,
  petitionWorkflow,
  roleLabels,
  type AccountStatus,
  type ClueAction,
  type ClueStatus,
  type DeadlineBasis,
  type DeadlineState,
  type Locale,
  type LocalizedText,
  type MembershipGrant,
  type OrganizationType,
  type PetitionAction,
  type PetitionStatus,
  type Role,
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

// Petition statuses and actions are labelled by the workflow definition itself.
export function petitionStatusLabel(status: PetitionStatus, locale: Locale): string {
  return localize(petitionWorkflow.states[status].label, locale);
}

export function petitionActionLabel(action: string, locale: Locale): string {
  // The engine records a record's creation as the action 'create', which no definition lists.
  if (action === 'create') return translate(locale, 'workflow.createdEvent');
  const spec = Object.hasOwn(petitionWorkflow.actions, action) ? petitionWorkflow.actions[action as PetitionAction] : undefined;
  return spec ? localize(spec.label, locale) : action;
}

export const petitionStatusColor = {
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

// Clue statuses and actions are labelled by the clue workflow definition.
export function clueStatusLabel(status: ClueStatus, locale: Locale): string {
  return localize(clueWorkflow.states[status].label, locale);
}

/** A status key as the events and deadlines store it; unknown keys are shown as they are. */
export function clueStateName(key: string, locale: Locale): string {
  return Object.hasOwn(clueWorkflow.states, key) ? clueStatusLabel(key as ClueStatus, locale) : key;
}

export function clueActionLabel(action: string, locale: Locale): string {
  if (action === 'create') return translate(locale, 'workflow.createdEvent');
  const spec = Object.hasOwn(clueWorkflow.actions, action) ? clueWorkflow.actions[action as ClueAction] : undefined;
  return spec ? localize(spec.label, locale) : action;
}

export const clueStatusColor = {
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
