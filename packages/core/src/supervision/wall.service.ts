/**
 * 实时监测大屏 (the monitoring wall, docs/supervision.md "Monitoring wall"): the market right now for a regulator —
 * live sessions and viewers now, GMV and screening hits per minute over the last hour, today's totals, the riskiest
 * rooms with their score and reasons (`roomRisk`), and the same by district and by base. `snapshot` builds it in a
 * fixed number of bounded, indexed queries whatever the number of rooms (up to `MAX_LIVE_ROOMS`); `watch` pushes a
 * fresh one every few seconds and soon after each relevant outbox event (on any process, through the events
 * channel), for the page's live stream.
 */
import { CROSS_BORDER_ORIGINS, type WallArea, type WallRoom, type WallRoomDetail, type WallSnapshot } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { PubSub, Unsubscribe } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { streamSnapshots } from '../shared/snapshot-stream.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { PRICE_WINDOW_DAYS } from './price-fraud.rules.ts';
import {
  type CrossBorderOnAir,
  crossBorderOnAir,
  priceAnomalies,
  RISK_COMPLAINT_WINDOW_DAYS,
  RISK_HIT_WINDOW_MINUTES,
  type RoomRisk,
  roomRisk,
} from './room-risk.rules.ts';
import type { WallLiveSession, WallPlace } from './wall.repository.ts';

/** The rooms the wall looks at, most recently started first. */
export const MAX_LIVE_ROOMS = 500;
/** The riskiest rooms the wall lists. */
export const WALL_TOP_ROOMS = 10;
/** The screened events a room's page shows, newest first. */
export const ROOM_EVENTS = 200;
/** The minutes the series cover. */
export const WALL_MINUTES = 60;
/** The outbox topics after which the stream sends a fresh snapshot. */
export const WALL_TOPICS = [
  'live.started',
  'live.ended',
  'order.created',
  'compliance.screened',
  'compliance.violation_confirmed',
  'reports.report_filed',
  'disputes.complaint_filed',
] as const;
/** Who may see the wall. */
export const WALL_ROLES: ReadonlySet<Actor['role']> = new Set(['regulator', 'platform_admin']);

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Asia/Shanghai: "today" starts at local midnight */
const TZ_OFFSET = 8 * 3_600_000;

/** Viewers now of each session (the room hub's shared counters). */
export interface ViewerCounts {
  viewersOf(sessionIds: string[]): Promise<Map<string, number>>;
}

export interface WallDeps {
  uow: ScopedUnitOfWork<'wall'>;
  clock: Clock;
  names: NameReader;
  viewers: ViewerCounts;
  pubsub: PubSub;
  /** the pub/sub channel the outbox publishes a topic's events on */
  eventsChannel(topic: string): string;
}

export interface WallWatchOptions {
  /** a fresh snapshot at least this often (default 5 s) */
  everyMs?: number;
  /** after an event, wait this long for more before sending (default 1 s) */
  settleMs?: number;
}

export class WallService {
  constructor(private readonly d: WallDeps) {}

  async snapshot(actor: Actor): Promise<WallSnapshot> {
    this.allow(actor);
    const r = this.d.uow.read.wall;
    const now = this.d.clock.now();
    const to = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + MINUTE);
    const from = new Date(to.getTime() - WALL_MINUTES * MINUTE);
    const today = new Date(Math.floor((now.getTime() + TZ_OFFSET) / DAY) * DAY - TZ_OFFSET);

    const live = await r.liveSessions(MAX_LIVE_ROOMS);
    const [paid, hits, totals, rooms] = await Promise.all([
      r.paidPerMinute(from, to),
      r.hitsPerMinute(from, to),
      r.totalsSince(today),
      this.assess(live, now),
    ]);

    // the series, one value per minute
    const minutes = Array.from({ length: WALL_MINUTES }, (_, i) => new Date(from.getTime() + i * MINUTE).toISOString());
    const gmvPerMinute = new Array<number>(WALL_MINUTES).fill(0);
    const ordersPerMinute = new Array<number>(WALL_MINUTES).fill(0);
    for (const p of paid) {
      if (p.minute < 0 || p.minute >= WALL_MINUTES) continue;
      gmvPerMinute[p.minute] = p.gmvFen;
      ordersPerMinute[p.minute] = p.orders;
    }
    const byCategory = new Map<string, number[]>();
    for (const h of hits) {
      if (h.minute < 0 || h.minute >= WALL_MINUTES) continue;
      const counts = byCategory.get(h.category) ?? new Array<number>(WALL_MINUTES).fill(0);
      counts[h.minute] = (counts[h.minute] ?? 0) + h.hits;
      byCategory.set(h.category, counts);
    }
    const hitsPerMinute = [...byCategory.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([category, counts]) => ({ category, counts }));

