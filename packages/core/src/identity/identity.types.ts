import type { ApiTokenScope, InvitationStatus, OrgKind, Role } from '@livehub/contracts';

/**
 * Sign-in throttles. No account is ever locked: a lock is a weapon (anyone who knows a username can keep its owner
 * out) and its distinct answer tells which usernames exist. Instead:
 * - per client address, across usernames: a hard limit (stops password spraying from one host);
 * - per username and address: a hard limit on failures (stops one host guessing one account; its owner elsewhere
 *   is not affected);
 * - per username, across addresses: failures slow every further attempt down, doubling from `slowBaseMs` up to
 *   `slowMaxMs` — the right password still signs in, only later. Unknown usernames are counted and slowed exactly
 *   like real ones, so neither status nor timing tells them apart.
 */
export const AUTH_POLICY = {
  sessionTtlMs: 7 * 24 * 3600_000,
  ipWindowMs: 5 * 60_000,
  ipMaxAttempts: 30,
  pairWindowMs: 15 * 60_000,
  pairMaxFailures: 10,
  slowWindowMs: 15 * 60_000,
  slowAfterFailures: 5,
  slowBaseMs: 250,
  slowMaxMs: 8_000,
} as const;

/** How long a sign-in waits before its password is checked, after `failures` recent failures on the username. */
export function loginSlowdownMs(failures: number): number {
  if (failures < AUTH_POLICY.slowAfterFailures) return 0;
  const steps = failures - AUTH_POLICY.slowAfterFailures;
  return Math.min(AUTH_POLICY.slowMaxMs, AUTH_POLICY.slowBaseMs * 2 ** Math.min(steps, 16));
}

export const INVITATION_POLICY = {
  /** an invitation not answered within a week lapses (the organization may send a new one) */
  ttlMs: 7 * 24 * 3600_000,
  /** how many invitations a list shows, newest first */
  listLimit: 200,
} as const;

/** Roles that manage members of their own organization. */
export const ORG_MANAGER_ROLES: ReadonlySet<Role> = new Set(['base_operator', 'mcn_manager', 'merchant_staff', 'provider_staff']);

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId?: string;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** AES-256-GCM sealed by the PII vault; never returned unmasked */
  phoneEnc: string | null;
  phoneIndex: string | null;
  locale: 'zh-CN' | 'en-US';
  status: 'active' | 'disabled';
  failedLogins: number;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export interface OrganizationRecord {
  id: string;
  kind: OrgKind;
  name: string;
  district: string | null;
  parentId: string | null;
  createdAt: Date;
}

export interface DepartmentRecord {
  id: string;
  orgId: string;
  code: string;
  name: string;
}

/** An organization with its departments, as the organization screens show it. */
export interface OrganizationView extends OrganizationRecord {
  departments: DepartmentRecord[];
}

/** Joins organizations with their departments (the departments of other organizations are left out). */
export function withDepartments(o: OrganizationRecord, departments: DepartmentRecord[]): OrganizationView {
  return { ...o, departments: departments.filter((d) => d.orgId === o.id) };
}

export interface MembershipRecord {
  id: string;
  userId: string;
  orgId: string;
  role: Role;
  departmentId: string | null;
  createdAt: Date;
}

/** A membership joined with what the UI shows about it. */
export interface MembershipView extends MembershipRecord {
  orgName: string;
  orgKind: OrgKind;
  departmentCode: string | null;
  departmentName: string | null;
  username: string;
  displayName: string;
}

/** 成员邀请: a membership offered by an organization, created only when the invited user accepts. */
export interface InvitationRecord {
  id: string;
  orgId: string;
  userId: string;
  role: Role;
  departmentId: string | null;
  /** as stored: a pending invitation past `expiresAt` is expired whatever this says (see InvitationService) */
  status: InvitationStatus;
  invitedBy: string | null;
  membershipId: string | null;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
}

/** An invitation joined with the names the screens show. */
export interface InvitationView extends InvitationRecord {
  orgName: string;
  orgKind: OrgKind;
  departmentName: string | null;
  username: string;
  displayName: string;
  phoneEnc: string | null;
  invitedByName: string | null;
}

/** A user as screens show it: no secrets, the phone number masked (个人信息 never leaves identity in the clear). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  /** masked (138****0000), or null */
  phone: string | null;
  status: UserRecord['status'];
  createdAt: Date;
}

/** The signed-in user, their memberships and the one the session acts through. */
export interface MeView {
  user: { id: string; username: string; displayName: string; phone: string | null; locale: UserRecord['locale'] };
  memberships: MembershipView[];
  /** the membership the session acts through; null for a consumer (no organization) */
  active: MembershipView | null;
  role: Role;
  csrfToken: string | null;
}

export interface SessionRecord {
  /** sha256 of the cookie value: a leaked table cannot be replayed */
  tokenHash: string;
  userId: string;
  membershipId: string | null;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  orgId: string | null;
  membershipId: string | null;
  name: string;
  prefix: string;
  tokenHash: string;
  scopes: ApiTokenScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface SessionPrincipal {
  session: SessionRecord;
  user: UserRecord;
  /** the membership the session acts through, when it still exists */
  membership: MembershipRecord | null;
}
