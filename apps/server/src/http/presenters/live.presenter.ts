/** Pure presenters of live sessions: described sessions and recordings → the contract shapes the API answers with. */
import type { LiveRecordingView, LiveSessionView, RoomPlayback } from '@livehub/contracts';
import { type Actor, type LiveRecordingRecord, recordingFileName, type SessionListing } from '@livehub/core';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** A session with its names and statistics, and where its video plays. */
export function presentSession(d: SessionListing, playback: RoomPlayback): LiveSessionView {
  const s = d.session;
  return {
    id: s.id,
    streamerUserId: s.streamerUserId,
    streamerName: d.streamerName,
    mcnOrgId: s.mcnOrgId,
    title: s.title,
    coverImageId: s.coverImageId,
    scheduledAt: s.scheduledAt.toISOString(),
    status: s.status,
    coHostUserIds: s.coHostUserIds,
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    stats: d.stats,
    retainUntil: iso(s.retainUntil),
    products: d.products,
    playback,
  };
}

/** A recording as the actor sees it: where the file is kept only for the platform, its name for everyone. */
export function presentRecording(actor: Actor, r: LiveRecordingRecord): LiveRecordingView {
  const platform = actor.role === 'platform_admin' || actor.role === 'reviewer';
  return {
    id: r.id,
    sessionId: r.sessionId,
    source: r.source,
    fileName: recordingFileName(r.filePath),
    filePath: platform ? r.filePath : null,
    startedAt: r.startedAt.toISOString(),
    endedAt: iso(r.endedAt),
    bytes: r.bytes,
    sha256: r.sha256,
    retainUntil: r.retainUntil.toISOString(),
  };
}
