import { z } from 'zod';
import { csvOf, PageQuerySchema, SortOrderSchema, text } from './common.ts';
import { AttachmentSchema } from './files.ts';
import { DeadlineSchema, DeadlineStateSchema } from './deadlines.ts';
import { WorkflowEventSchema } from './workflow.ts';
import { clueStatuses, type ClueStatus } from './workflows/clue.ts';
import { ObjectLevelSchema, ViolationCategorySchema } from './petitions.ts';
import {
  approvalSteps,
  cadreManagementLevels,
  clueSources,
  clueTransferModes,
  clueTransferStatuses,
  disposalTypes,
  inquiryMethods,
  inquiryOutcomes,
  supervisedCategories,
  verificationRecommendations,
} from './clue-vocabulary.ts';

export const ClueStatusSchema = z.enum(clueStatuses as [ClueStatus, ...ClueStatus[]]);
export const ClueSourceSchema = z.enum(clueSources);
export const DisposalTypeSchema = z.enum(disposalTypes);
export const CadreManagementLevelSchema = z.enum(cadreManagementLevels);
export const ApprovalStepSchema = z.enum(approvalSteps);
export const ClueTransferModeSchema = z.enum(clueTransferModes);
export const InquiryMethodSchema = z.enum(inquiryMethods);
export const InquiryOutcomeSchema = z.enum(inquiryOutcomes);
export const VerificationRecommendationSchema = z.enum(verificationRecommendations);
export const SupervisedCategorySchema = z.enum(supervisedCategories);

/** The work plan of a preliminary verification (初核工作方案), proposed with it and approved along its chain (WF-B2). */
export const VerificationPlanSchema = z
  .strictObject({
    plan: text(5000, 5).describe('What will be verified and how: steps, evidence to collect, persons to talk to'),
    teamLeader: text(40).describe('Leader of the verification team (核查组组长)'),
    teamMembers: z.array(text(40)).max(10).default([]).describe('Other members of the team'),
    plannedEndOn: z.iso.date().nullable().optional().describe('When the team expects to report'),
  })
  .meta({ id: 'VerificationPlan' });
export type VerificationPlan = z.infer<typeof VerificationPlanSchema>;

/** The person a clue is about (被反映人). */
const PersonConcernedShape = {
  concernedName: text(40).describe('Person concerned'),
  concernedPost: text(60).nullable().optional(),
  concernedUnit: text(100).nullable().optional(),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '18-character ID number')
    .nullable()
    .optional()
    .describe('Sealed at rest; clues about the same ID number are linked to one person'),
  objectLevel: ObjectLevelSchema.nullable().optional().describe('Rank (职级)'),
  cadreManagementLevel: CadreManagementLevelSchema.nullable().optional().describe('Who manages the cadre (干部管理权限): decides the approval chain'),
  isPartyMember: z.boolean().default(true),
  supervisedCategory: SupervisedCategorySchema.nullable().optional().describe('监察对象类别: a village cadre may only be warned or given a (major) demerit'),
  lowerCommitteePrincipal: z.boolean().default(false).describe('Principal leader of the next-lower party committee: the principal leader signs'),
};

export const CreateClueBodySchema = z
  .strictObject({
    source: ClueSourceSchema,
    sourceReference: text(100).nullable().optional().describe('Number or title of the source document (移送函)'),
    ledgerOrganizationId: z.uuid().optional().describe("Partner bodies: the commission whose ledger takes the clue; staff: defaults to their own commission's"),
    title: text(80).describe('One-line summary of the allegation'),
    allegations: text(10_000, 10).describe('What is alleged'),
    violationCategories: z.array(ViolationCategorySchema).max(13).default([]),
    ...PersonConcernedShape,
    receivedAt: z.iso.datetime().optional(),
    attachmentIds: z.array(z.uuid()).max(30).optional().describe('Evidence uploaded first through /api/files'),
  })
  .meta({ id: 'CreateClueBody' });
export type CreateClueBody = z.infer<typeof CreateClueBodySchema>;

export const UpdateClueBodySchema = z
  .strictObject({
    title: text(80).optional(),
    allegations: text(10_000, 10).optional(),
    violationCategories: z.array(ViolationCategorySchema).max(13).optional(),
    concernedName: PersonConcernedShape.concernedName.optional(),
    concernedPost: PersonConcernedShape.concernedPost,
    concernedUnit: PersonConcernedShape.concernedUnit,
    idNumber: PersonConcernedShape.idNumber,
    objectLevel: PersonConcernedShape.objectLevel,
    cadreManagementLevel: PersonConcernedShape.cadreManagementLevel,
    isPartyMember: z.boolean().optional(),
    supervisedCategory: PersonConcernedShape.supervisedCategory,
    lowerCommitteePrincipal: z.boolean().optional(),
    version: z.number().int().describe('The version you saw; a mismatch answers 409'),
  })
  .meta({ id: 'UpdateClueBody' });

