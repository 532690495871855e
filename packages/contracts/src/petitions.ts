import { z } from 'zod';
import { csvOf, IdSchema, PageQuerySchema, SortOrderSchema, text } from './common.ts';
import { LocalizedTextSchema } from './i18n.ts';
import { AttachmentSchema } from './files.ts';
import { DeadlineSchema, DeadlineStateSchema } from './deadlines.ts';
import { WorkflowEventSchema } from './workflow.ts';
import { petitionStatuses, type PetitionStatus } from './workflows/petition.ts';
import {
  submissionTypes,
  publicSubmissionTypes,
  petitionChannels,
  petitionSources,
  violationCategories,
  objectLevels,
  handlingModes,
  transferModes,
  transferStatuses,
  satisfactionLevels,
  linkKinds,
  clueHandoffStatuses,
} from './petition-vocabulary.ts';

export const PetitionStatusSchema = z.enum(petitionStatuses as [PetitionStatus, ...PetitionStatus[]]);


export const SubmissionTypeSchema = z.enum(submissionTypes);
export const PetitionChannelSchema = z.enum(petitionChannels);
export const PetitionSourceSchema = z.enum(petitionSources);
export const ViolationCategorySchema = z.enum(violationCategories);
export const ObjectLevelSchema = z.enum(objectLevels);
export const HandlingModeSchema = z.enum(handlingModes);
export const TransferStatusSchema = z.enum(transferStatuses);
export const SatisfactionSchema = z.enum(satisfactionLevels);
export const LinkKindSchema = z.enum(linkKinds);


// ---- Categories with their extra questions (configured by administrators) ----

export const questionTypes = ['text', 'textarea', 'select', 'date', 'yesno'] as const;
export const CategoryQuestionSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'letters, digits, _ (start with a letter)'),
    label: LocalizedTextSchema,
    type: z.enum(questionTypes),
    options: z.array(LocalizedTextSchema).max(30).optional(),
    required: z.boolean(),
  })
  .meta({ id: 'CategoryQuestion' });
export type CategoryQuestion = z.infer<typeof CategoryQuestionSchema>;

export const PetitionCategorySchema = z
  .object({
    key: z.string(),
    label: LocalizedTextSchema,
    questions: z.array(CategoryQuestionSchema),
    active: z.boolean(),
    sortOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'PetitionCategory' });
export type PetitionCategory = z.infer<typeof PetitionCategorySchema>;

export const UpsertPetitionCategoryBodySchema = z
  .strictObject({
    label: z.strictObject({ zhCN: text(30), en: text(60) }),
    questions: z.array(CategoryQuestionSchema).max(20),
    active: z.boolean(),
    sortOrder: z.number().int().min(0).max(999),
    version: z.number().int().optional().describe('Omit when creating; the version you saw when editing'),
  })
  .meta({ id: 'UpsertPetitionCategoryBody' });
export const CategoryKeyParamsSchema = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) });

/** Answers to a category's extra questions, by question key. */
export const ExtraAnswersSchema = z.record(z.string().max(40), z.union([z.string().trim().max(500), z.boolean()]));

// ---- Reporter identity (sealed at rest) ----

export const ReporterIdentitySchema = z
  .strictObject({
    name: text(40),
    phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'mobile or landline number'),
    idNumber: z.string().trim().regex(/^\d{17}[\dXx]$/, '18-character ID number').optional(),
    email: z.email().max(100).optional(),
    address: text(200).optional(),
    workUnit: text(100).optional(),
    politicalStatus: text(20).optional(),
  })
  .meta({ id: 'ReporterIdentity' });
export type ReporterIdentity = z.infer<typeof ReporterIdentitySchema>;

// ---- What a report says (shared by portal, staff registration and Open311) ----

