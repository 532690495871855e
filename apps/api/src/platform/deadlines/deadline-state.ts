import { and, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DeadlineState } from '@guantong/contracts';

/** Where a record stands against the open deadline mirrored on its row (queues show and filter by it). */
export function deadlineStateOf(row: { dueAt: Date | null; remindAt: Date | null }, now: Date): Exclude<DeadlineState, 'met_on_time' | 'met_late'> | null {
  if (!row.dueAt) return null;
  if (row.dueAt <= now) return 'overdue';
  if (row.remindAt && row.remindAt <= now) return 'due_soon';
  return 'on_time';
}

/** The queue filter by deadline state, on the due/remind columns mirrored onto a record's row. */
export function deadlineStateCondition(
  columns: { dueAt: PgColumn; remindAt: PgColumn },
  state: 'on_time' | 'due_soon' | 'overdue',
  now: Date,
): SQL {
  if (state === 'overdue') return lte(columns.dueAt, now);
  if (state === 'due_soon') return and(lte(columns.remindAt, now), sql`${columns.dueAt} > ${now}`)!;
  return and(sql`${columns.dueAt} > ${now}`, or(isNull(columns.remindAt), sql`${columns.remindAt} > ${now}`))!;
}
