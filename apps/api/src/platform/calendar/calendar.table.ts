import { calendarDayKinds } from '@guantong/contracts';
import { date, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const calendarDayKind = pgEnum('calendar_day_kind', calendarDayKinds);

// Only exceptions to the Monday–Friday week are stored: weekday holidays and weekend swapped workdays (调休).
export const calendarDays = pgTable('calendar_days', {
  date: date({ mode: 'string' }).primaryKey(),
  kind: calendarDayKind().notNull(),
  name: text().notNull(),
  version: integer().notNull().default(1),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
