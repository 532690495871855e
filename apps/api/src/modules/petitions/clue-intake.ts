import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { petitionClueHandoffs } from './petitions.table.ts';

export interface ClueHandoff {
  handoffId: string;
  petitionId: string;
  organizationId: string;
  summary: string;
  actor: Actor;
}

/**
 * Where "convert to clue" hands a petition over: the clue ledger registers itself here (app.ts). Without it (the
 * petitions module alone, in tests) the handoff row, status 'pending', is the durable queue a ledger would take in.
 */
export interface ClueIntake {
  receive(tx: Transaction, handoff: ClueHandoff): Promise<void>;
}

export const defaultClueIntake: ClueIntake = {
  async receive() {
    // Nothing beyond the pending handoff row.
  },
};

/** The clue ledger took the handoff in as clue `clueId`. */
export async function markHandoffReceived(tx: DbOrTx, handoffId: string, clueId: string): Promise<void> {
  await tx.update(petitionClueHandoffs).set({ status: 'received', clueId }).where(eq(petitionClueHandoffs.id, handoffId));
}

/** The clue closed: its result goes back to the report it came from, where the intake office sees it. */
export async function recordClueResult(tx: DbOrTx, clueId: string, result: string, at: Date): Promise<void> {
  await tx.update(petitionClueHandoffs).set({ status: 'fed_back', result, resultAt: at }).where(eq(petitionClueHandoffs.clueId, clueId));
}
