/**
 * 加购 in a live room (docs/supply.md § Live demand, ADR 0042): a signed-in viewer's tap on 加入购物车 for a SKU on
 * sale in a live session adds one to that session × SKU × session-minute counter — once per viewer per SKU per minute.
 * The repeat is recognised by a short-lived key in the shared store (Redis with REDIS_URL) named by a keyed hash of
 * session, SKU, minute and viewer, as the audience count does (ADR 0037); the counter table holds no viewer. It owns
 * the counters only: no cart is kept, and nothing here reserves stock or places an order.
 */
import { AppError } from '../errors.ts';
import type { LockStore, PubSub } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { DemandSource } from './demand-source.port.ts';
import { CART_SEEN_TTL_MS, cartSeenKey, cartSeenSubject, sessionMinute } from './demand.rules.ts';

export interface CartSignalDeps {
  uow: ScopedUnitOfWork<'supply'>;
  clock: Clock;
  /** the deployment's keyed hash (`blindIndex`): the repeat key never names the viewer */
  vault: Pick<PiiVault, 'blindIndex'>;
  /** the shared short-lived store: one key per viewer, SKU and minute, expiring */
  seen: LockStore;
  source: DemandSource;
  pubsub: PubSub;
  eventsChannel(topic: string): string;
}

/** The topic a counted 加购 nudges watching demand boards on (pub/sub only: the counter is the record). */
export const CART_ADD_TOPIC = 'supply.cart_add';

export interface CartSignalResult {
  sessionId: string;
  skuId: string;
  /** the session minute it was counted in (0 = the first) */
  minute: number;
  /** false: this viewer's 加购 of the SKU was already counted in this minute */
  counted: boolean;
}

export class CartSignalService {
  constructor(private readonly d: CartSignalDeps) {}

  /**
   * Records a viewer's 加购 of `skuId` in the live session: refused when the session does not exist (404), is not live
   * (409), or the SKU is not one of a product on sale in it (400 on `skuId`); counted once per viewer per SKU per
   * session minute (a repeat answers `counted: false` and changes nothing).
   */
  async add(actor: Actor, sessionId: string, skuId: string): Promise<CartSignalResult> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    const s = await this.d.source.session(sessionId);
    if (!s) throw new AppError('supply.cart_session_not_found', { field: 'id' });
    if (s.status !== 'live' || !s.startedAt) throw new AppError('supply.cart_session_not_live', { field: 'id' });
    const skus = await this.d.source.skus(s.products.map((p) => p.productId));
    if (!skus.some((k) => k.id === skuId)) throw new AppError('supply.sku_not_on_sale', { field: 'skuId' });
    const now = this.d.clock.now();
    const minute = sessionMinute(s.startedAt, now);
    const key = cartSeenKey(sessionId, this.d.vault.blindIndex(cartSeenSubject(sessionId, skuId, minute, userId)));
    if ((await this.d.seen.acquire(key, CART_SEEN_TTL_MS)) === null) return { sessionId, skuId, minute, counted: false };
    await this.d.uow.transaction((tx) => tx.supply.addCart(sessionId, skuId, minute, now));
    // a nudge for the boards watching (they rebuild from the counters); losing one only delays a refresh
    await this.d.pubsub.publish(this.d.eventsChannel(CART_ADD_TOPIC), JSON.stringify({ sessionId, skuId, minute })).catch(() => {});
    return { sessionId, skuId, minute, counted: true };
  }
}
