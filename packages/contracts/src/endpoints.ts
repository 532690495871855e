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
