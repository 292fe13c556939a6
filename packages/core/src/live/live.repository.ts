/**
 * The live context's storage port: sessions with their products, and recordings, composed into `LiveRepository`
 * (what `Repositories.live` hands out). packages/db implements it; packages/testing/src/contracts/live.contract.ts
 * holds every implementation to it.
 */
import type { LiveRecordingRecord, LiveSessionProductRecord, LiveSessionRecord, LiveSessionStatus } from './live.types.ts';

/** Sessions and the products on them. */
export interface LiveSessionRepository {
  insertSession(s: LiveSessionRecord): Promise<void>;
  findSession(id: string): Promise<LiveSessionRecord | null>;
  updateSession(s: LiveSessionRecord, expectVersion: number): Promise<boolean>;
  listSessions(opts: {
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: LiveSessionStatus[];
    limit: number;
  }): Promise<LiveSessionRecord[]>;
  replaceProducts(sessionId: string, products: LiveSessionProductRecord[]): Promise<void>;
  setPinned(sessionId: string, productId: string | null): Promise<void>;
  listProducts(sessionId: string): Promise<LiveSessionProductRecord[]>;
}

/** A session's recordings (回放) and how long they are kept. */
export interface LiveRecordingRepository {
  insertRecording(r: LiveRecordingRecord): Promise<void>;
  findRecording(id: string): Promise<LiveRecordingRecord | null>;
  updateRecording(r: LiveRecordingRecord): Promise<void>;
  /** the session's recordings, oldest first */
  listRecordings(sessionId: string): Promise<LiveRecordingRecord[]>;
  /** raises `retain_until` of the session's recordings to at least `until` (never lowers it) */
  extendRecordingRetention(sessionId: string, until: Date): Promise<void>;
}

/** Everything the live context stores, as `Repositories.live`. */
export interface LiveRepository extends LiveSessionRepository, LiveRecordingRepository {}
