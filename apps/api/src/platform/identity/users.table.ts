import { accountStatuses, membershipGrants, roles } from '@guantong/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.table.ts';

export const role = pgEnum('role', roles);
export const membershipGrant = pgEnum('membership_grant', membershipGrants);
export const accountStatus = pgEnum('account_status', accountStatuses as ['active', 'locked', 'disabled']);

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  phone: text(),
  passwordHash: text().notNull(),
  status: accountStatus().notNull().default('active'),
  version: integer().notNull().default(1),
  failedLoginCount: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  totpSecret: text(),
  totpEnabled: boolean().notNull().default(false),
  locale: text().notNull().default('zh-CN'),
  lastLoginAt: timestamp({ withTimezone: true }),
  passwordChangedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A person's place in a body: the roles they hold there and their post title. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    roles: role().array().notNull(),
    grants: membershipGrant().array().notNull().default(sql`'{}'`),
    title: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('memberships_user_organization_unique').on(table.userId, table.organizationId),
    index('memberships_organization_idx').on(table.organizationId),
  ],
);
