import {
  accountWorkflow,
  calendarDayKindLabels,
  localize,
  organizationTypeLabels,
  roleLabels,
  type AccountStatus,
  type DeadlineBasis,
  type Locale,
  type OrganizationType,
  type Role,
} from '@guantong/contracts';
import { translate } from './i18n.tsx';

export function roleLabel(role: Role, locale: Locale): string {
  return localize(roleLabels[role], locale);
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
