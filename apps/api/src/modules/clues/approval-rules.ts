import type { ApprovalStep, CadreManagementLevel } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { nearestUpTheTree, onTheLineOf, selfAndAncestorIds } from '../../platform/identity/ancestors.ts';
import { defaultApprovalChains } from './approvals.ts';
import { deleteRule, rulesWithBodyNames, upsertRule } from './approvals.repository.ts';
import type { CluesContext } from './clues.context.ts';
import { bodyById } from './clues.repository.ts';
import { isLedgerBody } from './ledgers.ts';

// A ledger's approval chains by cadre-management level: its own, or inherited from the nearest ledger above that set
// one, or the built-in chain. Administrators set them for ledgers in their own subtree only; audited.

type Level = CadreManagementLevel | 'default';

/** The chain in force of every level for a ledger the reader may see (theirs, below or above theirs). */
export async function approvalRules(context: CluesContext, actor: Actor, organizationId: string = actor.organizationId) {
  const body = await bodyById(context.db, organizationId);
  if (!body || !onTheLineOf(actor.organizationPath, body.path)) throw new AppError('NOT_FOUND');
  const rules = await rulesWithBodyNames(context.db, selfAndAncestorIds(body.path));
  return (Object.keys(defaultApprovalChains) as Level[]).map((level) => {
    const inForce = nearestUpTheTree(body.path, rules.filter((row) => row.level === level));
    return {
      cadreManagementLevel: level,
      steps: (inForce?.steps as ApprovalStep[] | undefined) ?? defaultApprovalChains[level],
      organizationId: body.id,
      definedAt: inForce ? { id: inForce.organizationId, name: inForce.bodyName } : null,
      configured: inForce?.organizationId === body.id,
    };
  });
}

/** A ledger whose chains the administrator may set: theirs or one below it. */
async function administeredLedger(context: CluesContext, actor: Actor, organizationId: string) {
  const body = await bodyById(context.db, organizationId);
  if (!body || !body.path.startsWith(actor.organizationPath)) throw new AppError('NOT_FOUND');
  if (!isLedgerBody(body)) throw new AppError('CLUE_LEDGER_INVALID');
  return body;
}

async function ruleOf(context: CluesContext, actor: Actor, organizationId: string, level: Level) {
  return (await approvalRules(context, actor, organizationId)).find((rule) => rule.cadreManagementLevel === level)!;
}

export async function updateApprovalRule(context: CluesContext, actor: Actor, organizationId: string, level: Level, steps: ApprovalStep[]) {
  const { db, clock } = context;
  const ledger = await administeredLedger(context, actor, organizationId);
  // Signatures go from the office up: keep the configured steps in that order whatever order they came in.
  const ordered = (['office_head', 'leader_in_charge', 'principal_leader'] as ApprovalStep[]).filter((step) => steps.includes(step));
  const now = clock.now();
  const before = await ruleOf(context, actor, ledger.id, level);
  await db.transaction(async (tx) => {
    await upsertRule(tx, { organizationId: ledger.id, level, steps: ordered, updatedBy: actor.userId, updatedAt: now });
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: ledger.id,
      action: 'clue.approval_rule.update',
      subjectType: 'clue_approval_rule',
      subjectId: level,
      before: { steps: before.steps, definedAt: before.definedAt?.id ?? null },
      after: { steps: ordered },
    });
  });
  return ruleOf(context, actor, ledger.id, level);
}

/** The ledger inherits the level's chain again (from above, or the built-in one). */
export async function resetApprovalRule(context: CluesContext, actor: Actor, organizationId: string, level: Level) {
  const { db, clock } = context;
  const ledger = await administeredLedger(context, actor, organizationId);
  await db.transaction(async (tx) => {
    const removed = await deleteRule(tx, ledger.id, level);
    if (!removed) return;
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: ledger.id,
      action: 'clue.approval_rule.reset',
      subjectType: 'clue_approval_rule',
      subjectId: level,
      before: { steps: removed.steps },
      after: { inherited: true },
    });
  });
  return ruleOf(context, actor, ledger.id, level);
}
