import { clueLedgerBodyTypes } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { CluesContext } from './clues.context.ts';
import { bodiesOnPath, bodyById, caseManagementOfficeOf, handlingBodiesUnder, ledgerBodies, type Body } from './clues.repository.ts';

// Which ledger a body's clues go to, and who holds a clue when it comes in.

export const isLedgerBody = (body: Pick<Body, 'type'>) => (clueLedgerBodyTypes as readonly string[]).includes(body.type);

/** The commission (or township committee) whose central ledger covers a body: the nearest ledger body above or at it. */
export async function ledgerOf(db: DbOrTx, organizationId: string): Promise<Body> {
  const body = await bodyById(db, organizationId);
  if (!body) throw new AppError('NOT_FOUND');
  const ledger = (await bodiesOnPath(db, body.path)).filter(isLedgerBody).sort((a, b) => b.path.length - a.path.length)[0];
  if (!ledger) throw new AppError('CLUE_LEDGER_INVALID');
  return ledger;
}

/** Where a ledger takes clues in: its case-management office (案管室), or the ledger body itself (a township). */
export async function intakeHolderOf(db: DbOrTx, ledger: Body): Promise<string> {
  return (await caseManagementOfficeOf(db, ledger.id)) ?? ledger.id;
}

/** The offices, groups and townships the actor's ledger may assign a clue to. */
export async function handlingBodies(context: CluesContext, actor: Actor) {
  const ledger = await ledgerOf(context.db, actor.organizationId);
  return handlingBodiesUnder(context.db, ledger.path);
}

/** Ledgers a clue can go to: every commission but the actor's own (a partner body, having none, may send to any). */
export async function transferTargets(context: CluesContext, actor: Actor) {
  const own = await ledgerOf(context.db, actor.organizationId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'CLUE_LEDGER_INVALID') return null;
    throw error;
  });
  return ledgerBodies(context.db, own?.id ?? null);
}
