import { cadreManagementLevels, clueSources, clueStatuses, disposalTypes, supervisedCategories, type VerificationPlan } from '@guantong/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { objectLevel } from '../petitions/petitions.table.ts';

export const clueStatus = pgEnum('clue_status', clueStatuses as [string, ...string[]]);
export const clueSource = pgEnum('clue_source', clueSources);
export const disposalType = pgEnum('disposal_type', disposalTypes);
export const cadreManagementLevel = pgEnum('cadre_management_level', cadreManagementLevels);
export const supervisedCategory = pgEnum('supervised_category', supervisedCategories);

export interface DisposalProposalRecord {
  disposalType: (typeof disposalTypes)[number];
  reason: string;
  proposedBy: string;
  proposedById: string;
  proposedAt: string;
  /** Proposals are numbered: a sent-back proposal's signatures stay with its round. */
  round: number;
  /** The approval chain fixed when the proposal was made (the matrix may change meanwhile). */
  steps: string[];
  /** A proposed preliminary verification's work plan, approved with it. */
  verificationPlan?: VerificationPlan | null;
}

/**
 * A person clues are about. Clues name the same person when they carry the same ID number (matched by a keyed
 * hash, the number itself sealed) or, without one, the same name and unit.
 */
export const cluePersons = pgTable(
  'clue_persons',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    unit: text(),
    post: text(),
    idNumberHash: text(),
    idNumberSealed: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('clue_persons_id_number_idx').on(table.idNumberHash),
    index('clue_persons_name_unit_idx').on(table.name, table.unit),
  ],
);

/**
 * One clue in one body's ledger. `ledgerOrganizationId` is the commission (or township committee) whose central
 * ledger holds it and numbers it; `organizationId` is the body holding it now (its case-management office, the
 * office, group or township it was assigned to), which decides who sees it. A transfer creates a new clue in the
 * receiving ledger (parentId → sender's clue).
 */
export const clues = pgTable(
  'clues',
  {
    id: uuid().primaryKey().defaultRandom(),
    ledgerOrganizationId: uuid().notNull(),
    organizationId: uuid().notNull(),
    serialNumber: text().notNull(),
    parentId: uuid(),
    status: clueStatus().notNull(),
    version: integer().notNull().default(1),
    source: clueSource().notNull(),
    sourceOrganizationId: uuid(),
    sourceReference: text(),
    petitionId: uuid(),
    title: text().notNull(),
    allegations: text().notNull(),
    violationCategories: text().array().notNull().default(sql`'{}'::text[]`),
    personId: uuid(),
    concernedName: text().notNull(),
    concernedPost: text(),
    concernedUnit: text(),
    objectLevel: objectLevel(),
    cadreManagementLevel: cadreManagementLevel(),
    isPartyMember: boolean().notNull().default(true),
    supervisedCategory: supervisedCategory(),
    lowerCommitteePrincipal: boolean().notNull().default(false),
    proposal: jsonb().$type<DisposalProposalRecord>(),
    /** The work plan of the preliminary verification under way or done (WF-B2), set when it is approved. */
    verificationPlan: jsonb().$type<VerificationPlan>(),
    disposalType: disposalType(),
    conclusion: text(),
    feedback: text(),
    feedbackAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    remindAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('clues_serial_number_idx').on(table.ledgerOrganizationId, table.serialNumber),
    index('clues_holder_idx').on(table.organizationId, table.receivedAt),
    index('clues_received_idx').on(table.receivedAt, table.id),
    index('clues_status_idx').on(table.organizationId, table.status, table.receivedAt),
    index('clues_due_idx').on(table.dueAt, table.organizationId),
    index('clues_person_idx').on(table.personId, table.receivedAt),
    // The holder beside the sender lets the count of what an office sent but no longer holds read the index alone.
    index('clues_source_holder_idx').on(table.sourceOrganizationId, table.organizationId, table.receivedAt),
    // Name and unit searches are prefix searches (LIKE 'x%'): text_pattern_ops serves them under any collation, and
    // the body in the index (and, for units, the name, which the count's unit half excludes) lets the capped count
    // answer from the index alone (bench/README.md, clues).
    index('clues_concerned_name_idx').on(table.concernedName.op('text_pattern_ops'), table.organizationId),
    index('clues_concerned_unit_name_idx').on(table.concernedUnit.op('text_pattern_ops'), table.organizationId, table.concernedName.op('text_pattern_ops')),
    index('clues_serial_idx').on(table.serialNumber),
    index('clues_petition_idx').on(table.petitionId),
  ],
);

/** Signatures of a disposal's approval chain, one row per step of each proposal round. */
export const clueApprovals = pgTable(
  'clue_approvals',
  {
    id: uuid().primaryKey().defaultRandom(),
    clueId: uuid().notNull(),
    round: integer().notNull(),
    step: text().notNull(),
    decision: text().notNull(),
    opinion: text().notNull(),
    signedById: uuid().notNull(),
    signedByName: text().notNull(),
    signedAt: timestamp({ withTimezone: true }).notNull(),
  },
  // One signature per step and round: two leaders signing at once cannot both sign the same step.
  (table) => [uniqueIndex('clue_approvals_step_idx').on(table.clueId, table.round, table.step)],
);

/** A ledger's approval chain of a level; it holds for the ledgers below it without their own (DOMAIN.md §3.2, local practice). */
export const clueApprovalRules = pgTable(
  'clue_approval_rules',
  {
    organizationId: uuid().notNull(),
    level: text().notNull(),
    steps: text().array().notNull(),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.level] })],
);

/** A joint screening batch (集中排查) over clues of several offices, groups and townships (室组地). */
export const clueScreenings = pgTable('clue_screenings', {
  id: uuid().primaryKey().defaultRandom(),
  ledgerOrganizationId: uuid().notNull(),
  title: text().notNull(),
  note: text(),
  status: text().notNull().default('open'),
  createdBy: uuid().notNull(),
  createdByName: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  closedAt: timestamp({ withTimezone: true }),
});

export const clueScreeningItems = pgTable(
  'clue_screening_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    screeningId: uuid().notNull(),
    clueId: uuid().notNull(),
    reviewerId: uuid(),
    conclusion: text(),
    concludedAt: timestamp({ withTimezone: true }),
  },
  (table) => [uniqueIndex('clue_screening_items_clue_idx').on(table.screeningId, table.clueId), index('clue_screening_items_reviewer_idx').on(table.reviewerId)],
);
