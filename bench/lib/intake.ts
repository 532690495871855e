import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { petitionWorkflow, type PublicSubmission } from '@guantong/contracts';
import type { DatabaseHandle } from '../../apps/api/src/platform/db/client.ts';
import type { Clock } from '../../apps/api/src/platform/clock.ts';
import type { HumanCheck } from '../../apps/api/src/platform/http/human-check.ts';
import type { Sealer } from '../../apps/api/src/platform/crypto/sealing.ts';
import { appendAuditEntries } from '../../apps/api/src/platform/audit/audit.service.ts';
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

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/**
 * What public submissions write, done straight on the database in one transaction, without the service: the spent
 * challenges (used_challenges), the petition rows with their jieba search vectors and open deadlines (petitions), the
 * creation events (workflow_events), the deadlines (deadlines) and the audit entries on the hash chain
 * (appendAuditEntries: advisory lock, read the tip, insert), one multi-row insert per table. Called with one payload
 * it is what a client writing one submission per transaction sends; called with a batch, what the service's group
 * commit sends. The same values the service writes; what it leaves out is the service's reads (receiving bodies,
 * categories, deadline-rule override), the deadline mirror (here set on insert) and verifying the proofs of work.
 */
export function rawSubmissions(
  handle: DatabaseHandle,
  { clock, sealer, exceptions, intakeOwnerOf }: { clock: Clock; sealer: Sealer; exceptions: CalendarExceptions; intakeOwnerOf: Map<string, string> },
) {
  const receiptKey = sealer.derive('receipt-secret');
  const rule = petitionWorkflow.states.submitted.deadline!;
  return async (payloads: PublicSubmission[]) => {
    const now = clock.now();
    const dueAt = dueAtOf(now, rule.basis, rule.length, exceptions);
    const remindAt = remindAtOf(now, chinaDateOf(dueAt), rule.remindBefore ?? 2, exceptions);
    const rows = payloads.map((payload) => {
      const id = randomUUID();
      const secret = `${randomCode(4)}-${randomCode(4)}-${randomCode(4)}`;
      return {
        id,
        organizationId: intakeOwnerOf.get(payload.receivingOrganizationId)!,
        rootId: id,
        receiptCode: `JB${randomCode(8)}`,
        receiptSecretHash: createHmac('sha256', receiptKey).update(secret.replaceAll('-', '')).digest('base64url'),
        status: 'submitted' as const,
        channel: 'online' as const,
        source: 'portal' as const,
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
      };
    });
    await handle.db.transaction(async (tx) => {
      await tx
        .insert(usedChallenges)
        .values(rows.map(() => ({ signature: randomBytes(32).toString('hex'), expiresAt: new Date(now.getTime() + 20 * 60_000) })));
      await tx.insert(petitions).values(rows);
      await tx.insert(workflowEvents).values(
        rows.map((row) => ({
          workflowId: petitionWorkflow.id,
          subjectId: row.id,
          organizationId: row.organizationId,
          action: 'create',
          fromStatus: '',
          toStatus: 'submitted',
          actorId: null,
          actorName: 'system:portal',
          note: null,
          createdAt: now,
        })),
      );
      await tx.insert(deadlines).values(
        rows.map((row) => ({
          workflowId: petitionWorkflow.id,
          subjectId: row.id,
          organizationId: row.organizationId,
          stateKey: 'submitted',
          ruleKey: rule.key,
          basis: rule.basis,
          length: rule.length,
          startedAt: now,
          dueAt,
          remindAt,
          legalBasisZh: rule.legalBasis.zhCN,
          legalBasisEn: rule.legalBasis.en,
        })),
      );
      await appendAuditEntries(
        tx,
        clock,
        rows.map((row) => ({
          actorId: null,
          actorName: 'system:portal',
          organizationId: row.organizationId,
          action: `workflow.${petitionWorkflow.id}.create`,
          subjectType: petitionWorkflow.id,
          subjectId: row.id,
          after: { status: 'submitted', receiptCode: row.receiptCode, channel: 'online', anonymous: true, attachments: 0 },
        })),
      );
    });
  };
}