const PetitionContentShape = {
  submissionType: SubmissionTypeSchema,
  categoryKey: z.string().max(40).nullable().optional(),
  extraAnswers: ExtraAnswersSchema.optional(),
  title: text(80).describe('One-line summary'),
  content: text(10_000, 10).describe('What happened'),
  concernedName: text(40).nullable().optional().describe('Person concerned'),
  concernedPost: text(60).nullable().optional(),
  concernedUnit: text(100).nullable().optional(),
  occurredOn: text(40).nullable().optional().describe('When, as the reporter puts it'),
  occurredPlace: text(100).nullable().optional(),
};

/** Sent by the portal as the `payload` field of a multipart request, beside the files. */
export const PublicSubmissionSchema = z
  .strictObject({
    ...PetitionContentShape,
    submissionType: z.enum(publicSubmissionTypes),
    receivingOrganizationId: IdSchema,
    intakePointCode: z.string().max(20).nullable().optional(),
    anonymous: z.boolean(),
    reporter: ReporterIdentitySchema.nullable().optional(),
    challenge: z.string().max(2000).describe('Solved human check (ALTCHA payload, base64)'),
  })
  .refine((value) => value.anonymous || value.reporter, { path: ['reporter'], message: 'real-name reports need a name and a phone number' })
  .meta({ id: 'PublicSubmission' });
export type PublicSubmission = z.infer<typeof PublicSubmissionSchema>;

export const ReceiptSchema = z
  .object({
    receiptCode: z.string().describe('Public code of the report'),
    secret: z.string().describe('Shown once; with the code it lets the reporter follow the report'),
    receivedAt: z.iso.datetime(),
    receivingOrganizationName: z.string(),
  })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof ReceiptSchema>;

export const ReceiptCredentialsSchema = z.strictObject({
  receiptCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{6,20}$/, 'receipt code'),
  secret: z.string().trim().min(6).max(40),
});

export const PublicTrackSchema = ReceiptCredentialsSchema.meta({ id: 'PublicTrackBody' });
export const PublicSupplementBodySchema = ReceiptCredentialsSchema.extend({ body: text(5000, 2) }).meta({ id: 'PublicSupplementBody' });
export const PublicRatingBodySchema = ReceiptCredentialsSchema.extend({
  satisfaction: SatisfactionSchema,
  comment: text(1000).nullable().optional(),
}).meta({ id: 'PublicRatingBody' });

/** What a reporter sees with the receipt: progress in plain words, answers, never internal notes or names of staff. */
export const PublicPetitionViewSchema = z
  .object({
    receiptCode: z.string(),
    title: z.string(),
    submissionType: SubmissionTypeSchema,
    anonymous: z.boolean(),
    receivedAt: z.iso.datetime(),
    stage: z.enum(['received', 'accepted', 'in_hand', 'answered', 'under_review', 'closed', 'not_accepted']),
    stageLabel: LocalizedTextSchema,
    handlingOrganizationName: z.string(),
    timeline: z.array(z.object({ at: z.iso.datetime(), label: LocalizedTextSchema, organizationName: z.string() })),
    answers: z.array(z.object({ at: z.iso.datetime(), organizationName: z.string(), body: z.string() })),
    supplements: z.array(z.object({ at: z.iso.datetime(), body: z.string() })),
    canRate: z.boolean(),
    dissatisfiedStartsReview: z.boolean().describe('False after the review and recheck: a further dissatisfied rating closes the matter (信访工作条例 art.36)'),
    rating: z.object({ satisfaction: SatisfactionSchema, comment: z.string().nullable(), at: z.iso.datetime() }).nullable(),
    canSupplement: z.boolean(),
  })
  .meta({ id: 'PublicPetitionView' });
export type PublicPetitionView = z.infer<typeof PublicPetitionViewSchema>;

export const IntakeOptionsSchema = z
  .object({
    receivingBodies: z.array(z.object({ id: z.uuid(), name: z.string(), regionName: z.string(), parentId: z.uuid().nullable() })),
    categories: z.array(PetitionCategorySchema),
    maxFiles: z.number().int(),
    maxFileBytes: z.number().int(),
  })
  .meta({ id: 'IntakeOptions' });

