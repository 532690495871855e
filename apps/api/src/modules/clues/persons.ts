import { createHmac } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { CluesContext } from './clues.context.ts';
import { scopeOf } from './clues.policy.ts';
import { presentSummary } from './clues.presenter.ts';
import { personRowsOf } from './clues-ledger.repository.ts';
import { insertPerson, personByNameAndUnit, personById, personIdByIdNumber, personWithoutIdNumber, setPersonIdNumber } from './persons.repository.ts';

// Linking clues to the person they are about, and the person view (need-to-know, every view in the audit trail).

export interface PersonFacts {
  name: string;
  unit: string | null;
  post: string | null;
  idNumber: string | null;
}

/** The person a clue is about: the same ID number (keyed hash) or, without one, the same name and unit. */
export async function personFor(context: Pick<CluesContext, 'clock' | 'sealer' | 'idNumberKey'>, tx: DbOrTx, input: PersonFacts): Promise<string> {
  const now = context.clock.now();
  if (input.idNumber) {
    const number = input.idNumber.toUpperCase();
    const idNumber = { hash: createHmac('sha256', context.idNumberKey).update(number).digest('base64url'), sealed: context.sealer.seal(number) };
    const existing = await personIdByIdNumber(tx, idNumber.hash);
    if (existing) return existing;
    // Someone known by name and unit without a number gets the number now.
    const byName = await personWithoutIdNumber(tx, input.name, input.unit);
    if (byName) {
      await setPersonIdNumber(tx, byName, idNumber);
      return byName;
    }
    const created = await insertPerson(tx, { name: input.name, unit: input.unit, post: input.post, idNumberHash: idNumber.hash, idNumberSealed: idNumber.sealed, createdAt: now });
    // Another transaction created the same person a moment ago.
    return created ?? (await personIdByIdNumber(tx, idNumber.hash))!;
  }
  const existing = await personByNameAndUnit(tx, input.name, input.unit);
  if (existing) return existing;
  return (await insertPerson(tx, { name: input.name, unit: input.unit, post: input.post, createdAt: now }))!;
}

/** The person and the clues about them within the actor's scope; the viewing is audit-logged. */
export async function personView(context: CluesContext, actor: Actor, personId: string) {
  const found = await personById(context.db, personId);
  if (!found) throw new AppError('NOT_FOUND');
  const rows = await personRowsOf(context.db, personId, await scopeOf(context, actor));
  // Someone outside every clue about the person learns nothing, not even that the person exists.
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  await context.auditRecorder.record({
    actorId: actor.userId,
    actorName: actor.displayName,
    organizationId: actor.organizationId,
    action: 'clue.person.view',
    subjectType: 'clue_person',
    subjectId: personId,
    after: { clues: rows.length },
  });
  const now = context.clock.now();
  return { id: found.id, name: found.name, unit: found.unit, post: found.post, hasIdNumber: Boolean(found.idNumberHash), clues: rows.map((row) => presentSummary(row, now)) };
}
