/**
 * Live demand shared with suppliers (需求协同, issue #20 item 4): during a live session, per SKU per minute units
 * sold (paid orders), orders placed (paid or not) and 加购 counted in the room (`CartSignalService`), the sell
 * rate and the projected sell-out time (预计售罄) against the SKU's sellable stock. An alert is stored once per SKU per session per level (`selling_out`, `sold_out`: the unique key decides) and leaves
 * through the outbox to the merchant's and every linked supplier's inbox; the board is pushed live (`watch`, served
 * as Server-Sent Events). Computed on the server's tick for every live session and on each read. docs/supply.md.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { PubSub, Unsubscribe } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import { streamSnapshots } from '../shared/snapshot-stream.ts';
import type { NameReader, Names } from '../shared/name-directory.ts';
import { CART_ADD_TOPIC } from './cart-signal.service.ts';
import type { DemandSource } from './demand-source.port.ts';
import { type DemandScope, demandScope, seesProduct, suppliersOf } from './demand-scope.ts';
import { alertLevel, DEMAND_RULES, projectSellOut, round1, skuDemand, suggestedQty } from './demand.rules.ts';
import type {
  DemandAlertListing,
  DemandAlertRecord,
  DemandBoardListing,
  DemandSession,
  DemandSessionListing,
  DemandSkuListing,
} from './supply.types.ts';

export interface DemandDeps {
  uow: ScopedUnitOfWork<'supply' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  source: DemandSource;
  pubsub: PubSub;
  eventsChannel(topic: string): string;
}

/** Live sessions looked at per read or tick. */
const MAX_LIVE_SESSIONS = 100;
/** Order lines read per session (a session with more is judged on the first ones). */
const MAX_LINES = 50_000;
const RECENT_ALERTS = 50;
/** What nudges a watching board: an order created anywhere, a 加购 counted, a demand alert raised, a session started or ended. */
export const DEMAND_TOPICS = ['order.created', CART_ADD_TOPIC, 'supply.demand_alert', 'live.started', 'live.ended'] as const;

interface Computed {
  session: DemandSession;
  rows: Array<Omit<DemandSkuListing, 'productName' | 'merchantName' | 'skuName'> & { skuName: string }>;
}

export class DemandService {
  constructor(private readonly d: DemandDeps) {}

  private async scopeOf(actor: Actor): Promise<DemandScope> {
    if (!actor.userId) throw new AppError('auth.required');
    const asSupplier =
      actor.orgId && (actor.role === 'provider_staff' || actor.role === 'merchant_staff')
        ? await this.d.uow.read.supply.listLinks({ supplierOrgId: actor.orgId })
        : [];
    return demandScope(actor, asSupplier);
  }

  /** The caller's live sessions now with the demand of the products it may see, and its recent alerts. */
  async board(actor: Actor): Promise<DemandBoardListing> {
    const scope = await this.scopeOf(actor);
    const now = this.d.clock.now();
    const live = await this.d.source.liveSessions(MAX_LIVE_SESSIONS);
    const computed: Computed[] = [];
    for (const s of live) {
      const visible = s.products.filter((p) => seesProduct(scope, s, p.productId, p.merchantOrgId));
      if (visible.length === 0) continue;
      computed.push(await this.compute(s, now, new Set(visible.map((p) => p.productId))));
    }
    const alerts = (await this.visibleAlerts(scope, { limit: RECENT_ALERTS, live })).slice(0, RECENT_ALERTS);
    return this.named(now, computed, alerts);
  }

  /** One session's demand (live or ended), for the products the caller may see; none → not found. */
  async session(actor: Actor, sessionId: string): Promise<DemandSessionListing> {
    const scope = await this.scopeOf(actor);
    const s = await this.d.source.session(sessionId);
    const visible = s?.products.filter((p) => seesProduct(scope, s, p.productId, p.merchantOrgId)) ?? [];
    if (!s || visible.length === 0) throw new AppError('supply.session_not_found', { field: 'id' });
    const now = this.d.clock.now();
    const c = await this.compute(s, now, new Set(visible.map((p) => p.productId)));
    const alerts = await this.visibleAlerts(scope, { sessionIds: [s.id], limit: 200 });
    const board = await this.named(now, [c], alerts);
    return board.sessions[0] as DemandSessionListing;
  }

  /** The alerts the caller may see, newest first. */
  async alerts(actor: Actor): Promise<DemandAlertListing[]> {
    const scope = await this.scopeOf(actor);
    const alerts = await this.visibleAlerts(scope, { limit: RECENT_ALERTS });
    return (await this.named(this.d.clock.now(), [], alerts)).alerts;
  }