export const HumanChallengeSchema = z
  .object({ algorithm: z.string(), challenge: z.string(), maxnumber: z.number().int().optional(), salt: z.string(), signature: z.string() })
  .meta({ id: 'HumanChallenge' });

// ---- QR intake points ----

export const IntakePointSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    placeName: z.string(),
    description: z.string().nullable(),
    active: z.boolean(),
    url: z.string().describe('What the QR code opens'),
    submissionCount: z.number().int(),
    createdAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'IntakePoint' });
export type IntakePoint = z.infer<typeof IntakePointSchema>;
export const PublicIntakePointSchema = z
  .object({ code: z.string(), organizationId: z.uuid(), organizationName: z.string(), placeName: z.string() })
  .meta({ id: 'PublicIntakePoint' });
export const CreateIntakePointBodySchema = z
  .strictObject({ organizationId: z.uuid(), placeName: text(60), description: text(200).nullable().optional() })
  .meta({ id: 'CreateIntakePointBody' });
export const UpdateIntakePointBodySchema = z
  .strictObject({ placeName: text(60), description: text(200).nullable().optional(), active: z.boolean(), version: z.number().int() })
  .meta({ id: 'UpdateIntakePointBody' });
export const IntakePointCodeParamsSchema = z.strictObject({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,12}$/) });

// ---- Answer templates ----

export const AnswerTemplateSchema = z
  .object({ id: z.uuid(), title: z.string(), body: z.string(), active: z.boolean(), version: z.number().int() })
  .meta({ id: 'AnswerTemplate' });
export type AnswerTemplate = z.infer<typeof AnswerTemplateSchema>;
export const UpsertAnswerTemplateBodySchema = z
  .strictObject({ title: text(40), body: text(4000), active: z.boolean(), version: z.number().int().optional() })
  .meta({ id: 'UpsertAnswerTemplateBody' });

// ---- Staff side ----

