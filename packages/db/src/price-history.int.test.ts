/**
 * The 7-day lowest price is one SQL query over the price history (price points in effect over [from, to)). This
 * property test generates price histories — changes at random instants, several at the same instant, promotions
 * overlapping list prices — writes them through the repository, and compares the query's answer for random
 * windows with a model that replays the history instant by instant.
 */
import { randomUUID } from 'node:crypto';
import type { PricePointRecord, UnitOfWork } from '@livehub/core';
import { availableDrivers, openTestDatabase, type TestDatabase } from '@livehub/testing';
import { org, product, sku } from '@livehub/testing/fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const T0 = Date.parse('2026-05-01T00:00:00Z');
const HOUR = 3_600_000;

interface Change {
  atH: number;
  priceFen: number;
  source: 'list' | 'promotion';
  /** a promotion ends after this many hours (list prices run until the next change) */
  lastsH: number;
}

/** The prices in effect at instant t (ms): the last list change at or before t, and every promotion running at t. */
function pricesAt(changes: Change[], t: number): number[] {
  const out: number[] = [];
  let list: number | null = null;
  for (const c of changes) {
    const at = T0 + c.atH * HOUR;
    if (at > t) break;
    if (c.source === 'list') list = c.priceFen;
    else if (at + c.lastsH * HOUR > t) out.push(c.priceFen);
  }
  if (list !== null) out.push(list);
  return out;
}

/** The model: the minimum over every instant of [from, to) — only instants where something changes matter. */
function modelLowest(changes: Change[], from: number, to: number): number | null {
  const instants = new Set<number>([from]);
  for (const c of changes) {
    const at = T0 + c.atH * HOUR;
    for (const x of [at, at + c.lastsH * HOUR]) if (x >= from && x < to) instants.add(x);
  }
  let low: number | null = null;
  for (const t of instants) for (const p of pricesAt(changes, t)) low = low === null ? p : Math.min(low, p);
  return low;
}

const changeArb = fc.record({
  // a few fixed instants make same-instant changes (a superseded price that never took effect) common
  atH: fc.oneof(fc.integer({ min: 0, max: 24 * 30 }), fc.constantFrom(24, 48, 96)),
  priceFen: fc.integer({ min: 1, max: 100_000 }),
  source: fc.constantFrom<'list' | 'promotion'>('list', 'list', 'list', 'promotion'),
  lastsH: fc.integer({ min: 1, max: 72 }),
});

for (const driver of availableDrivers()) {
  describe(`7-day lowest price (${driver})`, () => {
    let t: TestDatabase;
    let uow: UnitOfWork;
    let productId: string;

    beforeAll(async () => {
      t = await openTestDatabase(driver);
      uow = t.database.uow;
      const now = new Date(T0);
      const orgId = randomUUID();
      await uow.transaction(async (tx) => {
        await tx.orgs.insert(org({ id: orgId, name: '价格测试商家', district: null, createdAt: now }));
        productId = randomUUID();
        await tx.catalog.insertProduct(product(orgId, { id: productId, title: '价格历史测试商品', createdAt: now, updatedAt: now }));
      });
    });
    afterAll(async () => t?.drop());

    it('equals the instant-by-instant model for generated histories and windows', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(changeArb, { minLength: 1, maxLength: 25 }),
          fc.array(fc.tuple(fc.integer({ min: -48, max: 24 * 32 }), fc.integer({ min: 1, max: 24 * 10 })), { minLength: 1, maxLength: 6 }),
          async (raw, windows) => {
            // the history as it happens: in time order (stable for same-instant changes)
            const changes = raw.map((c, i) => ({ ...c, i })).sort((a, b) => a.atH - b.atH || a.i - b.i);
            const skuId = randomUUID();
            await uow.transaction(async (tx) => {
              await tx.catalog.insertSku(
                sku(productId, { id: skuId, priceFen: 1, stock: 0, createdAt: new Date(T0), updatedAt: new Date(T0) }),
              );
              for (const c of changes) {
                const at = new Date(T0 + c.atH * HOUR);
                const point: PricePointRecord = {
                  id: randomUUID(),
                  skuId,
                  priceFen: c.priceFen,
                  source: c.source,
                  validFrom: at,
                  validTo: c.source === 'promotion' ? new Date(at.getTime() + c.lastsH * HOUR) : null,
                };
                if (c.source === 'list') await tx.catalog.recordPrice(point);
                else await tx.catalog.insertPricePoint(point);
              }
            });
            for (const [startH, lenH] of windows) {
              const from = T0 + startH * HOUR;
              const to = from + lenH * HOUR;
              const got = (await uow.read.catalog.lowestPrice([skuId], new Date(from), new Date(to))).get(skuId) ?? null;
              expect(got).toBe(modelLowest(changes, from, to));
            }
          },
        ),
        { numRuns: driver === 'pglite' ? 40 : 60 },
      );
    });

    it('answers a 7-day window in one query for many SKUs at once', async () => {
      const ids = [randomUUID(), randomUUID()];
      await uow.transaction(async (tx) => {
        for (const [i, id] of ids.entries()) {
          await tx.catalog.insertSku(
            sku(productId, { id, name: `规格${i}`, priceFen: 1, stock: 0, sort: i, createdAt: new Date(T0), updatedAt: new Date(T0) }),
          );
          // 299 for a month, 199 for two days ten days ago, 259 from three days ago
          const listPrice = (priceFen: number, fromMs: number) =>
            tx.catalog.recordPrice({ id: randomUUID(), skuId: id, priceFen, source: 'list', validFrom: new Date(fromMs), validTo: null });
          await listPrice(29900 + i, T0);
          await listPrice(19900, T0 + 20 * 24 * HOUR);
          await listPrice(29900, T0 + 22 * 24 * HOUR);
          await listPrice(25900, T0 + 27 * 24 * HOUR);
        }
      });
      const now = T0 + 30 * 24 * HOUR;
      const week = await uow.read.catalog.lowestPrice(ids, new Date(now - 7 * 24 * HOUR), new Date(now));
      expect([...week.values()]).toEqual([25900, 25900]);
      const twoWeeks = await uow.read.catalog.lowestPrice(ids, new Date(now - 14 * 24 * HOUR), new Date(now));
      expect([...twoWeeks.values()]).toEqual([19900, 19900]);
    });
  });
}
