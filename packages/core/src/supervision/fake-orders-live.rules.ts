/**
 * The fake-order (刷单) detector on the platform's own orders (docs/supervision.md, "The live path"): maps what the
 * reader loaded about an ended session — its paid orders with their signals (keyed hashes), its buyers' other orders
 * in the 30 days before, and the other orders from the same IPs and to the same addresses — into the detector's
 * input, runs `detectFakeOrders`, and turns each flagged cluster with orders in this session into one clue trigger
 * against the merchant it boosted. Pure.
 *
 * What the mapping must keep, so that honest sharing stays unflagged: an unknown signal stays null (never a shared
 * placeholder that would link every order without one); the history says whether the accounts are new (an account
 * whose orders go back past the window is not new); and the orders of other buyers on a shared IP or address say how
 * exclusive it is (an office's or a household's network served many orders, a ring's proxy served the ring's).
 */
import type { ClueEvidence } from '@livehub/contracts';
import type { ClueTrigger } from './clue-feed.rules.ts';
import { EVIDENCE_KEPT } from './clue-feed.rules.ts';
import { detectFakeOrders, type FakeOrderCluster, type ScanOrder } from './fake-orders.rules.ts';
import type { SignalOrderRow } from '../orders/order.types.ts';

const DAY = 86_400_000;

/** How far back the reader loads the buyers' history and the shared networks' orders. */
export const FAKE_ORDER_HISTORY_DAYS = 30;
/** Refunds within this many days after a session's end run its detector again (the refund rule needs them). */
export const FAKE_ORDER_REFUND_DAYS = 7;
/** A cluster scoring at least this is high risk (3); a flagged one below, medium (2). */
export const FAKE_ORDER_HIGH_SCORE = 0.8;
/** The order ids kept in a clue's facts (the evidence links keep `EVIDENCE_KEPT`). */
export const FAKE_ORDER_IDS_KEPT = 100;

/** One paid order as the reader gives it: signals are keyed hashes, null when unknown (the orders context's row). */
export type LiveSignalOrder = SignalOrderRow;

/** What the reader loads about an ended session for the detector. */
export interface SessionOrderFacts {
  sessionId: string;
  startedAt: Date;
  endedAt: Date;
  /** from when `orders` holds every order of the session's buyers and networks */
  historyFrom: Date;
  orders: LiveSignalOrder[];
}

const blank = (v: string | null): string | null => (v === null || v === '' ? null : v);

/** The detector's input: one line per order, in time order (then id), unknown signals null. */
export function toScanOrders(orders: readonly LiveSignalOrder[]): ScanOrder[] {
  return [...orders]
    .sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((o) => ({
      id: o.id,
      buyer: o.buyerUserId,
      merchant: o.merchantOrgId,
      product: o.productId,
      session: o.sessionId,
      amountFen: o.totalFen,
      paidAt: o.paidAt.getTime(),
      refundedAt: o.refundedAt ? o.refundedAt.getTime() : null,
      device: blank(o.deviceHash),
      ip: blank(o.ipHash),
      address: blank(o.addressHash),
      payAccount: blank(o.payerAccountHash),
    }));
}

/** The clue's risk for a cluster's score. */
export function fakeOrderRisk(score: number): number {
  return score >= FAKE_ORDER_HIGH_SCORE ? 3 : 2;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The clue triggers of an ended session's flagged clusters: one per cluster holding at least one of its orders, on
 * the merchant, keyed by the session and the cluster's first order in it — so the same session detected again (a
 * redelivered `live.ended`, a later refund) reinforces its clue only when the risk rose, and never raises a second.
 */
export function fakeOrderTriggers(f: SessionOrderFacts, at: Date): ClueTrigger[] {
  const scan = toScanOrders(f.orders);
  const { clusters } = detectFakeOrders(scan, { historyFrom: f.historyFrom.getTime() });
  const inSession = new Map(scan.filter((o) => o.session === f.sessionId).map((o) => [o.id, o]));
  const out: ClueTrigger[] = [];
  for (const c of clusters) {
    const mine = c.orderIds.filter((id) => inSession.has(id));
    const first = mine[0];
    if (first === undefined) continue;
    const risk = fakeOrderRisk(c.score);
    const key = `fake_orders:${f.sessionId}:${first}`;
    const evidence: ClueEvidence[] = [
      { kind: 'live_session', id: f.sessionId, at: f.endedAt.toISOString() },
      ...mine.slice(0, EVIDENCE_KEPT - 1).map((id) => ({
        kind: 'order' as const,
        id,
        at: new Date((inSession.get(id) as ScanOrder).paidAt).toISOString(),
      })),
    ];
    out.push({
      signal: { kind: 'fake_orders', subjectId: c.merchant, source: `${key}:r${risk}`, at },
      subjectKind: 'organization',
      evidence: evidence[0] as ClueEvidence,
      evidenceAll: evidence,
      key,
      raise: { rule: 'fake_orders', risk, facts: clusterFacts(f, c, mine, inSession) },
    });
  }
  return out;
}

function clusterFacts(
  f: SessionOrderFacts,
  c: FakeOrderCluster,
  mine: string[],
  inSession: Map<string, ScanOrder>,
): Record<string, unknown> {
  const buyers = new Set(mine.map((id) => (inSession.get(id) as ScanOrder).buyer));
  return {
    sessionId: f.sessionId,
    merchantOrgId: c.merchant,
    link: c.rule,
    score: c.score,
    buyers: buyers.size,
    orders: mine.length,
    amountFen: mine.reduce((n, id) => n + (inSession.get(id) as ScanOrder).amountFen, 0),
    refunded: mine.filter((id) => (inSession.get(id) as ScanOrder).refundedAt !== null).length,
    clusterBuyers: c.buyers,
    clusterOrders: c.orders,
    signals: {
      sharedInstruments: round3(c.signals.sharedInstruments),
      exclusiveNetwork: round3(c.signals.exclusiveNetwork),
      newAccounts: round3(c.signals.newAccounts),
      refundedAfterSession: round3(c.signals.refundedAfterSession),
      bunched: round3(c.signals.bunched),
    },
    orderIds: mine.slice(0, FAKE_ORDER_IDS_KEPT),
  };
}

/** Whether a refund at `at` still runs the detector of a session that ended at `endedAt`. */
export function refundWithinWindow(endedAt: Date, at: Date): boolean {
  return at.getTime() - endedAt.getTime() <= FAKE_ORDER_REFUND_DAYS * DAY;
}