export const PetitionSummarySchema = z
  .object({
    id: z.uuid(),
    serialNumber: z.string().nullable().describe('Registration number, given at registration'),
    receiptCode: z.string().nullable(),
    title: z.string(),
    status: PetitionStatusSchema,
    channel: PetitionChannelSchema,
    source: PetitionSourceSchema,
    submissionType: SubmissionTypeSchema,
    categoryKey: z.string().nullable(),
    objectLevel: ObjectLevelSchema.nullable(),
    concernedName: z.string().nullable(),
    concernedUnit: z.string().nullable(),
    anonymous: z.boolean(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().nullable(),
    deadlineState: DeadlineStateSchema.nullable(),
    satisfaction: SatisfactionSchema.nullable(),
  })
  .meta({ id: 'PetitionSummary' });
export type PetitionSummary = z.infer<typeof PetitionSummarySchema>;

export const petitionSortKeys = ['receivedAt', 'dueAt', 'updatedAt'] as const;

export const PetitionListQuerySchema = z.object({
  status: csvOf(PetitionStatusSchema).describe('Comma-separated statuses'),
  channel: PetitionChannelSchema.optional(),
  submissionType: SubmissionTypeSchema.optional(),
  categoryKey: z.string().max(40).optional(),
  objectLevel: ObjectLevelSchema.optional(),
  deadlineState: z.enum(['on_time', 'due_soon', 'overdue']).optional(),
  assigneeId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('Full-text search (Chinese words are segmented)'),
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  sort: z.enum(petitionSortKeys).default('receivedAt'),
  order: SortOrderSchema.default('desc'),
});
export const PetitionPageQuerySchema = PageQuerySchema.extend(PetitionListQuerySchema.shape);
export type PetitionListQuery = z.infer<typeof PetitionListQuerySchema>;

export const TransferSchema = z
  .object({
    id: z.uuid(),
    mode: z.enum(transferModes),
    status: TransferStatusSchema,
    fromPetitionId: z.uuid(),
    fromOrganizationName: z.string(),
    toPetitionId: z.uuid().nullable(),
    toOrganizationId: z.uuid(),
    toOrganizationName: z.string(),
    toPetitionStatus: PetitionStatusSchema.nullable().describe("The receiving record's status now: the sender sees it at every moment"),
    reportBackRequired: z.boolean(),
    createdAt: z.iso.datetime(),
    acknowledgedAt: z.iso.datetime().nullable(),
    returnedAt: z.iso.datetime().nullable(),
    returnReason: z.string().nullable(),
    reportedAt: z.iso.datetime().nullable(),
    result: z.string().nullable(),
  })
  .meta({ id: 'PetitionTransfer' });
export type Transfer = z.infer<typeof TransferSchema>;

export const ProposalSchema = z
  .object({
    mode: HandlingModeSchema,
    targetOrganizationIds: z.array(z.uuid()),
    targetOrganizationNames: z.array(z.string()),
    opinion: z.string(),
    proposedBy: z.string(),
    proposedAt: z.iso.datetime(),
  })
  .meta({ id: 'PetitionProposal' });

export const PetitionDetailSchema = PetitionSummarySchema.extend({
  content: z.string(),
  concernedPost: z.string().nullable(),
  occurredOn: z.string().nullable(),
  occurredPlace: z.string().nullable(),
  intakePlaceName: z.string().nullable(),
  extraAnswers: ExtraAnswersSchema,
  violationCategories: z.array(ViolationCategorySchema),
  reporterLabel: LocalizedTextSchema.describe('匿名 or 实名(已密封): identity itself is read through its own audited endpoint'),
  repeatReporterCount: z.number().int().describe('Other reports from the same real-name reporter (matched without unsealing)'),
  canReadReporterIdentity: z.boolean(),
  proposal: ProposalSchema.nullable(),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  satisfactionComment: z.string().nullable(),
  rehandlingCount: z.number().int(),
  parentPetitionId: z.uuid().nullable(),
  rootPetitionId: z.uuid(),
  mergedIntoId: z.uuid().nullable(),
  allowedActions: z.array(z.string()),
  events: z.array(WorkflowEventSchema),
  deadlines: z.array(DeadlineSchema),
  attachments: z.array(AttachmentSchema),
  transfersOut: z.array(TransferSchema),
  transferIn: TransferSchema.nullable(),
  links: z.array(z.object({ id: z.uuid(), kind: LinkKindSchema, petition: PetitionSummarySchema })),
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), authorName: z.string(), createdAt: z.iso.datetime() })),
  supplements: z.array(z.object({ id: z.uuid(), body: z.string(), createdAt: z.iso.datetime() })),
  clueHandoff: z
    .object({
      id: z.uuid(),
      status: z.enum(clueHandoffStatuses),
      createdAt: z.iso.datetime(),
      clueId: z.uuid().nullable(),
      result: z.string().nullable().describe('What the clue ledger fed back when the clue was closed'),
      resultAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  capabilities: z
    .object({
      classify: z.boolean(),
      link: z.boolean(),
      addNote: z.boolean(),
      handOffToClues: z.boolean(),
      extendDeadline: z.boolean(),
      assign: z.boolean(),
    })
    .describe('What the current user may do besides workflow actions; the UI shows exactly these'),
  version: z.number().int(),
}).meta({ id: 'PetitionDetail' });
export type PetitionDetail = z.infer<typeof PetitionDetailSchema>;

