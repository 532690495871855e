import { z } from 'zod';
import { IdParamsSchema, OkSchema, PageQuerySchema, pageOf } from './common.ts';
import { HealthSchema } from './health.ts';
import {
  ChangePasswordBodySchema,
  CreateUserBodySchema,
  CurrentSessionSchema,
  LoginBodySchema,
  LoginResultSchema,
  ResetPasswordBodySchema,
  SwitchMembershipBodySchema,
  TotpCodeBodySchema,
  TotpSetupSchema,
  UpdatePreferencesBodySchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserSchema,
} from './users.ts';
import {
  CreateOrganizationBodySchema,
  OrganizationListQuerySchema,
  OrganizationSchema,
  RegionSchema,
  UpdateOrganizationBodySchema,
} from './organizations.ts';
import {
  CalendarDateParamsSchema,
  CalendarDaySchema,
  CalendarYearQuerySchema,
  UpsertCalendarDayBodySchema,
} from './calendar.ts';
import { AuditEntrySchema, AuditListQuerySchema, AuditVerifyResultSchema } from './audit.ts';
import { AttachmentSchema } from './files.ts';
import { WorkflowActionBodySchema, WorkflowDefinitionSchema, WorkflowEventSchema } from './workflow.ts';
import { DeadlineRuleParamsSchema, DeadlineRuleSettingSchema, DeadlineSchema, ExtendDeadlineBodySchema, UpdateDeadlineRuleBodySchema } from './deadlines.ts';
import {
  AddNoteBodySchema,
  AnswerPetitionBodySchema,
  AnswerTemplateSchema,
  AssigneeSchema,
  CategoryKeyParamsSchema,
  ClassifyPetitionBodySchema,
  ClueHandoffBodySchema,
  CreateIntakePointBodySchema,
  HumanChallengeSchema,
  IntakeOptionsSchema,
  IntakePointCodeParamsSchema,
  IntakePointSchema,
  LinkParamsSchema,
  LinkPetitionBodySchema,
  MergePetitionBodySchema,
  PetitionCategorySchema,
  PetitionDetailSchema,
  PetitionPageQuerySchema,
  PetitionSummarySchema,
  ProposeHandlingBodySchema,
  PublicIntakePointSchema,
  PublicPetitionViewSchema,
  PublicRatingBodySchema,
  PublicSupplementBodySchema,
  PublicTrackSchema,
  ReadIdentityBodySchema,
  RegisterPetitionBodySchema,
  ReporterIdentitySchema,
  SimilarPetitionSchema,
  TransferTargetSchema,
  UpdateIntakePointBodySchema,
  UpsertAnswerTemplateBodySchema,
  UpsertPetitionCategoryBodySchema,
} from './petitions.ts';
import {
  ApprovalRuleParamsSchema,
  ApprovalRuleQuerySchema,
  ApprovalRuleSchema,
  ClueActionBodySchema,
  ClueBodyOptionSchema,
  ClueDetailSchema,
  CluePageQuerySchema,
  ClueSummarySchema,
  CreateClueBodySchema,
  SignDisposalBodySchema,
  UpdateApprovalRuleBodySchema,
  AssignScreeningReviewerBodySchema,
  ConcludeScreeningItemBodySchema,
  CreateScreeningBodySchema,
  ScreeningItemParamsSchema,
  ScreeningSchema,
  ScreeningSummarySchema,
  UpdateClueBodySchema,
} from './clues.ts';
import {
  AddCaseMeasureBodySchema,
  CaseMeasureParamsSchema,
  UpdateCaseMeasureBodySchema,
  CaseActionBodySchema,
  CaseDetailSchema,
  CasePageQuerySchema,
  CaseSummarySchema,
  ClueMetricsQuerySchema,
  ClueMetricsSchema,
  CaseAppealActionBodySchema,
  CaseAppealSchema,
  CaseReviewMonthQuerySchema,
  CaseReviewSchema,
  CaseReviewSummarySchema,
  CreateCaseReviewBodySchema,
  FileCaseAppealBodySchema,
  ReviewChecklistSchema,
  UpsertReviewChecklistBodySchema,
  PersonRecordSchema,
  SanctionPageQuerySchema,
  SanctionSchema,
} from './cases.ts';
import { DocumentListQuerySchema, DocumentTemplateParamsSchema, DocumentTemplateQuerySchema, DocumentTemplateSchema, IssueDocumentBodySchema, OfficialDocumentSchema, UpdateDocumentTemplateBodySchema } from './documents.ts';
import { NotificationListQuerySchema, NotificationSchema, UnreadCountSchema } from './notifications.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Reachable without a session (public portal, health). */
  public?: boolean;
}

