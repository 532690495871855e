import type { ClueAction, ClueStatus } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { actOnRecord, applyRecordAction } from '../../platform/records/record-actions.ts';
import type { CluesContext } from './clues.context.ts';
import { clueRecord, type ClueRow } from './clues.record.ts';
import { clueById } from './clues.repository.ts';

// Every status change of a clue goes through the clue workflow (clueRecord): compare-and-set, event, audit entry.

export interface ClueTransition {
  note?: string;
  set?: Partial<ClueRow>;
  within?: (tx: Transaction) => Promise<void>;
}

export async function transition(context: CluesContext, actor: Actor, row: ClueRow, action: ClueAction, expectedStatus: ClueStatus, options: ClueTransition = {}, outerTx?: Transaction) {
  await actOnRecord(context, clueRecord, actor, row, { action, expectedStatus, ...options }, outerTx);
}

/** The case the approval files, in the approval's transaction (立案). */
export async function fileCase(context: CluesContext, tx: Transaction, row: ClueRow, actor: Actor) {
  if (!context.caseFiling) return;
  const current = await clueById(tx, row.id);
  await context.caseFiling.open(tx, current ?? row, actor);
}

/** A workflow action of a clue or case sent without a field it needs (`path` under the body). */
export function actionIncomplete(path: string, message: string): never {
  throw new AppError('CLUE_ACTION_INCOMPLETE', [{ path: `body.${path}`, message }]);
}

/** The case filed from the clue is executed or withdrawn: the clue moves on to feedback, carrying the outcome. */
export async function concludeAfterCase(context: Pick<CluesContext, 'workflows' | 'clock'>, tx: Transaction, clueId: string, conclusion: string) {
  const clue = await clueById(tx, clueId);
  if (!clue || clue.status !== 'case_filing') return;
  await applyRecordAction(
    context.workflows,
    clueRecord,
    {
      id: clue.id,
      organizationId: clue.organizationId,
      expectedStatus: 'case_filing',
      action: 'caseConcluded',
      actor: { kind: 'system', name: 'case' },
      note: conclusion,
      set: { conclusion, updatedAt: context.clock.now() },
    },
    tx,
  );
}
