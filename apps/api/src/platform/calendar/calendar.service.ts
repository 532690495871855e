import { and, gte, lte } from 'drizzle-orm';
import type { CalendarDayKind } from '@guantong/contracts';
import type { Database, DbOrTx } from '../db/client.ts';
import { calendarDays } from './calendar.table.ts';
import type { CalendarExceptions } from './working-days.ts';

export interface CalendarService {
  /**
   * All exceptions, cached until an administrator edits the calendar.
   * Inside a transaction pass it: PGlite has one connection, and a query beside the transaction would wait forever.
   */
  exceptions(executor?: DbOrTx): Promise<CalendarExceptions>;
  invalidate(): void;
  listYear(year: number): Promise<(typeof calendarDays.$inferSelect)[]>;
}

export function createCalendarService({ db }: { db: Database }): CalendarService {
  let cached: Promise<Map<string, CalendarDayKind>> | null = null;
  return {
    exceptions(executor = db) {
      cached ??= executor
        .select({ date: calendarDays.date, kind: calendarDays.kind })
        .from(calendarDays)
        .then((rows) => new Map(rows.map((row) => [row.date, row.kind])))
        .catch((error: unknown) => {
          cached = null;
          throw error;
        });
      return cached;
    },
    invalidate() {
      cached = null;
    },
    listYear(year) {
      return db
        .select()
        .from(calendarDays)
        .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
        .orderBy(calendarDays.date);
    },
  };
}
