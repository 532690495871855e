import type { FastifyInstance } from 'fastify';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Notification } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { staffRoute } from '../../platform/http/route.ts';
import { countCapped, pageResult } from '../../platform/http/pagination.ts';
import { notifications } from '../../platform/notify/notifications.table.ts';
import type { Platform } from '../../platform/platform.ts';

function present(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

// A person's own in-app notices (reminders before due dates, 督办 escalations); nobody reads anyone else's.
export function notificationsRoutes(app: FastifyInstance, { db, clock }: Pick<Platform, 'db' | 'clock'>): void {
  const mine = (userId: string, unreadOnly = false): SQL =>
    and(eq(notifications.userId, userId), eq(notifications.channel, 'in_app'), unreadOnly ? isNull(notifications.readAt) : undefined)!;

  staffRoute(app, 'listNotifications', {}, async ({ actor, query }) => {
    const where = mine(actor.userId, query.unreadOnly);
    const [rows, counted] = await Promise.all([
      db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
      countCapped(db, notifications, where),
    ]);
    return pageResult(rows.map(present), counted, query);
  });

  staffRoute(app, 'countUnreadNotifications', {}, async ({ actor }) => ({ unread: (await countCapped(db, notifications, mine(actor.userId, true), 99)).total }));

  staffRoute(app, 'markNotificationRead', {}, async ({ actor, params }) => {
    const updated = await db
      .update(notifications)
      .set({ readAt: clock.now() })
      .where(and(eq(notifications.id, params.id), mine(actor.userId)))
      .returning({ id: notifications.id });
    if (updated.length === 0) throw new AppError('NOT_FOUND');
    return { ok: true as const };
  });

  staffRoute(app, 'markAllNotificationsRead', {}, async ({ actor }) => {
    await db.update(notifications).set({ readAt: clock.now() }).where(mine(actor.userId, true));
    return { ok: true as const };
  });
}
