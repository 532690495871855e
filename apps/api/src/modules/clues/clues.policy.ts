import type { SQL } from 'drizzle-orm';
import { allowedActionsFor, approvalActionOfDisposal, clueWorkflow, type ApprovalStep, type ClueAction, type ClueStatus } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { CluesContext } from './clues.context.ts';
import type { ClueRow } from './clues.record.ts';
import { bodyById, clueWhere, heldUnder, sentFrom } from './clues.repository.ts';
import { scopeCondition, type ScopeParts } from './clues-ledger.repository.ts';

// Who sees a clue and who may act on it.
// - The case-management office (案管室) keeps the commission's central ledger: its officers see every clue held in the
//   commission's subtree (集中管理). Offices, groups and townships see what they hold; leaders what is held below them.
// - A body that sent a clue to a ledger (a partner body, an office filing with the ledger) follows its state and result
//   (结果反馈) with a reduced view and no actions: the sender view.

const ledgerOffices = new Set(['case_management_office']);

export const finalStatuses: ReadonlySet<ClueStatus> = new Set(['closed', 'forwarded', 'returned']);

/** Actions taken through their own endpoint (the approval chain) or only by the system. */
export const signedActions: ReadonlySet<string> = new Set([...Object.values(approvalActionOfDisposal), 'returnProposal']);

/** Steps whose written record is required (the talk record, the reply, the reports, the conclusion, the feedback). */
export const recordedActions: ReadonlySet<ClueAction> = new Set<ClueAction>([
  'recordTalk',
  'sendLetter',
  'receiveReply',
  'submitInquiryReport',
  'submitVerificationReport',
  'acceptAndClose',
  'closeWithLightHandling',
  'inquireAgain',
  'moveToVerification',
  'approveCaseFilingAfterVerification',
  'closeAfterVerification',
  'closeWithReminderTalk',
  'shelveAfterVerification',
  'transferToPartyOrganisation',
  'feedBack',
]);

/** Steps whose record is the clue's conclusion. */
export const concludingActions: ReadonlySet<ClueAction> = new Set<ClueAction>([
  'acceptAndClose',
  'closeWithLightHandling',
  'closeAfterVerification',
  'closeWithReminderTalk',
  'transferToPartyOrganisation',
  'closeShelved',
]);

/** The subtree whose held clues the actor works on: the active body's, widened to the commission for its 案管室. */
export async function holderScopePath(context: Pick<CluesContext, 'commissionScope'>, actor: Actor): Promise<string> {
  return hasRole(actor, 'case_management_officer') ? context.commissionScope.workingPath(actor, ledgerOffices) : actor.organizationPath;
}

/** The two halves of the actor's scope: clues held in its subtree, and (for offices and partner bodies) clues it sent. */
export async function scopeParts(context: Pick<CluesContext, 'commissionScope'>, actor: Actor): Promise<ScopeParts> {
  const held = heldUnder(await holderScopePath(context, actor));
  // Leaders and the ledger see everything held below them already; the sender clause would only slow their lists.
  if (hasRole(actor, 'case_management_officer', 'leader')) return { held, sent: null };
  return { held, sent: sentFrom(actor.organizationPath) };
}

export async function scopeOf(context: Pick<CluesContext, 'commissionScope'>, actor: Actor): Promise<SQL> {
  return scopeCondition(await scopeParts(context, actor));
}

/** The clue, if the actor's scope holds it (or the actor's body sent it); otherwise it does not exist for the actor. */
export async function visibleClue(context: CluesContext, actor: Actor, id: string): Promise<ClueRow> {
  const row = await clueWhere(context.db, id, await scopeOf(context, actor));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Whether the actor only follows the clue as its sender (status and result) rather than holding it. */
export async function isSenderView(context: CluesContext, actor: Actor, row: ClueRow): Promise<boolean> {
  const holder = await bodyById(context.db, row.organizationId);
  return !holder || !holder.path.startsWith(await holderScopePath(context, actor));
}

/** The workflow actions the actor may take here (none in the sender view; approvals go through the chain). */
export function allowedActionsOf(actor: Actor, row: ClueRow, senderView: boolean): ClueAction[] {
  if (senderView) return [];
  return allowedActionsFor(clueWorkflow, row.status as ClueStatus, actor.roles).filter((action) => !signedActions.has(action));
}

/** Who may sign a step of an approval chain: the holding office's head, a leader of the ledger, its principal leader. */
export function mayActAsStep(actor: Actor, ledgerPath: string, holderPath: string, step: ApprovalStep): boolean {
  if (!hasRole(actor, 'leader')) return false;
  switch (step) {
    case 'office_head':
      return actor.organizationPath === holderPath;
    case 'leader_in_charge':
      return ledgerPath.startsWith(actor.organizationPath);
    case 'principal_leader':
      return ledgerPath.startsWith(actor.organizationPath) && actor.grants.includes('principal_leader');
  }
}

/** What the clue page offers besides workflow actions (the update route enforces `edit`). */
export function capabilitiesOf(actor: Actor, row: ClueRow, senderView: boolean) {
  const open = !finalStatuses.has(row.status as ClueStatus);
  return {
    edit: open && !senderView && hasRole(actor, 'case_management_officer', 'handling_officer'),
    viewPerson: !senderView && Boolean(row.personId) && can(actor, 'clues.persons'),
    extendDeadline: open && !senderView && hasRole(actor, 'leader'),
  };
}
