import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships, users } from '../identity/users.table.ts';

export const sessionStage = pgEnum('session_stage', ['totp_pending', 'active']);

// The cookie holds a random token; only its SHA-256 is stored, so a database leak yields no usable session.
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    activeMembershipId: uuid().references(() => memberships.id, { onDelete: 'set null' }),
    stage: sessionStage().notNull(),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId), index('sessions_expires_idx').on(table.expiresAt)],
);
