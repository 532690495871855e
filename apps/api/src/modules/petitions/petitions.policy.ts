import { allowedActionsFor, approvalActionOfMode, petitionWorkflow, type PetitionAction, type PetitionStatus, type TransferMode } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { PetitionRow } from './petitions.record.ts';
import { petitionInScope } from './petitions.repository.ts';

// Who may do what with a report. Scope: a report is visible to the bodies whose subtree holds it (the repository's
// `petitionInScope`); outside it, it does not exist (404). Within it, the rules below.

/** The report, if the actor's scope holds it; otherwise it does not exist for the actor. */
export async function visiblePetition(db: DbOrTx, actor: Actor, id: string): Promise<PetitionRow> {
  const row = await petitionInScope(db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Statuses in which a report's matter is over for the body holding it. */
export const finalStatuses: ReadonlySet<PetitionStatus> = new Set(['closed', 'not_accepted', 'merged', 'returned']);

/** Actions with their own endpoint (they carry more than a note) or taken only by the system. */
export const dedicatedActions: ReadonlySet<string> = new Set(['propose', 'answer', 'merge']);

/** The transfer each approval carries out. */
export const transferModeOf: Partial<Record<PetitionAction, TransferMode>> = {
  approveJoint: 'joint',
  approveAssignment: 'assign_with_report',
  approveForwarding: 'forward',
  approveEscalation: 'escalate_to_higher',
};

/** The workflow actions the actor may take now; a leader sees only the approval that carries out what was proposed. */
export function allowedActionsOf(actor: Actor, row: PetitionRow): string[] {
  const actions = allowedActionsFor(petitionWorkflow, row.status as PetitionStatus, actor.roles);
  return actions.filter((action) => !action.startsWith('approve') || (row.proposal && approvalActionOfMode[row.proposal.mode] === action));
}

/** An approval must be the one that carries out the proposal. */
export function requireMatchingApproval(row: PetitionRow, action: PetitionAction): void {
  if (action.startsWith('approve') && (!row.proposal || approvalActionOfMode[row.proposal.mode] !== action)) throw new AppError('PROPOSAL_MISMATCH');
}

export type PetitionCapability = keyof ReturnType<typeof capabilitiesOf>;

/** What the detail page offers besides workflow actions; the server enforces the same flags (requireCapability). */
export function capabilitiesOf(actor: Actor, row: PetitionRow, handedOff: boolean) {
  const open = !finalStatuses.has(row.status as PetitionStatus);
  const staff = hasRole(actor, 'intake_officer', 'handling_officer', 'leader');
  return {
    classify: open && staff,
    link: staff,
    addNote: staff,
    handOffToClues: !handedOff && staff,
    // Extensions are the leader's (信访工作条例 art.34: approval of the head of the handling body).
    extendDeadline: open && hasRole(actor, 'leader'),
    assign: open && hasRole(actor, 'intake_officer', 'leader'),
  };
}

/** The same flags the detail page shows, enforced; a report handed over already is a conflict, not a refusal. */
export function requireCapability(actor: Actor, row: PetitionRow, capability: PetitionCapability, handedOff = false): void {
  if (!capabilitiesOf(actor, row, handedOff)[capability]) throw new AppError(handedOff ? 'VERSION_CONFLICT' : 'FORBIDDEN');
}

/**
 * Reporter identity is sealed; only an intake officer whose membership holds the grant `reporter_identity` may unseal
 * it (giving a reason, audit-logged). Joint-handling partners never receive it.
 */
export function canReadIdentity(actor: Actor, row: PetitionRow): boolean {
  return Boolean(row.reporterSealed) && hasRole(actor, 'intake_officer') && actor.grants.includes('reporter_identity');
}
