import { z } from 'zod';
import { csvOf, PageQuerySchema, SortOrderSchema, text } from './common.ts';
import { AttachmentSchema } from './files.ts';
import { DeadlineSchema, DeadlineStateSchema } from './deadlines.ts';
import { WorkflowEventSchema } from './workflow.ts';
import { caseStatuses, type CaseStatus } from './workflows/case.ts';
import { ObjectLevelSchema } from './petitions.ts';
import { ClueSourceSchema, ClueSummarySchema, DisposalTypeSchema, SupervisedCategorySchema } from './clues.ts';
import { appealKinds, appealOutcomes, caseMeasureKinds, fourForms, sanctionCategories, sanctionTypeKeys, type SanctionType } from './case-vocabulary.ts';
import { caseAppealStatuses, type CaseAppealStatus } from './workflows/case-appeal.ts';

export const CaseStatusSchema = z.enum(caseStatuses as [CaseStatus, ...CaseStatus[]]);
export const SanctionTypeSchema = z.enum(sanctionTypeKeys as [SanctionType, ...SanctionType[]]);
export const SanctionCategorySchema = z.enum(sanctionCategories);
export const FourFormSchema = z.enum(fourForms);
export const CaseMeasureKindSchema = z.enum(caseMeasureKinds);

export const CaseSummarySchema = z
  .object({
    id: z.uuid(),
    caseNumber: z.string().describe('Filing number, per commission and year'),
    title: z.string(),
    status: CaseStatusSchema,
    concernedName: z.string(),
    concernedPost: z.string().nullable(),
    concernedUnit: z.string().nullable(),
    objectLevel: ObjectLevelSchema.nullable(),
    personId: z.uuid().nullable(),
    clueId: z.uuid().nullable(),
    organizationId: z.uuid().describe('The body investigating the case'),
    organizationName: z.string(),
    filedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().nullable(),
    deadlineState: DeadlineStateSchema.nullable(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const SanctionSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    personId: z.uuid().nullable(),
    concernedName: z.string(),
    concernedUnit: z.string().nullable(),
    category: SanctionCategorySchema,
    type: SanctionTypeSchema,
    fourForm: FourFormSchema.nullable(),
    decidedOn: z.iso.date(),
    effectiveFrom: z.iso.date(),
    effectEndsOn: z.iso.date().nullable().describe('The day the effect period ends; null: no period, or permanent'),
    permanent: z.boolean(),
    revoked: z.boolean().describe('Revoked on appeal'),
    inEffect: z.boolean().describe('Today within the effect period (or permanent), and not revoked'),
    organizationId: z.uuid().describe('The deciding body'),
    organizationName: z.string(),
  })
  .meta({ id: 'Sanction' });
export type Sanction = z.infer<typeof SanctionSchema>;

export const CaseMeasureSchema = z
  .object({
    id: z.uuid(),
    kind: CaseMeasureKindSchema,
    startedOn: z.iso.date(),
    endedOn: z.iso.date().nullable(),
    approvedBy: z.string(),
    note: z.string().nullable(),
    extendedOn: z.iso.date().nullable().describe('Detention: the day its one extension was recorded'),
    extensionApprovedBy: z.string().nullable().describe('Detention: who approved the extension (the commission one level up, below provincial level)'),
    latestEndOn: z.iso.date().nullable().describe('Detention: the last day it may last (3 months, 6 with the extension)'),
    recordedByName: z.string(),
    createdAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'CaseMeasure' });

export const CaseRecordSchema = z
  .object({ action: z.string(), body: z.string(), authorName: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'CaseRecord' });

// ---- Appeals (申诉 / 复审 / 复核) ----

export const CaseAppealSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(appealKinds),
    status: z.enum(caseAppealStatuses as [CaseAppealStatus, ...CaseAppealStatus[]]),
    appellant: z.string(),
    grounds: z.string(),
    filedOn: z.iso.date(),
    reviewerNames: z.array(z.string()),
    outcome: z.enum(appealOutcomes).nullable(),
    decision: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    dueAt: z.iso.datetime().nullable(),
    deadlineState: DeadlineStateSchema.nullable(),
    allowedActions: z.array(z.string()),
  })
  .meta({ id: 'CaseAppeal' });
export type CaseAppeal = z.infer<typeof CaseAppealSchema>;

export const FileCaseAppealBodySchema = z
  .strictObject({
    kind: z.enum(appealKinds),
    appellant: text(60).describe('Who appeals: the person, or a relative'),
    grounds: text(10_000, 5),
    filedOn: z.iso.date(),
  })
  .meta({ id: 'FileCaseAppealBody' });

