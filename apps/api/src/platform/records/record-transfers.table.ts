import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const recordTransferStatuses = ['pending', 'acknowledged', 'returned', 'reported'] as const;
export const recordTransferStatus = pgEnum('record_transfer_status', recordTransferStatuses);

/**
 * A hand-over of a record from one body to another, of any record type: the receiver acknowledges it (签收) or returns
 * it with reasons (退回), and its result flows back to the sender (结果反馈). A transfer creates the receiver's own
 * record (`toRecordId`), so each body keeps its own state; `mode` is the record type's own vocabulary (交办, 转办, 联办 …).
 */
export const recordTransfers = pgTable(
  'record_transfers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The record kit's type of both records: `petition`, `clue` … */
    recordType: text().notNull(),
    mode: text().notNull(),
    status: recordTransferStatus().notNull().default('pending'),
    fromRecordId: uuid().notNull(),
    fromOrganizationId: uuid().notNull(),
    toOrganizationId: uuid().notNull(),
    toRecordId: uuid(),
    /** Whether the sender waits for the result (交办 with report-back, 联办) or lets go (转办). */
    reportBackRequired: boolean().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    returnedAt: timestamp({ withTimezone: true }),
    returnReason: text(),
    reportedAt: timestamp({ withTimezone: true }),
    result: text(),
  },
  (table) => [index('record_transfers_from_idx').on(table.fromRecordId), uniqueIndex('record_transfers_to_idx').on(table.toRecordId)],
);