function endpoint<const E extends Endpoint>(spec: E): E {
  return spec;
}

const UserPageSchema = pageOf(UserSchema, 'UserPage');
const AuditPageSchema = pageOf(AuditEntrySchema, 'AuditPage');
const NotificationPageSchema = pageOf(NotificationSchema, 'NotificationPage');
const PetitionPageSchema = pageOf(PetitionSummarySchema, 'PetitionPage');

/**
 * Every HTTP operation: the API registers routes from these, the UIs call them through them,
 * and the OpenAPI document is generated from them.
 */
export const endpoints = {
  health: endpoint({ method: 'GET', path: '/api/health', summary: 'Liveness and database kind', tag: 'Platform', response: HealthSchema, public: true }),

  login: endpoint({ method: 'POST', path: '/api/auth/login', summary: 'Sign in with username and password', tag: 'Auth', body: LoginBodySchema, response: LoginResultSchema, public: true }),
  verifyTotp: endpoint({ method: 'POST', path: '/api/auth/totp/verify', summary: 'Second step of a sign-in with a one-time code', tag: 'Auth', body: TotpCodeBodySchema, response: CurrentSessionSchema, public: true }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', summary: 'Sign out', tag: 'Auth', response: OkSchema }),
  currentSession: endpoint({ method: 'GET', path: '/api/auth/session', summary: 'The signed-in user, memberships and CSRF token', tag: 'Auth', response: CurrentSessionSchema }),
  switchMembership: endpoint({ method: 'POST', path: '/api/auth/switch', summary: 'Act as another body the user belongs to', tag: 'Auth', body: SwitchMembershipBodySchema, response: CurrentSessionSchema }),
  changePassword: endpoint({ method: 'POST', path: '/api/auth/password', summary: 'Change own password', tag: 'Auth', body: ChangePasswordBodySchema, response: OkSchema }),
  updatePreferences: endpoint({ method: 'POST', path: '/api/auth/preferences', summary: 'Set UI language', tag: 'Auth', body: UpdatePreferencesBodySchema, response: CurrentSessionSchema }),
  setupTotp: endpoint({ method: 'POST', path: '/api/auth/totp/setup', summary: 'Start enabling a second factor', tag: 'Auth', response: TotpSetupSchema }),
  enableTotp: endpoint({ method: 'POST', path: '/api/auth/totp/enable', summary: 'Confirm a second factor with a code', tag: 'Auth', body: TotpCodeBodySchema, response: OkSchema }),
  disableTotp: endpoint({ method: 'POST', path: '/api/auth/totp/disable', summary: 'Turn the second factor off', tag: 'Auth', body: TotpCodeBodySchema, response: OkSchema }),

  listRegions: endpoint({ method: 'GET', path: '/api/regions', summary: 'Region tree (GB/T 2260 codes)', tag: 'Organizations', response: z.array(RegionSchema) }),
  listOrganizations: endpoint({ method: 'GET', path: '/api/organizations', summary: 'Bodies visible to the active membership', tag: 'Organizations', query: OrganizationListQuerySchema, response: z.array(OrganizationSchema) }),
  getOrganization: endpoint({ method: 'GET', path: '/api/organizations/:id', summary: 'One body', tag: 'Organizations', params: IdParamsSchema, response: OrganizationSchema }),
  createOrganization: endpoint({ method: 'POST', path: '/api/organizations', summary: 'Create a body', tag: 'Organizations', body: CreateOrganizationBodySchema, response: OrganizationSchema }),
  updateOrganization: endpoint({ method: 'PATCH', path: '/api/organizations/:id', summary: 'Update a body', tag: 'Organizations', params: IdParamsSchema, body: UpdateOrganizationBodySchema, response: OrganizationSchema }),
  deleteOrganization: endpoint({ method: 'DELETE', path: '/api/organizations/:id', summary: 'Delete an empty body', tag: 'Organizations', params: IdParamsSchema, response: OkSchema }),

  listUsers: endpoint({ method: 'GET', path: '/api/users', summary: 'Accounts in the visible bodies', tag: 'Users', query: PageQuerySchema.extend(UserListQuerySchema.shape), response: UserPageSchema }),
  getUser: endpoint({ method: 'GET', path: '/api/users/:id', summary: 'One account', tag: 'Users', params: IdParamsSchema, response: UserSchema }),
  createUser: endpoint({ method: 'POST', path: '/api/users', summary: 'Create an account with roles per body', tag: 'Users', body: CreateUserBodySchema, response: UserSchema }),
  updateUser: endpoint({ method: 'PATCH', path: '/api/users/:id', summary: 'Update an account', tag: 'Users', params: IdParamsSchema, body: UpdateUserBodySchema, response: UserSchema }),
  resetUserPassword: endpoint({ method: 'POST', path: '/api/users/:id/password', summary: 'Set a new password for an account', tag: 'Users', params: IdParamsSchema, body: ResetPasswordBodySchema, response: OkSchema }),
  applyUserAction: endpoint({ method: 'POST', path: '/api/users/:id/actions', summary: 'Apply an account workflow action (unlock, disable, enable)', tag: 'Users', params: IdParamsSchema, body: WorkflowActionBodySchema, response: UserSchema }),
  listUserEvents: endpoint({ method: 'GET', path: '/api/users/:id/events', summary: 'Account status history', tag: 'Users', params: IdParamsSchema, response: z.array(WorkflowEventSchema) }),

  listCalendarDays: endpoint({ method: 'GET', path: '/api/calendar', summary: 'Holidays and swapped workdays of a year', tag: 'Calendar', query: CalendarYearQuerySchema, response: z.array(CalendarDaySchema) }),
  upsertCalendarDay: endpoint({ method: 'PUT', path: '/api/calendar/:date', summary: 'Mark a day as holiday or swapped workday', tag: 'Calendar', params: CalendarDateParamsSchema, body: UpsertCalendarDayBodySchema, response: CalendarDaySchema }),
  deleteCalendarDay: endpoint({ method: 'DELETE', path: '/api/calendar/:date', summary: 'Return a day to the ordinary week', tag: 'Calendar', params: CalendarDateParamsSchema, response: OkSchema }),

  listWorkflows: endpoint({ method: 'GET', path: '/api/workflows', summary: 'Workflow definitions, for diagrams', tag: 'Workflows', response: z.array(WorkflowDefinitionSchema) }),
  getWorkflow: endpoint({ method: 'GET', path: '/api/workflows/:workflowId', summary: 'One workflow definition', tag: 'Workflows', params: z.strictObject({ workflowId: z.string().max(60) }), response: WorkflowDefinitionSchema }),
  listDeadlineRules: endpoint({ method: 'GET', path: '/api/deadline-rules', summary: 'Deadline rules of every workflow, with local overrides', tag: 'Workflows', response: z.array(DeadlineRuleSettingSchema) }),
  updateDeadlineRule: endpoint({ method: 'PUT', path: '/api/deadline-rules/:key', summary: 'Override a rule’s basis and length (local practice)', tag: 'Workflows', params: DeadlineRuleParamsSchema, body: UpdateDeadlineRuleBodySchema, response: DeadlineRuleSettingSchema }),
  resetDeadlineRule: endpoint({ method: 'DELETE', path: '/api/deadline-rules/:key', summary: 'Return a rule to its default', tag: 'Workflows', params: DeadlineRuleParamsSchema, response: DeadlineRuleSettingSchema }),
  extendDeadline: endpoint({ method: 'POST', path: '/api/deadlines/:id/extend', summary: 'Extend a deadline with a reason (leader)', tag: 'Workflows', params: IdParamsSchema, body: ExtendDeadlineBodySchema, response: DeadlineSchema }),

  listAuditEntries: endpoint({ method: 'GET', path: '/api/audit', summary: 'Audit trail of the visible bodies', tag: 'Audit', query: PageQuerySchema.extend(AuditListQuerySchema.shape), response: AuditPageSchema }),
  verifyAudit: endpoint({ method: 'POST', path: '/api/audit/verify', summary: 'Recompute the hash chain', tag: 'Audit', response: AuditVerifyResultSchema }),

  listNotifications: endpoint({ method: 'GET', path: '/api/notifications', summary: 'My reminders and escalations, newest first', tag: 'Notifications', query: PageQuerySchema.extend(NotificationListQuerySchema.shape), response: NotificationPageSchema }),
  countUnreadNotifications: endpoint({ method: 'GET', path: '/api/notifications/unread-count', summary: 'How many of my notices are unread', tag: 'Notifications', response: UnreadCountSchema }),
  markNotificationRead: endpoint({ method: 'POST', path: '/api/notifications/:id/read', summary: 'Mark one notice read', tag: 'Notifications', params: IdParamsSchema, response: OkSchema }),
  markAllNotificationsRead: endpoint({ method: 'POST', path: '/api/notifications/read-all', summary: 'Mark all my notices read', tag: 'Notifications', response: OkSchema }),

  // Public intake ("码上"): no account; the receipt code and its secret stand in for one.
  getIntakeOptions: endpoint({ method: 'GET', path: '/api/public/intake-options', summary: 'Receiving bodies and categories for the report form', tag: 'Public intake', response: IntakeOptionsSchema, public: true }),
  getPublicIntakePoint: endpoint({ method: 'GET', path: '/api/public/intake-points/:code', summary: 'The body and place a QR code stands for', tag: 'Public intake', params: IntakePointCodeParamsSchema, response: PublicIntakePointSchema, public: true }),
  getHumanChallenge: endpoint({ method: 'GET', path: '/api/public/challenge', summary: 'A proof-of-work human check, solved in the browser', tag: 'Public intake', response: HumanChallengeSchema, public: true }),
  trackPetition: endpoint({ method: 'POST', path: '/api/public/petitions/track', summary: 'Follow a report with its receipt code and secret', tag: 'Public intake', body: PublicTrackSchema, response: PublicPetitionViewSchema, public: true }),
  supplementPetition: endpoint({ method: 'POST', path: '/api/public/petitions/supplement', summary: 'Add information to a report', tag: 'Public intake', body: PublicSupplementBodySchema, response: PublicPetitionViewSchema, public: true }),
  ratePetition: endpoint({ method: 'POST', path: '/api/public/petitions/rate', summary: 'Rate the answer; dissatisfied starts a review', tag: 'Public intake', body: PublicRatingBodySchema, response: PublicPetitionViewSchema, public: true }),

  listPetitions: endpoint({ method: 'GET', path: '/api/petitions', summary: 'Work queue of the visible bodies', tag: 'Petitions', query: PetitionPageQuerySchema, response: PetitionPageSchema }),
  registerPetition: endpoint({ method: 'POST', path: '/api/petitions', summary: 'Register a letter, visit, call or walk-in', tag: 'Petitions', body: RegisterPetitionBodySchema, response: PetitionDetailSchema }),
  getPetition: endpoint({ method: 'GET', path: '/api/petitions/:id', summary: 'Everything about one report', tag: 'Petitions', params: IdParamsSchema, response: PetitionDetailSchema }),
  classifyPetition: endpoint({ method: 'PATCH', path: '/api/petitions/:id', summary: 'Classify: type, category, person concerned, level, assignee', tag: 'Petitions', params: IdParamsSchema, body: ClassifyPetitionBodySchema, response: PetitionDetailSchema }),
  applyPetitionAction: endpoint({ method: 'POST', path: '/api/petitions/:id/actions', summary: 'Take a workflow action (register, acknowledge, approve…, close)', tag: 'Petitions', params: IdParamsSchema, body: WorkflowActionBodySchema, response: PetitionDetailSchema }),
  proposePetitionHandling: endpoint({ method: 'POST', path: '/api/petitions/:id/proposal', summary: 'Propose the handling mode (拟办) for a leader to approve', tag: 'Petitions', params: IdParamsSchema, body: ProposeHandlingBodySchema, response: PetitionDetailSchema }),
  answerPetition: endpoint({ method: 'POST', path: '/api/petitions/:id/answer', summary: 'Answer the reporter (办理结果)', tag: 'Petitions', params: IdParamsSchema, body: AnswerPetitionBodySchema, response: PetitionDetailSchema }),
  mergePetition: endpoint({ method: 'POST', path: '/api/petitions/:id/merge', summary: 'Merge into an earlier report as a duplicate', tag: 'Petitions', params: IdParamsSchema, body: MergePetitionBodySchema, response: PetitionDetailSchema }),
  listSimilarPetitions: endpoint({ method: 'GET', path: '/api/petitions/:id/similar', summary: 'Earlier reports about the same person or unit, or with similar text', tag: 'Petitions', params: IdParamsSchema, response: z.array(SimilarPetitionSchema) }),
  linkPetition: endpoint({ method: 'POST', path: '/api/petitions/:id/links', summary: 'Link a duplicate or related report', tag: 'Petitions', params: IdParamsSchema, body: LinkPetitionBodySchema, response: PetitionDetailSchema }),
  unlinkPetition: endpoint({ method: 'DELETE', path: '/api/petitions/:id/links/:linkId', summary: 'Remove a link', tag: 'Petitions', params: LinkParamsSchema, response: PetitionDetailSchema }),
  addPetitionNote: endpoint({ method: 'POST', path: '/api/petitions/:id/notes', summary: 'Internal note, never shown to the reporter', tag: 'Petitions', params: IdParamsSchema, body: AddNoteBodySchema, response: PetitionDetailSchema }),
  readReporterIdentity: endpoint({ method: 'POST', path: '/api/petitions/:id/reporter-identity', summary: 'Unseal the reporter identity (granted intake officers; logged with the reason)', tag: 'Petitions', params: IdParamsSchema, body: ReadIdentityBodySchema, response: ReporterIdentitySchema }),
  handOffPetitionToClues: endpoint({ method: 'POST', path: '/api/petitions/:id/clue-handoff', summary: 'Hand a problem clue about a cadre to the clue ledger', tag: 'Petitions', params: IdParamsSchema, body: ClueHandoffBodySchema, response: PetitionDetailSchema }),
  listPetitionAssignees: endpoint({ method: 'GET', path: '/api/petitions/:id/assignees', summary: 'Officers of the body holding the report, to assign it to', tag: 'Petitions', params: IdParamsSchema, response: z.array(AssigneeSchema) }),
  listTransferTargets: endpoint({ method: 'GET', path: '/api/petition-transfer-targets', summary: 'Bodies a report can be assigned, forwarded or sent up to', tag: 'Petitions', response: z.array(TransferTargetSchema) }),

  listPetitionCategories: endpoint({ method: 'GET', path: '/api/petition-categories', summary: 'Report categories and their extra questions', tag: 'Petition settings', response: z.array(PetitionCategorySchema) }),
  upsertPetitionCategory: endpoint({ method: 'PUT', path: '/api/petition-categories/:key', summary: 'Create or change a category', tag: 'Petition settings', params: CategoryKeyParamsSchema, body: UpsertPetitionCategoryBodySchema, response: PetitionCategorySchema }),
  listIntakePoints: endpoint({ method: 'GET', path: '/api/intake-points', summary: 'QR intake points of the visible bodies', tag: 'Petition settings', response: z.array(IntakePointSchema) }),
  createIntakePoint: endpoint({ method: 'POST', path: '/api/intake-points', summary: 'Create a QR intake point for a place or unit', tag: 'Petition settings', body: CreateIntakePointBodySchema, response: IntakePointSchema }),
  updateIntakePoint: endpoint({ method: 'PATCH', path: '/api/intake-points/:id', summary: 'Rename or deactivate an intake point', tag: 'Petition settings', params: IdParamsSchema, body: UpdateIntakePointBodySchema, response: IntakePointSchema }),
  listAnswerTemplates: endpoint({ method: 'GET', path: '/api/answer-templates', summary: 'Answer templates', tag: 'Petition settings', response: z.array(AnswerTemplateSchema) }),
  createAnswerTemplate: endpoint({ method: 'POST', path: '/api/answer-templates', summary: 'Add an answer template', tag: 'Petition settings', body: UpsertAnswerTemplateBodySchema, response: AnswerTemplateSchema }),
  updateAnswerTemplate: endpoint({ method: 'PUT', path: '/api/answer-templates/:id', summary: 'Change an answer template', tag: 'Petition settings', params: IdParamsSchema, body: UpsertAnswerTemplateBodySchema, response: AnswerTemplateSchema }),

  listClues: endpoint({ method: 'GET', path: '/api/clues', summary: 'The clue ledger of the visible bodies', tag: 'Clues', query: CluePageQuerySchema, response: pageOf(ClueSummarySchema, 'CluePage') }),
  createClue: endpoint({ method: 'POST', path: '/api/clues', summary: 'Register a clue (staff) or transfer one to a commission (partner bodies)', tag: 'Clues', body: CreateClueBodySchema, response: ClueDetailSchema }),
  getClue: endpoint({ method: 'GET', path: '/api/clues/:id', summary: 'Everything about one clue', tag: 'Clues', params: IdParamsSchema, response: ClueDetailSchema }),
  updateClue: endpoint({ method: 'PATCH', path: '/api/clues/:id', summary: 'Correct the allegation or the person concerned', tag: 'Clues', params: IdParamsSchema, body: UpdateClueBodySchema, response: ClueDetailSchema }),
  applyClueAction: endpoint({ method: 'POST', path: '/api/clues/:id/actions', summary: 'Take a workflow action (register, assign, propose, record a step, transfer, feed back…)', tag: 'Clues', params: IdParamsSchema, body: ClueActionBodySchema, response: ClueDetailSchema }),
  signClueDisposal: endpoint({ method: 'POST', path: '/api/clues/:id/sign', summary: 'Sign the next step of the disposal approval chain, or send the proposal back', tag: 'Clues', params: IdParamsSchema, body: SignDisposalBodySchema, response: ClueDetailSchema }),
  getCluePerson: endpoint({ method: 'GET', path: '/api/clue-persons/:id', summary: 'Every clue, case and sanction about one person (need-to-know; each view is logged)', tag: 'Clues', params: IdParamsSchema, response: PersonRecordSchema }),
  getClueMetrics: endpoint({ method: 'GET', path: '/api/clue-metrics', summary: 'Clues by source and disposal, disposal rate, overdue, backlog, clues → cases → persons sanctioned', tag: 'Clues', query: ClueMetricsQuerySchema, response: ClueMetricsSchema }),

  listCases: endpoint({ method: 'GET', path: '/api/cases', summary: 'Cases of the visible bodies', tag: 'Cases', query: CasePageQuerySchema, response: pageOf(CaseSummarySchema, 'CasePage') }),
  getCase: endpoint({ method: 'GET', path: '/api/cases/:id', summary: 'Everything about one case', tag: 'Cases', params: IdParamsSchema, response: CaseDetailSchema }),
  applyCaseAction: endpoint({ method: 'POST', path: '/api/cases/:id/actions', summary: 'Take a case workflow action (announce, report, review, hearing, decide, execute)', tag: 'Cases', params: IdParamsSchema, body: CaseActionBodySchema, response: CaseDetailSchema }),
  addCaseMeasure: endpoint({ method: 'POST', path: '/api/cases/:id/measures', summary: 'Log an investigative measure (detention at most 3 months + 3)', tag: 'Cases', params: IdParamsSchema, body: AddCaseMeasureBodySchema, response: CaseDetailSchema }),
  updateCaseMeasure: endpoint({ method: 'PATCH', path: '/api/cases/:id/measures/:measureId', summary: 'End a measure, change its note, or extend a detention once (with its approval)', tag: 'Cases', params: CaseMeasureParamsSchema, body: UpdateCaseMeasureBodySchema, response: CaseDetailSchema }),
  listSanctions: endpoint({ method: 'GET', path: '/api/sanctions', summary: 'Sanctions register with effect periods', tag: 'Cases', query: SanctionPageQuerySchema, response: pageOf(SanctionSchema, 'SanctionPage') }),
  fileCaseAppeal: endpoint({ method: 'POST', path: '/api/cases/:id/appeals', summary: 'Register an appeal against the decision (execution continues)', tag: 'Cases', params: IdParamsSchema, body: FileCaseAppealBodySchema, response: CaseDetailSchema }),
  applyCaseAppealAction: endpoint({ method: 'POST', path: '/api/case-appeals/:id/actions', summary: 'Accept (with a review team), reject or decide an appeal', tag: 'Cases', params: IdParamsSchema, body: CaseAppealActionBodySchema, response: CaseAppealSchema }),
  listReviewChecklists: endpoint({ method: 'GET', path: '/api/case-review-checklists', summary: 'Case-quality review checklists', tag: 'Case quality', response: z.array(ReviewChecklistSchema) }),
  createReviewChecklist: endpoint({ method: 'POST', path: '/api/case-review-checklists', summary: 'Add a checklist', tag: 'Case quality', body: UpsertReviewChecklistBodySchema, response: ReviewChecklistSchema }),
  updateReviewChecklist: endpoint({ method: 'PUT', path: '/api/case-review-checklists/:id', summary: 'Change a checklist', tag: 'Case quality', params: IdParamsSchema, body: UpsertReviewChecklistBodySchema, response: ReviewChecklistSchema }),
  createCaseReview: endpoint({ method: 'POST', path: '/api/cases/:id/reviews', summary: 'Score a case against a checklist (案件质量评查)', tag: 'Case quality', params: IdParamsSchema, body: CreateCaseReviewBodySchema, response: CaseReviewSchema }),
  listCaseReviews: endpoint({ method: 'GET', path: '/api/case-reviews', summary: 'Reviews of a month', tag: 'Case quality', query: CaseReviewMonthQuerySchema, response: z.array(CaseReviewSchema) }),
  caseReviewSummary: endpoint({ method: 'GET', path: '/api/case-reviews/summary', summary: 'Monthly summary of the problems found', tag: 'Case quality', query: CaseReviewMonthQuerySchema, response: CaseReviewSummarySchema }),
  listScreenings: endpoint({ method: 'GET', path: '/api/clue-screenings', summary: 'Joint screening batches (集中排查)', tag: 'Clues', response: z.array(ScreeningSummarySchema) }),
  createScreening: endpoint({ method: 'POST', path: '/api/clue-screenings', summary: 'Start a screening batch over selected clues (leader)', tag: 'Clues', body: CreateScreeningBodySchema, response: ScreeningSchema }),
  getScreening: endpoint({ method: 'GET', path: '/api/clue-screenings/:id', summary: 'A screening batch with its items', tag: 'Clues', params: IdParamsSchema, response: ScreeningSchema }),
  assignScreeningReviewer: endpoint({ method: 'POST', path: '/api/clue-screenings/:id/items/:itemId/reviewer', summary: 'Assign a reviewer to one clue of the batch', tag: 'Clues', params: ScreeningItemParamsSchema, body: AssignScreeningReviewerBodySchema, response: ScreeningSchema }),
  concludeScreeningItem: endpoint({ method: 'POST', path: '/api/clue-screenings/:id/items/:itemId/conclusion', summary: 'Record the reviewer’s conclusion', tag: 'Clues', params: ScreeningItemParamsSchema, body: ConcludeScreeningItemBodySchema, response: ScreeningSchema }),
  closeScreening: endpoint({ method: 'POST', path: '/api/clue-screenings/:id/close', summary: 'Close a batch once every clue has a conclusion', tag: 'Clues', params: IdParamsSchema, response: ScreeningSchema }),

  issueDocument: endpoint({ method: 'POST', path: '/api/documents', summary: 'Generate an official document (Word) with its document number (文号)', tag: 'Documents', body: IssueDocumentBodySchema, response: OfficialDocumentSchema }),
  listDocuments: endpoint({ method: 'GET', path: '/api/documents', summary: 'Documents issued for a clue or case', tag: 'Documents', query: DocumentListQuerySchema, response: z.array(OfficialDocumentSchema) }),
  listDocumentTemplates: endpoint({ method: 'GET', path: '/api/document-templates', summary: 'The wording of each kind of official document in force for an issuing body (its own, inherited from above, or built in)', tag: 'Documents', query: DocumentTemplateQuerySchema, response: z.array(DocumentTemplateSchema) }),
  updateDocumentTemplate: endpoint({ method: 'PUT', path: '/api/document-templates/:organizationId/:kind', summary: 'Set a body’s wording of a kind of document (administrators of that body or above); placeholders in braces', tag: 'Documents', params: DocumentTemplateParamsSchema, body: UpdateDocumentTemplateBodySchema, response: DocumentTemplateSchema }),
  resetDocumentTemplate: endpoint({ method: 'DELETE', path: '/api/document-templates/:organizationId/:kind', summary: 'Drop a body’s own wording: it inherits again (administrators)', tag: 'Documents', params: DocumentTemplateParamsSchema, response: DocumentTemplateSchema }),
  listClueHandlingBodies: endpoint({ method: 'GET', path: '/api/clue-handling-bodies', summary: "Offices, groups and townships a clue can be assigned to (室组地)", tag: 'Clues', response: z.array(ClueBodyOptionSchema) }),
  listClueTransferTargets: endpoint({ method: 'GET', path: '/api/clue-transfer-targets', summary: 'Commissions a clue can be transferred or forwarded to', tag: 'Clues', response: z.array(ClueBodyOptionSchema) }),
  listClueApprovalRules: endpoint({ method: 'GET', path: '/api/clue-approval-rules', summary: 'Approval chain by cadre-management level in force for a ledger (its own, inherited, or built in)', tag: 'Clue settings', query: ApprovalRuleQuerySchema, response: z.array(ApprovalRuleSchema) }),
  updateClueApprovalRule: endpoint({ method: 'PUT', path: '/api/clue-approval-rules/:organizationId/:level', summary: 'Set a ledger’s approval chain of one level (local practice; administrators of that ledger or above)', tag: 'Clue settings', params: ApprovalRuleParamsSchema, body: UpdateApprovalRuleBodySchema, response: ApprovalRuleSchema }),
  resetClueApprovalRule: endpoint({ method: 'DELETE', path: '/api/clue-approval-rules/:organizationId/:level', summary: 'Drop a ledger’s own chain of a level: it inherits again', tag: 'Clue settings', params: ApprovalRuleParamsSchema, response: ApprovalRuleSchema }),

  getAttachment: endpoint({ method: 'GET', path: '/api/files/:id', summary: 'Attachment metadata', tag: 'Files', params: IdParamsSchema, response: AttachmentSchema }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type InferInput<T> = T extends z.ZodType ? z.input<T> : undefined;
export type EndpointResponse<N extends EndpointName> = z.infer<Endpoints[N]['response']>;
/** What a route handler receives, after parsing (defaults applied). */
export type EndpointRequest<N extends EndpointName> = {
  params: Endpoints[N] extends { params: infer P } ? Infer<P> : undefined;
  query: Endpoints[N] extends { query: infer Q } ? Infer<Q> : undefined;
  body: Endpoints[N] extends { body: infer B } ? Infer<B> : undefined;
};
/** What a client sends (defaults may be left out). */
export type EndpointInput<N extends EndpointName> = {
  params: Endpoints[N] extends { params: infer P } ? InferInput<P> : undefined;
  query: Endpoints[N] extends { query: infer Q } ? InferInput<Q> : undefined;
  body: Endpoints[N] extends { body: infer B } ? InferInput<B> : undefined;
};

/** Fills `:name` placeholders of an endpoint path. */
export function buildPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
}