export const CaseAppealActionBodySchema = z
  .strictObject({
    action: z.string().min(1).max(60),
    expectedStatus: z.string().min(1).max(60),
    note: z.string().trim().max(2000).optional(),
    reviewerIds: z.array(z.uuid()).min(1).max(7).optional().describe('accept: the review team (none of the original investigators or hearers)'),
    outcome: z.enum(appealOutcomes).optional().describe('decide'),
    decision: z.string().trim().max(10_000).optional().describe('decide: the review decision'),
  })
  .meta({ id: 'CaseAppealActionBody' });

export const CaseDetailSchema = CaseSummarySchema.extend({
  allegations: z.string(),
  clueSerialNumber: z.string().nullable(),
  ledgerOrganizationId: z.uuid(),
  measures: z.array(CaseMeasureSchema),
  records: z.array(CaseRecordSchema),
  sanctions: z.array(SanctionSchema),
  appeals: z.array(CaseAppealSchema),
  allowedActions: z.array(z.string()),
  events: z.array(WorkflowEventSchema),
  deadlines: z.array(DeadlineSchema),
  attachments: z.array(AttachmentSchema),
  isPartyMember: z.boolean(),
  supervisedCategory: SupervisedCategorySchema.nullable(),
  allowedSanctionTypes: z.array(SanctionTypeSchema).describe('The sanctions the person concerned may receive (party membership, village-cadre rule)'),
  capabilities: z.object({ addMeasure: z.boolean(), editMeasures: z.boolean(), extendDeadline: z.boolean() }),
  version: z.number().int(),
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const caseSortKeys = ['filedAt', 'dueAt', 'updatedAt'] as const;
export const CaseListQuerySchema = z.object({
  status: csvOf(CaseStatusSchema).describe('Comma-separated statuses'),
  organizationId: z.uuid().optional(),
  personId: z.uuid().optional(),
  deadlineState: z.enum(['on_time', 'due_soon', 'overdue']).optional(),
  q: z.string().trim().max(40).optional().describe('Start of the name or unit of the person concerned, or the case number'),
  filedFrom: z.iso.date().optional(),
  filedTo: z.iso.date().optional(),
  sort: z.enum(caseSortKeys).default('filedAt'),
  order: SortOrderSchema.default('desc'),
});
export const CasePageQuerySchema = PageQuerySchema.extend(CaseListQuerySchema.shape);
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const DecidedSanctionSchema = z.strictObject({
  type: SanctionTypeSchema,
  concernedName: text(40).optional().describe('Another person of the same case (共同违纪); defaults to the person concerned'),
  concernedUnit: text(100).optional(),
  isPartyMember: z.boolean().optional().describe('Co-subject: a party member? (default yes) — party discipline needs it'),
  supervisedCategory: SupervisedCategorySchema.nullable().optional().describe('Co-subject: 监察对象类别 (the village-cadre rule applies to it)'),
  fourForm: FourFormSchema.nullable().optional().describe('Defaults to the type’s classification'),
  effectiveFrom: z.iso.date().optional().describe('Defaults to the decision day'),
});

/**
 * One endpoint for every case action; `record` is the written step (investigation report, hearing report, decision,
 * execution report), required by those actions; `decide` carries the sanctions decided.
 */
export const CaseActionBodySchema = z
  .strictObject({
    action: z.string().min(1).max(60),
    expectedStatus: z.string().min(1).max(60).describe('The status the client saw; a mismatch answers 409'),
    note: z.string().trim().max(2000).optional(),
    record: z.string().trim().max(20_000).optional(),
    sanctions: z.array(DecidedSanctionSchema).max(10).optional(),
  })
  .meta({ id: 'CaseActionBody' });
export type CaseActionBody = z.infer<typeof CaseActionBodySchema>;

export const AddCaseMeasureBodySchema = z
  .strictObject({
    kind: CaseMeasureKindSchema,
    startedOn: z.iso.date(),
    endedOn: z.iso.date().nullable().optional(),
    approvedBy: text(60).describe('Who approved the measure'),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((value) => !value.endedOn || value.endedOn >= value.startedOn, { path: ['endedOn'], message: 'ends before it starts' })
  .meta({ id: 'AddCaseMeasureBody' });

/**
 * Change a measure: when it ended (or, for detention, the end of its term), the note; a detention's term moved past
 * its first 3 months is its one extension and names who approved it (监察法2024 art.48, D17).
 */
export const UpdateCaseMeasureBodySchema = z
  .strictObject({
    endedOn: z.iso.date().nullable().optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    extensionApprovedBy: text(60).optional().describe('Detention extension: who approved it'),
    version: z.number().int().describe('The version you saw; a mismatch answers 409'),
  })
  .meta({ id: 'UpdateCaseMeasureBody' });
export const CaseMeasureParamsSchema = z.strictObject({ id: z.uuid(), measureId: z.uuid() });

export const SanctionListQuerySchema = z.object({
  category: SanctionCategorySchema.optional(),
  type: SanctionTypeSchema.optional(),
  fourForm: FourFormSchema.optional(),
  inEffect: z.enum(['true', 'false']).optional(),
  personId: z.uuid().optional(),
  decidedFrom: z.iso.date().optional(),
  decidedTo: z.iso.date().optional(),
});
export const SanctionPageQuerySchema = PageQuerySchema.extend(SanctionListQuerySchema.shape);
export type SanctionListQuery = z.infer<typeof SanctionListQuerySchema>;

export const PersonRecordSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unit: z.string().nullable(),
    post: z.string().nullable(),
    hasIdNumber: z.boolean(),
    clues: z.array(ClueSummarySchema),
    cases: z.array(CaseSummarySchema),
    sanctions: z.array(SanctionSchema),
  })
  .meta({ id: 'PersonRecord' });

export const ClueMetricsQuerySchema = z.object({
  from: z.iso.date().describe('First day of the period (China time)'),
  to: z.iso.date().describe('Last day of the period'),
  organizationId: z.uuid().optional().describe('Only clues held by this body and below'),
});
export type ClueMetricsQuery = z.infer<typeof ClueMetricsQuerySchema>;

export const ClueMetricsSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    received: z.number().int().describe('Clues received in the period'),
    disposed: z.number().int().describe('Of those, with an approved disposal'),
    disposalRate: z.number().nullable().describe('disposed ÷ received (线索处置率)'),
    overdue: z.number().int().describe('Open clues past their deadline now'),
    backlog: z.number().int().describe('Clues open at the end of the period (存量线索)'),
    bySource: z.array(z.object({ source: ClueSourceSchema, received: z.number().int(), disposed: z.number().int(), cases: z.number().int() })),
    byDisposal: z.array(z.object({ disposalType: DisposalTypeSchema, count: z.number().int() })),
    funnel: z.object({ clues: z.number().int(), cases: z.number().int(), personsSanctioned: z.number().int() }),
    conversionRate: z.number().nullable().describe('cases ÷ disposed clues (成案率)'),
    fourForms: z.array(z.object({ fourForm: FourFormSchema, persons: z.number().int() })),
    organizationId: z.uuid().describe('The body the figures are for, with everything below it'),
    organizationName: z.string(),
    byBody: z
      .array(
        z.object({
          organizationId: z.uuid(),
          name: z.string(),
          own: z.boolean().describe('The body itself (what it holds directly), not one of the bodies below it'),
          received: z.number().int(),
          disposed: z.number().int(),
          overdue: z.number().int(),
          cases: z.number().int(),
          personsSanctioned: z.number().int(),
        }),
      )
      .describe('The same figures per body: the body itself, then each body directly below it with its own subtree'),
  })
  .meta({ id: 'ClueMetrics' });
