/** The live context's public entry: its service, the room hub, records, views, rules and the repository port. */
export type { LiveRecordingRepository, LiveRepository, LiveSessionRepository } from './live.repository.ts';
export { LIVE_RETENTION_MS, recordingFileName } from './live.rules.ts';
export { LiveService } from './live.service.ts';
export type { LiveDeps, ScheduleInput } from './live.service.ts';
export type {
  ChecklistItem,
  LiveRecordingRecord,
  LiveRecordingSource,
  LiveSessionProductRecord,
  LiveSessionRecord,
  LiveSessionStatus,
  SessionDetail,
  SessionListing,
  SessionProductListing,
  SessionStats,
  SessionTotalsReader,
} from './live.types.ts';
export { RoomHub } from './room-hub.ts';
export { SessionEndService } from './session-end.service.ts';
export { SessionLookup } from './session-lookup.ts';
export type { SessionLookupTx } from './session-lookup.ts';
export type { SessionEndDeps } from './session-end.service.ts';
export type { RoomConnection, RoomErrorCode, RoomHubDeps, RoomStats, ScreenVerdict } from './room-hub.ts';
