import { z } from 'zod';
import { text } from './common.ts';

export const isoDateSchema = z.iso.date();

export const calendarDayKinds = ['holiday', 'workday'] as const;
export const CalendarDayKindSchema = z.enum(calendarDayKinds);
export type CalendarDayKind = z.infer<typeof CalendarDayKindSchema>;
export const calendarDayKindLabels = {
  holiday: { zhCN: '放假', en: 'Holiday' },
  workday: { zhCN: '调休上班', en: 'Swapped workday' },
} as const;

/** An exception to the Monday–Friday week: a holiday on a weekday, or a swapped workday (调休) on a weekend. */
export const CalendarDaySchema = z
  .object({ date: isoDateSchema, kind: CalendarDayKindSchema, name: z.string(), version: z.number().int() })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const UpsertCalendarDayBodySchema = z
  .strictObject({ kind: CalendarDayKindSchema, name: text(30) })
  .meta({ id: 'UpsertCalendarDayBody' });
export const CalendarDateParamsSchema = z.strictObject({ date: isoDateSchema });
