import { allowedActionsFor, caseAppealWorkflow, caseWorkflow, type CaseAppeal, type CaseAppealAction, type CaseAppealStatus, type EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { asWorkflowActor, type Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { deadlineStateOf } from '../../platform/deadlines/deadline-state.ts';
import { userNames } from '../../platform/identity/user-names.ts';
import { actOnRecord, startRecords } from '../../platform/records/record-actions.ts';
import { actionIncomplete } from '../clues/index.ts';
import type { CasesContext } from './cases.context.ts';
import { mayFileAppeal, visibleCase } from './cases.policy.ts';
import { caseAppealRecord, type CaseAppealRow } from './cases.record.ts';
import { appealById, caseActorIds, insertAppeal, revokeSanctionsOf } from './cases.repository.ts';

// Appeals against a decision (申诉 / 复审 / 复核): a review team that excludes the investigators and hearers; a revoked
// decision ends its sanctions.

export async function presentAppeal(context: Pick<CasesContext, 'db' | 'clock'>, actor: Actor, row: CaseAppealRow): Promise<CaseAppeal> {
  const names = await userNames(context.db, row.reviewerIds);
  const status = row.status as CaseAppealStatus;
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    status,
    appellant: row.appellant,
    grounds: row.grounds,
    filedOn: row.filedOn,
    reviewerNames: row.reviewerIds.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])),
    outcome: row.outcome,
    decision: row.decision,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    deadlineState: caseAppealWorkflow.states[status].final ? null : deadlineStateOf(row, context.clock.now()),
    allowedActions: allowedActionsFor(caseAppealWorkflow, status, actor.roles),
  };
}

/** An appeal is possible once the decision exists; execution is not suspended (监察法 art.56, 政务处分法 art.56). */
export async function fileAppeal(context: CasesContext, actor: Actor, id: string, body: EndpointRequest<'fileCaseAppeal'>['body']): Promise<void> {
  const { db, clock } = context;
  const row = await visibleCase(context, actor, id);
  if (!mayFileAppeal(actor, row)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  const now = clock.now();
  await db.transaction(async (tx) => {
    const appeal = await insertAppeal(tx, { caseId: row.id, organizationId: row.organizationId, kind: body.kind, status: 'filed', appellant: body.appellant, grounds: body.grounds, filedOn: body.filedOn, createdAt: now, updatedAt: now });
    await startRecords(context.workflows, tx, caseAppealRecord, [
      { subjectId: appeal.id, organizationId: row.organizationId, status: 'filed', actor: asWorkflowActor(actor), after: { caseId: row.id, kind: body.kind } },
    ]);
  });
}

export async function applyAppealAction(context: CasesContext, actor: Actor, appealId: string, body: EndpointRequest<'applyCaseAppealAction'>['body']): Promise<CaseAppeal> {
  const { db, clock } = context;
  const appeal = await appealById(db, appealId);
  if (!appeal) throw new AppError('NOT_FOUND');
  const row = await visibleCase(context, actor, appeal.caseId);
  const action = body.action as CaseAppealAction;
  if (!Object.hasOwn(caseAppealWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  const now = clock.now();
  let set: Partial<CaseAppealRow> = {};
  let within: ((tx: Transaction) => Promise<void>) | undefined;
  if (action === 'accept') {
    if (!body.reviewerIds?.length) actionIncomplete('reviewerIds', 'name the review team');
    // 2019 规则 art.59: the review team excludes those who investigated or heard the case.
    const excluded = await caseActorIds(db, caseWorkflow.id, row.id);
    if (body.reviewerIds.some((reviewer) => excluded.has(reviewer))) throw new AppError('REVIEWER_CONFLICT');
    set = { reviewerIds: body.reviewerIds };
  }
  if (action === 'decide') {
    if (!body.outcome) actionIncomplete('outcome', 'choose the outcome');
    if (!body.decision?.trim()) actionIncomplete('decision', 'write the review decision');
    set = { outcome: body.outcome, decision: body.decision.trim(), decidedAt: now };
    if (body.outcome === 'revoked') within = (tx) => revokeSanctionsOf(tx, row.id, now);
  }
  await actOnRecord(context, caseAppealRecord, actor, { id: appeal.id, organizationId: row.organizationId }, { action, expectedStatus: body.expectedStatus as CaseAppealStatus, note: body.note, set, within });
  return presentAppeal(context, actor, (await appealById(db, appealId))!);
}
