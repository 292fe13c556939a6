/**
 * API tokens (接口令牌): a person signed in through the page mints, lists and revokes tokens for machines; a
 * token acts as its owner through the membership it was minted in, within its scopes. Only the token's hash is
 * stored; the secret is shown once.
 */
import type { ApiTokenScope, Role } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, TokenGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { ApiTokenRecord } from './identity.types.ts';

const TOKEN_PREFIX = 'lh_';

export interface ApiTokenDeps {
  uow: ScopedUnitOfWork<'apiTokens' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  tokens: TokenGenerator;
  audit: AuditService;
}

export class ApiTokenService {
  constructor(private readonly d: ApiTokenDeps) {}

  async create(
    actor: Actor,
    input: { name: string; scopes: ApiTokenScope[]; expiresInDays?: number | undefined },
  ): Promise<{ record: ApiTokenRecord; token: string }> {
    if (!actor.userId) throw new AppError('auth.required');
    const secret = this.d.tokens.random(32);
    const token = `${TOKEN_PREFIX}${secret}`;
    const now = this.d.clock.now();
    const record: ApiTokenRecord = {
      id: this.d.ids.next(),
      userId: actor.userId,
      orgId: actor.orgId,
      membershipId: actor.membershipId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: sha256Hex(token),
      scopes: [...new Set(input.scopes)],
      createdAt: now,
      lastUsedAt: null,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      revokedAt: null,
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.apiTokens.insert(record);
      await this.d.audit.record(tx, actor, {
        action: 'api_token.create',
        targetType: 'api_token',
        targetId: record.id,
        detail: { name: record.name, scopes: record.scopes, prefix: record.prefix, expiresAt: record.expiresAt?.toISOString() ?? null },
      });
    });
    return { record, token };
  }

  async list(actor: Actor): Promise<ApiTokenRecord[]> {
    if (!actor.userId) throw new AppError('auth.required');
    return this.d.uow.read.apiTokens.listForUser(actor.userId);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.d.uow.transaction(async (tx) => {
      const t = await tx.apiTokens.findById(id);
      // Someone else's token is reported as missing: its existence is not the caller's business.
      if (!t || t.userId !== actor.userId) throw new AppError('token.not_found', { field: 'id' });
      if (t.revokedAt) return;
      await tx.apiTokens.revoke(id, this.d.clock.now());
      await this.d.audit.record(tx, actor, {
        action: 'api_token.revoke',
        targetType: 'api_token',
        targetId: id,
        detail: { prefix: t.prefix },
      });
    });
  }

  async authenticate(raw: string): Promise<Actor | null> {
    if (!raw.startsWith(TOKEN_PREFIX) || raw.length > 200) return null;
    const found = await this.d.uow.read.apiTokens.findPrincipal(sha256Hex(raw));
    const now = this.d.clock.now();
    if (!found) return null;
    const { token: t, user, membership } = found;
    if (t.revokedAt || (t.expiresAt && t.expiresAt <= now)) return null;
    if (user.status !== 'active') return null;
    // A token outlives nothing: removing the membership disables what the token could do through it.
    if (t.membershipId && !membership) return null;
    const role: Role = membership?.role ?? 'consumer';
    // last_used_at is advisory; at most one write a minute per token.
    if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) {
      await this.d.uow.read.apiTokens.touch(t.id, now);
    }
    return {
      userId: user.id,
      label: `${user.username}/token:${t.prefix}`,
      orgId: t.orgId,
      membershipId: t.membershipId,
      role,
      via: 'token',
      scopes: t.scopes,
    };
  }
}
