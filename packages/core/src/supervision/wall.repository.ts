/**
 * The monitoring wall's read model (实时监测大屏, docs/supervision.md "Monitoring wall"): aggregates over the live
 * sessions, orders, screening, reports, complaints, price history and the registry, for the regulator's view of
 * the market as a whole. Like the name directory, a read model across contexts for presentation only: nothing is
 * decided from it. Every query is bounded by a time window or a list of ids and runs on an index.
 */
import type { PricePointFact } from './room-risk.rules.ts';

export interface WallLiveSession {
  id: string;
  title: string;
  streamerUserId: string;
  mcnOrgId: string | null;
  startedAt: Date | null;
}

export interface WallPlace {
  mcnOrgId: string;
  baseOrgId: string | null;
  baseName: string | null;
  district: string | null;
}

export interface WallRoomEvent {
  id: string;
  kind: 'transcript' | 'chat' | 'product_copy' | 'overlay';
  text: string;
  decision: 'allow' | 'warn' | 'review' | 'block';
  occurredAt: Date;
  hits: Array<{ category: string; severity: number; matched: string }>;
}

export interface WallReader {
  /** one session, whatever its status (null: no such session) */
  session(id: string): Promise<(WallLiveSession & { status: 'scheduled' | 'live' | 'ended' | 'cancelled' }) | null>;
  /** the session's screened events, newest first, at most `limit`, each with its hits */
  sessionEvents(sessionId: string, limit: number): Promise<WallRoomEvent[]>;
  /** sessions live now, the most recently started first, at most `limit` */
  liveSessions(limit: number): Promise<WallLiveSession[]>;
  /** paid orders in [from, to) per minute since `from` (minute 0 is [from, from + 1 min)) */
  paidPerMinute(from: Date, to: Date): Promise<Array<{ minute: number; gmvFen: number; orders: number }>>;
  /** screening hits in [from, to) per minute since `from` and category, by when the platform received the event */
  hitsPerMinute(from: Date, to: Date): Promise<Array<{ minute: number; category: string; hits: number }>>;
  /** since `since`: GMV and orders paid, screening hits, reports filed */
  totalsSince(since: Date): Promise<{ gmvFen: number; orders: number; hits: number; reports: number }>;
  /** each session's screening hits since `since`, by category and severity */
  sessionHits(sessionIds: string[], since: Date): Promise<Array<{ sessionId: string; category: string; severity: number; count: number }>>;
  /** each session's reports (举报 about the live session), by category */
  sessionReports(sessionIds: string[]): Promise<Array<{ sessionId: string; category: string; count: number }>>;
  /** each session's GMV paid in all and since `recentSince` */
  sessionPaid(sessionIds: string[], recentSince: Date): Promise<Array<{ sessionId: string; gmvFen: number; recentGmvFen: number }>>;
  /** the merchants of each session's products */
  sessionMerchants(sessionIds: string[]): Promise<Array<{ sessionId: string; merchantOrgId: string }>>;
  /** complaints filed against each merchant since `since` */
  complaintsAgainst(merchantOrgIds: string[], since: Date): Promise<Map<string, number>>;
  /** each MCN's host base (name, district) and, without one, the MCN's own district */
  places(mcnOrgIds: string[]): Promise<WallPlace[]>;
  /** each session's products with their reference price and the price points of their SKUs in effect since `since` */
  sessionPrices(
    sessionIds: string[],
    since: Date,
  ): Promise<
    Array<{
      sessionId: string;
      productId: string;
      title: string;
      referencePriceFen: number | null;
      points: PricePointFact[];
      /** the product's cross-border declaration (null: a domestic product) */
      crossBorder: WallCrossBorderDeclaration | null;
    }>
  >;
  /** the unit prices paid in each session's paid orders of `productIds`, with their units */
  sessionSoldPrices(
    sessionIds: string[],
    productIds: string[],
  ): Promise<Array<{ sessionId: string; productId: string; unitPriceFen: number; units: number }>>;
  /** of `productIds`, those with an open clue raised by `rule` */
  openClueSubjects(productIds: string[], rule: string): Promise<Set<string>>;
}

export interface WallCrossBorderDeclaration {
  declaredValueFen: number;
  originCountry: string;
  importMode: '1210' | '9610';
}
