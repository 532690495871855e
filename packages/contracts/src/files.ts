import { z } from 'zod';

export const AttachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mimeType: z.string().describe('Detected from the content, not the name'),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    organizationId: z.uuid(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Types accepted by content sniffing; extensions and browser-declared types are ignored. */
export const allowedAttachmentTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/amr',
  'video/mp4',
] as const;
