/** A flash sale's counter keys share one hash slot; its state follows its status and clock. */
import { describe, expect, it } from 'vitest';
import { flashSaleKeys, flashSaleState, flashSaleView } from './flash-sale.rules.ts';
import type { FlashSaleRecord } from './order.types.ts';

const sale = (over: Partial<FlashSaleRecord> = {}): FlashSaleRecord => ({
  id: 'f1',
  sessionId: 'ls1',
  productId: 'p1',
  skuId: 's1',
  merchantOrgId: 'm1',
  createdBy: 'u1',
  priceFen: 100,
  quantity: 10,
  perUserLimit: 2,
  startsAt: new Date('2026-03-05T10:00:00Z'),
  endsAt: new Date('2026-03-05T10:05:00Z'),
  status: 'scheduled',
  returnedQty: 0,
  createdAt: new Date('2026-03-05T09:00:00Z'),
  updatedAt: new Date('2026-03-05T09:00:00Z'),
  ...over,
});

describe('flashSaleKeys', () => {
  it('keeps every key of a sale under its prefix and in one hash tag', () => {
    const keys = [flashSaleKeys.left('f1'), flashSaleKeys.user('f1', 'u1'), flashSaleKeys.corrected('f1', 'u1')];
    for (const k of keys) {
      expect(k.startsWith(flashSaleKeys.prefix('f1'))).toBe(true);
      expect(k).toContain('{f1}');
    }
    expect(new Set(keys).size).toBe(3);
  });
});

describe('flashSaleState', () => {
  it('is upcoming, running, then ended; cancelled wins', () => {
    expect(flashSaleState(sale(), new Date('2026-03-05T09:59:59Z'))).toBe('upcoming');
    expect(flashSaleState(sale(), new Date('2026-03-05T10:00:00Z'))).toBe('running');
    expect(flashSaleState(sale(), new Date('2026-03-05T10:05:00Z'))).toBe('ended');
    expect(flashSaleState(sale({ status: 'ended' }), new Date('2026-03-05T10:01:00Z'))).toBe('ended');
    expect(flashSaleState(sale({ status: 'cancelled' }), new Date('2026-03-05T09:00:00Z'))).toBe('cancelled');
  });

  it('is shown with its stock, list price and title', () => {
    const v = flashSaleView(sale(), { left: 4, listPriceFen: 300, title: '茶叶', sold: 6, now: new Date('2026-03-05T10:01:00Z') });
    expect(v).toEqual({
      id: 'f1',
      sessionId: 'ls1',
      productId: 'p1',
      skuId: 's1',
      title: '茶叶',
      priceFen: 100,
      listPriceFen: 300,
      quantity: 10,
      left: 4,
      sold: 6,
      perUserLimit: 2,
      startsAt: '2026-03-05T10:00:00.000Z',
      endsAt: '2026-03-05T10:05:00.000Z',
      state: 'running',
    });
  });
});
