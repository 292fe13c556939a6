/**
 * Stream keys (推流密钥): each session has its own, rotated by its streamer, shown to them again (audited), and
 * checked by the media server before it accepts a stream — a wrong key is refused and audited with its address.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, PiiVault, TokenGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { LiveSessionRecord } from './live.types.ts';
import { MEDIA_SERVER } from './recording.service.ts';

export interface StreamKeyDeps {
  uow: ScopedUnitOfWork<'live' | 'audit'>;
  clock: Clock;
  vault: PiiVault;
  tokens: TokenGenerator;
  audit: AuditService;
}

/** The session, when `actor` is its streamer; `live.not_found` otherwise. */
export async function ownSession(tx: Pick<Repositories, 'live'>, actor: Actor, id: string): Promise<LiveSessionRecord> {
  const s = await tx.live.findSession(id);
  if (!s || s.streamerUserId !== actor.userId) throw new AppError('live.not_found', { field: 'id' });
  return s;
}

export class StreamKeyService {
  constructor(private readonly d: StreamKeyDeps) {}

  /** A fresh key: shown once, kept hashed (to check) and encrypted (to show the streamer again). */
  newKey(): { key: string; hash: string; enc: string } {
    const key = `lh_${this.d.tokens.random(24)}`;
    return { key, hash: sha256Hex(key), enc: this.d.vault.encrypt(key) };
  }

  /** A new stream key (the old one stops working at once); returned once to the streamer. */
  async rotateKey(actor: Actor, id: string): Promise<string> {
    const key = this.newKey();
    const now = this.d.clock.now();
    await this.d.uow.transaction(async (tx) => {
      const s = await ownSession(tx, actor, id);
      if (s.status === 'ended' || s.status === 'cancelled') throw new AppError('live.not_active', { details: { status: s.status } });
      const next = { ...s, streamKeyHash: key.hash, streamKeyEnc: key.enc, version: s.version + 1, updatedAt: now };
      if (!(await tx.live.updateSession(next, s.version))) throw new AppError('live.stale');
      await this.d.audit.record(tx, actor, { action: 'live.stream_key_rotate', targetType: 'live_session', targetId: s.id });
    });
    return key.key;
  }

  /** The streamer's own stream key (console): audited. */
  async streamKey(actor: Actor, id: string): Promise<string> {
    const s = await this.d.uow.read.live.findSession(id);
    if (!s || s.streamerUserId !== actor.userId) throw new AppError('live.not_found', { field: 'id' });
    await this.d.uow.transaction((tx) =>
      this.d.audit.record(tx, actor, { action: 'live.stream_key_view', targetType: 'live_session', targetId: s.id }),
    );
    return this.d.vault.decrypt(s.streamKeyEnc);
  }

  /**
   * Publish authentication for the media server (RTMP `publish` callback): the key must be the session's, the
   * session scheduled or live. A refusal is audited with the address it came from.
   */
  async authorizePublish(sessionId: string, key: string, from: string): Promise<boolean> {
    const s = await this.d.uow.read.live.findSession(sessionId);
    const ok = s !== null && (s.status === 'live' || s.status === 'scheduled') && sha256Hex(key) === s.streamKeyHash;
    if (!ok)
      await this.d.uow.transaction((tx) =>
        this.d.audit.record(tx, MEDIA_SERVER, {
          action: 'live.publish_refused',
          targetType: 'live_session',
          targetId: s?.id ?? null,
          orgId: s?.mcnOrgId ?? null,
          detail: {
            from,
            reason: s ? (s.status === 'live' || s.status === 'scheduled' ? 'wrong_key' : `status_${s.status}`) : 'no_session',
          },
        }),
      );
    return ok;
  }
}