export const ClueSummarySchema = z
  .object({
    id: z.uuid(),
    serialNumber: z.string().describe('Ledger number (线索编号), per commission and year'),
    title: z.string(),
    status: ClueStatusSchema,
    source: ClueSourceSchema,
    concernedName: z.string(),
    concernedUnit: z.string().nullable(),
    objectLevel: ObjectLevelSchema.nullable(),
    cadreManagementLevel: CadreManagementLevelSchema.nullable(),
    disposalType: DisposalTypeSchema.nullable().describe('The approved disposal'),
    ledgerOrganizationId: z.uuid(),
    ledgerOrganizationName: z.string(),
    organizationId: z.uuid().describe('The body holding the clue now'),
    organizationName: z.string(),
    receivedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().nullable(),
    deadlineState: DeadlineStateSchema.nullable(),
  })
  .meta({ id: 'ClueSummary' });
export type ClueSummary = z.infer<typeof ClueSummarySchema>;

export const clueSortKeys = ['receivedAt', 'dueAt', 'updatedAt'] as const;
export const ClueListQuerySchema = z.object({
  status: csvOf(ClueStatusSchema).describe('Comma-separated statuses'),
  source: ClueSourceSchema.optional(),
  disposalType: DisposalTypeSchema.optional(),
  cadreManagementLevel: CadreManagementLevelSchema.optional(),
  objectLevel: ObjectLevelSchema.optional(),
  organizationId: z.uuid().optional().describe('Only clues held by this body'),
  personId: z.uuid().optional(),
  deadlineState: z.enum(['on_time', 'due_soon', 'overdue']).optional(),
  q: z.string().trim().max(40).optional().describe('Start of the name or unit of the person concerned, or the ledger number'),
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  sort: z.enum(clueSortKeys).default('receivedAt'),
  order: SortOrderSchema.default('desc'),
});
export const CluePageQuerySchema = PageQuerySchema.extend(ClueListQuerySchema.shape);
export type ClueListQuery = z.infer<typeof ClueListQuerySchema>;

export const ClueProposalSchema = z
  .object({
    disposalType: DisposalTypeSchema,
    reason: z.string(),
    proposedBy: z.string(),
    proposedAt: z.iso.datetime(),
    verificationPlan: VerificationPlanSchema.nullable().describe('With a proposed preliminary verification: its work plan'),
  })
  .meta({ id: 'ClueProposal' });

export const ClueApprovalSchema = z
  .object({
    steps: z.array(
      z.object({
        step: ApprovalStepSchema,
        signedBy: z.string().nullable(),
        signedAt: z.iso.datetime().nullable(),
        opinion: z.string().nullable(),
      }),
    ),
    nextStep: ApprovalStepSchema.nullable(),
    canSign: z.boolean().describe('Whether the current user signs the next step'),
  })
  .meta({ id: 'ClueApproval' });

export const ClueTransferSchema = z
  .object({
    id: z.uuid(),
    mode: ClueTransferModeSchema,
    status: z.enum(clueTransferStatuses),
    fromClueId: z.uuid(),
    fromOrganizationName: z.string(),
    toClueId: z.uuid(),
    toOrganizationId: z.uuid(),
    toOrganizationName: z.string(),
    toClueStatus: ClueStatusSchema.nullable().describe("The receiving clue's status now: the sender sees it at every moment"),
    createdAt: z.iso.datetime(),
    acknowledgedAt: z.iso.datetime().nullable(),
    returnedAt: z.iso.datetime().nullable(),
    returnReason: z.string().nullable(),
    reportedAt: z.iso.datetime().nullable(),
    result: z.string().nullable(),
  })
  .meta({ id: 'ClueTransfer' });

