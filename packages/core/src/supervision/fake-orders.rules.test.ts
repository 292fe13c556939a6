import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFakeOrders, fakeOrderScore, parseScanOrder, type ScanOrder, sizeFactor } from './fake-orders.rules.ts';

const T0 = Date.UTC(2026, 10, 1, 11, 0, 0); // 19:00 China time
const MIN = 60_000;
const DAY = 86_400_000;

let serial = 0;
function order(p: Partial<ScanOrder> & { buyer: string }): ScanOrder {
  serial++;
  return {
    id: `o${serial}`,
    merchant: 'm1',
    product: 'p1',
    session: 's1',
    amountFen: 9900,
    paidAt: T0,
    refundedAt: null,
    device: `dev-${p.buyer}`,
    ip: `ip-${p.buyer}`,
    address: `addr-${p.buyer}`,
    payAccount: `pay-${p.buyer}`,
    ...p,
  };
}

/** A month of ordinary life before T0 for `buyers`, on other merchants, so they are not new accounts. */
function history(buyers: string[], each = 4): ScanOrder[] {
  return buyers.flatMap((b, k) =>
    Array.from({ length: each }, (_, j) =>
      order({ buyer: b, merchant: `other${(k + j) % 7}`, product: `q${j}`, session: null, paidAt: T0 - (25 - j * 5) * DAY }),
    ),
  );
}

/** Everyone else on the platform the same evening: strangers, so that a session's end is known. */
function crowd(n: number, session = 's1'): ScanOrder[] {
  return Array.from({ length: n }, (_, k) => order({ buyer: `crowd${k}`, product: `p${k % 5}`, session, paidAt: T0 + k * 3 * MIN }));
}

const flaggedIds = (orders: ScanOrder[]) => new Set(detectFakeOrders(orders).flags.map((f) => f.id));

