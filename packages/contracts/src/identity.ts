/**
 * Identity contracts: roles, organization kinds, auth and membership shapes shared by server, web and CLI.
 * Must never import anything but zod: the web bundle depends on it.
 */
import { z } from 'zod';
import { plainText } from './common.ts';

export const ROLES = [
  'platform_admin',
  'reviewer',
  'regulator',
  'base_operator',
  'mcn_manager',
  'streamer',
  'merchant_staff',
  'provider_staff',
  /** 第三方评估机构人员: evaluates funded projects assigned to its organization (a service provider) */
  'evaluator',
  'consumer',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ORG_KINDS = ['platform', 'regulator', 'live_base', 'mcn', 'merchant', 'service_provider'] as const;
export const orgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof orgKindSchema>;

/** Which roles a membership in an organization of each kind may carry. */
export const ROLES_BY_ORG_KIND: Record<OrgKind, readonly Role[]> = {
  platform: ['platform_admin', 'reviewer'],
  regulator: ['regulator'],
  live_base: ['base_operator'],
  mcn: ['mcn_manager', 'streamer'],
  merchant: ['merchant_staff'],
  service_provider: ['provider_staff', 'evaluator'],
};

/** The workbench each role lands on after login. */
export const WORKBENCH_BY_ROLE: Record<Role, string> = {
  platform_admin: '/platform',
  reviewer: '/platform',
  regulator: '/regulator',
  base_operator: '/base',
  mcn_manager: '/mcn',
  streamer: '/streamer',
  merchant_staff: '/merchant',
  provider_staff: '/provider',
  evaluator: '/evaluator',
  consumer: '/shop',
};

export const idSchema = z.uuid({ error: 'must be a UUID' });

export const usernameSchema = z
  .string()
  .trim()
  .min(3, { error: 'at least 3 characters' })
  .max(64, { error: 'at most 64 characters' })
  .regex(/^[a-zA-Z0-9_.@-]+$/, { error: 'letters, digits, _ . @ - only' });

export const passwordSchema = z.string().min(8, { error: 'at least 8 characters' }).max(128, { error: 'at most 128 characters' });

export const loginRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** What a membership and an invitation both say: which organization, of what kind, in which role. */
const orgRoleFields = {
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  orgKind: orgKindSchema,
  role: roleSchema,
};

export const membershipSchema = z.object({
  ...orgRoleFields,
  departmentId: idSchema.nullable(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  user: z.object({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable().describe('masked'),
    locale: z.enum(['zh-CN', 'en-US']),
  }),
  memberships: z.array(membershipSchema),
  /** The membership the session acts through; null for a consumer (no organization). */
  active: membershipSchema.nullable(),
  role: roleSchema,
  workbench: z.string(),
  csrfToken: z.string().nullable().describe('send as X-CSRF-Token on every unsafe request made with the cookie'),
});
export type Me = z.infer<typeof meSchema>;

export const switchOrgRequestSchema = z.strictObject({ membershipId: idSchema });

/** A new account, whether a consumer signs up or an admin creates it. */
const newUserFields = {
  username: usernameSchema,
  password: passwordSchema,
  displayName: plainText(1, 64),
  phone: z
    .string()
    .regex(/^1[3-9]\d{9}$/, { error: 'must be a mainland mobile number (11 digits)' })
    .optional(),
};

export const registerConsumerRequestSchema = z.strictObject(newUserFields);

export const createUserRequestSchema = z.strictObject(newUserFields);
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable().describe('masked'),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const departmentSchema = z.object({ id: idSchema, code: z.string(), name: z.string() });
export type Department = z.infer<typeof departmentSchema>;

export const organizationSchema = z.object({
  id: idSchema,
  kind: orgKindSchema,
  name: z.string(),
  district: z.string().nullable(),
  parentId: idSchema.nullable(),
  createdAt: z.string(),
  departments: z.array(departmentSchema),
});
export type Organization = z.infer<typeof organizationSchema>;

export const createOrganizationRequestSchema = z.strictObject({
  kind: orgKindSchema,
  name: plainText(2, 100),
  district: plainText(1, 50).optional(),
  parentId: idSchema.optional(),
  departments: z
    .array(z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/), name: plainText(1, 50) }))
    .max(50)
    .optional(),
});
export type CreateOrganizationRequest = z.infer<typeof createOrganizationRequestSchema>;

export const addMemberRequestSchema = z.strictObject({
  userId: idSchema,
  role: roleSchema,
  departmentId: idSchema.optional(),
});

export const memberSchema = z.object({
  id: idSchema,
  userId: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  createdAt: z.string(),
});

export const API_TOKEN_SCOPES = ['read', 'write', 'compliance:ingest', 'audit:read'] as const;
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;

export const createApiTokenRequestSchema = z.strictObject({
  name: plainText(1, 64),
  scopes: z.array(apiTokenScopeSchema).min(1).max(API_TOKEN_SCOPES.length),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const apiTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiTokenScopeSchema),
  orgId: idSchema.nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdApiTokenSchema = apiTokenSchema.extend({
  token: z.string().describe('shown once; only its hash is stored'),
});

/**
 * 成员邀请: how someone joins an organization run by others. The organization invites an existing user (by
 * username or mainland mobile number) with a role; only the invited user's acceptance creates the membership.
 */
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
export const invitationStatusSchema = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const createInvitationRequestSchema = z.strictObject({
  invitee: z
    .string()
    .trim()
    .min(3, { error: 'at least 3 characters' })
    .max(64, { error: 'at most 64 characters' })
    .regex(/^[a-zA-Z0-9_.@-]+$/, { error: 'a username or an 11-digit mainland mobile number' })
    .describe('the username or mainland mobile number of an existing user'),
  role: roleSchema,
  departmentId: idSchema.optional(),
});
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;

export const invitationSchema = z.object({
  ...orgRoleFields,
  departmentName: z.string().nullable(),
  invitee: z.object({
    userId: idSchema,
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable().describe('masked'),
  }),
  invitedBy: z.string().nullable().describe('display name of the person who sent it'),
  status: invitationStatusSchema,
  /** the membership made on acceptance */
  membershipId: idSchema.nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;
