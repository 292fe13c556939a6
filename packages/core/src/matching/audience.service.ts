/**
 * 观众画像 (docs/matching.md "The audience", ADR 0037): a consumer's optional, consented real-name verification
 * (实名认证) keeps its birth year and gender only — the ID number is checked and dropped, never stored — and a
 * signed-in viewer's first join of a session adds one to its streamer's aggregate counts (`match_audiences`) in one
 * upsert: its age band, gender and province when verified, the viewer count alone otherwise. Never a row per viewer:
 * a re-join of the same session is recognised by a short-lived key in the shared store (a keyed hash of the session
 * and the viewer, with a TTL), and the count itself is not audited per join (that would be a row per viewer).
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { LockStore } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, PiiVault } from '../ports/runtime.ts';
import { validateIdNumber } from '../registry/identifiers.ts';
import type { Actor } from '../shared/actor.ts';
import type { IdentityVerdict, IdentityVerifier } from './identity-verifier.port.ts';
import {
  AUDIENCE_SEEN_TTL_MS,
  type AgeBand,
  ageBand,
  audienceIncrement,
  audienceSeenKey,
  type Gender,
  MIN_VERIFY_AGE,
  provinceCode,
  viewerFacts,
} from './audience.rules.ts';

/** How long a caller is told to wait after the identity authority did not answer (Retry-After). */
export const IDENTITY_RETRY_SECONDS = 5;

export interface AudienceDeps {
  uow: ScopedUnitOfWork<'matching' | 'live' | 'audit'>;
  clock: Clock;
  vault: PiiVault;
  audit: AuditService;
  /** the shared short-lived store (Redis with REDIS_URL): one key per viewer and session, expiring */
  seen: LockStore;
  /** 二要素核验 (name + ID number) against the identity authority (the simulator unless a real provider is wired) */
  identity: IdentityVerifier;
  /** a failed count (the join itself went on) */
  onError?: (err: unknown) => void;
}

/** What a consumer sees of its own verification: the band and gender, never a number. */
export interface ConsumerVerification {
  verified: boolean;
  ageBand: AgeBand | null;
  gender: Gender | null;
  /** the province counted (of the default shipping address), null when none */
  province: string | null;
  consentedAt: Date | null;
}

export class AudienceService {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly d: AudienceDeps) {}

  /**
   * 实名认证 for the audience: the ID number's check digit and birth date are verified, then the name and number
   * together by the identity authority (二要素, `IdentityVerifier`); its birth year and gender are kept with the
   * consent's time; the number and the name are not stored. Under 14 is refused (a guardian's consent). A mismatch
   * is refused on `name` (or on `idNumber` when the authority has no such number) and an unanswered check is a
   * retryable 503 — in both cases nothing is stored.
   */
  async verify(actor: Actor, input: { name: string; idNumber: string; consent: true }): Promise<ConsumerVerification> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    if (input.consent !== true) throw new AppError('matching.consent_required', { field: 'consent' });
    const now = this.d.clock.now();
    const id = validateIdNumber(input.idNumber, now);
    if (!id.ok) throw new AppError('registry.id_number_invalid', { field: 'idNumber', details: { reason: id.message.zh } });
    const birthYear = Number(id.birthDate.slice(0, 4));
    if (id.age < MIN_VERIFY_AGE) throw new AppError('matching.verification_under_14', { field: 'idNumber' });
    const verdict = await this.checkIdentity(input.name.trim(), id.id);
    if (!verdict.matched)
      throw verdict.reason === 'no_record'
        ? new AppError('matching.identity_no_record', { field: 'idNumber' })
        : new AppError('matching.identity_mismatch', { field: 'name' });
    await this.d.uow.transaction(async (tx) => {
      await tx.matching.saveConsumerProfile({ userId, birthYear, gender: id.sex, consentedAt: now, updatedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'consumer.verify',
        targetType: 'user',
        targetId: userId,
        // the band and gender only: the audit trail keeps no more than the profile does
        detail: { ageBand: ageBand(birthYear, now), gender: id.sex, purpose: 'audience' },
      });
    });
    return this.verification(actor);
  }

  /** The authority's answer; no answer (timeout, outage) is the retryable 503, never the consumer's mistake. */
  private async checkIdentity(name: string, idNumber: string): Promise<IdentityVerdict> {
    try {
      return await this.d.identity.verify({ name, idNumber });
    } catch (err) {
      this.d.onError?.(err);
      throw new AppError('matching.identity_unavailable', { details: { seconds: IDENTITY_RETRY_SECONDS } });
    }
  }

  /** The caller's verification as it stands. */
  async verification(actor: Actor): Promise<ConsumerVerification> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    const p = await this.d.uow.read.matching.findConsumerProfile(userId);
    if (!p) return { verified: false, ageBand: null, gender: null, province: null, consentedAt: null };
    const r = await this.d.uow.read.matching.viewerRecord(userId);
    return {
      verified: true,
      ageBand: ageBand(p.birthYear, this.d.clock.now()),
      gender: p.gender,
      province: provinceCode(r.defaultRegion),
      consentedAt: p.consentedAt,
    };
  }

  /** Consent withdrawn (个人信息保护法 第十五条): the profile is deleted; later joins count as a viewer only. */
  async withdraw(actor: Actor): Promise<ConsumerVerification> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    await this.d.uow.transaction(async (tx) => {
      if (await tx.matching.deleteConsumerProfile(userId))
        await this.d.audit.record(tx, actor, { action: 'consumer.verify_withdraw', targetType: 'user', targetId: userId, detail: {} });
    });
    return this.verification(actor);
  }

  /**
   * A connection joined a session's room. Counted once per signed-in viewer and session, off the join's path: the
   * room hub calls this and does not wait; a failure is reported to `onError` and the join goes on.
   */
  joined(sessionId: string, viewer: { userId: string | null; canManage: boolean }): void {
    if (!viewer.userId || viewer.canManage) return; // signed out: no way to tell a re-join; the room's own staff: not its audience
    const run: Promise<void> = this.count(sessionId, viewer.userId)
      .then(() => {})
      .catch((err) => this.d.onError?.(err))
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  /** Resolves when every count begun so far has been written (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Counts one signed-in viewer's join; returns whether it was counted (false: already counted this session). */
  async count(sessionId: string, userId: string): Promise<boolean> {
    const key = audienceSeenKey(sessionId, this.d.vault.blindIndex(`${sessionId}:${userId}`));
    if ((await this.d.seen.acquire(key, AUDIENCE_SEEN_TTL_MS)) === null) return false;
    const session = await this.d.uow.read.live.findSession(sessionId);
    if (!session || session.streamerUserId === userId) return false;
    const now = this.d.clock.now();
    const inc = audienceIncrement(viewerFacts(await this.d.uow.read.matching.viewerRecord(userId)), now);
    await this.d.uow.transaction((tx) => tx.matching.incrementAudience(session.streamerUserId, inc, now));
    return true;
  }
}
