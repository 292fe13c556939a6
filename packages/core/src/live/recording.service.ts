/**
 * 回放: the recordings the media server makes of a session's stream (`recordingStarted` / `recordingEnded`), each
 * kept at least 3 years after it ended and never less long than its session's records, and who may list them.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { LIVE_RETENTION_MS, later, recordingFileName, SHA256, UUID } from './live.rules.ts';
import type { LiveRecordingRecord, LiveRecordingSource } from './live.types.ts';

type RecordingTx = Pick<Repositories, 'live' | 'audit'>;

export interface RecordingDeps {
  uow: ScopedUnitOfWork<'live' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
}

/** The media server, as the actor of its reports. */
export const MEDIA_SERVER: Actor = {
  userId: null,
  label: 'system:media-server',
  orgId: null,
  membershipId: null,
  role: 'system',
  via: 'system',
};

export class RecordingService {
  constructor(private readonly d: RecordingDeps) {}

  /**
   * The media server started recording a session's stream (the embedded server when it accepts a publish; an
   * external one when it reports a closed file). Retention is provisional until the end: 3 years from now, or the
   * session's own if that is later. Audited as the media server.
   */
  async recordingStarted(sessionId: string, input: { source: LiveRecordingSource; filePath: string | null }): Promise<LiveRecordingRecord> {
    if (!UUID.test(sessionId)) throw new AppError('live.not_found', { field: 'sessionId' });
    return this.d.uow.transaction((tx) => this.startIn(tx, sessionId, input));
  }

  /**
   * An external media server's closed file reported once (no start before it): the recording is started and ended
   * in one transaction, both audited, its size and hash unknown.
   */
  async externalRecording(sessionId: string, filePath: string | null): Promise<LiveRecordingRecord> {
    if (!UUID.test(sessionId)) throw new AppError('live.not_found', { field: 'stream' });
    return this.d.uow.transaction(async (tx) => {
      const started = await this.startIn(tx, sessionId, { source: 'external', filePath });
      return this.endIn(tx, started, { bytes: null, sha256: null });
    });
  }

  private async startIn(
    tx: RecordingTx,
    sessionId: string,
    input: { source: LiveRecordingSource; filePath: string | null },
  ): Promise<LiveRecordingRecord> {
    const now = this.d.clock.now();
    const s = await tx.live.findSession(sessionId);
    if (!s) throw new AppError('live.not_found', { field: 'sessionId' });
    const r: LiveRecordingRecord = {
      id: this.d.ids.next(),
      sessionId: s.id,
      source: input.source,
      filePath: input.filePath,
      startedAt: now,
      endedAt: null,
      bytes: null,
      sha256: null,
      retainUntil: later(new Date(now.getTime() + LIVE_RETENTION_MS), s.retainUntil),
      createdAt: now,
    };
    await tx.live.insertRecording(r);
    await this.d.audit.record(tx, MEDIA_SERVER, {
      action: 'live.recording_start',
      targetType: 'live_session',
      targetId: s.id,
      orgId: s.mcnOrgId,
      detail: { recordingId: r.id, source: r.source, file: recordingFileName(r.filePath) },
    });
    return r;
  }

  /**
   * The recording's file is closed: its size and SHA-256 (null when the media server does not know them) and the
   * retention — at least 3 years after the end, never before the session's `retainUntil`, never shortened. `endedAt`
   * is when the file was closed (hashing a long recording takes a while); it defaults to now. A second report of the
   * same recording changes nothing.
   */
  async recordingEnded(
    recordingId: string,
    input: { bytes: number | null; sha256: string | null; endedAt?: Date | undefined },
  ): Promise<LiveRecordingRecord> {
    if (!UUID.test(recordingId)) throw new AppError('live.not_found', { field: 'recordingId' });
    if (input.bytes !== null && !(Number.isSafeInteger(input.bytes) && input.bytes >= 0))
      throw new AppError('request.invalid', { field: 'bytes', details: { issue: 'a byte count' } });
    if (input.sha256 !== null && !SHA256.test(input.sha256))
      throw new AppError('request.invalid', { field: 'sha256', details: { issue: 'a SHA-256 in hex' } });
    return this.d.uow.transaction(async (tx) => {
      const r = await tx.live.findRecording(recordingId);
      if (!r) throw new AppError('live.not_found', { field: 'recordingId' });
      return this.endIn(tx, r, input);
    });
  }

  private async endIn(
    tx: RecordingTx,
    r: LiveRecordingRecord,
    input: { bytes: number | null; sha256: string | null; endedAt?: Date | undefined },
  ): Promise<LiveRecordingRecord> {
    const now = this.d.clock.now();
    if (r.endedAt) return r;
    const s = await tx.live.findSession(r.sessionId);
    const at = input.endedAt ?? now;
    const endedAt = new Date(Math.min(Math.max(at.getTime(), r.startedAt.getTime()), Math.max(now.getTime(), r.startedAt.getTime())));
    const next: LiveRecordingRecord = {
      ...r,
      endedAt,
      bytes: input.bytes,
      sha256: input.sha256,
      retainUntil: later(later(new Date(endedAt.getTime() + LIVE_RETENTION_MS), s?.retainUntil ?? null), r.retainUntil),
    };
    await tx.live.updateRecording(next);
    await this.d.audit.record(tx, MEDIA_SERVER, {
      action: 'live.recording_end',
      targetType: 'live_session',
      targetId: r.sessionId,
      orgId: s?.mcnOrgId ?? null,
      detail: {
        recordingId: r.id,
        bytes: next.bytes,
        sha256: next.sha256,
        endedAt: endedAt.toISOString(),
        retainUntil: next.retainUntil.toISOString(),
      },
    });
    return next;
  }

  /** A session's recordings: its streamer, its MCN and the platform (and regulators) see them; others get a 404. */
  async listRecordings(actor: Actor, sessionId: string): Promise<LiveRecordingRecord[]> {
    const s = UUID.test(sessionId) ? await this.d.uow.read.live.findSession(sessionId) : null;
    const may =
      s !== null &&
      (isCrossTenant(actor) ||
        (actor.userId !== null && s.streamerUserId === actor.userId) ||
        (actor.role === 'mcn_manager' && actor.orgId !== null && actor.orgId === s.mcnOrgId));
    if (!s || !may) throw new AppError('live.not_found', { field: 'id' });
    return this.d.uow.read.live.listRecordings(s.id);
  }
}
