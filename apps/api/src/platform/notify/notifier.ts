import type { Clock } from '../clock.ts';
import type { DbOrTx } from '../db/client.ts';
import { notifications } from './notifications.table.ts';

export interface Notice {
  userIds: readonly string[];
  organizationId: string | null;
  kind: string;
  title: string;
  body: string;
  subjectType?: string;
  subjectId?: string;
}

/** Sends a text outside the platform (SMS, e-mail); real gateways plug in here. */
export interface MessageAdapter {
  channel: string;
  send(tx: DbOrTx, message: { to: string; text: string; kind: string }): Promise<void>;
}

/** Default adapter: records the message in the notifications log instead of sending it. */
export function createLogOnlyAdapter(channel: string, clock: Clock): MessageAdapter {
  return {
    channel,
    async send(tx, message) {
      await tx.insert(notifications).values({
        channel: `${channel}:log`,
        kind: message.kind,
        // Only the last digits: the log must not become a second copy of reporters' contact details.
        title: maskRecipient(message.to),
        body: message.text,
        createdAt: clock.now(),
      });
    },
  };
}

export interface Notifier {
  /** In-app notices, written in the caller's transaction so they exist exactly when the change does. */
  notify(tx: DbOrTx, notice: Notice): Promise<void>;
}

export function createNotifier({ clock }: { clock: Clock }): Notifier {
  return {
    async notify(tx, notice) {
      if (notice.userIds.length === 0) return;
      const createdAt = clock.now();
      await tx.insert(notifications).values(
        notice.userIds.map((userId) => ({
          userId,
          organizationId: notice.organizationId,
          channel: 'in_app',
          kind: notice.kind,
          title: notice.title,
          body: notice.body,
          subjectType: notice.subjectType ?? null,
          subjectId: notice.subjectId ?? null,
          createdAt,
        })),
      );
    },
  };
}

function maskRecipient(to: string): string {
  return to.length <= 4 ? '****' : `${'*'.repeat(Math.min(to.length - 4, 7))}${to.slice(-4)}`;
}
