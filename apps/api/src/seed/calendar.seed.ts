import { holidaySeed } from '../platform/calendar/holidays.seed.ts';
import { calendarDays } from '../platform/calendar/calendar.table.ts';
import type { Database } from '../platform/db/client.ts';

/** Fills in the official holidays of the current and next year, leaving days an administrator has set alone. */
export async function seedCalendar(db: Database): Promise<void> {
  await db.insert(calendarDays).values(holidaySeed.map((day) => ({ ...day }))).onConflictDoNothing({ target: calendarDays.date });
}
