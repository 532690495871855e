import { createHmac } from 'node:crypto';
import type { ReporterIdentity } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { canReadIdentity, visiblePetition } from './petitions.policy.ts';
import type { PetitionRow } from './petitions.record.ts';

// A real-name reporter's identity is one sealed JSON per row (AES-256-GCM). It is read only to send the reporter a
// message or by an intake officer holding the grant, and every reading, refused ones too, is in the audit trail.

/** Repeat reporters are found by a keyed hash of the phone number, never by unsealing. */
function fingerprintOf(context: Pick<PetitionsContext, 'keys'>, reporter: ReporterIdentity): string {
  return createHmac('sha256', context.keys.reporterFingerprint).update(reporter.phone.replace(/\D/g, '')).digest('base64url');
}

/** The sealed identity columns of a new report (nothing for an anonymous one). */
export function sealedReporter(context: Pick<PetitionsContext, 'keys' | 'sealer'>, anonymous: boolean, reporter: ReporterIdentity | null | undefined) {
  if (anonymous || !reporter) return { reporterSealed: null, reporterFingerprint: null };
  return { reporterSealed: context.sealer.seal(JSON.stringify(reporter)), reporterFingerprint: fingerprintOf(context, reporter) };
}

/** Tells a real-name reporter something through the message adapter; reading the phone number is itself logged. */
export async function messageReporter(context: PetitionsContext, tx: Transaction, row: PetitionRow, kind: string, text: string): Promise<void> {
  if (row.anonymous || !row.reporterSealed || !row.reporterFacing) return;
  const reporter = JSON.parse(context.sealer.unseal(row.reporterSealed)) as ReporterIdentity;
  await context.messages.send(tx, { to: reporter.phone, text, kind });
  await appendAudit(tx, context.clock, {
    actorId: null,
    actorName: 'system:reporter-notice',
    organizationId: row.organizationId,
    action: 'petition.identity.read',
    subjectType: 'petition',
    subjectId: row.id,
    reason: kind,
  });
}

/** Unseals the reporter's identity for an officer holding the grant, with the reason they gave; refusals are logged too. */
export async function readReporterIdentity(context: PetitionsContext, actor: Actor, id: string, reason: string): Promise<ReporterIdentity> {
  const { db, clock, sealer } = context;
  const row = await visiblePetition(db, actor, id);
  if (!row.reporterSealed) throw new AppError('NOT_FOUND');
  const record = (action: string) =>
    db.transaction((tx) =>
      appendAudit(tx, clock, { actorId: actor.userId, actorName: actor.displayName, organizationId: row.organizationId, action, subjectType: 'petition', subjectId: id, reason }),
    );
  if (!canReadIdentity(actor, row)) {
    // Refusals are logged too: who tried to look is part of protecting the reporter.
    await record('petition.identity.refused');
    throw new AppError('IDENTITY_NOT_GRANTED');
  }
  const identity = JSON.parse(sealer.unseal(row.reporterSealed)) as ReporterIdentity;
  await record('petition.identity.read');
  return identity;
}
