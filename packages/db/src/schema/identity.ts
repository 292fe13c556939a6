/**
 * Identity (身份): users, organizations, departments, memberships, invitations, sessions and API tokens.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    locale: text('locale', { enum: ['zh-CN', 'en-US'] })
      .notNull()
      .default('zh-CN'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_lower_uq').on(sql`lower(${t.username})`), index('users_phone_index_idx').on(t.phoneIndex)],
);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['platform', 'regulator', 'live_base', 'mcn', 'merchant', 'service_provider'] }).notNull(),
    name: text('name').notNull(),
    district: text('district'),
    parentId: uuid('parent_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('organizations_kind_name_uq').on(t.kind, t.name), index('organizations_parent_idx').on(t.parentId)],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('departments_org_code_uq').on(t.orgId, t.code)],
);

/** The roles a membership or an invitation carries (the contracts' `ROLES`, in the same order). */
const MEMBERSHIP_ROLES = [
  'platform_admin',
  'reviewer',
  'regulator',
  'base_operator',
  'mcn_manager',
  'streamer',
  'merchant_staff',
  'provider_staff',
  'evaluator',
  'consumer',
] as const;

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('memberships_user_org_role_uq').on(t.userId, t.orgId, t.role), index('memberships_org_idx').on(t.orgId)],
);

/**
 * 成员邀请: a membership offered to a user by an organization; the membership exists only once the user accepts.
 * At most one pending invitation per (organization, user, role).
 */
export const orgInvitations = pgTable(
  'org_invitations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'revoked', 'expired'] }).notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    membershipId: uuid('membership_id'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('org_invitations_pending_uq').on(t.orgId, t.userId, t.role).where(sql`${t.status} = 'pending'`),
    index('org_invitations_user_idx').on(t.userId, t.status),
    index('org_invitations_org_idx').on(t.orgId, t.createdAt),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    membershipId: uuid('membership_id'),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id'),
    membershipId: uuid('membership_id'),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);
