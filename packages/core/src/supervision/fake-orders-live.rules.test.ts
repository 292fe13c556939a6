import { describe, expect, it } from 'vitest';
import {
  FAKE_ORDER_HISTORY_DAYS,
  fakeOrderRisk,
  fakeOrderTriggers,
  type LiveSignalOrder,
  refundWithinWindow,
  type SessionOrderFacts,
  toScanOrders,
} from './fake-orders-live.rules.ts';

const DAY = 86_400_000;
const MIN = 60_000;
const T = Date.parse('2026-05-10T12:00:00Z');
const S = 'session-1';
const M = 'merchant-1';

let seq = 0;
const order = (buyer: string, minutes: number, o: Partial<LiveSignalOrder> = {}): LiveSignalOrder => ({
  id: `o-${String(++seq).padStart(4, '0')}`,
  buyerUserId: buyer,
  merchantOrgId: M,
  productId: 'p-1',
  sessionId: S,
  totalFen: 9900,
  paidAt: new Date(T + minutes * MIN),
  refundedAt: null,
  deviceHash: `dev-${buyer}`,
  ipHash: `ip-${buyer}`,
  addressHash: `addr-${buyer}`,
  payerAccountHash: `pay-${buyer}`,
  ...o,
});

const facts = (orders: LiveSignalOrder[], historyFrom = new Date(T - FAKE_ORDER_HISTORY_DAYS * DAY)): SessionOrderFacts => ({
  sessionId: S,
  startedAt: new Date(T),
  endedAt: new Date(T + 120 * MIN),
  historyFrom,
  orders,
});

/** A phone farm: six new accounts on two phones and one payment account, behind one proxy, within half an hour. */
const ring = (extra: (i: number) => Partial<LiveSignalOrder> = () => ({})) =>
  Array.from({ length: 6 }, (_, i) =>
    order(`ring-${i}`, 10 + i * 5, { deviceHash: `farm-${i % 2}`, payerAccountHash: 'farm-pay', ipHash: 'proxy', ...extra(i) }),
  );

/** A household of three sharing an address and a home network, each with their own phone and wallet and a history. */
const household = () => {
  const out: LiveSignalOrder[] = [];
  for (const [i, b] of ['mum', 'dad', 'kid'].entries()) {
    for (let k = 0; k < 4; k++)
      out.push(order(b, -(10 + k) * 24 * 60, { merchantOrgId: `other-${k}`, sessionId: null, addressHash: 'home', ipHash: 'home-net' }));
    out.push(order(b, 15 + i * 5, { addressHash: 'home', ipHash: 'home-net' }));
  }
  return out;
};

describe('fake orders on the live path', () => {
  it('raises one trigger for the ring, on the merchant, with its orders as evidence — and none for the household', () => {
    const r = ring();
    const triggers = fakeOrderTriggers(facts([...household(), ...r]), new Date(T + 120 * MIN));
    expect(triggers).toHaveLength(1);
    const [t] = triggers;
    expect(t?.subjectKind).toBe('organization');
    expect(t?.signal.subjectId).toBe(M);
    expect(t?.raise?.rule).toBe('fake_orders');
    expect(t?.key).toBe(`fake_orders:${S}:${r[0]?.id}`);
    expect(t?.evidenceAll?.[0]).toEqual({ kind: 'live_session', id: S, at: new Date(T + 120 * MIN).toISOString() });
    expect(t?.evidenceAll?.slice(1).map((e) => [e.kind, e.id])).toEqual(r.map((o) => ['order', o.id]));
    expect(t?.raise?.facts).toMatchObject({ sessionId: S, buyers: 6, orders: 6, amountFen: 6 * 9900, orderIds: r.map((o) => o.id) });
    expect(['shared_device', 'shared_pay_account']).toContain(t?.raise?.facts.link);
  });

  it('is deterministic whatever order the reader returns: the same key and source twice (a redelivered live.ended raises nothing)', () => {
    const all = [...household(), ...ring()];
    const a = fakeOrderTriggers(facts(all), new Date(T));
    const b = fakeOrderTriggers(facts([...all].reverse()), new Date(T));
    expect(b.map((t) => [t.key, t.signal.source])).toEqual(a.map((t) => [t.key, t.signal.source]));
  });

  it('keeps an unknown signal unknown: orders without a device, IP, address or payer are never linked through it', () => {
    const blank = Array.from({ length: 8 }, (_, i) =>
      order(`anon-${i}`, 10 + i, { deviceHash: i % 2 ? null : '', ipHash: null, addressHash: '', payerAccountHash: null }),
    );
    expect(toScanOrders(blank).every((o) => o.device === null && o.ip === null && o.address === null && o.payAccount === null)).toBe(true);
    expect(fakeOrderTriggers(facts(blank), new Date(T))).toEqual([]);
  });

  it('needs the history horizon: without it nobody is known to be new, and a ring that refunds nothing is not flagged', () => {
    const r = ring();
    expect(fakeOrderTriggers(facts(r), new Date(T))).toHaveLength(1);
    expect(fakeOrderTriggers(facts(r, new Date(T + 10 * MIN)), new Date(T))).toEqual([]);
  });

  it('raised accounts are flagged once their orders are refunded after the session (the refund path)', () => {
    const history = (i: number) => order(`ring-${i}`, -10 * 24 * 60, { merchantOrgId: 'elsewhere', sessionId: null });
    const raised = Array.from({ length: 6 }, (_, i) => history(i));
    const placed = ring();
    expect(fakeOrderTriggers(facts([...raised, ...placed]), new Date(T))).toEqual([]);
    const refunded = placed.map((o) => ({ ...o, refundedAt: new Date(T + 3 * DAY) }));
    const [t] = fakeOrderTriggers(facts([...raised, ...refunded]), new Date(T + 3 * DAY));
    expect(t?.raise?.facts).toMatchObject({ buyers: 6, refunded: 6 });
    expect(t?.signal.at).toEqual(new Date(T + 3 * DAY));
  });

  it('leaves out clusters with no order in this session (a ring working another session)', () => {
    const elsewhere = ring((i) => ({ sessionId: 'session-0', paidAt: new Date(T - 3 * DAY + i * 5 * MIN) }));
    expect(fakeOrderTriggers(facts(elsewhere), new Date(T))).toEqual([]);
  });

  it('risk: high from a score of 0.8, medium below; refunds run the detector again for 7 days after the end', () => {
    expect(fakeOrderRisk(0.5)).toBe(2);
    expect(fakeOrderRisk(0.8)).toBe(3);
    const end = new Date(T);
    expect(refundWithinWindow(end, new Date(T + 7 * DAY))).toBe(true);
    expect(refundWithinWindow(end, new Date(T + 7 * DAY + 1))).toBe(false);
  });
});
