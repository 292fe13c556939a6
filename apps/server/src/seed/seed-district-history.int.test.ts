/**
 * The district's history (`livehub seed --demo --history 3d`), told through the services on the platform's moved
 * clock: sessions on each day, the statistics rollups fed for those days through the outbox, the planted ring
 * flagged by the fake-order detector, the planted offender and complaint spike raising their clues, and the clock
 * put back.
 */
import { cliActor } from '@livehub/core';
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffsetClock } from '../adapters/runtime.ts';
import { seedDemo, type SeedResult } from './index.ts';
import { plantedOn } from './seed-district-history.ts';

const DAYS = 3;
const DAY = 86_400_000;
const CST = 8 * 3_600_000;
/** the Chinese calendar day of an instant */
const cstDay = (t: number) => new Date(t + CST).toISOString().slice(0, 10);

let p: TestPlatform;
let clock: OffsetClock;
let seed: SeedResult;
beforeAll(async () => {
  clock = new OffsetClock();
  p = await createTestPlatform({ clock });
  seed = await seedDemo(p.c, { history: clock, historyDays: DAYS });
});
afterAll(async () => p?.close());

describe('the demo district history', () => {
  it('has sessions and statistics on each day, the ring flagged, the planted clues raised, the clock back', async () => {
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());

    const h = seed.history;
    expect(h).not.toBeNull();
    expect(h?.days).toBe(DAYS);
    expect(h?.ringOrders).toBe(6);
    expect(h?.confirmed).toBe(3);

    const days = Array.from({ length: DAYS }, (_, i) => cstDay(now - (DAYS - i) * DAY));
    const sessions = await p.c.database.exec(`select started_at from live_sessions where started_at is not null`);
    const sessionDays = new Set(sessions.map((r) => cstDay(new Date(r.started_at as string | Date).getTime())));
    const statDays = new Set(
      (await p.c.database.exec(`select day::text as day from stats_daily group by day having sum(sessions) > 0 and sum(orders) > 0`)).map(
        (r) => r.day as string,
      ),
    );
    for (const d of days) {
      expect(sessionDays.has(d), `sessions on ${d}`).toBe(true);
      expect(statDays.has(d), `statistics on ${d}`).toBe(true);
    }

    // the ring's six accounts, and only they, are the 疑似刷单 clue of their session
    const ringIds = new Set<string>();
    for (let i = 180; i <= 185; i++) {
      const u = await p.c.uow.read.users.findByUsername(`consumer_${String(i).padStart(5, '0')}`);
      if (u) ringIds.add(u.id);
    }
    const ringOrders = await p.c.database.exec(
      `select id from orders where buyer_user_id in (${[...ringIds].map((x) => `'${x}'`).join(',')})`,
    );
    expect(ringOrders).toHaveLength(6);
    const fake = await p.c.database.exec(`select facts from clues where rule = 'fake_orders'`);
    const ringIdsOrders = new Set(ringOrders.map((r) => r.id as string));
    const ringClue = fake.find((r) => {
      const f = (typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) as { orderIds?: string[] };
      return (f.orderIds ?? []).some((o) => ringIdsOrders.has(o));
    });
    expect(ringClue, JSON.stringify(fake)).toBeDefined();
    const facts = (typeof ringClue?.facts === 'string' ? JSON.parse(ringClue.facts) : ringClue?.facts) as { orderIds: string[] };
    expect(new Set(facts.orderIds)).toEqual(ringIdsOrders);

    // the planted offender (three confirmed violations) and the complaint spike (five in a week)
    const planted = h?.planted;
    const clueOn = async (rule: string, subject: string) =>
      (await p.c.database.exec(`select count(*)::int as n from clues where rule = '${rule}' and subject_id = '${subject}'`))[0]?.n;
    expect(Number(await clueOn('fake_orders', planted?.ringMerchantOrgId ?? ''))).toBeGreaterThan(0);
    expect(Number(await clueOn('repeat_violation', planted?.offenderUserId ?? ''))).toBe(1);
    expect(Number(await clueOn('complaint_spike', planted?.spikeMerchantOrgId ?? ''))).toBe(1);

    // the rollups fed through the outbox on the moved clock are what a recomputation from the source tables gives
    const daily = `select day::text as day, district, base_id, category, gmv_fen::text as g, orders, sessions, refund_fen::text as r
      from stats_daily order by day, district, base_id, category`;
    const fed = await p.c.database.exec(daily);
    await p.c.statistics.rebuild(cliActor('test'));
    expect(await p.c.database.exec(daily)).toEqual(fed);
  });

  it('spreads planted events over the last days of the history', () => {
    for (const [days, total, window] of [
      [30, 5, 5],
      [3, 5, 5],
      [1, 3, 3],
      [90, 3, 3],
    ] as const) {
      let sum = 0;
      for (let d = 0; d < days; d++) sum += plantedOn(d, days, total, window);
      expect(sum).toBe(total);
      expect(plantedOn(0, days, total, window) === 0 || days <= window).toBe(true);
    }
  });

  it('brought the stock in from the supplier before any of it left: no opening, every shipment after its SKU’s first receipt', async () => {
    const { rows } = await p.c.uow.read.inventory.listMovements({ limit: 100_000, offset: 0 });
    expect(rows.some((m) => m.kind === 'opening')).toBe(false);
    const firstReceipt = new Map<string, number>();
    for (const m of rows)
      if (m.kind === 'receipt' && m.refType === 'purchase_order')
        firstReceipt.set(m.skuId, Math.min(firstReceipt.get(m.skuId) ?? Number.POSITIVE_INFINITY, m.at.getTime()));
    const shipments = rows.filter((m) => m.kind === 'shipment' && m.refType === 'order');
    expect(shipments.length).toBeGreaterThan(0);
    expect(shipments.filter((m) => !((firstReceipt.get(m.skuId) ?? Number.POSITIVE_INFINITY) < m.at.getTime()))).toEqual([]);
  });
});
