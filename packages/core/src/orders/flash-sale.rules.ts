/** Pure rules of a flash sale: its counter keys and the shape it is shown in. */
import type { FlashSaleView } from '@livehub/contracts';
import type { FlashSaleRecord } from './order.types.ts';

/**
 * The counter keys of one flash sale. The sale's id sits in a Redis hash tag (`{…}`), so all its keys live in one
 * hash slot: the attempt step's script touches three of them at once, which Redis Cluster allows only within a slot.
 */
export const flashSaleKeys = {
  prefix: (saleId: string) => `fs:{${saleId}}:`,
  /** units left to sell */
  left: (saleId: string) => `fs:{${saleId}}:left`,
  /** units the buyer holds (per-user limit) */
  user: (saleId: string, userId: string) => `fs:{${saleId}}:u:${userId}`,
  /** set once the buyer's counter was corrected down (see FlashWinnerBatcher.userCounterWasStale) */
  corrected: (saleId: string, userId: string) => `fs:{${saleId}}:fixed:${userId}`,
};

/** Where a sale stands at `now`. */
export function flashSaleState(f: FlashSaleRecord, now: Date): FlashSaleView['state'] {
  if (f.status === 'cancelled') return 'cancelled';
  if (f.status === 'ended' || now >= f.endsAt) return 'ended';
  return now < f.startsAt ? 'upcoming' : 'running';
}

/** The sale as buyers and its streamer see it. */
export function flashSaleView(
  f: FlashSaleRecord,
  s: { left: number; listPriceFen: number; title: string; sold: number; now: Date },
): FlashSaleView {
  return {
    id: f.id,
    sessionId: f.sessionId,
    productId: f.productId,
    skuId: f.skuId,
    title: s.title,
    priceFen: f.priceFen,
    listPriceFen: s.listPriceFen,
    quantity: f.quantity,
    left: s.left,
    sold: s.sold,
    perUserLimit: f.perUserLimit,
    startsAt: f.startsAt.toISOString(),
    endsAt: f.endsAt.toISOString(),
    state: flashSaleState(f, s.now),
  };
}
