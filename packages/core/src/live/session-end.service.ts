/**
 * 下播 as one job: the session ends (or a scheduled one is cancelled) in the live context's transaction, then every
 * process's viewers hear `ended` through the room hub, and the room's counters with the session's paid orders and
 * GMV (the orders context's reader) become the session's statistics. What the route used to orchestrate in four
 * calls across three contexts.
 */
import type { Actor } from '../shared/actor.ts';
import type { LiveService } from './live.service.ts';
import type { SessionListing, SessionTotalsReader } from './live.types.ts';
import type { RoomHub } from './room-hub.ts';

export interface SessionEndDeps {
  live: Pick<LiveService, 'end' | 'recordStats' | 'getDescribed'>;
  rooms: Pick<RoomHub, 'end' | 'stats'>;
  totals: SessionTotalsReader;
}

export class SessionEndService {
  constructor(private readonly d: SessionEndDeps) {}

  async end(actor: Actor, id: string, reason?: string): Promise<SessionListing> {
    const ended = await this.d.live.end(actor, id, reason);
    const sessionId = ended.session.id;
    await this.d.rooms.end(sessionId);
    const [room, sales] = await Promise.all([this.d.rooms.stats(sessionId), this.d.totals.sessionTotals(sessionId)]);
    await this.d.live.recordStats(sessionId, { ...room, ...sales });
    return this.d.live.getDescribed(actor, sessionId);
  }
}
