import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Transaction } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { clueApprovalRules, clueApprovals } from './clues.table.ts';

// Signatures of disposal approvals, and the approval chains ledgers set per cadre-management level.

export type ApprovalRuleRow = typeof clueApprovalRules.$inferSelect;

/** The signatures of one proposal round, in the order they were given. */
export function signaturesOf(db: DbOrTx, clueId: string, round: number) {
  return db
    .select()
    .from(clueApprovals)
    .where(and(eq(clueApprovals.clueId, clueId), eq(clueApprovals.round, round)))
    .orderBy(asc(clueApprovals.signedAt));
}

/** A signature; false when someone signed the same step of the round a moment ago (the unique index lets one win). */
export async function insertSignature(tx: Transaction, signature: typeof clueApprovals.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(clueApprovals).values(signature).onConflictDoNothing().returning({ id: clueApprovals.id });
  return inserted.length > 0;
}

/** The chains of one level set on these bodies (a ledger and the bodies above it). */
export function rulesOfLevel(db: DbOrTx, level: string, organizationIds: string[]) {
  return db
    .select()
    .from(clueApprovalRules)
    .where(and(eq(clueApprovalRules.level, level), inArray(clueApprovalRules.organizationId, organizationIds)));
}

/** Every chain set on these bodies, with the name of the body that set it. */
export async function rulesWithBodyNames(db: DbOrTx, organizationIds: string[]) {
  const rows = await db
    .select({ row: clueApprovalRules, bodyName: organizations.name })
    .from(clueApprovalRules)
    .innerJoin(organizations, eq(organizations.id, clueApprovalRules.organizationId))
    .where(inArray(clueApprovalRules.organizationId, organizationIds));
  return rows.map(({ row, bodyName }) => ({ ...row, bodyName }));
}

export async function upsertRule(tx: Transaction, rule: { organizationId: string; level: string; steps: string[]; updatedBy: string; updatedAt: Date }): Promise<void> {
  await tx
    .insert(clueApprovalRules)
    .values(rule)
    .onConflictDoUpdate({ target: [clueApprovalRules.organizationId, clueApprovalRules.level], set: { steps: rule.steps, updatedBy: rule.updatedBy, updatedAt: rule.updatedAt } });
}

/** Removes a ledger's own chain of a level; the removed row, if there was one. */
export async function deleteRule(tx: Transaction, organizationId: string, level: string): Promise<ApprovalRuleRow | undefined> {
  const [removed] = await tx
    .delete(clueApprovalRules)
    .where(and(eq(clueApprovalRules.organizationId, organizationId), eq(clueApprovalRules.level, level)))
    .returning();
  return removed;
}
