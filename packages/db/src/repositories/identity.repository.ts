/** Drizzle implementations of the identity repository ports. */
import type {
  ApiTokenRecord,
  ApiTokenRepository,
  DepartmentRecord,
  InvitationRecord,
  InvitationRepository,
  InvitationView,
  MembershipRecord,
  MembershipRepository,
  MembershipView,
  OrganizationRecord,
  OrganizationRepository,
  SessionPrincipal,
  SessionRecord,
  SessionRepository,
  UserRecord,
  UserRepository,
} from '@livehub/core';
import type { InvitationStatus, OrgKind, Role } from '@livehub/contracts';
import { and, asc, desc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';
import { countWhere } from './count-where.ts';
import { firstWhere } from './first-where.ts';
import { listWhere } from './list-where.ts';
import { bulkInsert } from './bulk-insert.ts';
import { apiTokens, departments, memberships, orgInvitations, organizations, sessions, users } from '../schema/identity.ts';

export class DrizzleUserRepository implements UserRepository {
  constructor(private readonly db: Db) {}

  async insert(user: UserRecord): Promise<void> {
    await this.db.insert(users).values(user);
  }
  async insertMany(rows: UserRecord[]): Promise<void> {
    await bulkInsert(this.db, users, rows);
  }
  async findById(id: string): Promise<UserRecord | null> {
    return firstWhere(this.db, users, eq(users.id, id));
  }
  async findByIds(ids: string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(users)
      .where(anyOf(users.id, [...new Set(ids)], 'uuid'));
  }
  async findByUsername(username: string): Promise<UserRecord | null> {
    return firstWhere(this.db, users, sql`lower(${users.username}) = ${username.toLowerCase()}`);
  }
  async findByPhoneIndex(phoneIndex: string): Promise<UserRecord | null> {
    const [row] = await this.db.select().from(users).where(eq(users.phoneIndex, phoneIndex)).orderBy(asc(users.createdAt)).limit(1);
    return row ?? null;
  }
  async lock(id: string): Promise<void> {
    await this.db.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
  }
  async list(opts: { limit: number; offset?: number }): Promise<UserRecord[]> {
    return this.db
      .select()
      .from(users)
      .orderBy(asc(users.createdAt), asc(users.id))
      .limit(opts.limit)
      .offset(opts.offset ?? 0);
  }
  async count(): Promise<number> {
    return countWhere(this.db, users);
  }
  async updateLoginState(id: string, state: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date }): Promise<void> {
    await this.db
      .update(users)
      .set({
        failedLogins: state.failedLogins,
        lockedUntil: state.lockedUntil,
        ...(state.lastLoginAt ? { lastLoginAt: state.lastLoginAt } : {}),
      })
      .where(eq(users.id, id));
  }
}

function visibleFilter(visibleTo: string[] | undefined): SQL | undefined {
  if (!visibleTo) return undefined;
  if (visibleTo.length === 0) return sql`false`;
  return or(inArray(organizations.id, visibleTo), inArray(organizations.parentId, visibleTo));
}

/** The organizations a list or count covers: of one kind, and only those visible to the given ones. */
function orgFilter(opts: { kind?: OrgKind; visibleTo?: string[] }): SQL | undefined {
  return and(opts.kind ? eq(organizations.kind, opts.kind) : undefined, visibleFilter(opts.visibleTo));
}

export class DrizzleOrganizationRepository implements OrganizationRepository {
  constructor(private readonly db: Db) {}

  async insert(org: OrganizationRecord): Promise<void> {
    await this.db.insert(organizations).values(org);
  }
  async insertMany(rows: OrganizationRecord[]): Promise<void> {
    await bulkInsert(this.db, organizations, rows);
  }
  async findById(id: string): Promise<OrganizationRecord | null> {
    return firstWhere(this.db, organizations, eq(organizations.id, id));
  }
  async findByIds(ids: string[]): Promise<OrganizationRecord[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(organizations)
      .where(anyOf(organizations.id, [...new Set(ids)], 'uuid'));
  }
  async findByKindAndName(kind: OrgKind, name: string): Promise<OrganizationRecord | null> {
    const [row] = await this.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.kind, kind), eq(organizations.name, name)))
      .limit(1);
    return row ?? null;
  }
  async list(opts: { kind?: OrgKind; visibleTo?: string[]; limit: number }): Promise<OrganizationRecord[]> {
    return listWhere(this.db, organizations, {
      where: orgFilter(opts),
      orderBy: [asc(organizations.kind), asc(organizations.createdAt), asc(organizations.id)],
      limit: opts.limit,
    });
  }
  async count(opts: { kind?: OrgKind; visibleTo?: string[] } = {}): Promise<number> {
    return countWhere(this.db, organizations, orgFilter(opts));
  }
  async insertDepartments(rows: DepartmentRecord[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(departments).values(rows);
  }
  async listDepartments(orgIds: string[]): Promise<DepartmentRecord[]> {
    if (orgIds.length === 0) return [];
    return this.db.select().from(departments).where(inArray(departments.orgId, orgIds)).orderBy(asc(departments.code));
  }
}

