import type { Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';

export interface ClueHandoff {
  handoffId: string;
  petitionId: string;
  organizationId: string;
  summary: string;
  actor: Actor;
}

/**
 * Where "convert to clue" hands a petition over. The clue ledger (issue 4) registers its own intake here;
 * until then the handoff row in petition_clue_handoffs, status 'pending', is the durable queue it will take in.
 */
export interface ClueIntake {
  receive(tx: Transaction, handoff: ClueHandoff): Promise<void>;
}

export const defaultClueIntake: ClueIntake = {
  async receive() {
    // Nothing beyond the pending handoff row until the clue ledger exists.
  },
};
