import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { petitionWorkflow, type PublicSubmission } from '@guantong/contracts';
import type { DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import type { Clock } from '../../apps/api/src/platform/clock.ts';
import type { HumanCheck } from '../../apps/api/src/platform/http/human-check.ts';
import type { Sealer } from '../../apps/api/src/platform/crypto/sealing.ts';
import { sql } from 'drizzle-orm';
import { appendAudit, GENESIS_HASH, hashAuditEntry } from '../../apps/api/src/platform/audit/audit.service.ts';
import { chinaDateOf, dueAtOf, remindAtOf, type CalendarExceptions } from '../../apps/api/src/platform/calendar/working-days.ts';
import { searchVectorOf } from '../../apps/api/src/platform/search/segment.ts';
import { deadlines } from '../../apps/api/src/platform/deadlines/deadlines.table.ts';
import { workflowEvents } from '../../apps/api/src/platform/workflow/workflow.table.ts';
import { petitions } from '../../apps/api/src/modules/petitions/petitions.table.ts';
import { usedChallenges } from '../../apps/api/src/platform/http/human-check.table.ts';
import { multipartBody } from '../../apps/api/test/public-intake.ts';
import { reportTextMaker } from './petition-text.ts';
import { random } from './prepare.ts';

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

/**
 * Solves a challenge as the portal's browser does (altcha's solveChallenge: the number whose SHA-256 with the salt
 * is the challenge), synchronously with node:crypto: altcha's own solver goes through WebCrypto, about 40 times slower.
 */
export function solve(challenge: Challenge): string {
  for (let number = 0; number <= (challenge.maxnumber ?? 1_000_000); number += 1) {
    if (createHash('sha256').update(`${challenge.salt}${number}`).digest('hex') === challenge.challenge) {
      const { algorithm, salt, signature } = challenge;
      return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature })).toString('base64');
    }
  }
  throw new Error('challenge not solvable');
}

/**
 * Solved human checks, made before a measured run: each submission spends one, and a spent one is refused.
 * Issued by the API's own human check (the same HMAC key as the server, derived from the shared SEAL_KEY, and the
 * same work factor), so they are what GET /api/public/challenge would hand out; making them costs no HTTP.
 */
export function challengePool(humanCheck: HumanCheck) {
  const ready: string[] = [];
  let madeDuringRun = 0;
  let refilling: Promise<void> | null = null;
  let measuring = false;
  const make = async (count: number) => {
    for (let done = 0; done < count; done += 500) {
      const issued = await Promise.all(Array.from({ length: Math.min(500, count - done) }, () => humanCheck.issue()));
      for (const challenge of issued) ready.push(solve(challenge));
      if (measuring) madeDuringRun += issued.length;
    }
  };
  return {
    /** Makes `count` more before the run. */
    async fill(count: number) {
      await make(count);
    },
    /** From here on, any refill counts as work done by the load generator during the run. */
    startRun() {
      measuring = true;
    },
    /** One unused solution, for a synchronous request builder; refills in the background when running low. */
    take(): string {
      if (ready.length < 2000 && !refilling) refilling = make(5000).finally(() => (refilling = null));
      const payload = ready.pop();
      if (payload === undefined) throw new Error('the pool of solved human checks ran dry: raise its size (BENCH_INTAKE_POOL_RATE)');
      return payload;
    },
    async settle() {
      await refilling;
    },
    get size() {
      return ready.length;
    },
    get madeDuringRun() {
      return madeDuringRun;
    },
  };
}
export type ChallengePool = ReturnType<typeof challengePool>;

/** Public submissions as the portal sends them: anonymous, no files, realistic texts, spread over the receiving bodies. */
export function submissionMaker(receivingOrganizationIds: string[], seed = 4242) {
  const pick = random(seed);
  const makeText = reportTextMaker(pick);
  return (challenge: string): PublicSubmission => {
    const text = makeText(new Date());
    return {
      submissionType: text.submissionType,
      categoryKey: text.categoryKey,
      extraAnswers: text.extraAnswers,
      title: text.title,
      content: text.content,
      concernedName: text.concernedName,
      concernedPost: text.concernedPost,
      concernedUnit: text.concernedUnit,
      occurredOn: text.occurredOn,
      occurredPlace: text.occurredPlace,
      receivingOrganizationId: receivingOrganizationIds[Math.floor(pick() * receivingOrganizationIds.length)],
      anonymous: true,
      challenge,
    };
  };
}

/** The multipart request body of one submission (the portal's form: a `payload` field, here without files). */
export function submissionBody(payload: PublicSubmission): { body: Buffer; contentType: string } {
  return multipartBody(payload);
}

