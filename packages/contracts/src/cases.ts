import { z } from 'zod';
import { csvOf, PageQuerySchema, SortOrderSchema, text } from './common.ts';
import { AttachmentSchema } from './files.ts';
import { DeadlineSchema, DeadlineStateSchema } from './deadlines.ts';
import { WorkflowEventSchema } from './workflow.ts';
import { caseStatuses, type CaseStatus } from './workflows/case.ts';
import { ObjectLevelSchema } from './petitions.ts';
import { ClueSourceSchema, ClueSummarySchema, DisposalTypeSchema } from './clues.ts';
import { caseMeasureKinds, fourForms, sanctionCategories, sanctionTypeKeys, type SanctionType } from './case-vocabulary.ts';

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
    inEffect: z.boolean().describe('Today within the effect period (or permanent)'),
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
    recordedByName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseMeasure' });

export const CaseRecordSchema = z
  .object({ action: z.string(), body: z.string(), authorName: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'CaseRecord' });

export const CaseDetailSchema = CaseSummarySchema.extend({
  allegations: z.string(),
  clueSerialNumber: z.string().nullable(),
  ledgerOrganizationId: z.uuid(),
  measures: z.array(CaseMeasureSchema),
  records: z.array(CaseRecordSchema),
  sanctions: z.array(SanctionSchema),
  allowedActions: z.array(z.string()),
  events: z.array(WorkflowEventSchema),
  deadlines: z.array(DeadlineSchema),
  attachments: z.array(AttachmentSchema),
  capabilities: z.object({ addMeasure: z.boolean(), extendDeadline: z.boolean() }),
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
  })
  .meta({ id: 'ClueMetrics' });
export type ClueMetrics = z.infer<typeof ClueMetricsSchema>;
