/** The identity context's storage port: one narrow repository per aggregate (users, organizations, memberships,
 * invitations, sessions, API tokens). packages/db implements it; the contract suite holds every driver to it. */
import type { InvitationStatus, OrgKind, Role } from '@livehub/contracts';
import type {
  ApiTokenRecord,
  DepartmentRecord,
  InvitationRecord,
  InvitationView,
  MembershipRecord,
  MembershipView,
  OrganizationRecord,
  SessionPrincipal,
  SessionRecord,
  UserRecord,
} from './identity.types.ts';

export interface UserRepository {
  insert(user: UserRecord): Promise<void>;
  insertMany(users: UserRecord[]): Promise<void>;
  findById(id: string): Promise<UserRecord | null>;
  /** many at once (one query); those not found are left out */
  findByIds(ids: string[]): Promise<UserRecord[]>;
  findByUsername(username: string): Promise<UserRecord | null>;
  /** by the PII vault's blind index of the phone number (the number itself is never stored in the clear) */
  findByPhoneIndex(phoneIndex: string): Promise<UserRecord | null>;
  /** locks the user's row for the rest of the transaction: membership changes of one user are serialized */
  lock(id: string): Promise<void>;
  list(opts: { limit: number; offset?: number }): Promise<UserRecord[]>;
  count(): Promise<number>;
  updateLoginState(id: string, state: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date }): Promise<void>;
}

export interface OrganizationRepository {
  insert(org: OrganizationRecord): Promise<void>;
  insertMany(orgs: OrganizationRecord[]): Promise<void>;
  findById(id: string): Promise<OrganizationRecord | null>;
  /** the organizations of `ids` (in no particular order; unknown ids are left out) in one query */
  findByIds(ids: string[]): Promise<OrganizationRecord[]>;
  findByKindAndName(kind: OrgKind, name: string): Promise<OrganizationRecord | null>;
  /** `visibleTo`: restrict to these ids and their direct children (tenant scoping); undefined = all */
  list(opts: { kind?: OrgKind; visibleTo?: string[]; limit: number }): Promise<OrganizationRecord[]>;
  count(opts?: { kind?: OrgKind; visibleTo?: string[] }): Promise<number>;
  insertDepartments(departments: DepartmentRecord[]): Promise<void>;
  listDepartments(orgIds: string[]): Promise<DepartmentRecord[]>;
}

export interface MembershipRepository {
  insert(m: MembershipRecord): Promise<void>;
  insertMany(ms: MembershipRecord[]): Promise<void>;
  findById(id: string): Promise<MembershipRecord | null>;
  find(userId: string, orgId: string, role: Role): Promise<MembershipRecord | null>;
  listForUser(userId: string): Promise<MembershipView[]>;
  listForOrg(orgId: string): Promise<MembershipView[]>;
  countForOrgs(orgIds: string[], role?: Role): Promise<number>;
  /**
   * Of these organizations, those with a member holding `role` — or, with `only`, those whose members all hold it
   * (never one without members): one grouped read for all of them.
   */
  orgsWithRole(orgIds: string[], role: Role, opts?: { only?: boolean }): Promise<Set<string>>;
  countByRole(role: Role): Promise<number>;
  delete(id: string): Promise<void>;
}

export interface InvitationRepository {
  insert(inv: InvitationRecord): Promise<void>;
  findById(id: string): Promise<InvitationRecord | null>;
  findView(id: string): Promise<InvitationView | null>;
  /** the stored-pending invitation for this organization, user and role, if any (it may have expired) */
  findPending(orgId: string, userId: string, role: Role): Promise<InvitationRecord | null>;
  /** newest first */
  listForOrg(orgId: string, opts: { limit: number }): Promise<InvitationView[]>;
  /** newest first */
  listForUser(userId: string, opts: { status?: InvitationStatus; limit: number }): Promise<InvitationView[]>;
  /**
   * Moves a stored-pending invitation to a final status; false when it was no longer pending (someone else decided
   * first), so two deciders cannot both win.
   */
  decide(id: string, change: { status: Exclude<InvitationStatus, 'pending'>; decidedAt: Date; membershipId?: string }): Promise<boolean>;
}

export interface SessionRepository {
  insert(s: SessionRecord): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  /**
   * Session, user and active membership for many sessions at once (an authenticated request's session, when not
   * cached, is looked up with the others that arrived meanwhile: see BatchLoader); unknown hashes are left out
   */
  findPrincipals(tokenHashes: string[]): Promise<SessionPrincipal[]>;
  setMembership(tokenHash: string, membershipId: string | null): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

export interface ApiTokenRepository {
  insert(t: ApiTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** token, user and the membership it acts through, in one round trip (every machine request runs this) */
  findPrincipal(tokenHash: string): Promise<{ token: ApiTokenRecord; user: UserRecord; membership: MembershipRecord | null } | null>;
  findById(id: string): Promise<ApiTokenRecord | null>;
  listForUser(userId: string): Promise<ApiTokenRecord[]>;
  countForUser(userId: string): Promise<number>;
  revoke(id: string, at: Date): Promise<void>;
  touch(id: string, at: Date): Promise<void>;
}
