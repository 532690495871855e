import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { lt } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { Database, DbOrTx } from '../db/client.ts';
import { usedChallenges } from './human-check.table.ts';

const CHALLENGE_TTL_MS = 20 * 60_000;

export interface VerifiedChallenge {
  signature: string;
  expiresAt: Date;
}

/**
 * A proof-of-work human check (ALTCHA v1): the browser spends a fraction of a second hashing, a bot flood spends it
 * per request. Needs no outside service and stores nothing about the person.
 */
export function createHumanCheck({ hmacKey, maxNumber, clock }: { hmacKey: string; maxNumber: number; clock: Clock }) {
  /** Checks the work and the signature (no database): what can be done before a submission waits for its batch. */
  async function verify(payload: string): Promise<VerifiedChallenge> {
    let decoded: { algorithm: 'SHA-256'; challenge: string; number: number; salt: string; signature: string };
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof decoded;
    } catch {
      throw new AppError('HUMAN_CHECK_FAILED');
    }
    // Expiry is checked against the injected clock, not the library's own Date.now().
    const expires = Number(extractParams(decoded).expires);
    if (!decoded.signature || !Number.isFinite(expires) || expires * 1000 < clock.now().getTime()) throw new AppError('HUMAN_CHECK_FAILED');
    if (!(await verifySolution(decoded, hmacKey, false))) throw new AppError('HUMAN_CHECK_FAILED');
    return { signature: decoded.signature, expiresAt: new Date(expires * 1000) };
  }

  /**
   * Spends verified challenges in one insert and answers which of them were spent now; one already spent (a
   * replay), or named twice, is spent only for its first holder.
   */
  async function spendVerified(tx: DbOrTx, solved: VerifiedChallenge[]): Promise<Set<string>> {
    if (solved.length === 0) return new Set();
    const inserted = await tx.insert(usedChallenges).values(solved).onConflictDoNothing().returning({ signature: usedChallenges.signature });
    return new Set(inserted.map((row) => row.signature));
  }

  return {
    issue() {
      return createChallenge({ hmacKey, maxNumber, expires: new Date(clock.now().getTime() + CHALLENGE_TTL_MS) });
    },

    verify,
    spendVerified,

    async purgeExpired(db: Database): Promise<void> {
      await db.delete(usedChallenges).where(lt(usedChallenges.expiresAt, clock.now()));
    },
  };
}
export type HumanCheck = ReturnType<typeof createHumanCheck>;
