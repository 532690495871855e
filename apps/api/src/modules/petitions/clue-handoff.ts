import { appendAudit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { requireCapability, visiblePetition } from './petitions.policy.ts';
import { clueHandoffOf, insertClueHandoff } from './petitions.repository.ts';

// "Convert to clue" (转为问题线索): a report that shows a problem clue is handed to the clue ledger, and the clue's
// result comes back to the report (markHandoffReceived / recordClueResult, which the clue ledger calls).

export interface ClueHandoff {
  handoffId: string;
  petitionId: string;
  organizationId: string;
  summary: string;
  actor: Actor;
}

/**
 * Where "convert to clue" hands a petition over: the clue ledger provides it (app.ts). Without it (the petitions
 * module alone, in tests) the handoff row, status 'pending', is the durable queue a ledger would take in.
 */
export interface ClueIntake {
  receive(tx: Transaction, handoff: ClueHandoff): Promise<void>;
}

export async function handOffToClues(context: PetitionsContext, actor: Actor, id: string, summary: string) {
  const { db, clock } = context;
  const row = await visiblePetition(db, actor, id);
  requireCapability(actor, row, 'handOffToClues', Boolean(await clueHandoffOf(db, id)));
  await db.transaction(async (tx) => {
    const handoff = await insertClueHandoff(tx, { petitionId: id, organizationId: row.organizationId, summary, createdBy: actor.userId, createdAt: clock.now() });
    // One hand-over per report: of two at once, the second finds the first's row.
    if (!handoff) throw new AppError('VERSION_CONFLICT');
    await context.clueIntake.receive(tx, { handoffId: handoff.id, petitionId: id, organizationId: row.organizationId, summary, actor });
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: row.organizationId,
      action: 'petition.clue_handoff',
      subjectType: 'petition',
      subjectId: id,
      after: { handoffId: handoff.id },
    });
  });
}