/** Where the diagnostic raw run without the chain writes its audit entries (created by the bench in its scratch database). */
export const UNCHAINED_AUDIT_TABLE = 'bench_audit_unchained';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/**
 * What one public submission writes, done straight on the database in one transaction, without the service:
 * the spent challenge (used_challenges), the petition row with its jieba search vector and its open deadline
 * mirrored (petitions), the creation event (workflow_events), the deadline (deadlines) and the audit entry on the
 * hash chain (appendAudit: advisory lock, read the tip, insert). The same values the service writes; what it
 * leaves out is the service's reads (receiving body, intake office, category, deadline-rule override) and its
 * second write to the petition row (the deadline mirror), and verifying the proof of work.
 * With `chain: false` (a diagnostic, not what the application does) the audit entry is hashed the same way but
 * goes to a table of the same shape, UNCHAINED_AUDIT_TABLE, without the lock and without reading the tip: what the
 * same writes cost when commits are not serialised by the chain.
 */
export function rawSubmission(
  handle: DatabaseHandle,
  {
    clock,
    sealer,
    exceptions,
    intakeOwnerOf,
    chain = true,
  }: { clock: Clock; sealer: Sealer; exceptions: CalendarExceptions; intakeOwnerOf: Map<string, string>; chain?: boolean },
) {
  const receiptKey = sealer.derive('receipt-secret');
  const rule = petitionWorkflow.states.submitted.deadline!;
  return async (payload: PublicSubmission) => {
    const now = clock.now();
    const id = randomUUID();
    const organizationId = intakeOwnerOf.get(payload.receivingOrganizationId)!;
    const receiptCode = `JB${randomCode(8)}`;
    const secret = `${randomCode(4)}-${randomCode(4)}-${randomCode(4)}`;
    const dueAt = dueAtOf(now, rule.basis, rule.length, exceptions);
    const remindAt = remindAtOf(now, chinaDateOf(dueAt), rule.remindBefore ?? 2, exceptions);
    await handle.db.transaction(async (tx) => {
      await tx.insert(usedChallenges).values({ signature: randomBytes(32).toString('hex'), expiresAt: new Date(now.getTime() + 20 * 60_000) });
      await tx.insert(petitions).values({
        id,
        organizationId,
        rootId: id,
        receiptCode,
        receiptSecretHash: createHmac('sha256', receiptKey).update(secret.replaceAll('-', '')).digest('base64url'),
        status: 'submitted',
        channel: 'online',
        source: 'portal',
        submissionType: payload.submissionType,
        categoryKey: payload.categoryKey ?? null,
        extraAnswers: payload.extraAnswers ?? {},
        title: payload.title,
        content: payload.content,
        concernedName: payload.concernedName ?? null,
        concernedPost: payload.concernedPost ?? null,
        concernedUnit: payload.concernedUnit ?? null,
        occurredOn: payload.occurredOn ?? null,
        occurredPlace: payload.occurredPlace ?? null,
        anonymous: true,
        dueAt,
        remindAt,
        searchVector: searchVectorOf(payload.title, payload.content, payload.concernedName, payload.concernedUnit, payload.concernedPost, payload.occurredPlace),
        receivedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(workflowEvents).values({
        workflowId: petitionWorkflow.id,
        subjectId: id,
        organizationId,
        action: 'create',
        fromStatus: '',
        toStatus: 'submitted',
        actorId: null,
        actorName: 'system:portal',
        note: null,
        createdAt: now,
      });
      await tx.insert(deadlines).values({
        workflowId: petitionWorkflow.id,
        subjectId: id,
        organizationId,
        stateKey: 'submitted',
        ruleKey: rule.key,
        basis: rule.basis,
        length: rule.length,
        startedAt: now,
        dueAt,
        remindAt,
        legalBasisZh: rule.legalBasis.zhCN,
        legalBasisEn: rule.legalBasis.en,
      });
      const entry = {
        actorId: null,
        actorName: 'system:portal',
        organizationId,
        action: `workflow.${petitionWorkflow.id}.create`,
        subjectType: petitionWorkflow.id,
        subjectId: id,
        after: { status: 'submitted', receiptCode, channel: 'online', anonymous: true, attachments: 0 },
      };
      if (chain) {
        await appendAudit(tx, clock, entry);
        return;
      }
      const fields = { ...entry, occurredAt: clock.now(), before: null, reason: null, prevHash: GENESIS_HASH };
      await tx.execute(
        sql`insert into ${sql.raw(UNCHAINED_AUDIT_TABLE)} (occurred_at, actor_id, actor_name, organization_id, action, subject_type, subject_id, before, after, reason, prev_hash, hash)
            values (${fields.occurredAt.toISOString()}::timestamptz, null, ${fields.actorName}, ${organizationId}, ${fields.action}, ${fields.subjectType}, ${id}, null,
                    ${JSON.stringify(fields.after)}::jsonb, null, ${GENESIS_HASH}, ${hashAuditEntry(fields)})`,
      );
    });
  };
}
