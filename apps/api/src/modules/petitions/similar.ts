import type { EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { requireCapability, visiblePetition } from './petitions.policy.ts';
import { deleteLink, upsertLink } from './petitions.repository.ts';
import { contentsByIds, reportsWithSame, reportsWithSimilarText } from './petitions-queue.repository.ts';
import { summariesOf } from './queue.ts';

// Reports of the same matter: similar ones found for the officer (same person, unit or reporter; shared words), and
// links the officer makes between reports.

type Reason = 'same_person' | 'same_unit' | 'similar_text' | 'same_reporter';

/** Other matters in the actor's scope like this one, best first (at most 10), with why each is similar. */
export async function similarPetitions(context: PetitionsContext, actor: Actor, id: string) {
  const { db } = context;
  const row = await visiblePetition(db, actor, id);
  const candidates = new Map<string, { reasons: Set<Reason>; score: number }>();
  const add = (ids: { id: string; rank?: number }[], reason: Reason, weight: number) => {
    for (const { id: candidateId, rank } of ids) {
      const entry = candidates.get(candidateId) ?? { reasons: new Set<Reason>(), score: 0 };
      entry.reasons.add(reason);
      entry.score += weight + (rank ?? 0);
      candidates.set(candidateId, entry);
    }
  };
  const lookups: Promise<void>[] = [];
  if (row.concernedName) lookups.push(reportsWithSame(db, actor, row, 'concernedName', row.concernedName).then((ids) => add(ids, 'same_person', 3)));
  if (row.concernedUnit) lookups.push(reportsWithSame(db, actor, row, 'concernedUnit', row.concernedUnit).then((ids) => add(ids, 'same_unit', 1)));
  if (row.reporterFingerprint) lookups.push(reportsWithSame(db, actor, row, 'reporterFingerprint', row.reporterFingerprint).then((ids) => add(ids, 'same_reporter', 2)));
  const byText = reportsWithSimilarText(db, actor, row);
  if (byText) {
    lookups.push(byText.then((rows) => add(rows.filter((candidate) => candidate.rank >= 0.05).map((candidate) => ({ id: candidate.id, rank: candidate.rank * 10 })), 'similar_text', 1)));
  }
  await Promise.all(lookups);
  const ranked = [...candidates.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, 10);
  const rankedIds = ranked.map(([candidateId]) => candidateId);
  const summaries = await summariesOf(context, rankedIds);
  const contents = await contentsByIds(db, rankedIds);
  return ranked.map(([candidateId, entry]) => ({
    petition: summaries.get(candidateId)!,
    content: contents.get(candidateId) ?? '',
    reasons: [...entry.reasons],
    score: Math.round(entry.score * 100) / 100,
  }));
}

export async function linkPetition(context: PetitionsContext, actor: Actor, id: string, body: EndpointRequest<'linkPetition'>['body']) {
  const { db, clock } = context;
  const row = await visiblePetition(db, actor, id);
  requireCapability(actor, row, 'link');
  const other = await visiblePetition(db, actor, body.linkedPetitionId);
  if (other.id === row.id) throw new AppError('MERGE_TARGET_INVALID');
  await db.transaction(async (tx) => {
    await upsertLink(tx, { petitionId: row.id, linkedPetitionId: other.id, kind: body.kind, createdBy: actor.userId, createdAt: clock.now() });
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: row.organizationId,
      action: 'petition.link',
      subjectType: 'petition',
      subjectId: row.id,
      after: { linkedPetitionId: other.id, kind: body.kind },
    });
  });
}

export async function unlinkPetition(context: PetitionsContext, actor: Actor, id: string, linkId: string) {
  const { db, clock } = context;
  const row = await visiblePetition(db, actor, id);
  requireCapability(actor, row, 'link');
  await db.transaction(async (tx) => {
    const removed = await deleteLink(tx, id, linkId);
    if (!removed) throw new AppError('NOT_FOUND');
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: row.organizationId,
      action: 'petition.unlink',
      subjectType: 'petition',
      subjectId: id,
      before: { linkedPetitionId: removed.petitionId === id ? removed.linkedPetitionId : removed.petitionId, kind: removed.kind },
    });
  });
}
