/**
 * Orders as their readers see them: one order, a page of orders (names looked up once per kind for the page), the
 * shipping label (the full address, audited) and a session's totals.
 */
import type { OrderStatus, OrderView } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { PiiVault } from '../ports/runtime.ts';
import { maskName } from '../registry/index.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { maskAddress, maskPhone } from '../shared/masking.ts';
import { type Address, DAY_MS, type OrderReader, RETURN_WINDOW_DAYS, readerOf } from './order.rules.ts';
import type { OrderLineRecord, OrderRecord } from './order.types.ts';
import { requireUser } from './orders.internal.ts';

/** The tables an order's view reads: the order's own, and the names of its merchant, buyer, streamer and session. */
export type OrderViewReads = Pick<Repositories, 'orders' | 'users' | 'orgs' | 'live'>;

export interface OrderViewDeps {
  uow: ScopedUnitOfWork<'orders' | 'users' | 'orgs' | 'live' | 'audit'>;
  vault: PiiVault;
  audit: AuditService;
}

export interface OrderListQuery {
  as: OrderReader;
  status?: OrderStatus | undefined;
  sessionId?: string | undefined;
  limit: number;
  before?: string | undefined;
  beforeId?: string | undefined;
}

/** The key of a name in the map `view` fills and its callers may prefill (`buyerNames`). */
function nameKey(kind: 'org' | 'user' | 'session', id: string): string {
  return `${kind}:${id}`;
}

export class OrderViewService {
  constructor(private readonly d: OrderViewDeps) {}

  /** Who `actor` is to the order; `orders.not_found` when they may not read it. */
  readable(actor: Actor, o: OrderRecord): OrderReader {
    const as = readerOf(actor, o);
    if (!as) throw new AppError('orders.not_found', { field: 'id' });
    return as;
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    const o = await this.d.uow.read.orders.findOrder(id);
    if (!o) throw new AppError('orders.not_found', { field: 'id' });
    const as = this.readable(actor, o);
    return this.view(this.d.uow.read, o, await this.d.uow.read.orders.listLines([o.id]), { as });
  }

  async list(actor: Actor, q: OrderListQuery): Promise<OrderView[]> {
    const scope: Parameters<Repositories['orders']['listOrders']>[0] = { limit: q.limit };
    if (q.as === 'buyer') scope.buyerUserId = requireUser(actor);
    else if (q.as === 'merchant') {
      if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
      scope.merchantOrgId = actor.orgId;
    } else if (q.as === 'streamer') {
      if (actor.role !== 'streamer' || !actor.userId) throw new AppError('auth.forbidden');
      scope.streamerUserId = actor.userId;
    } else if (!isCrossTenant(actor)) throw new AppError('auth.forbidden');
    if (q.status) scope.status = q.status;
    if (q.sessionId) scope.sessionId = q.sessionId;
    if (q.before) scope.before = new Date(q.before);
    if (q.before && q.beforeId) scope.beforeId = q.beforeId;
    const read = this.d.uow.read;
    const rows = await read.orders.listOrders(scope);
    const lines = await read.orders.listLines(rows.map((o) => o.id));
    const byOrder = new Map<string, OrderLineRecord[]>();
    for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
    const names = await this.buyerNames(
      read,
      rows.map((o) => o.buyerUserId),
    );
    const pendingRefunds = new Set(await read.orders.withPendingRefunds(rows.map((o) => o.id)));
    const out: OrderView[] = [];
    for (const o of rows) out.push(await this.view(read, o, byOrder.get(o.id) ?? [], { as: q.as, names, pendingRefunds }));
    return out;
  }

  /** The buyers' names for `view`, with one query for all of them (not one per order). */
  async buyerNames(repos: Pick<Repositories, 'users'>, userIds: string[]): Promise<Map<string, string>> {
    return new Map((await repos.users.findByIds(userIds)).map((u) => [nameKey('user', u.id), u.displayName]));
  }