/** One step's written record: a talk, a letter, a reply, a report, a conclusion. */
export const ClueRecordSchema = z
  .object({
    action: z.string(),
    body: z.string(),
    inquiryMethod: InquiryMethodSchema.nullable(),
    recommendation: VerificationRecommendationSchema.nullable(),
    authorName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ClueRecord' });

export const ClueDetailSchema = ClueSummarySchema.extend({
  allegations: z.string(),
  violationCategories: z.array(ViolationCategorySchema),
  concernedPost: z.string().nullable(),
  isPartyMember: z.boolean(),
  supervisedCategory: SupervisedCategorySchema.nullable(),
  lowerCommitteePrincipal: z.boolean(),
  verificationPlan: VerificationPlanSchema.nullable().describe('The approved work plan of the preliminary verification, once there is one'),
  hasIdNumber: z.boolean().describe('The ID number itself stays sealed'),
  personId: z.uuid().nullable(),
  sourceOrganizationId: z.uuid().nullable(),
  sourceOrganizationName: z.string().nullable(),
  sourceReference: z.string().nullable(),
  petitionId: z.uuid().nullable().describe('The report this clue was converted from'),
  proposal: ClueProposalSchema.nullable(),
  approval: ClueApprovalSchema.nullable(),
  records: z.array(ClueRecordSchema),
  conclusion: z.string().nullable(),
  feedback: z.string().nullable(),
  feedbackAt: z.iso.datetime().nullable(),
  relatedClues: z.array(ClueSummarySchema).describe('Other clues about the same person'),
  allowedActions: z.array(z.string()),
  events: z.array(WorkflowEventSchema),
  deadlines: z.array(DeadlineSchema),
  attachments: z.array(AttachmentSchema),
  transfersOut: z.array(ClueTransferSchema),
  transferIn: ClueTransferSchema.nullable(),
  capabilities: z
    .object({ edit: z.boolean(), viewPerson: z.boolean(), extendDeadline: z.boolean() })
    .describe('What the current user may do besides workflow actions; the UI shows exactly these'),
  partnerView: z.boolean().describe('The actor’s body sent the clue (a partner body, or an office that filed it) and does not hold it: it follows the state and the result, not the internal handling'),
  version: z.number().int(),
}).meta({ id: 'ClueDetail' });
export type ClueDetail = z.infer<typeof ClueDetailSchema>;

/**
 * One endpoint for every workflow action; the fields an action needs come with it (the service says which are
 * missing): assign → handlingOrganizationId; propose → disposalType and note (the reason); transferOut/forwardOut →
 * targetOrganizationId; recordTalk, sendLetter, receiveReply, submitInquiryReport, submitVerificationReport,
 * approvals and feedBack → record (the written text); submitVerificationReport → recommendation; proposing a
 * preliminary verification (propose with that disposal type, moveToVerification) → verificationPlan.
 */
export const ClueActionBodySchema = z
  .strictObject({
    action: z.string().min(1).max(60),
    expectedStatus: z.string().min(1).max(60).describe('The status the client saw; a mismatch answers 409'),
    note: z.string().trim().max(2000).optional(),
    record: z.string().trim().max(20_000).optional(),
    handlingOrganizationId: z.uuid().optional(),
    targetOrganizationId: z.uuid().optional(),
    transferMode: ClueTransferModeSchema.optional(),
    disposalType: DisposalTypeSchema.optional(),
    inquiryMethod: InquiryMethodSchema.optional(),
    recommendation: VerificationRecommendationSchema.optional(),
    verificationPlan: VerificationPlanSchema.optional(),
  })
  .meta({ id: 'ClueActionBody' });
export type ClueActionBody = z.infer<typeof ClueActionBodySchema>;

export const SignDisposalBodySchema = z
  .strictObject({
    decision: z.enum(['approve', 'return']),
    opinion: text(2000),
    expectedStatus: z.literal('disposal_proposed'),
  })
  .meta({ id: 'SignDisposalBody' });

/**
 * Approval chains belong to a ledger (a commission or township committee) and hold below it: a county commission without
 * its own chain for a level uses the city's, and without any, the built-in one.
 */
export const ApprovalRuleSchema = z
  .object({
    cadreManagementLevel: z.union([CadreManagementLevelSchema, z.literal('default')]),
    steps: z.array(ApprovalStepSchema).min(1),
    organizationId: z.uuid().describe('The ledger asked about'),
    definedAt: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Where the chain in force is set: this ledger, the nearest one above, or null (built in)'),
    configured: z.boolean().describe('This ledger set its own chain for the level'),
  })
  .meta({ id: 'ApprovalRule' });
export const ApprovalRuleQuerySchema = z.object({ organizationId: z.uuid().optional().describe('The ledger; default the reader’s own body') });
export const UpdateApprovalRuleBodySchema = z
  .strictObject({ steps: z.array(ApprovalStepSchema).min(1).max(3).refine((steps) => new Set(steps).size === steps.length, 'each step once') })
  .meta({ id: 'UpdateApprovalRuleBody' });
export const ApprovalRuleParamsSchema = z.strictObject({ organizationId: z.uuid(), level: z.union([CadreManagementLevelSchema, z.literal('default')]) });

export const ClueBodyOptionSchema = z.object({ id: z.uuid(), name: z.string(), type: z.string() }).meta({ id: 'ClueBodyOption' });

// ---- Joint screening (集中排查) ----

export const ScreeningItemSchema = z.object({
  id: z.uuid(),
  clue: ClueSummarySchema,
  reviewerId: z.uuid().nullable(),
  reviewerName: z.string().nullable(),
  conclusion: z.string().nullable(),
  concludedAt: z.iso.datetime().nullable(),
});
export const ScreeningSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    note: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    ledgerOrganizationId: z.uuid(),
    createdByName: z.string(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    total: z.number().int(),
    concluded: z.number().int(),
    items: z.array(ScreeningItemSchema),
    capabilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'Screening' });
export const ScreeningSummarySchema = ScreeningSchema.omit({ items: true, capabilities: true }).meta({ id: 'ScreeningSummary' });
export const CreateScreeningBodySchema = z
  .strictObject({
    title: text(80),
    note: z.string().trim().max(2000).optional(),
    clueIds: z.array(z.uuid()).min(1).max(500),
  })
  .meta({ id: 'CreateScreeningBody' });
export const ScreeningItemParamsSchema = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const AssignScreeningReviewerBodySchema = z.strictObject({ reviewerId: z.uuid() }).meta({ id: 'AssignScreeningReviewerBody' });
export const ConcludeScreeningItemBodySchema = z.strictObject({ conclusion: text(5000, 2) }).meta({ id: 'ConcludeScreeningItemBody' });