export const RegisterPetitionBodySchema = z
  .strictObject({
    ...PetitionContentShape,
    channel: PetitionChannelSchema,
    receivedAt: z.iso.datetime().optional().describe('When the letter, visit or call came in; defaults to now'),
    anonymous: z.boolean(),
    reporter: ReporterIdentitySchema.nullable().optional(),
    objectLevel: ObjectLevelSchema.nullable().optional(),
    violationCategories: z.array(ViolationCategorySchema).max(13).optional(),
    attachmentIds: z.array(z.uuid()).max(30).optional().describe('Scanned pages and other files uploaded first through /api/files'),
  })
  .refine((value) => value.anonymous || value.reporter, { path: ['reporter'], message: 'real-name reports need a name and a phone number' })
  .meta({ id: 'RegisterPetitionBody' });
export type RegisterPetitionBody = z.infer<typeof RegisterPetitionBodySchema>;

export const ClassifyPetitionBodySchema = z
  .strictObject({
    submissionType: SubmissionTypeSchema.optional(),
    categoryKey: z.string().max(40).nullable().optional(),
    title: text(80).optional(),
    concernedName: text(40).nullable().optional(),
    concernedPost: text(60).nullable().optional(),
    concernedUnit: text(100).nullable().optional(),
    objectLevel: ObjectLevelSchema.nullable().optional(),
    violationCategories: z.array(ViolationCategorySchema).max(13).optional(),
    extraAnswers: ExtraAnswersSchema.optional().describe("Answers to the category's questions; required when the category changes and has required questions"),
    assigneeId: z.uuid().nullable().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'ClassifyPetitionBody' });

export const ProposeHandlingBodySchema = z
  .strictObject({
    expectedStatus: PetitionStatusSchema,
    mode: HandlingModeSchema,
    targetOrganizationIds: z.array(z.uuid()).max(10).default([]),
    opinion: text(2000),
  })
  .refine((value) => !(transferModes as readonly string[]).includes(value.mode) || value.targetOrganizationIds.length > 0, {
    path: ['targetOrganizationIds'],
    message: 'choose the receiving body',
  })
  .refine((value) => value.mode === 'joint' || value.targetOrganizationIds.length <= 1, {
    path: ['targetOrganizationIds'],
    message: 'only joint handling has several bodies',
  })
  .meta({ id: 'ProposeHandlingBody' });

export const AnswerPetitionBodySchema = z
  .strictObject({ expectedStatus: PetitionStatusSchema, answer: text(5000, 10), templateId: z.uuid().optional() })
  .meta({ id: 'AnswerPetitionBody' });

export const MergePetitionBodySchema = z
  .strictObject({ expectedStatus: PetitionStatusSchema, targetId: z.uuid(), note: text(500) })
  .meta({ id: 'MergePetitionBody' });

export const LinkPetitionBodySchema = z.strictObject({ linkedPetitionId: z.uuid(), kind: LinkKindSchema }).meta({ id: 'LinkPetitionBody' });
export const LinkParamsSchema = z.strictObject({ id: z.uuid(), linkId: z.uuid() });
export const AddNoteBodySchema = z.strictObject({ body: text(2000) }).meta({ id: 'AddPetitionNoteBody' });
export const ReadIdentityBodySchema = z.strictObject({ reason: text(200, 2) }).meta({ id: 'ReadReporterIdentityBody' });
export const ClueHandoffBodySchema = z.strictObject({ summary: text(2000, 5) }).meta({ id: 'ClueHandoffBody' });

export const SimilarPetitionSchema = z
  .object({
    petition: PetitionSummarySchema,
    content: z.string(),
    reasons: z.array(z.enum(['same_person', 'same_unit', 'similar_text', 'same_reporter'])),
    score: z.number(),
  })
  .meta({ id: 'SimilarPetition' });

export const AssigneeSchema = z.object({ id: z.uuid(), displayName: z.string(), title: z.string().nullable() }).meta({ id: 'PetitionAssignee' });

export const TransferTargetSchema = z
  .object({ id: z.uuid(), name: z.string(), type: z.string(), regionName: z.string(), depth: z.number().int() })
  .meta({ id: 'TransferTarget' });
