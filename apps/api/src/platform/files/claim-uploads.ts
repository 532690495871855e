import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Transaction } from '../db/client.ts';
import { attachments } from './files.table.ts';

/**
 * Gives files the actor uploaded earlier (through /api/files, not yet owned) to a record, in the record's
 * transaction; a file that is unknown, someone else's or already owned refuses the whole change.
 */
export async function claimUploads(
  tx: Transaction,
  uploaderId: string,
  owner: { ownerType: string; ownerId: string; organizationId: string },
  attachmentIds: string[],
): Promise<void> {
  if (attachmentIds.length === 0) return;
  const updated = await tx
    .update(attachments)
    .set(owner)
    .where(and(inArray(attachments.id, attachmentIds), eq(attachments.uploadedBy, uploaderId), isNull(attachments.ownerId)))
    .returning({ id: attachments.id });
  if (updated.length !== new Set(attachmentIds).size) throw new AppError('ATTACHMENT_INVALID');
}