export type ClueMetrics = z.infer<typeof ClueMetricsSchema>;

// ---- Case-quality review (案件质量评查) ----

export const ReviewChecklistItemSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.strictObject({ zhCN: text(60), en: text(120) }),
  maxScore: z.number().int().min(1).max(100),
});
export const ReviewChecklistSchema = z
  .object({ id: z.uuid(), name: z.string(), items: z.array(ReviewChecklistItemSchema), active: z.boolean(), version: z.number().int() })
  .meta({ id: 'ReviewChecklist' });
export const UpsertReviewChecklistBodySchema = z
  .strictObject({
    name: text(60),
    items: z.array(ReviewChecklistItemSchema).min(1).max(40).refine((items) => new Set(items.map((item) => item.key)).size === items.length, 'item keys must differ'),
    active: z.boolean(),
    version: z.number().int().optional().describe('Omit when creating; the version you saw when editing'),
  })
  .meta({ id: 'UpsertReviewChecklistBody' });

export const CaseReviewSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    checklistId: z.uuid(),
    checklistName: z.string(),
    reviewerName: z.string(),
    scores: z.array(z.object({ key: z.string(), label: z.string(), score: z.number(), maxScore: z.number(), problem: z.string().nullable() })),
    totalScore: z.number(),
    maxScore: z.number(),
    reviewedAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseReview' });
export const CreateCaseReviewBodySchema = z
  .strictObject({
    checklistId: z.uuid(),
    scores: z.array(z.strictObject({ key: z.string().max(40), score: z.number().min(0).max(100), problem: z.string().trim().max(2000).optional() })).min(1).max(40),
  })
  .meta({ id: 'CreateCaseReviewBody' });
export const CaseReviewMonthQuerySchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') });
export const CaseReviewSummarySchema = z
  .object({
    month: z.string(),
    reviews: z.number().int(),
    averagePercent: z.number().nullable().describe('Average total score as a share of the maximum'),
    byItem: z.array(z.object({ key: z.string(), label: z.string(), reviews: z.number().int(), averagePercent: z.number().nullable(), problems: z.number().int() })),
    problems: z.array(z.object({ caseId: z.uuid(), caseNumber: z.string(), item: z.string(), problem: z.string(), reviewerName: z.string() })),
  })
  .meta({ id: 'CaseReviewSummary' });
