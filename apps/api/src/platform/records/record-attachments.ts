import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import type { StoredFile } from '../files/file-store.ts';
import { attachments } from '../files/files.table.ts';
import type { RecordType } from './record-type.ts';

// Attachments owned by records. Files uploaded ahead through /api/files are given to a record with claimUploads
// (platform/files/claim-uploads.ts); who may read them is the owning module's attachment policy.

/** Files received with new records (public intake): one insert for all, in the records' transaction. */
export async function attachStoredFiles(
  tx: Transaction,
  record: Pick<RecordType, 'type'>,
  files: (StoredFile & { fileName: string; ownerId: string; organizationId: string; createdAt: Date })[],
) {
  if (files.length === 0) return;
  await tx.insert(attachments).values(files.map((file) => ({ ...file, ownerType: record.type, uploadedBy: null })));
}

/** The files of one record given, as copies, to another of the same type held by another body (a transfer). */
export async function copyAttachments(tx: Transaction, record: Pick<RecordType, 'type'>, fromId: string, to: { id: string; organizationId: string; at: Date }) {
  const files = await tx.select().from(attachments).where(and(eq(attachments.ownerType, record.type), eq(attachments.ownerId, fromId)));
  if (files.length === 0) return;
  await tx.insert(attachments).values(files.map(({ id: _id, ...file }) => ({ ...file, organizationId: to.organizationId, ownerId: to.id, createdAt: to.at })));
}

/** The files move with the record to the body that now holds it. */
export async function moveAttachments(tx: Transaction, record: Pick<RecordType, 'type'>, id: string, organizationId: string) {
  await tx.update(attachments).set({ organizationId }).where(and(eq(attachments.ownerType, record.type), eq(attachments.ownerId, id)));
}
