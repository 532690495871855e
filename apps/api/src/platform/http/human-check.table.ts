import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Used human-check challenges, so one solution cannot be replayed until it expires. */
export const usedChallenges = pgTable('used_challenges', {
  signature: text().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});
