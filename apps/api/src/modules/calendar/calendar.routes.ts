import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { CalendarDay } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { calendarDays } from '../../platform/calendar/calendar.table.ts';
import { staffRoute } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/platform.ts';

function present(row: typeof calendarDays.$inferSelect): CalendarDay {
  return { date: row.date, kind: row.kind, name: row.name, version: row.version };
}

// The holiday calendar is national, so one table serves every body; only administrators change it.
export function calendarRoutes(app: FastifyInstance, { db, clock, calendar }: Pick<Platform, 'db' | 'clock' | 'calendar'>): void {
  staffRoute(app, 'listCalendarDays', {}, async ({ query }) => (await calendar.listYear(query.year)).map(present));

  staffRoute(app, 'upsertCalendarDay', { permission: 'calendar.manage' }, async ({ actor, params, body }) => {
    const row = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.date, params.date));
      const [saved] = await tx
        .insert(calendarDays)
        .values({ date: params.date, kind: body.kind, name: body.name, updatedBy: actor.userId, updatedAt: clock.now() })
        .onConflictDoUpdate({
          target: calendarDays.date,
          set: { kind: body.kind, name: body.name, version: (before?.version ?? 0) + 1, updatedBy: actor.userId, updatedAt: clock.now() },
        })
        .returning();
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: actor.organizationId,
        action: 'calendar.upsert',
        subjectType: 'calendar_day',
        subjectId: params.date,
        before: before ?? null,
        after: saved,
      });
      return saved;
    });
    calendar.invalidate();
    return present(row);
  });

  staffRoute(app, 'deleteCalendarDay', { permission: 'calendar.manage' }, async ({ actor, params }) => {
    await db.transaction(async (tx) => {
      const [removed] = await tx.delete(calendarDays).where(and(eq(calendarDays.date, params.date))).returning();
      if (!removed) throw new AppError('NOT_FOUND');
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: actor.organizationId,
        action: 'calendar.delete',
        subjectType: 'calendar_day',
        subjectId: params.date,
        before: removed,
      });
    });
    calendar.invalidate();
    return { ok: true as const };
  });
}
