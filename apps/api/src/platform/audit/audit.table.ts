import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); each row's hash covers its content and the previous hash.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    actorId: uuid(),
    actorName: text(),
    organizationId: uuid(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    before: jsonb(),
    after: jsonb(),
    reason: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (table) => [
    index('audit_log_organization_idx').on(table.organizationId, table.id),
    index('audit_log_subject_idx').on(table.subjectType, table.subjectId),
    index('audit_log_action_idx').on(table.action),
  ],
);