describe('the fake-order detector', () => {
  it('flags a phone farm: ten new accounts on two devices, in one burst, refunded after the session', () => {
    const ring = Array.from({ length: 10 }, (_, k) =>
      order({
        buyer: `farm${k}`,
        device: `farm-dev-${k % 2}`,
        ip: 'proxy-1',
        paidAt: T0 + 20 * MIN + k * MIN,
        refundedAt: T0 + 6 * 60 * MIN,
      }),
    );
    const all = [...history(['x1', 'x2', 'x3']), ...crowd(40), ...ring];
    const r = detectFakeOrders(all);
    expect(new Set(r.flags.map((f) => f.id))).toEqual(new Set(ring.map((o) => o.id)));
    expect(r.flags.every((f) => f.rule === 'shared_device')).toBe(true);
    // one cluster per phone: accounts are linked by a device they share (the proxy IP only links weakly)
    expect(r.clusters.map((c) => c.id)).toEqual(['ring-001', 'ring-002']);
    expect(r.clusters[0]).toMatchObject({ buyers: 5, orders: 5, merchant: 'm1' });
    expect(r.clusters[0]?.signals.sharedInstruments).toBeCloseTo(0.8);
    expect(r.clusters[0]?.signals.refundedAfterSession).toBe(1);
  });

  it('flags a ring paying through two shared payment accounts, each on its own device', () => {
    const ring = Array.from({ length: 8 }, (_, k) =>
      order({ buyer: `pr${k}`, payAccount: `ring-pay-${k % 2}`, paidAt: T0 + 30 * MIN + k * 2 * MIN, refundedAt: T0 + 8 * 60 * MIN }),
    );
    const r = detectFakeOrders([...history(['h1']), ...crowd(30), ...ring]);
    expect(new Set(r.flags.map((f) => f.id))).toEqual(new Set(ring.map((o) => o.id)));
    expect(r.flags[0]?.rule).toBe('shared_pay_account');
  });

  it('flags emulators behind one proxy IP that served nobody else, refunded after the session', () => {
    const ring = Array.from({ length: 12 }, (_, k) =>
      order({ buyer: `px${k}`, ip: 'proxy-9', paidAt: T0 + 10 * MIN + k * 3 * MIN, refundedAt: T0 + 5 * 60 * MIN }),
    );
    const r = detectFakeOrders([...history(['h1']), ...crowd(30), ...ring]);
    expect(new Set(r.flags.map((f) => f.id))).toEqual(new Set(ring.map((o) => o.id)));
    expect(r.flags[0]?.rule).toBe('shared_ip_burst');
  });

  it('flags new accounts shipping to one drop address in a burst, even when nothing is refunded', () => {
    const ring = Array.from({ length: 15 }, (_, k) => order({ buyer: `dr${k}`, address: 'drop-1', paidAt: T0 + 10 * MIN + k * 2 * MIN }));
    const r = detectFakeOrders([...history(['h1']), ...crowd(30), ...ring]);
    expect(new Set(r.flags.map((f) => f.id))).toEqual(new Set(ring.map((o) => o.id)));
    expect(r.flags[0]?.rule).toBe('shared_address_burst');
  });

  it('leaves alone a household of four sharing an address, a home IP, a payment account and a tablet', () => {
    const family = ['dad', 'mum', 'son', 'gran'];
    const evening = family.map((b, k) =>
      order({
        buyer: b,
        address: 'home-1',
        ip: 'home-ip',
        payAccount: k < 2 ? 'family-pay' : `pay-${b}`,
        device: k < 2 ? 'tablet' : `dev-${b}`,
        paidAt: T0 + k * 5 * MIN,
        refundedAt: k === 0 ? T0 + 3 * DAY : null,
      }),
    );
    expect(flaggedIds([...history(family), ...crowd(20), ...evening]).size).toBe(0);
  });

  it('leaves alone a campus flash sale: sixty students on one IP buy one product within twenty minutes', () => {
    const students = Array.from({ length: 60 }, (_, k) => `stu${k}`);
    const sale = students.map((b, k) =>
      order({
        buyer: b,
        ip: 'campus-ip',
        address: `dorm-${Math.floor(k / 6)}`,
        paidAt: T0 + k * 20_000,
        refundedAt: k % 30 === 0 ? T0 + 2 * DAY : null,
      }),
    );
    // the campus IP serves the students all month
    const campusLife = students.flatMap((b, k) =>
      [0, 1, 2].map((j) =>
        order({ buyer: b, ip: 'campus-ip', merchant: `other${(k + j) % 9}`, session: null, paidAt: T0 - (20 - j * 6) * DAY }),
      ),
    );
    expect(flaggedIds([...campusLife, ...crowd(20), ...sale]).size).toBe(0);
  });

  it('leaves alone an office group buy: twenty colleagues with a history, one office address and IP', () => {
    const colleagues = Array.from({ length: 20 }, (_, k) => `col${k}`);
    const buy = colleagues.map((b, k) => order({ buyer: b, ip: 'office-ip', address: 'office-addr', paidAt: T0 + k * 2 * MIN }));
    expect(flaggedIds([...history(colleagues), ...crowd(20), ...buy]).size).toBe(0);
  });

  it('leaves alone a popular flash sale: a hundred strangers, many new, on a mobile network NAT', () => {
    const sale = Array.from({ length: 100 }, (_, k) =>
      order({ buyer: `fan${k}`, ip: `nat-${k % 7}`, paidAt: T0 + k * 10_000, refundedAt: k % 20 === 0 ? T0 + DAY : null }),
    );
    const life = Array.from({ length: 7 }, (_, k) =>
      Array.from({ length: 40 }, (_, j) =>
        order({ buyer: `other-user-${k}-${j}`, ip: `nat-${k}`, merchant: `other${j % 9}`, session: null, paidAt: T0 - (j % 25) * DAY }),
      ),
    ).flat();
    expect(flaggedIds([...life, ...sale]).size).toBe(0);
  });

  it('does not count accounts as new when the data starts just before their orders', () => {
    // the same farm, but no order in the data before it: newness unknown, so only sharing and refunds speak
    const ring = Array.from({ length: 10 }, (_, k) => order({ buyer: `early${k}`, device: `e-dev-${k % 2}`, paidAt: T0 + k * MIN }));
    const r = detectFakeOrders(ring, { threshold: 0 });
    expect(r.clusters[0]?.signals.newAccounts).toBe(0);
  });

  it('names clusters by their first order and writes flags in input order', () => {
    const later = Array.from({ length: 6 }, (_, k) =>
      order({ buyer: `late${k}`, device: 'late-dev', merchant: 'm2', session: 's2', paidAt: T0 + DAY + k * MIN, refundedAt: T0 + 2 * DAY }),
    );
    const earlier = Array.from({ length: 6 }, (_, k) =>
      order({ buyer: `soon${k}`, device: 'soon-dev', paidAt: T0 + k * MIN, refundedAt: T0 + DAY }),
    );
    const input = [...history(['h']), ...later, ...earlier];
    const r = detectFakeOrders(input);
    expect(r.flags.map((f) => f.id)).toEqual([...later, ...earlier].map((o) => o.id));
    expect(r.flags.find((f) => f.id === earlier[0]?.id)?.cluster).toBe('ring-001');
    expect(r.flags.find((f) => f.id === later[0]?.id)?.cluster).toBe('ring-002');
  });

  it('never flags fewer accounts than minBuyers, whatever they share', () => {
    const two = [0, 1, 2, 3].map((k) => order({ buyer: `pair${k % 2}`, device: 'shared', paidAt: T0 + k * MIN, refundedAt: T0 + DAY }));
    expect(detectFakeOrders(two, { threshold: 0 }).clusters).toHaveLength(0);
  });
});

