import {
  handlingModes,
  linkKinds,
  objectLevels,
  petitionChannels,
  petitionSources,
  petitionStatuses,
  satisfactionLevels,
  submissionTypes,
} from '@guantong/contracts';
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const petitionStatus = pgEnum('petition_status', petitionStatuses as [string, ...string[]]);
export const petitionChannel = pgEnum('petition_channel', petitionChannels);
export const petitionSource = pgEnum('petition_source', petitionSources);
export const submissionType = pgEnum('submission_type', submissionTypes);
export const objectLevel = pgEnum('object_level', objectLevels);
export const handlingMode = pgEnum('handling_mode', handlingModes);
export const satisfaction = pgEnum('satisfaction', satisfactionLevels);
export const linkKind = pgEnum('petition_link_kind', linkKinds);

// Words segmented by jieba at write time, stored with the 'simple' configuration (no server extension needed).
const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

export interface ProposalRecord {
  mode: (typeof handlingModes)[number];
  targetOrganizationIds: string[];
  opinion: string;
  proposedBy: string;
  proposedById: string;
  proposedAt: string;
}

/**
 * One report as held by one body. A transfer creates a new row in the receiving body (parentId → sender's row);
 * every row of the chain shares rootId, and only the root carries the receipt code the reporter follows.
 */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid().notNull(),
    rootId: uuid().notNull(),
    parentId: uuid(),
    serialNumber: text(),
    receiptCode: text(),
    receiptSecretHash: text(),
    status: petitionStatus().notNull(),
    version: integer().notNull().default(1),
    channel: petitionChannel().notNull(),
    source: petitionSource().notNull(),
    submissionType: submissionType().notNull(),
    categoryKey: text(),
    extraAnswers: jsonb().$type<Record<string, string | boolean>>().notNull().default({}),
    title: text().notNull(),
    content: text().notNull(),
    concernedName: text(),
    concernedPost: text(),
    concernedUnit: text(),
    objectLevel: objectLevel(),
    violationCategories: text().array().notNull().default(sql`'{}'::text[]`),
    occurredOn: text(),
    occurredPlace: text(),
    intakePointId: uuid(),
    anonymous: boolean().notNull(),
    // AES-256-GCM sealed JSON of the reporter identity; never selected into lists.
    reporterSealed: text(),
    // Keyed hash of the phone/ID number: finds repeat reporters without unsealing anyone.
    reporterFingerprint: text(),
    // Transfers for joint handling carry no identity and do not answer the reporter.
    reporterFacing: boolean().notNull().default(true),
    proposal: jsonb().$type<ProposalRecord>(),
    assigneeId: uuid(),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
    answeredBy: uuid(),
    satisfaction: satisfaction(),
    satisfactionComment: text(),
    ratedAt: timestamp({ withTimezone: true }),
    rehandlingCount: integer().notNull().default(0),
    mergedIntoId: uuid(),
    dueAt: timestamp({ withTimezone: true }),
    remindAt: timestamp({ withTimezone: true }),
    searchVector: tsvector().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    registeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('petitions_receipt_code_idx').on(table.receiptCode),
    uniqueIndex('petitions_serial_number_idx').on(table.organizationId, table.serialNumber),
    index('petitions_queue_idx').on(table.organizationId, table.receivedAt),
    // Wide scopes (a city leader sees most rows): the newest first straight from the index, filtered by body.
    index('petitions_received_idx').on(table.receivedAt, table.id),
    index('petitions_updated_idx').on(table.updatedAt, table.id),
    index('petitions_status_idx').on(table.organizationId, table.status, table.receivedAt),
    // (due_at, organization_id): the overdue filter counts within the actor's scope from the index alone (bench: 11.9 → 2.2 ms).
    index('petitions_due_idx').on(table.dueAt, table.organizationId),
    index('petitions_root_idx').on(table.rootId),
    index('petitions_parent_idx').on(table.parentId),
    index('petitions_concerned_name_idx').on(table.concernedName),
    index('petitions_concerned_unit_idx').on(table.concernedUnit),
    index('petitions_fingerprint_idx').on(table.reporterFingerprint),
    index('petitions_search_idx').using('gin', table.searchVector),
  ],
);

export const petitionLinks = pgTable(
  'petition_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    petitionId: uuid().notNull(),
    linkedPetitionId: uuid().notNull(),
    kind: linkKind().notNull(),
    createdBy: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('petition_links_pair_idx').on(table.petitionId, table.linkedPetitionId), index('petition_links_linked_idx').on(table.linkedPetitionId)],
);

/** Every answer given to the reporter, kept when a review produces a new one. */
export const petitionAnswers = pgTable(
  'petition_answers',
  {
    id: uuid().primaryKey().defaultRandom(),
    petitionId: uuid().notNull(),
    rootId: uuid().notNull(),
    organizationId: uuid().notNull(),
    body: text().notNull(),
    answeredBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('petition_answers_root_idx').on(table.rootId)],
);

/** Information the reporter adds later with the receipt. */
export const petitionSupplements = pgTable(
  'petition_supplements',
  {
    id: uuid().primaryKey().defaultRandom(),
    rootId: uuid().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('petition_supplements_root_idx').on(table.rootId)],
);

/** A problem clue handed to the clue ledger; the clues module (issue 4) takes these in. */
export const petitionClueHandoffs = pgTable(
  'petition_clue_handoffs',
  {
    id: uuid().primaryKey().defaultRandom(),
    petitionId: uuid().notNull(),
    organizationId: uuid().notNull(),
    summary: text().notNull(),
    status: text().notNull().default('pending'),
    createdBy: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    // Set by the clue ledger: the clue it became, and the result fed back when that clue closed.
    clueId: uuid(),
    result: text(),
    resultAt: timestamp({ withTimezone: true }),
  },
  (table) => [uniqueIndex('petition_clue_handoffs_petition_idx').on(table.petitionId)],
);

export const petitionCategories = pgTable('petition_categories', {
  key: text().primaryKey(),
  labelZh: text().notNull(),
  labelEn: text().notNull(),
  questions: jsonb().$type<import('@guantong/contracts').CategoryQuestion[]>().notNull().default([]),
  active: boolean().notNull().default(true),
  sortOrder: integer().notNull().default(0),
  version: integer().notNull().default(1),
});

/** A place or unit with a printed QR code; scanning opens the portal with the receiving body preset. */
export const intakePoints = pgTable(
  'intake_points',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    organizationId: uuid().notNull(),
    placeName: text().notNull(),
    description: text(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('intake_points_code_idx').on(table.code)],
);

export const answerTemplates = pgTable('answer_templates', {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  body: text().notNull(),
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});
