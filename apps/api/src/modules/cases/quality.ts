import type { EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { addMonths, startOfChinaDay } from '../../platform/calendar/working-days.ts';
import type { CasesContext } from './cases.context.ts';
import { scopePath, visibleCase } from './cases.policy.ts';
import type { ChecklistItem } from './cases.table.ts';
import { activeChecklist, checklistsByName, insertChecklist, insertReview, reviewsBetween, updateChecklistAtVersion, type ChecklistRow, type ReviewRow } from './quality.repository.ts';

// Case-quality review (案件质量评查): administrators keep the checklists, the case-management office scores cases against
// them, and a monthly summary gathers the problems found.

function presentChecklist(row: ChecklistRow) {
  return { id: row.id, name: row.name, items: row.items, active: row.active, version: row.version };
}

export async function listChecklists(context: CasesContext) {
  return (await checklistsByName(context.db)).map(presentChecklist);
}

/** Creates (`id` null) or updates a checklist; version-checked, audited. */
export async function saveChecklist(context: CasesContext, actor: Actor, id: string | null, body: EndpointRequest<'createReviewChecklist'>['body']) {
  const { db, clock } = context;
  const values = { name: body.name, items: body.items, active: body.active, updatedAt: clock.now() };
  return db.transaction(async (tx) => {
    const row = id === null ? await insertChecklist(tx, values) : await updateChecklistAtVersion(tx, id, body.version ?? -1, values);
    if (!row) throw new AppError('VERSION_CONFLICT');
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: actor.organizationId,
      action: id === null ? 'case_review_checklist.create' : 'case_review_checklist.update',
      subjectType: 'case_review_checklist',
      subjectId: row.id,
      after: { name: body.name, items: body.items.length, active: body.active },
    });
    return presentChecklist(row);
  });
}

function presentReview(row: ReviewRow & { caseNumber: string }) {
  const labels = new Map(row.items.map((item) => [item.key, item]));
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    checklistId: row.checklistId,
    checklistName: row.checklistName,
    reviewerName: row.reviewerName,
    scores: row.scores.map((score) => ({
      key: score.key,
      label: labels.get(score.key)?.label.zhCN ?? score.key,
      score: score.score,
      maxScore: labels.get(score.key)?.maxScore ?? 0,
      problem: score.problem,
    })),
    totalScore: row.totalScore,
    maxScore: row.maxScore,
    reviewedAt: row.reviewedAt.toISOString(),
  };
}

export async function reviewCase(context: CasesContext, actor: Actor, caseId: string, body: EndpointRequest<'createCaseReview'>['body']) {
  const { db, clock } = context;
  const found = await visibleCase(context, actor, caseId);
  const checklist = await activeChecklist(db, body.checklistId);
  if (!checklist) throw new AppError('NOT_FOUND');
  const items = new Map<string, ChecklistItem>(checklist.items.map((item) => [item.key, item]));
  // Every item scored once, none above its maximum.
  if (body.scores.length !== items.size || body.scores.some((score) => !items.has(score.key) || score.score > items.get(score.key)!.maxScore)) {
    throw new AppError('CHECKLIST_MISMATCH');
  }
  if (new Set(body.scores.map((score) => score.key)).size !== body.scores.length) throw new AppError('CHECKLIST_MISMATCH');
  const row = await db.transaction(async (tx) => {
    const inserted = await insertReview(tx, {
      caseId,
      organizationId: found.organizationId,
      checklistId: checklist.id,
      checklistName: checklist.name,
      items: checklist.items,
      scores: body.scores.map((score) => ({ key: score.key, score: score.score, problem: score.problem?.trim() || null })),
      totalScore: body.scores.reduce((sum, score) => sum + score.score, 0),
      maxScore: checklist.items.reduce((sum, item) => sum + item.maxScore, 0),
      reviewerId: actor.userId,
      reviewerName: actor.displayName,
      reviewedAt: clock.now(),
    });
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: found.organizationId,
      action: 'case.quality_review',
      subjectType: 'case',
      subjectId: caseId,
      after: { checklist: checklist.name, totalScore: inserted.totalScore, maxScore: inserted.maxScore },
    });
    return inserted;
  });
  return presentReview({ ...row, caseNumber: found.caseNumber });
}

/** Reviews of a month (China time) of the cases the actor sees. */
export async function monthReviews(context: CasesContext, actor: Actor, month: string) {
  const from = startOfChinaDay(`${month}-01`);
  const to = startOfChinaDay(addMonths(`${month}-01`, 1));
  const rows = await reviewsBetween(context.db, await scopePath(context, actor), from, to);
  return rows.map((row) => presentReview({ ...row.review, caseNumber: row.caseNumber }));
}

/** The month's problems by checklist item, the most frequent first, and every problem written down. */
export async function reviewSummary(context: CasesContext, actor: Actor, month: string) {
  const reviews = await monthReviews(context, actor, month);
  const byItem = new Map<string, { key: string; label: string; reviews: number; scored: number; max: number; problems: number }>();
  const problems: { caseId: string; caseNumber: string; item: string; problem: string; reviewerName: string }[] = [];
  for (const entry of reviews) {
    for (const score of entry.scores) {
      const item = byItem.get(score.key) ?? { key: score.key, label: score.label, reviews: 0, scored: 0, max: 0, problems: 0 };
      item.reviews += 1;
      item.scored += score.score;
      item.max += score.maxScore;
      if (score.problem) {
        item.problems += 1;
        problems.push({ caseId: entry.caseId, caseNumber: entry.caseNumber, item: score.label, problem: score.problem, reviewerName: entry.reviewerName });
      }
      byItem.set(score.key, item);
    }
  }
  const total = reviews.reduce((sum, entry) => sum + entry.totalScore, 0);
  const max = reviews.reduce((sum, entry) => sum + entry.maxScore, 0);
  return {
    month,
    reviews: reviews.length,
    averagePercent: max ? total / max : null,
    byItem: [...byItem.values()]
      .map((item) => ({ key: item.key, label: item.label, reviews: item.reviews, averagePercent: item.max ? item.scored / item.max : null, problems: item.problems }))
      .sort((a, b) => b.problems - a.problems || a.key.localeCompare(b.key)),
    problems,
  };
}
