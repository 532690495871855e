import type { ClueStatus, EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit, valuesBefore } from '../../platform/audit/audit.service.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { CluesContext } from './clues.context.ts';
import { finalStatuses, isSenderView, visibleClue } from './clues.policy.ts';
import type { ClueRow } from './clues.record.ts';
import { updateClueAtVersion } from './clues.repository.ts';
import { personFor } from './persons.ts';
import { personById } from './persons.repository.ts';

/** Corrects the facts of an open clue (the holder's officers); version-checked, audited, the ID number sealed. */
export async function updateClue(context: CluesContext, actor: Actor, id: string, body: EndpointRequest<'updateClue'>['body']): Promise<void> {
  const { db, clock } = context;
  const row = await visibleClue(context, actor, id);
  const { version, idNumber, ...changes } = body;
  if ((await isSenderView(context, actor, row)) || finalStatuses.has(row.status as ClueStatus) || !hasRole(actor, 'case_management_officer', 'handling_officer')) {
    throw new AppError('FORBIDDEN');
  }
  await db.transaction(async (tx) => {
    const merged = { ...row, ...changes };
    // A person known by ID number stays that person when the name or unit is corrected; without a number the
    // name and unit are what identify them, so a correction may link the clue to someone else.
    const current = row.personId ? await personById(tx, row.personId) : undefined;
    const personChanged = idNumber !== undefined || (!current?.idNumberHash && (changes.concernedName !== undefined || changes.concernedUnit !== undefined));
    const personId = personChanged
      ? await personFor(context, tx, { name: merged.concernedName, unit: merged.concernedUnit ?? null, post: merged.concernedPost ?? null, idNumber: idNumber ?? null })
      : row.personId;
    const updated = await updateClueAtVersion(tx, id, version, { ...changes, personId, updatedAt: clock.now() } as Partial<ClueRow>);
    if (updated.length === 0) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: row.organizationId,
      action: 'clue.update',
      subjectType: 'clue',
      subjectId: id,
      // The ID number is sealed; the trail says only that it changed.
      before: valuesBefore(row, changes),
      after: { ...changes, ...(idNumber !== undefined ? { idNumber: '（已密封）' } : {}) },
    });
  });
}