describe('the score', () => {
  const signal = fc.double({ min: 0, max: 1, noNaN: true });
  const signals = fc.record({
    sharedInstruments: signal,
    exclusiveNetwork: signal,
    newAccounts: signal,
    refundedAfterSession: signal,
    bunched: signal,
  });

  it('never falls when a signal or the group size rises, and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        signals,
        fc.constantFrom('sharedInstruments', 'newAccounts', 'refundedAfterSession', 'bunched'),
        signal,
        fc.integer({ min: 3, max: 50 }),
        (s, key, v, n) => {
          const up = { ...s, [key]: Math.max(s[key as keyof typeof s], v) };
          const a = fakeOrderScore(s, n);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(fakeOrderScore(up, n)).toBeGreaterThanOrEqual(a);
          expect(fakeOrderScore(s, n + 1)).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });

  it('needs both halves: sharing without the behaviour scores 0, the behaviour without sharing stays below the default threshold', () => {
    expect(fakeOrderScore({ sharedInstruments: 1, exclusiveNetwork: 1, newAccounts: 0, refundedAfterSession: 0, bunched: 1 }, 50)).toBe(0);
    expect(
      fakeOrderScore({ sharedInstruments: 0, exclusiveNetwork: 0, newAccounts: 1, refundedAfterSession: 1, bunched: 1 }, 50),
    ).toBeLessThan(0.5);
  });

  it('discounts small groups: 0.7 at three accounts, 1 from six', () => {
    expect(sizeFactor(3)).toBeCloseTo(0.7);
    expect(sizeFactor(2)).toBeCloseTo(0.6);
    expect(sizeFactor(6)).toBe(1);
    expect(sizeFactor(60)).toBe(1);
  });
});

describe('reading an order line', () => {
  const good = {
    id: 'o1',
    buyer: 'b',
    merchant: 'm',
    product: 'p',
    session: 's',
    amountFen: 100,
    paidAt: '2026-11-01T12:00:00+08:00',
    refundedAt: null,
    device: 'd',
    ip: 'i',
    address: 'a',
    payAccount: 'p',
  };

  it('reads the documented shape, times in ISO 8601 with any offset', () => {
    const r = parseScanOrder(good);
    expect(r).toEqual({ ok: true, order: expect.objectContaining({ id: 'o1', paidAt: Date.UTC(2026, 10, 1, 4, 0, 0), refundedAt: null }) });
    const numeric = parseScanOrder({ ...good, id: 7, device: '', session: null, ip: undefined });
    expect(numeric.ok && numeric.order).toMatchObject({ id: '7', device: null, session: null, ip: null });
  });

  it.each([
    [{ ...good, id: '' }, 'id'],
    [{ ...good, buyer: 3 }, 'buyer'],
    [{ ...good, merchant: '' }, 'merchant'],
    [{ ...good, amountFen: 1.5 }, 'amountFen'],
    [{ ...good, amountFen: -1 }, 'amountFen'],
    [{ ...good, paidAt: 'yesterday' }, 'paidAt'],
    [{ ...good, refundedAt: '2026-10-01T00:00:00Z' }, 'refundedAt'],
    [{ ...good, payAccount: 12 }, 'payAccount'],
    [{ ...good, session: {} }, 'session'],
  ])('names the wrong field (%#)', (input, field) => {
    const r = parseScanOrder(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe(field);
      expect(r.error.startsWith(`${field}:`)).toBe(true);
    }
  });

  it('refuses what is not an object', () => {
    for (const v of [null, 3, 'x', []]) expect(parseScanOrder(v).ok).toBe(false);
  });
});
