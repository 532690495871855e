import { approvalActionOfDisposal, type ApprovalStep, type CadreManagementLevel, type ClueAction, type DisposalType, type EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { nearestUpTheTree, selfAndAncestorIds } from '../../platform/identity/ancestors.ts';
import { insertSignature, rulesOfLevel, signaturesOf } from './approvals.repository.ts';
import { fileCase, transition } from './clue-transitions.ts';
import type { CluesContext } from './clues.context.ts';
import { mayActAsStep, visibleClue } from './clues.policy.ts';
import type { ClueRow } from './clues.record.ts';
import { bodyById, touchProposedClue } from './clues.repository.ts';

// A disposal is proposed by the holding office and approved along a chain of signatures chosen by the cadre-management
// level of the person concerned (DOMAIN.md §3.2, §6). One person signs one step; the last signature carries it out.

/**
 * Built-in approval chains by cadre-management level [I, DOMAIN.md §6: collective study, then approval]; local
 * practice differs, so administrators set their own per level (clue_approval_rules).
 */
export const defaultApprovalChains: Record<CadreManagementLevel | 'default', ApprovalStep[]> = {
  default: ['office_head', 'leader_in_charge'],
  central_managed: ['office_head', 'leader_in_charge', 'principal_leader'],
  province_managed: ['office_head', 'leader_in_charge', 'principal_leader'],
  city_managed: ['office_head', 'leader_in_charge', 'principal_leader'],
  county_managed: ['office_head', 'leader_in_charge'],
  township_managed: ['office_head', 'leader_in_charge'],
  unit_managed: ['office_head', 'leader_in_charge'],
};

/** The signing steps a proposal of `disposal` needs, fixed when it is proposed (the rules may change meanwhile). */
export async function approvalChain(db: DbOrTx, row: ClueRow, disposal: DisposalType): Promise<ApprovalStep[]> {
  const level = row.cadreManagementLevel ?? 'default';
  // The ledger's own chain for the level, or the nearest one set above it, or the built-in one.
  const ledger = await bodyById(db, row.ledgerOrganizationId);
  const configured = ledger ? nearestUpTheTree(ledger.path, await rulesOfLevel(db, level, selfAndAncestorIds(ledger.path))) : undefined;
  let steps = [...((configured?.steps as ApprovalStep[] | undefined) ?? defaultApprovalChains[level])];
  // DOMAIN.md §6: filing a case, and inquiring of or verifying a lower committee's principal leader, need the head.
  if ((disposal === 'case_filing' || row.lowerCommitteePrincipal) && !steps.includes('principal_leader')) steps.push('principal_leader');
  // A township holding its own clue has no office head apart from its leader.
  if (row.organizationId === row.ledgerOrganizationId) steps = steps.filter((step) => step !== 'office_head');
  return steps;
}

/** Where the current proposal's chain stands, and whether the actor signs next. */
export async function approvalState(db: DbOrTx, actor: Actor, row: ClueRow) {
  if (!row.proposal) return null;
  const signed = await signaturesOf(db, row.id, row.proposal.round);
  const steps = row.proposal.steps as ApprovalStep[];
  const byStep = new Map(signed.filter((entry) => entry.decision === 'approve').map((entry) => [entry.step, entry]));
  const nextStep = row.status === 'disposal_proposed' ? (steps.find((step) => !byStep.has(step)) ?? null) : null;
  let canSign = false;
  if (nextStep) {
    const [ledger, holder] = await Promise.all([bodyById(db, row.ledgerOrganizationId), bodyById(db, row.organizationId)]);
    // One person signs one step of a round: the chain is several people, not one person several times.
    canSign = Boolean(ledger && holder) && mayActAsStep(actor, ledger!.path, holder!.path, nextStep) && !signed.some((entry) => entry.signedById === actor.userId);
  }
  return {
    steps: steps.map((step) => {
      const entry = byStep.get(step);
      return { step, signedBy: entry?.signedByName ?? null, signedAt: entry?.signedAt.toISOString() ?? null, opinion: entry?.opinion ?? null };
    }),
    nextStep,
    canSign,
    isLast: nextStep !== null && steps.indexOf(nextStep) === steps.length - 1,
  };
}

/** Signs the next step: approving (the last signature carries the disposal out) or returning the proposal. */
export async function signDisposal(context: CluesContext, actor: Actor, id: string, body: EndpointRequest<'signClueDisposal'>['body']): Promise<void> {
  const { db, clock } = context;
  const row = await visibleClue(context, actor, id);
  if (row.status !== body.expectedStatus || !row.proposal) throw new AppError('WORKFLOW_STATE_CHANGED');
  const state = await approvalState(db, actor, row);
  if (!state?.nextStep || !state.canSign) throw new AppError('APPROVAL_NOT_YOURS');
  const now = clock.now();
  const signature = { clueId: row.id, round: row.proposal.round, step: state.nextStep, decision: body.decision, opinion: body.opinion, signedById: actor.userId, signedByName: actor.displayName, signedAt: now };
  // The unique (clue, round, step) index lets only one of two signers of the same step win.
  const sign = async (tx: Transaction) => {
    if (!(await insertSignature(tx, signature))) throw new AppError('WORKFLOW_STATE_CHANGED');
  };
  if (body.decision === 'return') {
    await transition(context, actor, row, 'returnProposal', 'disposal_proposed', { note: body.opinion, within: sign });
  } else if (state.isLast) {
    const action = approvalActionOfDisposal[row.proposal.disposalType] as ClueAction;
    await transition(context, actor, row, action, 'disposal_proposed', {
      note: body.opinion,
      // The approved verification carries its work plan into the verification under way.
      set: { disposalType: row.proposal.disposalType, ...(action === 'approveVerification' ? { verificationPlan: row.proposal.verificationPlan ?? null } : {}) },
      within: async (tx) => {
        await sign(tx);
        if (action === 'approveCaseFiling') await fileCase(context, tx, row, actor);
      },
    });
  } else {
    await db.transaction(async (tx) => {
      // Compare-and-set on the version: a change of the clue meanwhile (a new proposal) voids this signature.
      if ((await touchProposedClue(tx, row.id, row.version, now)).length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');
      await sign(tx);
      await appendAudit(tx, clock, {
        actorId: actor.userId,
        actorName: actor.displayName,
        organizationId: row.organizationId,
        action: 'clue.approval.sign',
        subjectType: 'clue',
        subjectId: row.id,
        after: { round: signature.round, step: signature.step },
        reason: body.opinion,
      });
    });
  }
}
