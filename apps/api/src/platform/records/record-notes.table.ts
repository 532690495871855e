import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What people write on a record: internal notes (`action` null, never shown to a reporter) and the written record of a
 * workflow step (`action` set: a talk record, a reply, a report, a decision). `details` holds a record type's own
 * structured fields of a step (a clue's inquiry method, a verification's recommendation).
 */
export const recordNotes = pgTable(
  'record_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    action: text(),
    body: text().notNull(),
    details: jsonb().$type<Record<string, string | null>>().notNull().default({}),
    authorId: uuid(),
    authorName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('record_notes_record_idx').on(table.recordId, table.createdAt)],
);