    const top = rooms
      .filter((x) => x.risk.score > 0)
      .sort((a, b) => b.risk.score - a.risk.score || b.viewers - a.viewers || a.s.id.localeCompare(b.s.id))
      .slice(0, WALL_TOP_ROOMS);
    const names = await this.roomNames(top);

    return {
      at: now.toISOString(),
      minutes,
      counters: {
        liveSessions: live.length,
        viewers: rooms.reduce((n, x) => n + x.viewers, 0),
        gmvTodayFen: totals.gmvFen,
        ordersToday: totals.orders,
        hitsToday: totals.hits,
        reportsToday: totals.reports,
      },
      gmvPerMinute,
      ordersPerMinute,
      hitsPerMinute,
      riskWindowMinutes: RISK_HIT_WINDOW_MINUTES,
      rooms: top.map((x) => wallRoom(x, names.users, names.orgs)),
      byDistrict: areas(rooms, (x) => ({ key: x.place?.district ?? null, name: x.place?.district ?? null })),
      byBase: areas(rooms, (x) => ({ key: x.place?.baseOrgId ?? null, name: x.place?.baseName ?? null })),
    };
  }

  /** One room as the wall sees it now (whatever its status), with its screened transcript and chat, newest first. */
  async room(actor: Actor, sessionId: string): Promise<WallRoomDetail> {
    this.allow(actor);
    const r = this.d.uow.read.wall;
    const s = await r.session(sessionId);
    if (!s) throw new AppError('live.not_found');
    const [[x], events] = await Promise.all([this.assess([s], this.d.clock.now()), r.sessionEvents(s.id, ROOM_EVENTS)]);
    if (!x) throw new AppError('live.not_found');
    const names = await this.roomNames([x]);
    return {
      room: wallRoom(x, names.users, names.orgs),
      status: s.status,
      events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
    };
  }

  /** Each room's risk now, place, viewers, GMV and recent hits: a fixed number of queries for all of them. */
  private async assess(live: WallLiveSession[], now: Date): Promise<RoomNow[]> {
    const r = this.d.uow.read.wall;
    const ids = live.map((s) => s.id);
    if (ids.length === 0) return [];
    const riskSince = new Date(now.getTime() - RISK_HIT_WINDOW_MINUTES * MINUTE);
    const hourAgo = new Date(now.getTime() - WALL_MINUTES * MINUTE);
    const mcnIds = [...new Set(live.map((s) => s.mcnOrgId).filter((x): x is string => x !== null))];
    const [sHits, sReports, sPaid, sMerchants, places, prices, viewers] = await Promise.all([
      r.sessionHits(ids, riskSince),
      r.sessionReports(ids),
      r.sessionPaid(ids, hourAgo),
      r.sessionMerchants(ids),
      r.places(mcnIds),
      r.sessionPrices(ids, new Date(Math.min(...live.map((s) => (s.startedAt ?? now).getTime())) - PRICE_WINDOW_DAYS * DAY)),
      this.d.viewers.viewersOf(ids),
    ]);
    const merchantIds = [...new Set(sMerchants.map((m) => m.merchantOrgId))];
    // cross-border products on air: the session's sales of them so far and any open under-declaration clue
    const crossIds = [...new Set(prices.filter((p) => p.crossBorder !== null).map((p) => p.productId))];
    const [complaints, crossSold, crossClued] = await Promise.all([
      r.complaintsAgainst(merchantIds, new Date(now.getTime() - RISK_COMPLAINT_WINDOW_DAYS * DAY)),
      crossIds.length > 0 ? r.sessionSoldPrices(ids, crossIds) : Promise.resolve([]),
      crossIds.length > 0 ? r.openClueSubjects(crossIds, 'under_declaration') : Promise.resolve(new Set<string>()),
    ]);
    const group = <T extends { sessionId: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of rows) m.set(x.sessionId, [...(m.get(x.sessionId) ?? []), x]);
      return m;
    };
    const hitsBy = group(sHits);
    const reportsBy = group(sReports);
    const merchantsBy = group(sMerchants);
    const pricesBy = group(prices);
    const paidBy = new Map(sPaid.map((p) => [p.sessionId, p]));
    const placeBy = new Map(places.map((p) => [p.mcnOrgId, p]));
    const soldBy = group(crossSold);
    return live.map((s) => {
      const merchants = (merchantsBy.get(s.id) ?? []).map((m) => m.merchantOrgId);
      const crossBorder: CrossBorderOnAir[] = (pricesBy.get(s.id) ?? []).flatMap((p) =>
        p.crossBorder
          ? [
              crossBorderOnAir(
                {
                  productId: p.productId,
                  title: p.title,
                  originCountry: p.crossBorder.originCountry,
                  originName: (CROSS_BORDER_ORIGINS as Record<string, string>)[p.crossBorder.originCountry] ?? p.crossBorder.originCountry,
                  importMode: p.crossBorder.importMode,
                  declaredValueFen: p.crossBorder.declaredValueFen,
                },
                (soldBy.get(s.id) ?? []).filter((x) => x.productId === p.productId),
                crossClued.has(p.productId),
              ),
            ]
          : [],
      );
      const risk = roomRisk({
        hits: hitsBy.get(s.id) ?? [],
        reports: reportsBy.get(s.id) ?? [],
        complaints: merchants.reduce((n, m) => n + (complaints.get(m) ?? 0), 0),
        crossBorder,
        price: (pricesBy.get(s.id) ?? []).flatMap((p) =>
          priceAnomalies({ id: p.productId, title: p.title, referencePriceFen: p.referencePriceFen }, p.points, s.startedAt ?? now, now),
        ),
      });
      return {
        s,
        merchants,
        risk,
        place: s.mcnOrgId ? (placeBy.get(s.mcnOrgId) ?? null) : null,
        viewers: viewers.get(s.id) ?? 0,
        gmvFen: paidBy.get(s.id)?.gmvFen ?? 0,
        recentGmvFen: paidBy.get(s.id)?.recentGmvFen ?? 0,
        hits: (hitsBy.get(s.id) ?? []).reduce((n, h) => n + h.count, 0),
        crossBorder,
      };
    });
  }

  private roomNames(rooms: RoomNow[]) {
    return this.d.names.namesFor({ users: rooms.map((x) => x.s.streamerUserId), orgs: rooms.flatMap((x) => x.merchants) });
  }

  /**
   * Sends a snapshot now, then every `everyMs` and shortly after each event on `WALL_TOPICS`; one at a time (a
   * slow build is not stacked). Returns the function that stops it.
   */
  async watch(actor: Actor, send: (s: WallSnapshot) => void, opts: WallWatchOptions = {}): Promise<Unsubscribe> {
    this.allow(actor);
    return streamSnapshots({
      build: () => this.snapshot(actor),
      send,
      pubsub: this.d.pubsub,
      channels: WALL_TOPICS.map((t) => this.d.eventsChannel(t)),
      everyMs: opts.everyMs ?? 5_000,
      settleMs: opts.settleMs,
    });
  }

  private allow(actor: Actor): void {
    if (!WALL_ROLES.has(actor.role)) throw new AppError('auth.forbidden');
  }
}

