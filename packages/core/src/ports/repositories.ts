/**
 * Repository ports: what the services need from storage, in domain terms. packages/db implements them with
 * Drizzle on PGlite or PostgreSQL; the contract suite in packages/testing holds every implementation to them.
 */
import type { ApiTokenScope, InvitationStatus, OrgKind, Role } from '@livehub/contracts';
import type { ComplianceRepository } from '../compliance/compliance.types.ts';
import type { RegistryRepository } from '../registry/registry.types.ts';
import type { WorkflowRepository } from '../workflows/workflow.types.ts';
import type { CatalogRepository } from '../catalog/catalog.repository.ts';
import type { SelectionRepository } from '../selection/selection.repository.ts';
import type { LiveRepository } from '../live/live.types.ts';
import type { OrderRepository } from '../orders/order.types.ts';

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

export interface AuditRecord {
  seq: number;
  id: string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  orgId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** redacted description of the change (no PII) */
  detail: Record<string, unknown>;
  changeHash: string;
  prevHash: string;
  hash: string;
  requestId: string | null;
  ip: string | null;
}

export interface OutboxRecord {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  publishedAt: Date | null;
}

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

export interface SessionPrincipal {
  session: SessionRecord;
  user: UserRecord;
  /** the membership the session acts through, when it still exists */
  membership: MembershipRecord | null;
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

export interface AuditRepository {
  /**
   * Takes the chain lock for the rest of the transaction and returns the current head. Appends are serialized
   * through it so every entry links to exactly one predecessor.
   */
  lockHead(): Promise<{ seq: number; hash: string } | null>;
  insert(entry: AuditRecord): Promise<void>;
  /** consecutive entries of one transaction in one statement */
  insertMany(entries: AuditRecord[]): Promise<void>;
  list(opts: { limit: number; beforeSeq?: number; action?: string; orgIds?: string[] }): Promise<AuditRecord[]>;
  /** entries with seq > afterSeq in order, for verification */
  scan(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  count(opts?: { orgIds?: string[] }): Promise<number>;
}

export interface OutboxRepository {
  add(event: OutboxRecord): Promise<void>;
  addMany(events: OutboxRecord[]): Promise<void>;
  pending(limit: number): Promise<OutboxRecord[]>;
  markPublished(ids: string[], at: Date): Promise<void>;
}

/** The repositories a unit of work hands to a service, all bound to one transaction. */
export interface Repositories {
  users: UserRepository;
  orgs: OrganizationRepository;
  memberships: MembershipRepository;
  invitations: InvitationRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  compliance: ComplianceRepository;
  workflows: WorkflowRepository;
  registry: RegistryRepository;
  catalog: CatalogRepository;
  selection: SelectionRepository;
  live: LiveRepository;
  orders: OrderRepository;
}

export interface UnitOfWork {
  /** Runs `work` in one transaction: all of it is written or none. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Repositories outside any transaction, for reads. */
  readonly read: Repositories;
}

/**
 * A unit of work narrowed to the repositories one service may touch: its own context's, plus audit and outbox.
 * The container hands every service the same UnitOfWork (it is assignable to any narrowing); the narrowing is what
 * a service declares, so reaching another context's tables is a type error. Another context is reached through
 * its public service or a small reader port it exports (docs/contexts.md).
 */
export interface ScopedUnitOfWork<K extends keyof Repositories> {
  transaction<T>(work: (repos: Pick<Repositories, K>) => Promise<T>): Promise<T>;
  readonly read: Pick<Repositories, K>;
}

export interface DatabaseHealth {
  readonly driver: 'pglite' | 'postgres';
  ping(): Promise<number>;
  close(): Promise<void>;
}