  /** The order as its reader may see it: the address always masked, commission only for the trade's parties. */
  async view(
    repos: OrderViewReads,
    o: OrderRecord,
    lines: OrderLineRecord[],
    opts: {
      as: OrderReader;
      names?: Map<string, string>;
      /** the orders with a refund pending, when the caller looked them up for a whole page */
      pendingRefunds?: Set<string>;
    },
  ): Promise<OrderView> {
    const names = opts.names ?? new Map<string, string>();
    const nameOf = async (kind: 'org' | 'user' | 'session', id: string | null): Promise<string | null> => {
      if (!id) return null;
      const k = nameKey(kind, id);
      if (!names.has(k)) {
        const v =
          kind === 'org'
            ? (await repos.orgs.findById(id))?.name
            : kind === 'user'
              ? (await repos.users.findById(id))?.displayName
              : (await repos.live.findSession(id))?.title;
        names.set(k, v ?? '');
      }
      return names.get(k) ?? null;
    };
    const address = JSON.parse(this.d.vault.decrypt(o.addressEnc)) as Address;
    const showCommission = opts.as !== 'buyer';
    return {
      id: o.id,
      orderNo: o.orderNo,
      status: o.status,
      merchantOrgId: o.merchantOrgId,
      merchantName: (await nameOf('org', o.merchantOrgId)) ?? '',
      buyerName: maskName((await nameOf('user', o.buyerUserId)) ?? ''),
      lines: lines
        .sort((a, b) => a.lineNo - b.lineNo)
        .map((l) => ({
          lineNo: l.lineNo,
          productId: l.productId,
          skuId: l.skuId,
          title: l.title,
          skuName: l.skuName,
          unitPriceFen: l.unitPriceFen,
          qty: l.qty,
          noReasonReturn: l.noReasonReturn,
          returnedQty: l.returnedQty,
          ...(showCommission ? { commissionFen: l.commissionFen - l.reversedCommissionFen } : {}),
        })),
      totalFen: o.totalFen,
      refundedFen: o.refundedFen,
      refundPending:
        o.status !== 'created' &&
        (opts.pendingRefunds ? opts.pendingRefunds.has(o.id) : (await repos.orders.listRefunds(o.id)).some((r) => r.status === 'pending')),
      address: {
        name: maskName(address.name),
        phone: maskPhone(address.phone),
        region: address.region,
        detail: maskAddress(address.detail),
      },
      attribution: {
        sessionId: o.sessionId,
        sessionTitle: await nameOf('session', o.sessionId),
        streamerName: await nameOf('user', o.streamerUserId),
        flashSaleId: o.flashSaleId,
      },
      payBy: o.payBy.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
      shippedAt: o.shippedAt?.toISOString() ?? null,
      deliveredAt: o.deliveredAt?.toISOString() ?? null,
      completedAt: o.completedAt?.toISOString() ?? null,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
      cancelReason: o.cancelReason,
      carrier: o.carrier,
      trackingNo: o.trackingNo,
      returnBy: o.deliveredAt ? new Date(o.deliveredAt.getTime() + RETURN_WINDOW_DAYS * DAY_MS).toISOString() : null,
      createdAt: o.createdAt.toISOString(),
    };
  }

  /** 面单: the merchant sees the full address to ship, and the look is audited. */
  async shippingLabel(actor: Actor, id: string): Promise<Address & { orderNo: string }> {
    return this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id);
      if (!o || actor.role !== 'merchant_staff' || actor.orgId !== o.merchantOrgId) throw new AppError('orders.not_found', { field: 'id' });
      if (o.status !== 'paid' && o.status !== 'shipped')
        throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'shipping_label' } });
      await this.d.audit.record(tx, actor, { action: 'order.shipping_label', targetType: 'order', targetId: o.id, orgId: o.merchantOrgId });
      return { ...(JSON.parse(this.d.vault.decrypt(o.addressEnc)) as Address), orderNo: o.orderNo };
    });
  }

  /** Session statistics: paid orders and GMV attributed to a session. */
  sessionTotals(sessionId: string) {
    return this.d.uow.read.orders.sessionTotals(sessionId);
  }
}
