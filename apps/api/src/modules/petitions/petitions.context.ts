import type { Receipt } from '@guantong/contracts';
import type { Platform } from '../../platform/platform.ts';
import { createGroupCommit, type GroupCommit } from '../../platform/db/group-commit.ts';
import type { ClueIntake } from './clue-handoff.ts';
import { writeSubmissions, type IntakeItem } from './intake.ts';

// Large enough to absorb a burst, small enough that one batch's transaction stays short (bench/README.md).
const INTAKE_BATCH_MAX = 64;

/**
 * What the petitions module's use cases work with: the platform services they use, the keys derived for receipts and
 * reporter fingerprints, the public intake's group commit, and the hooks to other modules. Built once per process in
 * index.ts; every use case is a plain function taking it first.
 */
export interface PetitionsContext extends Pick<Platform, 'db' | 'clock' | 'workflows' | 'deadlines' | 'sealer' | 'notifier' | 'messages' | 'humanCheck'> {
  /** HMAC keys: receipt secrets are stored only as a keyed hash; repeat reporters are found by a keyed hash of the phone. */
  keys: { receiptSecret: string; reporterFingerprint: string };
  /** Public submissions arriving together are written together (see intake.ts). */
  submissions: GroupCommit<IntakeItem, Receipt>;
  /** Where "convert to clue" hands a report over: the clue ledger (app.ts), or nothing beyond the pending row. */
  clueIntake: ClueIntake;
}

export function createPetitionsContext(platform: Platform, hooks: { clueIntake?: ClueIntake } = {}): PetitionsContext {
  const { db, clock, workflows, deadlines, sealer, notifier, messages, humanCheck } = platform;
  const context: PetitionsContext = {
    db,
    clock,
    workflows,
    deadlines,
    sealer,
    notifier,
    messages,
    humanCheck,
    keys: { receiptSecret: sealer.derive('receipt-secret'), reporterFingerprint: sealer.derive('reporter-fingerprint') },
    submissions: createGroupCommit((items: IntakeItem[]) => writeSubmissions(context, items), { maxBatch: INTAKE_BATCH_MAX }),
    clueIntake: hooks.clueIntake ?? { receive: async () => {} },
  };
  return context;
}
