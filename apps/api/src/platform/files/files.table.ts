import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Metadata only; the bytes live content-addressed under DATA_DIR/files/ab/cd/<sha256>.
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    sha256: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    mimeType: text().notNull(),
    fileName: text().notNull(),
    organizationId: uuid().notNull(),
    ownerType: text(),
    ownerId: uuid(),
    uploadedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('attachments_owner_idx').on(table.ownerType, table.ownerId), index('attachments_sha_idx').on(table.sha256)],
);

/** An attachment's metadata as the API sends it. */
export function presentAttachment(file: typeof attachments.$inferSelect) {
  return {
    id: file.id,
    fileName: file.fileName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    organizationId: file.organizationId,
    createdAt: file.createdAt.toISOString(),
  };
}
