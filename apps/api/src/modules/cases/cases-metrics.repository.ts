import { and, asc, count, countDistinct, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { branchUnder } from '../../platform/records/record-metrics.ts';
import { inSubtree } from '../../platform/identity/subtree.ts';
import { cases, sanctions } from './cases.table.ts';

// Figures of cases and sanctions for a subtree and period: the funnel's later steps and the four forms.

interface Window {
  path: string;
  from: Date;
  to: Date;
  /** The period as China dates (sanctions are decided on a date). */
  fromDate: string;
  toDate: string;
}

// A person sanctioned twice in a period counts once; a co-subject without a person record by name.
const sanctionedPerson = sql`coalesce(${sanctions.personId}::text, ${sanctions.concernedName})`;

const sanctionsIn = (window: Window) => and(inSubtree(sanctions.organizationId, window.path), gte(sanctions.decidedOn, window.fromDate), lte(sanctions.decidedOn, window.toDate));

export function fourFormPersons(db: DbOrTx, window: Window) {
  return db
    .select({ fourForm: sanctions.fourForm, persons: countDistinct(sanctionedPerson) })
    .from(sanctions)
    .where(and(sanctionsIn(window), isNotNull(sanctions.fourForm)))
    .groupBy(sanctions.fourForm);
}

export async function personsSanctioned(db: DbOrTx, window: Window): Promise<number> {
  const [{ persons }] = await db.select({ persons: countDistinct(sanctionedPerson) }).from(sanctions).where(sanctionsIn(window));
  return Number(persons);
}

/** Cases filed in the period, by the body directly below the root that investigates them. */
export function casesByBranch(db: DbOrTx, window: Window) {
  const branch = branchUnder(window.path);
  return db
    .select({ branch, count: count() })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(inSubtree(cases.organizationId, window.path), gte(cases.filedAt, window.from), lte(cases.filedAt, window.to)))
    .groupBy(branch);
}

/** Persons sanctioned in the period, by the body directly below the root that decided. */
export function sanctionedByBranch(db: DbOrTx, window: Window) {
  const branch = branchUnder(window.path);
  return db
    .select({ branch, count: countDistinct(sanctionedPerson) })
    .from(sanctions)
    .innerJoin(organizations, eq(organizations.id, sanctions.organizationId))
    .where(sanctionsIn(window))
    .groupBy(branch);
}

/** The bodies directly below a body, in code order (the rows of a figure by body). */
export function childBodies(db: DbOrTx, parentId: string) {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.parentId, parentId)).orderBy(asc(organizations.code));
}
