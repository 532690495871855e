import { z } from 'zod';

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('e.g. deadline.reminder, deadline.escalation'),
    title: z.string(),
    body: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const UnreadCountSchema = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
