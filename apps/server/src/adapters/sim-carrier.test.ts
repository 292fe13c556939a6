import { verifyPush } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { SimulatedCarrier } from './sim-carrier.ts';

const KEY = Buffer.from('simulated carrier key, 32 bytes!');
const T0 = Date.parse('2026-12-01T02:00:00Z');

describe('the simulated carrier', () => {
  it('plans a realistic journey, the same for the same waybill', () => {
    const sim = new SimulatedCarrier({ key: KEY, now: () => T0, exceptionRate: 0 });
    const plan = sim.plan('SF', 'SF1234567890', T0);
    expect(plan).toEqual(sim.plan('SF', 'SF1234567890', T0));
    const statuses = plan.map((p) => p.body.status);
    expect(statuses[0]).toBe('picked_up');
    expect(statuses.slice(-2)).toEqual(['out_for_delivery', 'delivered']);
    expect(statuses.filter((s) => s === 'in_transit').length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < plan.length; i++) expect((plan[i]?.at as number) > (plan[i - 1]?.at as number)).toBe(true);
    expect(plan[0]?.at as number).toBeGreaterThan(T0);
  });

  it('ends in an exception for the configured share of packages', () => {
    const all = new SimulatedCarrier({ key: KEY, now: () => T0, exceptionRate: 1 });
    expect(all.plan('ZTO', '73100012345678', T0).at(-1)?.body.status).toBe('exception');
    const some = new SimulatedCarrier({ key: KEY, now: () => T0 });
    const ends = Array.from({ length: 1000 }, (_, i) => some.plan('SF', `SF${1_000_000_000 + i}`, T0).at(-1)?.body.status);
    const exceptions = ends.filter((s) => s === 'exception').length;
    expect(exceptions).toBeGreaterThan(5);
    expect(exceptions).toBeLessThan(70);
  });

  it('posts signed pushes as their time comes, keeping one the platform did not take', async () => {
    let now = T0;
    const sim = new SimulatedCarrier({ key: KEY, now: () => now, exceptionRate: 0 });
    const got: Array<{ url: string; status: string }> = [];
    let answer = 503;
    sim.setDeliver(async (url, headers, body) => {
      expect(verifyPush(KEY, body, headers['x-logistics-signature'])).toBe(true);
      if (answer === 200) got.push({ url, status: JSON.parse(body).status });
      return answer;
    });
    await sim.subscribe({
      carrier: 'SF',
      trackingNo: 'SF1234567890',
      callbackUrl: 'http://x/api/logistics/push/SF',
      shippedAt: new Date(T0),
    });
    expect(await sim.deliverDue()).toBe(0);
    now = T0 + 2 * 3_600_000;
    expect(await sim.deliverDue()).toBe(0); // the platform is away: still due
    answer = 200;
    expect(await sim.deliverDue()).toBe(1);
    expect(got).toEqual([{ url: 'http://x/api/logistics/push/SF', status: 'picked_up' }]);
    now = T0 + 10 * 86_400_000;
    await sim.deliverDue();
    expect(got.at(-1)?.status).toBe('delivered');
    expect(sim.pending()).toBe(0);
  });
});
