import { z } from 'zod';
import { text } from './common.ts';
import { LocaleSchema } from './i18n.ts';
import { MembershipGrantSchema, PermissionSchema, RoleSchema } from './roles.ts';
import { OrganizationTypeSchema } from './organizations.ts';
import { accountStatuses } from './workflows/account.ts';

export const AccountStatusSchema = z.enum(accountStatuses as ['active', 'locked', 'disabled']);

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'lower-case letters, digits, . _ - (3–40)');

// At least 10 characters with three of: lower, upper, digit, symbol.
export const passwordSchema = z
  .string()
  .min(10)
  .max(128)
  .refine(
    (value) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length >= 3,
    { message: 'needs three of: lower-case, upper-case, digit, symbol' },
  );

export const MembershipSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    organizationType: OrganizationTypeSchema,
    roles: z.array(RoleSchema),
    grants: z.array(MembershipGrantSchema).describe('Grants beyond the roles, e.g. reading sealed reporter identity'),
    title: z.string().nullable().describe('Post title, e.g. 副主任'),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof MembershipSchema>;

export const CurrentSessionSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      locale: LocaleSchema,
      totpEnabled: z.boolean(),
    }),
    memberships: z.array(MembershipSchema),
    activeMembershipId: z.uuid(),
    /** Permissions of the active membership; the console builds its menu from these. */
    permissions: z.array(PermissionSchema),
    csrfToken: z.string().describe('Send as X-CSRF-Token on every state-changing request'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CurrentSession' });
export type CurrentSession = z.infer<typeof CurrentSessionSchema>;

export const LoginBodySchema = z
  .strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(128) })
  .meta({ id: 'LoginBody' });
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const LoginResultSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), session: CurrentSessionSchema }),
    z.object({ status: z.literal('totp_required') }),
  ])
  .meta({ id: 'LoginResult' });
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const TotpCodeBodySchema = z
  .strictObject({ code: z.string().trim().regex(/^\d{6}$/, '6 digits') })
  .meta({ id: 'TotpCodeBody' });

export const TotpSetupSchema = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() })
  .meta({ id: 'TotpSetup' });

export const ChangePasswordBodySchema = z
  .strictObject({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema })
  .meta({ id: 'ChangePasswordBody' });

export const SwitchMembershipBodySchema = z.strictObject({ membershipId: z.uuid() }).meta({ id: 'SwitchMembershipBody' });
export const UpdatePreferencesBodySchema = z.strictObject({ locale: LocaleSchema }).meta({ id: 'UpdatePreferencesBody' });

export const UserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    status: AccountStatusSchema,
    totpEnabled: z.boolean(),
    memberships: z.array(MembershipSchema),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    version: z.number().int(),
    allowedActions: z.array(z.string()).describe('Account workflow actions the current user may take'),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const MembershipInputSchema = z.strictObject({
  organizationId: z.uuid(),
  roles: z.array(RoleSchema).min(1).max(8),
  grants: z.array(MembershipGrantSchema).max(4).optional(),
  title: text(40).nullable().optional(),
});

export const CreateUserBodySchema = z
  .strictObject({
    username: usernameSchema,
    displayName: text(40),
    phone: z.string().trim().regex(/^1\d{10}$/, '11-digit mobile number').nullable().optional(),
    password: passwordSchema,
    memberships: z.array(MembershipInputSchema).min(1).max(20),
  })
  .meta({ id: 'CreateUserBody' });
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z
  .strictObject({
    displayName: text(40).optional(),
    phone: z.string().trim().regex(/^1\d{10}$/, '11-digit mobile number').nullable().optional(),
    memberships: z.array(MembershipInputSchema).min(1).max(20).optional(),
    version: z.number().int(),
  })
  .meta({ id: 'UpdateUserBody' });
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const ResetPasswordBodySchema = z.strictObject({ newPassword: passwordSchema }).meta({ id: 'ResetPasswordBody' });

export const UserListQuerySchema = z.object({
  search: z.string().trim().max(40).optional(),
  organizationId: z.uuid().optional(),
  role: RoleSchema.optional(),
  status: AccountStatusSchema.optional(),
});
