import { gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { deadlineStateCondition } from '../deadlines/deadline-state.ts';
import { endOfChinaDay, startOfChinaDay } from '../calendar/working-days.ts';
import type { RecordColumns } from './record-type.ts';

// Filters every record list offers: the status, where the open deadline stands, a date within whole China days.

export function recordFilters(columns: Pick<RecordColumns, 'status' | 'dueAt' | 'remindAt'>, query: { status?: readonly string[]; deadlineState?: 'on_time' | 'due_soon' | 'overdue' }, now: Date): SQL[] {
  const conditions: SQL[] = [];
  if (query.status?.length) conditions.push(inArray(columns.status, [...query.status]));
  if (query.deadlineState) conditions.push(deadlineStateCondition(columns, query.deadlineState, now));
  return conditions;
}

/** `column` on or after the first day and on or before the last (China time), either end optional. */
export function withinDays(column: PgColumn, from: string | undefined, to: string | undefined): SQL[] {
  return [...(from ? [gte(column, startOfChinaDay(from))] : []), ...(to ? [lte(column, endOfChinaDay(to))] : [])];
}
