import { eq } from 'drizzle-orm';
import type { DeadlineBasis, DeadlineRuleSetting } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { deadlineRuleSettings } from '../../platform/deadlines/deadlines.table.ts';
import type { Platform } from '../../platform/platform.ts';
import type { WorkflowCatalog } from '../../platform/workflow/workflow-catalog.ts';

// Local practice differs (DOMAIN.md §0): rules not confirmed by a source are defaults that a commission adjusts here.
// Overrides apply to deadlines opened after the change; running clocks keep the terms they started with.
export function createDeadlineRulesService({ db, clock }: Pick<Platform, 'db' | 'clock'>, catalog: WorkflowCatalog) {
  async function list(): Promise<DeadlineRuleSetting[]> {
    const overrides = new Map((await db.select().from(deadlineRuleSettings)).map((row) => [row.ruleKey, row]));
    return catalog.deadlineRules().map(({ workflowId, stateKey, rule }) => {
      const override = overrides.get(rule.key);
      return {
        key: rule.key,
        workflowId,
        stateKey,
        basis: override?.basis ?? rule.basis,
        length: override?.length ?? rule.length,
        defaultBasis: rule.basis,
        defaultLength: rule.length,
        overridden: Boolean(override),
        extendable: rule.extendable,
        maxExtension: rule.maxExtension ?? null,
        legalBasis: rule.legalBasis,
        source: rule.source,
      };
    });
  }

  async function find(key: string): Promise<DeadlineRuleSetting> {
    const setting = (await list()).find((candidate) => candidate.key === key);
    if (!setting) throw new AppError('NOT_FOUND');
    return setting;
  }

  return {
    list,
    async update(actor: Actor, key: string, body: { basis: DeadlineBasis; length: number }) {
      const before = await find(key);
      await db.transaction(async (tx) => {
        await tx
          .insert(deadlineRuleSettings)
          .values({ ruleKey: key, basis: body.basis, length: body.length, updatedBy: actor.userId, updatedAt: clock.now() })
          .onConflictDoUpdate({ target: deadlineRuleSettings.ruleKey, set: { basis: body.basis, length: body.length, updatedBy: actor.userId, updatedAt: clock.now() } });
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'deadline_rule.update',
          subjectType: 'deadline_rule',
          subjectId: key,
          before: { basis: before.basis, length: before.length },
          after: body,
        });
      });
      return find(key);
    },
    async reset(actor: Actor, key: string) {
      const before = await find(key);
      await db.transaction(async (tx) => {
        await tx.delete(deadlineRuleSettings).where(eq(deadlineRuleSettings.ruleKey, key));
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: actor.organizationId,
          action: 'deadline_rule.reset',
          subjectType: 'deadline_rule',
          subjectId: key,
          before: { basis: before.basis, length: before.length },
          after: { basis: before.defaultBasis, length: before.defaultLength },
        });
      });
      return find(key);
    },
  };
}
