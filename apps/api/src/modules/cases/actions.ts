import { caseWorkflow, sanctionRefusal, sanctionTypes, type CaseAction, type CaseActionBody, type CaseStatus } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { actOnRecord, inOrder } from '../../platform/records/record-actions.ts';
import { addStepRecord } from '../../platform/records/record-notes.ts';
import { actionIncomplete, clueFactsForCase, concludeAfterCase } from '../clues/index.ts';
import type { CasesContext } from './cases.context.ts';
import { recordedActions, visibleCase } from './cases.policy.ts';
import { outcomeText } from './cases.presenter.ts';
import { caseRecord, type CaseRow } from './cases.record.ts';
import { bodyPath, insertSanctions, outcomeFacts } from './cases.repository.ts';
import { concernedOf, effectEndOf } from './sanction-rules.ts';

// The case's steps (WF-C): investigation, the report with its three-level sign-off (承办人 → 组长 → 组务会), hearing,
// decision with sanctions, announcement, execution; or withdrawal. The clue it came from is owed the outcome.

type Step = (tx: Transaction) => Promise<void>;

/** The sanctions a decision records, each checked against what the person may receive (政务处分法 art.22, party rules). */
async function decidedSanctions(context: CasesContext, row: CaseRow, body: CaseActionBody, now: Date) {
  if (!body.sanctions?.length) actionIncomplete('sanctions', 'name at least one sanction or measure; a case without one is withdrawn instead');
  const today = chinaDateOf(now);
  // Each person can only receive what their membership and category allow: the person concerned as the clue
  // describes them, a co-subject named in the entry as the entry does.
  const concerned = concernedOf(row.clueId ? await clueFactsForCase(context.db, row.clueId) : undefined);
  const refused = body.sanctions.flatMap((entry, index) => {
    const person = entry.concernedName ? { isPartyMember: entry.isPartyMember ?? true, supervisedCategory: entry.supervisedCategory ?? null } : concerned;
    const refusal = sanctionRefusal(entry.type, person);
    return refusal ? [{ path: `body.sanctions.${index}.type`, message: refusal.en }] : [];
  });
  if (refused.length) throw new AppError('SANCTION_NOT_APPLICABLE', refused);
  return body.sanctions.map((entry) => {
    const spec = sanctionTypes[entry.type];
    const effectiveFrom = entry.effectiveFrom ?? today;
    return {
      caseId: row.id,
      organizationId: row.organizationId,
      // Another person of the same case (共同违纪) is named in the entry; the person concerned otherwise.
      personId: entry.concernedName ? null : row.personId,
      concernedName: entry.concernedName ?? row.concernedName,
      concernedUnit: entry.concernedName ? (entry.concernedUnit ?? null) : row.concernedUnit,
      category: spec.category,
      type: entry.type,
      fourForm: entry.fourForm === undefined ? spec.fourForm : entry.fourForm,
      decidedOn: today,
      effectiveFrom,
      effectEndsOn: effectEndOf(entry.type, effectiveFrom),
      permanent: Boolean((spec as { permanent?: boolean }).permanent),
      createdAt: now,
    };
  });
}

export async function applyCaseAction(context: CasesContext, actor: Actor, id: string, body: CaseActionBody): Promise<void> {
  const row = await visibleCase(context, actor, id);
  const action = body.action as CaseAction;
  if (!Object.hasOwn(caseWorkflow.actions, action)) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  const record = body.record?.trim();
  if (recordedActions.has(action) && !record) actionIncomplete('record', 'write the report or decision');
  const now = context.clock.now();
  const steps: Step[] = [];
  let set: Partial<CaseRow> = {};

  if (record || (body.note && ['approveReport', 'transferToHearing', 'returnReport'].includes(action))) {
    // The three-level sign-offs (承办人/组长/组务会) and every report are kept as written records.
    steps.push((tx) => addStepRecord(tx, caseRecord, { recordId: row.id, action, body: record ?? body.note!, authorId: actor.userId, authorName: actor.displayName, createdAt: now }));
  }
  if (action === 'approveReport' || action === 'transferToHearing') {
    // 组长审核把关: a leader of the investigating body (or above) signs; the handler who wrote it cannot.
    if (!(await bodyPath(context.db, row.organizationId))?.startsWith(actor.organizationPath)) throw new AppError('FORBIDDEN');
  }
  if (action === 'decide') {
    const decided = await decidedSanctions(context, row, body, now);
    set = { decidedAt: now };
    steps.push((tx) => insertSanctions(tx, decided));
  }
  if (action === 'reportExecution' || action === 'withdraw') {
    // The clue this case came from moves on: its sender is owed the result (结果反馈).
    steps.push(async (tx) => {
      if (!row.clueId) return;
      await concludeAfterCase(context, tx, row.clueId, action === 'withdraw' ? `撤销案件：${body.note ?? ''}` : outcomeText(await outcomeFacts(tx, row.id)));
    });
  }

  await actOnRecord(context, caseRecord, actor, row, {
    action,
    expectedStatus: body.expectedStatus as CaseStatus,
    note: body.note,
    set,
    within: inOrder(steps),
  });
}
