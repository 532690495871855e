import { z } from 'zod';

export const AuditEntrySchema = z
  .object({
    id: z.number().int().describe('Position in the hash chain'),
    occurredAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    organizationId: z.uuid().nullable(),
    action: z.string().describe('e.g. user.create, workflow.account.disable, sealed.read'),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = z.object({
  action: z.string().trim().max(80).optional(),
  subjectType: z.string().trim().max(60).optional(),
  subjectId: z.string().trim().max(80).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const AuditVerifyResultSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBrokenId: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditVerifyResult' });
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
