import type { CaseAction, CaseStatus } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { CasesContext } from './cases.context.ts';
import type { CaseRow } from './cases.record.ts';
import { caseWhere } from './cases.repository.ts';

// Who sees a case: the body investigating it and the bodies above; the commission's case-management office (案管室) and
// hearing office (审理室) work for the whole commission, so they see all of its cases.

const commissionWideOffices = new Set(['case_management_office', 'case_hearing_office']);

export const finalStatuses: ReadonlySet<CaseStatus> = new Set(['executed', 'withdrawn']);

/** Steps whose written record is required: the report, the hearing's conclusion, the decision, the execution. */
export const recordedActions: ReadonlySet<CaseAction> = new Set<CaseAction>(['submitInvestigationReport', 'concludeHearing', 'decide', 'reportExecution']);

/** The subtree the actor works on: the commission's, for its case-management and hearing offices. */
export function scopePath(context: Pick<CasesContext, 'commissionScope'>, actor: Actor): Promise<string> {
  return context.commissionScope.workingPath(actor, commissionWideOffices);
}

/** The case, if the actor's working subtree holds it; otherwise it does not exist for the actor. */
export async function visibleCase(context: CasesContext, actor: Actor, id: string): Promise<CaseRow> {
  const row = await caseWhere(context.db, id, await scopePath(context, actor));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Whether the actor may read the case (and so its files and documents): the permission, and the case in scope. */
export async function isCaseVisible(context: CasesContext, actor: Actor, id: string): Promise<boolean> {
  return can(actor, 'cases.read') && Boolean(await caseWhere(context.db, id, await scopePath(context, actor)));
}

/** Measures are recorded while the case is under investigation, by its handlers and leaders. */
export function measuresOpen(actor: Actor, row: CaseRow): boolean {
  return (row.status === 'filed' || row.status === 'under_investigation') && hasRole(actor, 'handling_officer', 'leader');
}

export function capabilitiesOf(actor: Actor, row: CaseRow) {
  const open = !finalStatuses.has(row.status as CaseStatus);
  const measures = measuresOpen(actor, row);
  return { addMeasure: measures, editMeasures: measures, extendDeadline: open && hasRole(actor, 'leader') };
}

/** An appeal may be filed once the decision exists, by the case's officers and leaders. */
export function mayFileAppeal(actor: Actor, row: CaseRow): boolean {
  return ['decided', 'executing', 'executed'].includes(row.status) && hasRole(actor, 'case_management_officer', 'handling_officer', 'leader');
}
