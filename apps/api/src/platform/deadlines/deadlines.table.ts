import { deadlineBases, deadlineStatuses } from '@guantong/contracts';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const deadlineBasis = pgEnum('deadline_basis', deadlineBases);
export const deadlineStatus = pgEnum('deadline_status', deadlineStatuses);

// A running clock on a record in a state that carries a deadline rule.
export const deadlines = pgTable(
  'deadlines',
  {
    id: uuid().primaryKey().defaultRandom(),
    workflowId: text().notNull(),
    subjectId: uuid().notNull(),
    organizationId: uuid(),
    stateKey: text().notNull(),
    ruleKey: text().notNull(),
    basis: deadlineBasis().notNull(),
    length: integer().notNull(),
    extendedBy: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    remindAt: timestamp({ withTimezone: true }),
    status: deadlineStatus().notNull().default('open'),
    legalBasisZh: text().notNull(),
    legalBasisEn: text().notNull(),
    metAt: timestamp({ withTimezone: true }),
    remindedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('deadlines_subject_idx').on(table.workflowId, table.subjectId),
    index('deadlines_open_due_idx').on(table.status, table.dueAt),
    index('deadlines_open_remind_idx').on(table.status, table.remindAt),
  ],
);

export const deadlineExtensions = pgTable('deadline_extensions', {
  id: uuid().primaryKey().defaultRandom(),
  deadlineId: uuid()
    .notNull()
    .references(() => deadlines.id, { onDelete: 'cascade' }),
  length: integer().notNull(),
  reason: text().notNull(),
  approvedBy: uuid().notNull(),
  previousDueAt: timestamp({ withTimezone: true }).notNull(),
  newDueAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

// Local practice differs (DOMAIN.md §0): administrators may override a rule's length and basis by key.
export const deadlineRuleSettings = pgTable('deadline_rule_settings', {
  ruleKey: text().primaryKey(),
  basis: deadlineBasis().notNull(),
  length: integer().notNull(),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
