import { appealKinds, appealOutcomes, caseAppealStatuses, caseMeasureKinds, caseStatuses, fourForms, sanctionCategories } from '@guantong/contracts';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { objectLevel } from '../petitions/petitions.table.ts';

export const caseStatus = pgEnum('case_status', caseStatuses as [string, ...string[]]);
export const caseMeasureKind = pgEnum('case_measure_kind', caseMeasureKinds);
export const sanctionCategory = pgEnum('sanction_category', sanctionCategories);
export const fourForm = pgEnum('four_form', fourForms);

/**
 * A case (立案审查调查), filed from a clue of a commission's ledger. `organizationId` is the body investigating it,
 * which decides who sees it; the commission's case-management and hearing offices see all of its cases.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    ledgerOrganizationId: uuid().notNull(),
    organizationId: uuid().notNull(),
    caseNumber: text().notNull(),
    clueId: uuid(),
    status: caseStatus().notNull(),
    version: integer().notNull().default(1),
    title: text().notNull(),
    allegations: text().notNull(),
    personId: uuid(),
    concernedName: text().notNull(),
    concernedPost: text(),
    concernedUnit: text(),
    objectLevel: objectLevel(),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    decidedAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    remindAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('cases_number_idx').on(table.ledgerOrganizationId, table.caseNumber),
    uniqueIndex('cases_clue_idx').on(table.clueId),
    index('cases_holder_idx').on(table.organizationId, table.filedAt),
    index('cases_filed_idx').on(table.filedAt, table.id),
    index('cases_person_idx').on(table.personId, table.filedAt),
    index('cases_due_idx').on(table.dueAt, table.organizationId),
    index('cases_concerned_name_idx').on(table.concernedName.op('text_pattern_ops'), table.organizationId),
  ],
);

/** Investigative measures with their approvals (DOMAIN.md §3.3 records). */
export const caseMeasures = pgTable(
  'case_measures',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    kind: caseMeasureKind().notNull(),
    startedOn: date().notNull(),
    endedOn: date(),
    approvedBy: text().notNull(),
    note: text(),
    extendedOn: date(),
    extensionApprovedBy: text(),
    recordedBy: uuid(),
    recordedByName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (table) => [index('case_measures_case_idx').on(table.caseId, table.startedOn)],
);

/** The sanctions register: one row per measure decided about a person, with its effect period. */
export const sanctions = pgTable(
  'sanctions',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    organizationId: uuid().notNull(),
    personId: uuid(),
    concernedName: text().notNull(),
    concernedUnit: text(),
    category: sanctionCategory().notNull(),
    type: text().notNull(),
    fourForm: fourForm(),
    decidedOn: date().notNull(),
    effectiveFrom: date().notNull(),
    effectEndsOn: date(),
    permanent: boolean().notNull().default(false),
    // Revoked when an appeal revokes the decision; the row stays in the register as history.
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    index('sanctions_case_idx').on(table.caseId),
    index('sanctions_person_idx').on(table.personId, table.decidedOn),
    index('sanctions_organization_idx').on(table.organizationId, table.decidedOn),
  ],
);

export const caseAppealStatus = pgEnum('case_appeal_status', caseAppealStatuses as [string, ...string[]]);
export const appealKind = pgEnum('appeal_kind', appealKinds);
export const appealOutcome = pgEnum('appeal_outcome', appealOutcomes);

/** Appeals against a case's decision (申诉 / 复审 / 复核), with the review team and the outcome. */
export const caseAppeals = pgTable(
  'case_appeals',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    organizationId: uuid().notNull(),
    kind: appealKind().notNull(),
    status: caseAppealStatus().notNull(),
    version: integer().notNull().default(1),
    appellant: text().notNull(),
    grounds: text().notNull(),
    filedOn: date().notNull(),
    reviewerIds: uuid().array().notNull().default([]),
    outcome: appealOutcome(),
    decision: text(),
    decidedAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    remindAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('case_appeals_case_idx').on(table.caseId)],
);

export interface ChecklistItem {
  key: string;
  label: { zhCN: string; en: string };
  maxScore: number;
}

/** Case-quality review checklists (评查表), configured by administrators. */
export const reviewChecklists = pgTable('review_checklists', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  items: jsonb().$type<ChecklistItem[]>().notNull(),
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

export interface ReviewScore {
  key: string;
  score: number;
  problem: string | null;
}

/** One scored review of a case against a checklist (the checklist's items are copied: a later edit keeps old reviews whole). */
export const caseReviews = pgTable(
  'case_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid().notNull(),
    organizationId: uuid().notNull(),
    checklistId: uuid().notNull(),
    checklistName: text().notNull(),
    items: jsonb().$type<ChecklistItem[]>().notNull(),
    scores: jsonb().$type<ReviewScore[]>().notNull(),
    totalScore: real().notNull(),
    maxScore: real().notNull(),
    reviewerId: uuid().notNull(),
    reviewerName: text().notNull(),
    reviewedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('case_reviews_reviewed_idx').on(table.reviewedAt), index('case_reviews_case_idx').on(table.caseId)],
);