interface RoomNow {
  s: WallLiveSession;
  merchants: string[];
  risk: RoomRisk;
  place: WallPlace | null;
  viewers: number;
  gmvFen: number;
  recentGmvFen: number;
  hits: number;
  crossBorder: CrossBorderOnAir[];
}

function wallRoom(x: RoomNow, users: Map<string, string>, orgs: Map<string, string>): WallRoom {
  return {
    sessionId: x.s.id,
    title: x.s.title,
    streamerUserId: x.s.streamerUserId,
    streamerName: users.get(x.s.streamerUserId) ?? '',
    merchantNames: x.merchants.map((m) => orgs.get(m)).filter((n): n is string => Boolean(n)),
    baseName: x.place?.baseName ?? null,
    district: x.place?.district ?? null,
    startedAt: x.s.startedAt?.toISOString() ?? null,
    viewers: x.viewers,
    gmvFen: x.gmvFen,
    hits: x.hits,
    score: x.risk.score,
    level: x.risk.level,
    reasons: x.risk.reasons,
    crossBorder: x.crossBorder.map(
      ({ productId, title, originCountry, originName, importMode, declaredValueFen, units, medianFen, ratio, flagged, openClue }) => ({
        productId,
        title,
        originCountry,
        originName,
        importMode,
        declaredValueFen,
        units,
        medianFen,
        ratio,
        flagged,
        openClue,
      }),
    ),
  };
}

/** The rooms grouped by `keyOf`, the busiest first; rooms with no such place last, as one group. */
function areas(rooms: RoomNow[], keyOf: (x: RoomNow) => { key: string | null; name: string | null }): WallArea[] {
  const m = new Map<string | null, WallArea>();
  for (const x of rooms) {
    const { key, name } = keyOf(x);
    const a = m.get(key) ?? { key, name, liveSessions: 0, viewers: 0, gmvFen: 0, hits: 0, riskyRooms: 0 };
    a.liveSessions++;
    a.viewers += x.viewers;
    a.gmvFen += x.recentGmvFen;
    a.hits += x.hits;
    if (x.risk.level === 'medium' || x.risk.level === 'high') a.riskyRooms++;
    m.set(key, a);
  }
  return [...m.values()].sort(
    (a, b) =>
      Number(a.key === null) - Number(b.key === null) ||
      b.liveSessions - a.liveSessions ||
      b.gmvFen - a.gmvFen ||
      String(a.name).localeCompare(String(b.name)),
  );
}
