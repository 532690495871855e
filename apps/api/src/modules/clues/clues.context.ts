import type { Transaction } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { createCommissionScope } from '../../platform/identity/commission-scope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ClueRow } from './clues.record.ts';

/** Where a clue approved for filing becomes a case (the cases module provides it in app.ts). */
export interface CaseFiling {
  open(tx: Transaction, clue: ClueRow, actor: Actor): Promise<void>;
}

/**
 * What the clues module's use cases work with: platform services, the key for ID numbers, the commission scope of
 * the case-management office, and the hook that files cases. Built once in index.ts; use cases take it first.
 */
export interface CluesContext extends Pick<Platform, 'db' | 'clock' | 'workflows' | 'deadlines' | 'sealer' | 'auditRecorder'> {
  /** HMAC key: persons are matched by a keyed hash of their ID number; the number itself is sealed. */
  idNumberKey: string;
  commissionScope: ReturnType<typeof createCommissionScope>;
  caseFiling?: CaseFiling;
}

export function createCluesContext(platform: Platform, hooks: { caseFiling?: CaseFiling } = {}): CluesContext {
  const { db, clock, workflows, deadlines, sealer, auditRecorder } = platform;
  return {
    db,
    clock,
    workflows,
    deadlines,
    sealer,
    auditRecorder,
    idNumberKey: sealer.derive('clue-person-id-number'),
    commissionScope: createCommissionScope(db),
    caseFiling: hooks.caseFiling,
  };
}
