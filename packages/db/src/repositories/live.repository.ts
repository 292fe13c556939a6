/** Drizzle implementation of the live-session repository port. */
import type { LiveRecordingRecord, LiveRepository, LiveSessionProductRecord, LiveSessionRecord, LiveSessionStatus } from '@livehub/core';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { firstWhere } from './first-where.ts';
import { listWhere } from './list-where.ts';
import { updateAtVersion } from './update-at-version.ts';
import { liveRecordings, liveSessionProducts, liveSessions } from '../schema/live.ts';

export class DrizzleLiveRepository implements LiveRepository {
  constructor(private readonly db: Db) {}

  async insertSession(s: LiveSessionRecord): Promise<void> {
    await this.db.insert(liveSessions).values(s);
  }
  async findSession(id: string): Promise<LiveSessionRecord | null> {
    return (await firstWhere(this.db, liveSessions, eq(liveSessions.id, id))) as LiveSessionRecord | null;
  }
  async updateSession(s: LiveSessionRecord, expectVersion: number): Promise<boolean> {
    const { id, createdAt, streamerUserId, ...rest } = s;
    return updateAtVersion(this.db, liveSessions, id, expectVersion, rest);
  }
  async listSessions(opts: {
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: LiveSessionStatus[];
    limit: number;
  }): Promise<LiveSessionRecord[]> {
    return (await listWhere(this.db, liveSessions, {
      where: and(
        opts.streamerUserId ? eq(liveSessions.streamerUserId, opts.streamerUserId) : undefined,
        opts.mcnOrgId ? eq(liveSessions.mcnOrgId, opts.mcnOrgId) : undefined,
        opts.status ? inArray(liveSessions.status, opts.status) : undefined,
      ),
      orderBy: [desc(liveSessions.scheduledAt)],
      limit: opts.limit,
    })) as LiveSessionRecord[];
  }
  async replaceProducts(sessionId: string, products: LiveSessionProductRecord[]): Promise<void> {
    await this.db.delete(liveSessionProducts).where(eq(liveSessionProducts.sessionId, sessionId));
    if (products.length > 0) await this.db.insert(liveSessionProducts).values(products);
  }
  async setPinned(sessionId: string, productId: string | null): Promise<void> {
    await this.db.update(liveSessions).set({ pinnedProductId: productId }).where(eq(liveSessions.id, sessionId));
  }
  async listProducts(sessionId: string): Promise<LiveSessionProductRecord[]> {
    return this.db
      .select()
      .from(liveSessionProducts)
      .where(eq(liveSessionProducts.sessionId, sessionId))
      .orderBy(asc(liveSessionProducts.sort));
  }
  async insertRecording(r: LiveRecordingRecord): Promise<void> {
    await this.db.insert(liveRecordings).values(r);
  }
  async findRecording(id: string): Promise<LiveRecordingRecord | null> {
    return (await firstWhere(this.db, liveRecordings, eq(liveRecordings.id, id))) as LiveRecordingRecord | null;
  }
  async updateRecording(r: LiveRecordingRecord): Promise<void> {
    const { id, sessionId, source, createdAt, ...rest } = r;
    await this.db.update(liveRecordings).set(rest).where(eq(liveRecordings.id, id));
  }
  async listRecordings(sessionId: string): Promise<LiveRecordingRecord[]> {
    return (await this.db
      .select()
      .from(liveRecordings)
      .where(eq(liveRecordings.sessionId, sessionId))
      .orderBy(asc(liveRecordings.startedAt), asc(liveRecordings.id))) as LiveRecordingRecord[];
  }
  async extendRecordingRetention(sessionId: string, until: Date): Promise<void> {
    await this.db
      .update(liveRecordings)
      .set({ retainUntil: until })
      .where(and(eq(liveRecordings.sessionId, sessionId), lt(liveRecordings.retainUntil, until)));
  }
}
