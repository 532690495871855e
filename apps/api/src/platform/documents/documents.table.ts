import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Official documents with their numbers (文号): one gapless series per issuing body, kind and year. */
export const officialDocuments = pgTable(
  'official_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid().notNull(),
    kind: text().notNull(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    number: text().notNull(),
    title: text().notNull(),
    subjectType: text().notNull(),
    subjectId: uuid().notNull(),
    attachmentId: uuid(),
    createdBy: uuid(),
    createdByName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('official_documents_number_idx').on(table.organizationId, table.kind, table.year, table.sequence),
    index('official_documents_subject_idx').on(table.subjectType, table.subjectId),
  ],
);

/**
 * The wording of a kind of document as an issuing body's administrators set it. It holds for the body and every body
 * below it without its own; a kind without any row up the tree uses the built-in wording.
 */
export const documentTemplates = pgTable(
  'document_templates',
  {
    organizationId: uuid().notNull(),
    kind: text().notNull(),
    title: text().notNull(),
    recipient: text(),
    paragraphs: text().array().notNull(),
    version: integer().notNull().default(1),
    updatedBy: uuid(),
    updatedByName: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.kind] })],
);