const membershipView = {
  id: memberships.id,
  userId: memberships.userId,
  orgId: memberships.orgId,
  role: memberships.role,
  departmentId: memberships.departmentId,
  createdAt: memberships.createdAt,
  orgName: organizations.name,
  orgKind: organizations.kind,
  departmentCode: departments.code,
  departmentName: departments.name,
  username: users.username,
  displayName: users.displayName,
};

export class DrizzleMembershipRepository implements MembershipRepository {
  constructor(private readonly db: Db) {}

  async insert(m: MembershipRecord): Promise<void> {
    await this.db.insert(memberships).values(m);
  }
  async insertMany(rows: MembershipRecord[]): Promise<void> {
    await bulkInsert(this.db, memberships, rows);
  }
  async findById(id: string): Promise<MembershipRecord | null> {
    return firstWhere(this.db, memberships, eq(memberships.id, id));
  }
  async find(userId: string, orgId: string, role: Role): Promise<MembershipRecord | null> {
    const [row] = await this.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId), eq(memberships.role, role)))
      .limit(1);
    return row ?? null;
  }
  private views(where: SQL | undefined) {
    return this.db
      .select(membershipView)
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(departments, eq(departments.id, memberships.departmentId))
      .where(where)
      .orderBy(asc(memberships.createdAt), asc(memberships.id));
  }
  async listForUser(userId: string): Promise<MembershipView[]> {
    return this.views(eq(memberships.userId, userId));
  }
  async listForOrg(orgId: string): Promise<MembershipView[]> {
    return this.views(eq(memberships.orgId, orgId));
  }
  async countForOrgs(orgIds: string[], role?: Role): Promise<number> {
    if (orgIds.length === 0) return 0;
    return countWhere(this.db, memberships, and(inArray(memberships.orgId, orgIds), role ? eq(memberships.role, role) : undefined));
  }
  async orgsWithRole(orgIds: string[], role: Role, opts: { only?: boolean } = {}): Promise<Set<string>> {
    if (orgIds.length === 0) return new Set();
    const rows = await this.db
      .select({ orgId: memberships.orgId })
      .from(memberships)
      .where(inArray(memberships.orgId, orgIds))
      .groupBy(memberships.orgId)
      .having(opts.only ? sql`bool_and(${memberships.role} = ${role})` : sql`bool_or(${memberships.role} = ${role})`);
    return new Set(rows.map((r) => r.orgId));
  }
  async countByRole(role: Role): Promise<number> {
    return countWhere(this.db, memberships, eq(memberships.role, role));
  }
  async delete(id: string): Promise<void> {
    await this.db.delete(memberships).where(eq(memberships.id, id));
  }
}

const inviter = alias(users, 'inviter');
const invitationView = {
  id: orgInvitations.id,
  orgId: orgInvitations.orgId,
  userId: orgInvitations.userId,
  role: orgInvitations.role,
  departmentId: orgInvitations.departmentId,
  status: orgInvitations.status,
  invitedBy: orgInvitations.invitedBy,
  membershipId: orgInvitations.membershipId,
  createdAt: orgInvitations.createdAt,
  expiresAt: orgInvitations.expiresAt,
  decidedAt: orgInvitations.decidedAt,
  orgName: organizations.name,
  orgKind: organizations.kind,
  departmentName: departments.name,
  username: users.username,
  displayName: users.displayName,
  phoneEnc: users.phoneEnc,
  invitedByName: inviter.displayName,
};

export class DrizzleInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Db) {}

  async insert(inv: InvitationRecord): Promise<void> {
    await this.db.insert(orgInvitations).values(inv);
  }
  async findById(id: string): Promise<InvitationRecord | null> {
    return firstWhere(this.db, orgInvitations, eq(orgInvitations.id, id));
  }
  async findPending(orgId: string, userId: string, role: Role): Promise<InvitationRecord | null> {
    const [row] = await this.db
      .select()
      .from(orgInvitations)
      .where(
        and(
          eq(orgInvitations.orgId, orgId),
          eq(orgInvitations.userId, userId),
          eq(orgInvitations.role, role),
          eq(orgInvitations.status, 'pending'),
        ),
      )
      .limit(1);
    return row ?? null;
  }
  async findView(id: string): Promise<InvitationView | null> {
    const [row] = await this.views(eq(orgInvitations.id, id), 1);
    return row ?? null;
  }
  private views(where: SQL | undefined, limit: number): Promise<InvitationView[]> {
    return this.db
      .select(invitationView)
      .from(orgInvitations)
      .innerJoin(organizations, eq(organizations.id, orgInvitations.orgId))
      .innerJoin(users, eq(users.id, orgInvitations.userId))
      .leftJoin(departments, eq(departments.id, orgInvitations.departmentId))
      .leftJoin(inviter, eq(inviter.id, orgInvitations.invitedBy))
      .where(where)
      .orderBy(desc(orgInvitations.createdAt), desc(orgInvitations.id))
      .limit(limit);
  }
  async listForOrg(orgId: string, opts: { limit: number }): Promise<InvitationView[]> {
    return this.views(eq(orgInvitations.orgId, orgId), opts.limit);
  }
  async listForUser(userId: string, opts: { status?: InvitationStatus; limit: number }): Promise<InvitationView[]> {
    return this.views(and(eq(orgInvitations.userId, userId), opts.status ? eq(orgInvitations.status, opts.status) : undefined), opts.limit);
  }
  async decide(
    id: string,
    change: { status: Exclude<InvitationStatus, 'pending'>; decidedAt: Date; membershipId?: string },
  ): Promise<boolean> {
    const rows = await this.db
      .update(orgInvitations)
      .set({ status: change.status, decidedAt: change.decidedAt, ...(change.membershipId ? { membershipId: change.membershipId } : {}) })
      .where(and(eq(orgInvitations.id, id), eq(orgInvitations.status, 'pending')))
      .returning({ id: orgInvitations.id });
    return rows.length === 1;
  }
}

