import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// One row per status change of any workflow-driven record; the timeline shown on every record page.
export const workflowEvents = pgTable(
  'workflow_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    workflowId: text().notNull(),
    subjectId: uuid().notNull(),
    organizationId: uuid(),
    action: text().notNull(),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    actorId: uuid(),
    actorName: text(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('workflow_events_subject_idx').on(table.workflowId, table.subjectId, table.createdAt)],
);

/** A timeline row as the API sends it. */
export function presentWorkflowEvent(event: typeof workflowEvents.$inferSelect) {
  return {
    id: event.id,
    workflowId: event.workflowId,
    subjectId: event.subjectId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorId: event.actorId,
    actorName: event.actorName,
    note: event.note,
    createdAt: event.createdAt.toISOString(),
  };
}
