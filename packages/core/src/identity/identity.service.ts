/**
 * Identity: users, sign-in, sessions and API tokens. Owns password and token handling and the login throttles.
 * Never sees HTTP: callers pass the raw cookie or bearer value and get an Actor back.
 */
import type { ApiTokenScope, CreateUserRequest } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { RateLimitStore } from '../ports/kv.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { ApiTokenRecord, MembershipView, MeView, SessionPrincipal, SessionRecord, UserRecord, UserView } from './identity.types.ts';
import type { Clock, IdGenerator, PasswordHasher, PiiVault, TokenGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { BatchLoader } from '../shared/batch-loader.ts';
import { sha256Hex } from '../shared/hash.ts';
import { maskPhone } from '../shared/masking.ts';
import { AUTH_POLICY, type LoginMeta, loginSlowdownMs } from './identity.types.ts';
import { ApiTokenService } from './api-token.service.ts';
import { maskedPhone, userView } from './user-view.ts';

/** the repositories this job touches */
type IdentityRepos = 'users' | 'memberships' | 'sessions' | 'apiTokens' | 'audit';

export interface IdentityDeps {
  uow: ScopedUnitOfWork<IdentityRepos>;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  vault: PiiVault;
  tokens: TokenGenerator;
  rateLimits: RateLimitStore;
  audit: AuditService;
  /**
   * How long a resolved session (session, user, active membership) is reused without asking the database again,
   * in ms (0: never). Every process drops an entry the moment a session ends or changes anywhere (see
   * `sessionsChanged`), so the window only bounds how long a change made behind the service's back can go unseen.
   */
  principalCacheMs?: number;
  /** told when sessions end or change (a token hash, or null for "any"): the container tells every process */
  sessionsChanged?: (tokenHash: string | null) => void;
  /** waits before a slowed sign-in is checked (AUTH_POLICY); a timer by default */
  sleep?: (ms: number) => Promise<void>;
}

const PRINCIPAL_CACHE_MAX = 100_000;

export interface SessionAuth {
  actor: Actor;
  session: SessionRecord;
  /** the user as loaded with the session, so handlers need not load it again */
  user?: UserRecord;
}

export class IdentityService {
  private dummyHash: Promise<string> | null = null;
  private readonly principals = new Map<string, { found: SessionPrincipal; at: number }>();
  /** bumped whenever sessions are forgotten: a look-up that began before must not cache what it read */
  private forgetEpoch = 0;
  /** cache misses arriving together go to the database as one query (see BatchLoader) */
  private readonly principalLoader = new BatchLoader<string, SessionPrincipal>(async (hashes) => {
    const rows = await this.d.uow.read.sessions.findPrincipals(hashes);
    return new Map(rows.map((r) => [r.session.tokenHash, r]));
  });

  private readonly apiTokens: ApiTokenService;

  constructor(private readonly d: IdentityDeps) {
    this.apiTokens = new ApiTokenService(d);
  }

  private sleep(ms: number): Promise<void> {
    return this.d.sleep ? this.d.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));
  }

  // ---- users -------------------------------------------------------------------------------------------------

  async createUser(actor: Actor, input: CreateUserRequest, repos?: Pick<Repositories, IdentityRepos>): Promise<UserRecord> {
    const passwordHash = await this.d.hasher.hash(input.password);
    const work = async (tx: Pick<Repositories, IdentityRepos>) => {
      if (await tx.users.findByUsername(input.username)) {
        throw new AppError('user.username_taken', { field: 'username' });
      }
      const user: UserRecord = {
        id: this.d.ids.next(),
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        phoneEnc: input.phone ? this.d.vault.encrypt(input.phone) : null,
        phoneIndex: input.phone ? this.d.vault.blindIndex(input.phone) : null,
        locale: 'zh-CN',
        status: 'active',
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: this.d.clock.now(),
      };
      await tx.users.insert(user);
      await this.d.audit.record(tx, actor, {
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        detail: { username: user.username, displayName: user.displayName, phone: input.phone ? maskPhone(input.phone) : null },
        orgId: null,
      });
      return user;
    };
    return repos ? work(repos) : this.d.uow.transaction(work);
  }

  async listUsers(limit = 200): Promise<UserView[]> {
    return (await this.d.uow.read.users.list({ limit })).map((u) => this.userView(u));
  }

  /** The user as screens show it: no secrets, the phone number masked. */
  userView(u: UserRecord): UserView {
    return userView(u, this.d.vault);
  }

  // ---- sign-in -----------------------------------------------------------------------------------------------

  /**
   * Returns the raw session token (for the cookie) and the signed-in view. Throws generic errors only: a wrong
   * password and an unknown username answer alike (see AUTH_POLICY for the throttles; no account is ever locked).
   */
  async login(username: string, password: string, meta: LoginMeta): Promise<{ token: string; me: MeView }> {
    const name = username.trim().toLowerCase();
    const ip = meta.ip ?? 'unknown';
    await this.throttle(`login:ip:${ip}`, AUTH_POLICY.ipWindowMs, AUTH_POLICY.ipMaxAttempts);
    const pairKey = `login:fail:${name}@${ip}`;
    const accountKey = `login:fail:${name}`;
    const [pairFailures, accountFailures] = await Promise.all([this.d.rateLimits.peek(pairKey), this.d.rateLimits.peek(accountKey)]);
    if (pairFailures >= AUTH_POLICY.pairMaxFailures)
      throw new AppError('auth.rate_limited', { details: { seconds: Math.ceil(AUTH_POLICY.pairWindowMs / 1000) } });
    const slowedMs = loginSlowdownMs(accountFailures);
    if (slowedMs > 0) await this.sleep(slowedMs);

    const now = this.d.clock.now();
    const user = await this.d.uow.read.users.findByUsername(username);
    // Spend the same time on an unknown username as on a real check, so timing does not reveal which ones exist.
    const ok = user
      ? await this.d.hasher.verify(user.passwordHash, password)
      : await this.d.hasher.verify(await this.getDummyHash(), password);
    if (!user || !ok) {
      const [failures] = await Promise.all([
        this.d.rateLimits.hit(accountKey, AUTH_POLICY.slowWindowMs),
        this.d.rateLimits.hit(pairKey, AUTH_POLICY.pairWindowMs),
      ]);
      if (user) {
        await this.d.uow.transaction(async (tx) => {
          await tx.users.updateLoginState(user.id, { failedLogins: user.failedLogins + 1, lockedUntil: null });
          await this.d.audit.record(tx, this.loginActor(user, meta), {
            action: 'auth.login_failed',
            targetType: 'user',
            targetId: user.id,
            detail: { recentFailures: failures.count, slowedMs },
            orgId: null,
          });
        });
      }
      throw new AppError('auth.invalid_credentials');
    }
    const actor = this.loginActor(user, meta);
    if (user.status !== 'active') throw new AppError('auth.user_disabled');

    const token = this.d.tokens.random(32);
    const memberships = await this.d.uow.read.memberships.listForUser(user.id);
    const first = memberships[0] ?? null;
    const session: SessionRecord = {
      tokenHash: sha256Hex(token),
      userId: user.id,
      membershipId: first?.id ?? null,
      csrfToken: this.d.tokens.random(24),
      createdAt: now,
      expiresAt: new Date(now.getTime() + AUTH_POLICY.sessionTtlMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.users.updateLoginState(user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
      await tx.sessions.insert(session);
      await this.d.audit.record(
        tx,
        { ...actor, orgId: first?.orgId ?? null },
        {
          action: 'auth.login',
          targetType: 'session',
          targetId: session.tokenHash.slice(0, 16),
          detail: { membershipId: session.membershipId },
        },
      );
    });
    await Promise.all([this.d.rateLimits.reset(accountKey), this.d.rateLimits.reset(pairKey)]);
    return { token, me: this.buildMe(user, memberships, session) };
  }

  private loginActor(user: UserRecord, meta: LoginMeta): Actor {
    return {
      userId: user.id,
      label: user.username,
      orgId: null,
      membershipId: null,
      role: 'consumer',
      via: 'session',
      ...(meta.requestId ? { requestId: meta.requestId } : {}),
      ...(meta.ip ? { ip: meta.ip } : {}),
    };
  }

  /** Drops a resolved session from this process's cache (null: all of them). */
  forgetSessions(tokenHash: string | null): void {
    this.forgetEpoch++;
    if (tokenHash === null) this.principals.clear();
    else this.principals.delete(tokenHash);
  }

  private sessionsChanged(tokenHash: string | null): void {
    this.forgetSessions(tokenHash);
    this.d.sessionsChanged?.(tokenHash);
  }

  async logout(auth: SessionAuth): Promise<void> {
    this.sessionsChanged(auth.session.tokenHash);
    await this.d.uow.transaction(async (tx) => {
      await tx.sessions.delete(auth.session.tokenHash);
      await this.d.audit.record(tx, auth.actor, {
        action: 'auth.logout',
        targetType: 'session',
        targetId: auth.session.tokenHash.slice(0, 16),
      });
    });
    // again after the commit: a request resolved meanwhile may have cached the session as it was
    this.sessionsChanged(auth.session.tokenHash);
  }

  /** Resolves a session cookie to an actor, or null when there is no valid session. */
  async authenticateSession(rawToken: string): Promise<SessionAuth | null> {
    const hash = sha256Hex(rawToken);
    const ttl = this.d.principalCacheMs ?? 0;
    const hit = ttl > 0 ? this.principals.get(hash) : undefined;
    let found: SessionPrincipal | null;
    if (hit && performance.now() - hit.at < ttl) found = hit.found;
    else {
      const epoch = this.forgetEpoch;
      found = await this.principalLoader.load(hash);
      if (found && ttl > 0 && epoch === this.forgetEpoch) {
        if (this.principals.size >= PRINCIPAL_CACHE_MAX) this.principals.clear();
        this.principals.set(hash, { found, at: performance.now() });
      }
    }
    if (!found) return null;
    const { session, user, membership: active } = found;
    if (session.expiresAt <= this.d.clock.now()) return null;
    if (user.status !== 'active') return null;
    return {
      session,
      user,
      actor: {
        userId: user.id,
        label: user.username,
        orgId: active?.orgId ?? null,
        membershipId: active?.id ?? null,
        role: active?.role ?? 'consumer',
        via: 'session',
      },
    };
  }

  async me(auth: SessionAuth | { actor: Actor; session: null; user?: undefined }): Promise<MeView> {
    const userId = auth.actor.userId;
    if (!userId) throw new AppError('auth.required');
    const user = auth.user ?? (await this.d.uow.read.users.findById(userId));
    if (!user) throw new AppError('auth.required');
    const memberships = await this.d.uow.read.memberships.listForUser(user.id);
    return this.buildMe(user, memberships, auth.session, auth.actor.membershipId);
  }

  async switchMembership(auth: SessionAuth, membershipId: string): Promise<MeView> {
    const userId = auth.actor.userId;
    if (!userId) throw new AppError('auth.required');
    const memberships = await this.d.uow.read.memberships.listForUser(userId);
    const target = memberships.find((m) => m.id === membershipId);
    if (!target) throw new AppError('auth.membership_not_found', { field: 'membershipId' });
    this.sessionsChanged(auth.session.tokenHash);
    await this.d.uow.transaction(async (tx) => {
      await tx.sessions.setMembership(auth.session.tokenHash, target.id);
      await this.d.audit.record(
        tx,
        { ...auth.actor, orgId: target.orgId },
        {
          action: 'auth.switch_org',
          targetType: 'membership',
          targetId: target.id,
          detail: { role: target.role, orgId: target.orgId },
        },
      );
    });
    this.sessionsChanged(auth.session.tokenHash);
    const user = await this.d.uow.read.users.findById(userId);
    if (!user) throw new AppError('auth.required');
    return this.buildMe(user, memberships, { ...auth.session, membershipId: target.id }, target.id);
  }

  /** Consumer self-service sign-up: a user with no organization, signed in at once. */
  async registerConsumer(input: CreateUserRequest, meta: LoginMeta): Promise<{ token: string; me: MeView }> {
    await this.throttle(`register:ip:${meta.ip ?? 'unknown'}`, AUTH_POLICY.ipWindowMs, AUTH_POLICY.ipMaxAttempts);
    const user = await this.createUser(
      {
        userId: null,
        label: `register:${input.username}`,
        orgId: null,
        membershipId: null,
        role: 'consumer',
        via: 'session',
        ...(meta.ip ? { ip: meta.ip } : {}),
      },
      input,
    );
    return this.login(user.username, input.password, meta);
  }

  // ---- API tokens (api-token.service.ts) ----------------------------------------------------------------------

  createApiToken(
    actor: Actor,
    input: { name: string; scopes: ApiTokenScope[]; expiresInDays?: number | undefined },
  ): Promise<{ record: ApiTokenRecord; token: string }> {
    return this.apiTokens.create(actor, input);
  }

  listApiTokens(actor: Actor): Promise<ApiTokenRecord[]> {
    return this.apiTokens.list(actor);
  }

  revokeApiToken(actor: Actor, id: string): Promise<void> {
    return this.apiTokens.revoke(actor, id);
  }

  /** The actor a bearer token acts as, or null when it is unknown, revoked, expired or its membership is gone. */
  authenticateToken(raw: string): Promise<Actor | null> {
    return this.apiTokens.authenticate(raw);
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private buildMe(user: UserRecord, memberships: MembershipView[], session: SessionRecord | null, activeId?: string | null): MeView {
    const activeMembershipId = activeId !== undefined ? activeId : (session?.membershipId ?? null);
    const active = memberships.find((m) => m.id === activeMembershipId) ?? null;
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        phone: maskedPhone(user, this.d.vault),
        locale: user.locale,
      },
      memberships,
      active,
      role: active?.role ?? 'consumer',
      csrfToken: session?.csrfToken ?? null,
    };
  }

  private async throttle(key: string, windowMs: number, max: number): Promise<void> {
    const r = await this.d.rateLimits.hit(key, windowMs);
    if (r.count > max) throw new AppError('auth.rate_limited', { details: { seconds: Math.ceil(r.resetInMs / 1000) } });
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.d.hasher.hash(this.d.tokens.random(16));
    return this.dummyHash;
  }
}