  /** The tick: every live session's demand computed, its alerts raised. */
  async sweep(now: Date = this.d.clock.now()): Promise<{ demandAlertsRaised: number }> {
    let raised = 0;
    for (const s of await this.d.source.liveSessions(MAX_LIVE_SESSIONS)) {
      await this.compute(s, now, null, (n) => {
        raised += n;
      });
    }
    return { demandAlertsRaised: raised };
  }

  /**
   * Sends the caller's board now, then every `everyMs` and shortly after each event on `DEMAND_TOPICS`; one build
   * at a time. Returns the function that stops it.
   */
  async watch(
    actor: Actor,
    send: (b: DemandBoardListing) => void,
    opts: { everyMs?: number; settleMs?: number } = {},
  ): Promise<Unsubscribe> {
    await this.scopeOf(actor);
    return streamSnapshots({
      build: () => this.board(actor),
      send,
      pubsub: this.d.pubsub,
      channels: DEMAND_TOPICS.map((t) => this.d.eventsChannel(t)),
      everyMs: opts.everyMs ?? 10_000,
      settleMs: opts.settleMs,
    });
  }

  // ── computing and raising ──

  /** The session's demand per SKU (of `only` products, or all); alerts raised while the session is live. */
  private async compute(s: DemandSession, now: Date, only: Set<string> | null, onRaised?: (n: number) => void): Promise<Computed> {
    const products = s.products.filter((p) => !only || only.has(p.productId));
    const merchantOf = new Map(s.products.map((p) => [p.productId, p.merchantOrgId]));
    const [skus, lines, carts] = await Promise.all([
      this.d.source.skus(s.products.map((p) => p.productId)),
      this.d.source.sessionLines(s.id, MAX_LINES),
      this.d.uow.read.supply.cartAdds(s.id),
    ]);
    const demand = skuDemand(lines, s.startedAt ?? now, now, DEMAND_RULES, carts);
    const rows: Computed['rows'] = [];
    const toRaise: DemandSkuListing[] = [];
    for (const sku of skus) {
      const merchantOrgId = merchantOf.get(sku.productId);
      if (!merchantOrgId) continue;
      const d = demand.get(sku.id);
      const rate = d?.ratePerMinute ?? 0;
      const projected = projectSellOut(sku.stock, rate);
      const soldTotal = d?.soldTotal ?? 0;
      const shownProjection = soldTotal > 0 || sku.stock <= 0 ? projected : null;
      const row = {
        sessionId: s.id,
        productId: sku.productId,
        skuId: sku.id,
        skuName: sku.name,
        merchantOrgId,
        stock: sku.stock,
        soldLastMinute: d?.soldLastMinute ?? 0,
        soldTotal,
        ordersPaid: d?.ordersPaid ?? 0,
        ordersPlaced: d?.ordersPlaced ?? 0,
        ordersPlacedLastMinute: d?.ordersPlacedLastMinute ?? 0,
        cartAdds: d?.cartAdds ?? 0,
        cartAddsThisMinute: d?.cartAddsThisMinute ?? 0,
        ratePerMinute: round1(rate),
        projectedMinutes: shownProjection === null ? null : round1(shownProjection),
        level: alertLevel(sku.stock, projected, soldTotal),
        minutes: d?.minutes ?? [],
      };
      if (row.level && s.status === 'live') toRaise.push({ ...row, productName: '', merchantName: '' });
      if (products.some((p) => p.productId === sku.productId)) rows.push(row);
    }
    // a read (every board refresh) opens a transaction only for a level not yet raised in this session; the unique
    // key stays the guard when two processes raise the same one at once
    const fresh = toRaise.length > 0 ? await this.notYetRaised(s.id, toRaise) : [];
    if (fresh.length > 0) {
      const n = await this.raise(s, fresh, now);
      onRaised?.(n);
    }
    return { session: s, rows };
  }

  private async notYetRaised(sessionId: string, rows: DemandSkuListing[]): Promise<DemandSkuListing[]> {
    const stored = await this.d.uow.read.supply.listAlerts({ sessionIds: [sessionId], limit: 10_000 });
    const seen = new Set(stored.map((a) => `${a.skuId}:${a.level}`));
    return rows.filter((r) => !seen.has(`${r.skuId}:${r.level}`));
  }

