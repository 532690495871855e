import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// In-app notices and the log of every outgoing message (SMS/e-mail adapters write here too).
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid(),
    organizationId: uuid(),
    channel: text().notNull(),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    subjectType: text(),
    subjectId: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);