/** `column = any($1::type[])`: one parameter for the whole list (a single key stays a plain equality). */
function anyOf(column: AnyPgColumn, values: string[], type: 'text' | 'uuid' = 'text'): SQL {
  if (values.length === 1) return eq(column, values[0] as string);
  return type === 'uuid' ? sql`${column} = any(${sql.param(values)}::uuid[])` : sql`${column} = any(${sql.param(values)}::text[])`;
}

export class DrizzleSessionRepository implements SessionRepository {
  constructor(private readonly db: Db) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.db.insert(sessions).values(s);
  }
  async findByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    return firstWhere(this.db, sessions, eq(sessions.tokenHash, tokenHash));
  }
  async findPrincipals(tokenHashes: string[]): Promise<SessionPrincipal[]> {
    if (tokenHashes.length === 0) return [];
    // Three index look-ups with one array parameter each, rather than one join with a parameter per key: for a
    // batch the planner prefers hashing the whole users table (a scan of every user per batch), and PGlite
    // handles one array far faster than hundreds of parameters.
    const ss = await this.db.select().from(sessions).where(anyOf(sessions.tokenHash, tokenHashes));
    if (ss.length === 0) return [];
    const membershipIds = [...new Set(ss.flatMap((x) => (x.membershipId ? [x.membershipId] : [])))];
    const [us, ms] = await Promise.all([
      this.db
        .select()
        .from(users)
        .where(anyOf(users.id, [...new Set(ss.map((x) => x.userId))], 'uuid')),
      membershipIds.length === 0
        ? Promise.resolve([])
        : this.db
            .select()
            .from(memberships)
            .where(anyOf(memberships.id, membershipIds, 'uuid')),
    ]);
    const userById = new Map(us.map((u) => [u.id, u]));
    const membershipById = new Map(ms.map((m) => [m.id, m]));
    return ss.flatMap((session) => {
      const user = userById.get(session.userId);
      if (!user) return [];
      const m = session.membershipId ? membershipById.get(session.membershipId) : undefined;
      return [{ session, user, membership: m && m.userId === session.userId ? m : null }];
    });
  }
  async setMembership(tokenHash: string, membershipId: string | null): Promise<void> {
    await this.db.update(sessions).set({ membershipId }).where(eq(sessions.tokenHash, tokenHash));
  }
  async delete(tokenHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }
  async deleteExpired(now: Date): Promise<number> {
    const rows = await this.db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ h: sessions.tokenHash });
    return rows.length;
  }
}

export class DrizzleApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly db: Db) {}

  async insert(t: ApiTokenRecord): Promise<void> {
    await this.db.insert(apiTokens).values(t);
  }
  async findByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    const [row] = await this.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
    return row ? toToken(row) : null;
  }
  async findPrincipal(tokenHash: string) {
    const [row] = await this.db
      .select({ token: apiTokens, user: users, membership: memberships })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(memberships, eq(memberships.id, apiTokens.membershipId))
      .where(eq(apiTokens.tokenHash, tokenHash))
      .limit(1);
    return row ? { token: toToken(row.token), user: row.user, membership: row.membership } : null;
  }
  async findById(id: string): Promise<ApiTokenRecord | null> {
    const [row] = await this.db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
    return row ? toToken(row) : null;
  }
  async listForUser(userId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt));
    return rows.map(toToken);
  }
  async countForUser(userId: string): Promise<number> {
    return countWhere(this.db, apiTokens, and(eq(apiTokens.userId, userId), sql`${apiTokens.revokedAt} is null`));
  }
  async revoke(id: string, at: Date): Promise<void> {
    await this.db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
  }
  async touch(id: string, at: Date): Promise<void> {
    await this.db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  }
}

function toToken(row: typeof apiTokens.$inferSelect): ApiTokenRecord {
  return { ...row, scopes: row.scopes as ApiTokenRecord['scopes'] };
}
