import type { Actor } from '../../platform/auth/actor.ts';
import { addNote } from '../../platform/records/record-notes.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { requireCapability, visiblePetition } from './petitions.policy.ts';
import { petitionRecord } from './petitions.record.ts';

/** An internal note on a report (staff only; never shown to the reporter), audited. */
export async function addPetitionNote(context: PetitionsContext, actor: Actor, id: string, body: string) {
  const row = await visiblePetition(context.db, actor, id);
  requireCapability(actor, row, 'addNote');
  await context.db.transaction((tx) => addNote(tx, context.clock, petitionRecord, { recordId: id, organizationId: row.organizationId, body, author: actor }));
}
