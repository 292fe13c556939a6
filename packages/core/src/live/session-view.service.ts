/**
 * Sessions as their screens show them: who may see one (`get`, `list`), the names a session's page needs —
 * the streamer's, the products' titles and lowest prices, looked up once per kind for a whole page — its
 * statistics (counted from orders while live, through the orders context's reader port), and who may enter its room.
 */
import type { SessionCatalog } from '../catalog/index.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import type { LiveSessionRecord, SessionDetail, SessionListing, SessionTotalsReader } from './live.types.ts';

export interface SessionViewDeps {
  uow: ScopedUnitOfWork<'live' | 'users' | 'catalog'>;
  /** paid orders and GMV of a live session (the orders context); without it a live session shows its stored totals */
  totals?: SessionTotalsReader | undefined;
  /** the products on a page and their SKUs, through the catalog's reader */
  catalog: Pick<SessionCatalog, 'productsWithSkusIn'>;
}

/** Roles that manage every live room (beside its streamer and co-hosts). */
const ROOM_MANAGERS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'reviewer']);

export class SessionViewService {
  constructor(private readonly d: SessionViewDeps) {}

  /** A session as its streamer, co-hosts, MCN, the merchants of its products and the platform see it. */
  async get(actor: Actor, id: string): Promise<SessionDetail> {
    const s = await this.d.uow.read.live.findSession(id);
    if (!s) throw new AppError('live.not_found', { field: 'id' });
    const products = await this.d.uow.read.live.listProducts(id);
    const may =
      isCrossTenant(actor) ||
      s.streamerUserId === actor.userId ||
      (actor.userId !== null && s.coHostUserIds.includes(actor.userId)) ||
      (actor.role === 'mcn_manager' && actor.orgId !== null && actor.orgId === s.mcnOrgId) ||
      // a live session is public: viewers enter the room
      s.status === 'live' ||
      (actor.role === 'merchant_staff' && products.some((p) => p.merchantOrgId === actor.orgId));
    if (!may) throw new AppError('live.not_found', { field: 'id' });
    return { session: s, products };
  }

  /** The streamer's sessions, the MCN's streamers' sessions, or (anyone) the sessions live now. */
  list(actor: Actor, scope: 'mine' | 'live'): Promise<LiveSessionRecord[]> {
    const r = this.d.uow.read.live;
    if (scope === 'live') return r.listSessions({ status: ['live'], limit: 100 });
    if (actor.role === 'streamer' && actor.userId) return r.listSessions({ streamerUserId: actor.userId, limit: 100 });
    if (actor.role === 'mcn_manager' && actor.orgId) return r.listSessions({ mcnOrgId: actor.orgId, limit: 100 });
    if (isCrossTenant(actor)) return r.listSessions({ limit: 100 });
    return Promise.resolve([]);
  }

  /** The sessions of `list`, each with its products and names (one query per kind of name for the page). */
  async listDescribed(actor: Actor, scope: 'mine' | 'live'): Promise<SessionListing[]> {
    const sessions = await this.list(actor, scope);
    const products = await Promise.all(sessions.map((s) => this.d.uow.read.live.listProducts(s.id)));
    return this.describeMany(sessions.map((session, i) => ({ session, products: products[i] ?? [] })));
  }

  /** A session with the names its page shows. */
  async describe(d: SessionDetail): Promise<SessionListing> {
    return (await this.describeMany([d]))[0] as SessionListing;
  }

  private async describeMany(details: SessionDetail[]): Promise<SessionListing[]> {
    if (details.length === 0) return [];
    const read = this.d.uow.read;
    const productIds = [...new Set(details.flatMap((d) => d.products.map((p) => p.productId)))];
    const [streamers, { products, skus }] = await Promise.all([
      read.users.findByIds([...new Set(details.map((d) => d.session.streamerUserId))]),
      this.d.catalog.productsWithSkusIn(read, productIds),
    ]);
    const nameOf = new Map(streamers.map((u) => [u.id, u.displayName]));
    const productOf = new Map(products.map((p) => [p.id, p]));
    const out: SessionListing[] = [];
    for (const { session: s, products: onSession } of details) {
      // while live, orders and GMV are counted as they are paid; at the end they are kept on the session
      const totals =
        s.status === 'live' && this.d.totals ? await this.d.totals.sessionTotals(s.id) : { orders: s.orders, gmvFen: s.gmvFen };
      out.push({
        session: s,
        streamerName: nameOf.get(s.streamerUserId) ?? '',
        stats: { peakViewers: s.peakViewers, avgViewers: s.avgViewers, chatMessages: s.chatMessages, ...totals },
        products: onSession.map((p) => {
          const prices = skus.filter((k) => k.productId === p.productId).map((k) => k.priceFen);
          const product = productOf.get(p.productId);
          return {
            productId: p.productId,
            title: product?.title ?? '',
            categoryId: product?.categoryId ?? null,
            merchantOrgId: p.merchantOrgId,
            agreementId: p.agreementId,
            minPriceFen: prices.length > 0 ? Math.min(...prices) : null,
          };
        }),
      });
    }
    return out;
  }

  /**
   * Who enters a live room: anyone while it is live; its streamer, co-hosts and the platform's managers also while
   * it is scheduled. Null when the room is closed to `actor` (ended, cancelled, unknown, or not yet open).
   */
  async roomEntry(
    actor: Actor | null,
    sessionId: string,
  ): Promise<{ session: LiveSessionRecord; canManage: boolean; name: string | null } | null> {
    const s = await this.d.uow.read.live.findSession(sessionId);
    const canManage =
      actor !== null &&
      s !== null &&
      (actor.userId === s.streamerUserId ||
        (actor.userId !== null && s.coHostUserIds.includes(actor.userId)) ||
        ROOM_MANAGERS.has(actor.role));
    if (!s || s.status === 'ended' || s.status === 'cancelled' || (s.status === 'scheduled' && !canManage)) return null;
    const user = actor?.userId ? await this.d.uow.read.users.findById(actor.userId) : null;
    return { session: s, canManage, name: user?.displayName ?? null };
  }
}
