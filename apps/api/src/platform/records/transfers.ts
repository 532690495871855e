import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '../db/client.ts';
import { organizationNames } from '../identity/organization-name.ts';
import type { RecordType } from './record-type.ts';
import { recordTransfers } from './record-transfers.table.ts';

// Transfers between bodies, for every record type: the sender's record hands the matter to a new record in the
// receiving body; the receiver acknowledges (签收) or returns it (退回); its result flows back (结果反馈). Which workflow
// actions follow (the sender waiting, then moving on) is each module's own; the kit keeps the hand-over itself.

export type TransferRow = typeof recordTransfers.$inferSelect;

export interface OpenTransfer {
  mode: string;
  fromRecordId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  toRecordId: string | null;
  reportBackRequired: boolean;
  createdBy: string | null;
  createdAt: Date;
}

export async function openTransfer(tx: Transaction, record: Pick<RecordType, 'type'>, transfer: OpenTransfer): Promise<void> {
  await tx.insert(recordTransfers).values({ recordType: record.type, ...transfer });
}

/** The receiver took the record in. */
export async function acknowledgeTransfer(tx: Transaction, toRecordId: string, at: Date): Promise<void> {
  await tx.update(recordTransfers).set({ status: 'acknowledged', acknowledgedAt: at }).where(eq(recordTransfers.toRecordId, toRecordId));
}

/** The receiver sent the record back with its reasons; the transfer, if there was one. */
export async function returnTransfer(tx: Transaction, toRecordId: string, { at, reason }: { at: Date; reason: string | null }): Promise<TransferRow | undefined> {
  const [row] = await tx.update(recordTransfers).set({ status: 'returned', returnedAt: at, returnReason: reason }).where(eq(recordTransfers.toRecordId, toRecordId)).returning();
  return row;
}

/** The receiver's result, reported back to the sender; the transfer, if there was one. */
export async function reportTransferResult(tx: Transaction, toRecordId: string, { at, result }: { at: Date; result: string }): Promise<TransferRow | undefined> {
  const [row] = await tx.update(recordTransfers).set({ status: 'reported', reportedAt: at, result }).where(eq(recordTransfers.toRecordId, toRecordId)).returning();
  return row;
}

/** A reported result that is being reviewed is no result yet: the transfer is open again until the new one. */
export async function reopenTransfer(tx: Transaction, transferId: string): Promise<void> {
  await tx.update(recordTransfers).set({ status: 'acknowledged' }).where(eq(recordTransfers.id, transferId));
}

/** The transfer that created this record, if it came from another body. */
export async function transferInto(db: DbOrTx, toRecordId: string): Promise<TransferRow | undefined> {
  const [row] = await db.select().from(recordTransfers).where(eq(recordTransfers.toRecordId, toRecordId));
  return row;
}

/** The transfers this record made, oldest first. */
export function transfersFrom(db: DbOrTx, fromRecordId: string): Promise<TransferRow[]> {
  return db.select().from(recordTransfers).where(eq(recordTransfers.fromRecordId, fromRecordId)).orderBy(asc(recordTransfers.createdAt));
}

/**
 * Where the sender stands with its latest round of transfers (a record sent back and sent again starts a new round):
 * whether any is still open (pending or acknowledged), whether any result came back, and the receivers' reasons for
 * what was returned.
 */
export function latestRound(outgoing: readonly TransferRow[]): { open: boolean; anyReported: boolean; returnReasons: string[] } {
  const latest = outgoing.reduce((newest, transfer) => (transfer.createdAt > newest ? transfer.createdAt : newest), new Date(0));
  const current = outgoing.filter((transfer) => transfer.createdAt >= latest);
  return {
    open: current.some((transfer) => transfer.status === 'pending' || transfer.status === 'acknowledged'),
    anyReported: current.some((transfer) => transfer.status === 'reported'),
    returnReasons: current.map((transfer) => transfer.returnReason).filter((reason): reason is string => Boolean(reason)),
  };
}

/** A transfer as record pages show it: both bodies named, and the receiving record's status now. */
export interface TransferView<Status extends string = string> {
  id: string;
  mode: string;
  status: TransferRow['status'];
  fromRecordId: string;
  fromOrganizationName: string;
  toRecordId: string | null;
  toOrganizationId: string;
  toOrganizationName: string;
  /** The receiving record's status at this moment: the sender follows it. */
  toRecordStatus: Status | null;
  reportBackRequired: boolean;
  createdAt: string;
  acknowledgedAt: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  reportedAt: string | null;
  result: string | null;
}

export async function presentTransfers<Status extends string>(
  db: DbOrTx,
  rows: readonly TransferRow[],
  statusesOf: (recordIds: string[]) => Promise<Map<string, Status>>,
): Promise<TransferView<Status>[]> {
  if (rows.length === 0) return [];
  const receivers = rows.map((row) => row.toRecordId).filter((id): id is string => Boolean(id));
  const [names, statuses] = await Promise.all([
    organizationNames(db, rows.flatMap((row) => [row.fromOrganizationId, row.toOrganizationId])),
    receivers.length ? statusesOf(receivers) : Promise.resolve(new Map<string, Status>()),
  ]);
  return rows.map((row) => ({
    id: row.id,
    mode: row.mode,
    status: row.status,
    fromRecordId: row.fromRecordId,
    fromOrganizationName: names.get(row.fromOrganizationId) ?? '',
    toRecordId: row.toRecordId,
    toOrganizationId: row.toOrganizationId,
    toOrganizationName: names.get(row.toOrganizationId) ?? '',
    toRecordStatus: (row.toRecordId ? statuses.get(row.toRecordId) : null) ?? null,
    reportBackRequired: row.reportBackRequired,
    createdAt: row.createdAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    returnReason: row.returnReason,
    reportedAt: row.reportedAt?.toISOString() ?? null,
    result: row.result,
  }));
}
