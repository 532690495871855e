import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AttachmentSchema, type Attachment } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { attachments } from '../../platform/files/files.table.ts';
import { requireActor, staffRoute } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/platform.ts';
import type { AttachmentReadCheck } from '../../platform/module/module-definition.ts';

function present(row: typeof attachments.$inferSelect): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    organizationId: row.organizationId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function filesRoutes(
  app: FastifyInstance,
  { db, clock, files, config }: Pick<Platform, 'db' | 'clock' | 'files' | 'config'>,
  // Owning record types decide who may read their attachments (each module's attachment policy).
  attachmentPolicy: ReadonlyMap<string, AttachmentReadCheck>,
): void {
  async function findReadable(actor: Actor, id: string) {
    const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
    if (!row) throw new AppError('NOT_FOUND');
    if (row.ownerType && row.ownerId) {
      // The owning record's own visibility rule decides (a clue's sender, the ledger's case-management office).
      const check = attachmentPolicy.get(row.ownerType);
      if (!check || !(await check(actor, row.ownerId))) throw new AppError('NOT_FOUND');
    } else if (row.uploadedBy !== actor.userId) {
      // Not yet attached to a record: only the uploader may see it.
      throw new AppError('NOT_FOUND');
    }
    return row;
  }

  app.post(
    '/api/files',
    {
      schema: {
        tags: ['Files'],
        summary: 'Upload one attachment (multipart field "file"); the type is checked by content',
        consumes: ['multipart/form-data'],
        response: { 200: AttachmentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.permissions.includes('files.upload')) throw new AppError('FORBIDDEN');
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file({ limits: { fileSize: config.files.maxBytes, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING');
      const stored = await files.save(part.file, () => part.file.truncated);
      const fileName = z.string().trim().min(1).max(200).safeParse(part.filename).data ?? 'attachment';
      const [row] = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(attachments)
          .values({ ...stored, fileName, organizationId: actor.organizationId, uploadedBy: actor.userId, createdAt: clock.now() })
          .returning();
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'file.upload',
          subjectType: 'attachment',
          subjectId: inserted[0].id,
          after: { fileName, mimeType: stored.mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
        });
        return inserted;
      });
      return present(row);
    },
  );

  staffRoute(app, 'getAttachment', {}, async ({ actor, params }) => present(await findReadable(actor, params.id)));

  app.get('/api/files/:id/content', { schema: { tags: ['Files'], summary: 'Download an attachment', params: z.object({ id: z.uuid() }) } }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = z.object({ id: z.uuid() }).parse(request.params);
    const row = await findReadable(actor, id);
    void reply.header('content-type', row.mimeType);
    void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
    void reply.header('x-content-type-options', 'nosniff');
    return reply.send(files.open(row.sha256));
  });
}