  /** Stores each alert not yet raised and sends it on (audit + outbox) in one transaction; returns how many. */
  private async raise(s: DemandSession, rows: DemandSkuListing[], now: Date): Promise<number> {
    return this.d.uow.transaction(async (tx) => {
      let raised = 0;
      const links = await tx.supply.listLinks({ merchantOrgIds: [...new Set(rows.map((r) => r.merchantOrgId))] });
      for (const r of rows) {
        if (!r.level) continue;
        const alert: DemandAlertRecord = {
          id: this.d.ids.next(),
          sessionId: s.id,
          merchantOrgId: r.merchantOrgId,
          productId: r.productId,
          skuId: r.skuId,
          level: r.level,
          stock: r.stock,
          ratePerMinute: r.ratePerMinute,
          projectedMinutes: r.projectedMinutes,
          suggestedQty: suggestedQty(r.stock, r.ratePerMinute, DEMAND_RULES.coverMinutes),
          createdAt: now,
        };
        if (!(await tx.supply.insertAlert(alert))) continue;
        raised++;
        const suppliers = suppliersOf(links, r.merchantOrgId, r.productId).map((l) => ({ orgId: l.supplierOrgId, kind: l.supplierKind }));
        await this.d.audit.record(tx, SYSTEM_ACTOR, {
          action: 'supply.demand_alert',
          targetType: 'demand_alert',
          targetId: alert.id,
          detail: {
            sessionId: s.id,
            skuId: r.skuId,
            level: r.level,
            stock: r.stock,
            projectedMinutes: r.projectedMinutes,
            suppliers: suppliers.length,
          },
        });
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'supply.demand_alert',
          payload: {
            alertId: alert.id,
            sessionId: s.id,
            merchantOrgId: r.merchantOrgId,
            productId: r.productId,
            skuId: r.skuId,
            skuName: r.skuName,
            level: r.level,
            stock: r.stock,
            ratePerMinute: r.ratePerMinute,
            projectedMinutes: r.projectedMinutes,
            suggestedQty: alert.suggestedQty,
            suppliers,
          },
          createdAt: now,
          publishedAt: null,
        });
      }
      return raised;
    });
  }

  private async visibleAlerts(
    scope: DemandScope,
    opts: { sessionIds?: string[]; limit: number; live?: DemandSession[] },
  ): Promise<DemandAlertRecord[]> {
    const merchants = scope.all
      ? undefined
      : [
          ...new Set([
            ...(scope.role === 'merchant_staff' && scope.orgId ? [scope.orgId] : []),
            ...scope.asSupplier.map((l) => l.merchantOrgId),
          ]),
        ];
    if (scope.role === 'streamer') {
      // a streamer's alerts are those of its own sessions
      // (`session` has already checked that a named session is the streamer's own)
      const own =
        opts.sessionIds ??
        (opts.live ?? (await this.d.source.liveSessions(MAX_LIVE_SESSIONS)))
          .filter((s) => s.streamerUserId === scope.userId)
          .map((s) => s.id);
      if (own.length === 0) return [];
      return this.d.uow.read.supply.listAlerts({ sessionIds: own, limit: opts.limit });
    }
    if (merchants && merchants.length === 0) return [];
    const rows = await this.d.uow.read.supply.listAlerts({
      ...(opts.sessionIds ? { sessionIds: opts.sessionIds } : {}),
      ...(merchants ? { merchantOrgIds: merchants } : {}),
      limit: opts.limit * 4,
    });
    return rows.filter((a) => seesProduct(scope, { streamerUserId: '' }, a.productId, a.merchantOrgId)).slice(0, opts.limit);
  }

  /** Names in one batch per kind: products, merchants, streamers, and the alerts' sessions. */
  private async named(now: Date, computed: Computed[], alerts: DemandAlertRecord[]): Promise<DemandBoardListing> {
    const names: Names = await this.d.names.namesFor({
      products: [...computed.flatMap((c) => c.rows.map((r) => r.productId)), ...alerts.map((a) => a.productId)],
      orgs: [...computed.flatMap((c) => c.rows.map((r) => r.merchantOrgId)), ...alerts.map((a) => a.merchantOrgId)],
      users: computed.map((c) => c.session.streamerUserId),
      sessions: alerts.map((a) => a.sessionId),
    });
    const alertListing = (a: DemandAlertRecord): DemandAlertListing => ({
      ...a,
      sessionTitle: names.sessions.get(a.sessionId) ?? '直播场次',
      merchantName: names.orgs.get(a.merchantOrgId) ?? '商家',
      productName: names.products.get(a.productId) ?? '商品',
    });
    return {
      generatedAt: now,
      sessions: computed.map((c) => ({
        sessionId: c.session.id,
        title: c.session.title,
        streamerName: names.users.get(c.session.streamerUserId) ?? '主播',
        status: c.session.status,
        startedAt: c.session.startedAt,
        skus: c.rows.map((r) => ({
          ...r,
          productName: names.products.get(r.productId) ?? '商品',
          merchantName: names.orgs.get(r.merchantOrgId) ?? '商家',
        })),
        alerts: alerts.filter((a) => a.sessionId === c.session.id).map(alertListing),
      })),
      alerts: alerts.map(alertListing),
    };
  }
}
