import type { CalendarDayKind, DeadlineBasis } from '@guantong/contracts';

/** Exceptions to the Monday–Friday week, by ISO date. */
export type CalendarExceptions = ReadonlyMap<string, CalendarDayKind>;

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China (UTC+8, no daylight saving) of an instant. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a China calendar date. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS + DAY_MS - 1);
}

export function startOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const targetMonthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(targetMonthIndex / 12);
  const targetMonth = (targetMonthIndex % 12) + 1;
  // Clamp to the month's last day: one month after 31 January is 28/29 February.
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export function isWorkingDay(date: string, exceptions: CalendarExceptions): boolean {
  const exception = exceptions.get(date);
  if (exception === 'holiday') return false;
  if (exception === 'workday') return true;
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The Nth working day after `date`; the starting day itself is not counted. */
export function addWorkingDays(date: string, count: number, exceptions: CalendarExceptions): string {
  let current = date;
  let remaining = count;
  const step = count >= 0 ? 1 : -1;
  while (remaining !== 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, exceptions)) remaining -= step;
  }
  return current;
}

export function nextWorkingDayOnOrAfter(date: string, exceptions: CalendarExceptions): string {
  let current = date;
  while (!isWorkingDay(current, exceptions)) current = addDays(current, 1);
  return current;
}

export function workingDaysBetween(fromExclusive: string, toInclusive: string, exceptions: CalendarExceptions): number {
  let count = 0;
  for (let current = addDays(fromExclusive, 1); current <= toInclusive; current = addDays(current, 1)) {
    if (isWorkingDay(current, exceptions)) count += 1;
  }
  return count;
}

/**
 * The due date of a period that starts at `start`.
 * The day of the starting event is not counted; a calendar-day or month period ending on a
 * non-working day runs to the next working day (common procedural convention, DOMAIN.md §4 [I]).
 */
export function dueDateOf(start: Date, basis: DeadlineBasis, length: number, exceptions: CalendarExceptions): string {
  const startDate = chinaDateOf(start);
  switch (basis) {
    case 'workingDays':
      return addWorkingDays(startDate, length, exceptions);
    case 'calendarDays':
      return nextWorkingDayOnOrAfter(addDays(startDate, length), exceptions);
    case 'months':
      return nextWorkingDayOnOrAfter(addMonths(startDate, length), exceptions);
  }
}

export function dueAtOf(start: Date, basis: DeadlineBasis, length: number, exceptions: CalendarExceptions): Date {
  return endOfChinaDay(dueDateOf(start, basis, length, exceptions));
}

/** When to remind: the start of the working day `workingDaysBefore` before the due date (never before the start). */
export function remindAtOf(start: Date, dueDate: string, workingDaysBefore: number, exceptions: CalendarExceptions): Date {
  const remindDate = addWorkingDays(dueDate, -workingDaysBefore, exceptions);
  const remindAt = startOfChinaDay(remindDate);
  return remindAt < start ? start : remindAt;
}
