/**
 * 预售's reads (ADR 0035; docs/supply.md § Pre-sale and C2M): the merchant's pre-sales with the demand per
 * specification, the open ones a buyer may reserve, the buyer's reservations with their stage and the factory's
 * progress, the production orders sent to a factory — and the listings every pre-sale step answers with.
 */
import type { PresaleStatus } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { aggregateDemand, reservationStage } from './presale.rules.ts';
import type { PresaleRecord, PresaleReservationRecord, ProductionOrderRecord, ProductionOrderWithLines } from './presale.types.ts';
import { buyerOf, LIST_LIMIT, type PresaleDeps, specsOf, supplierOf } from './presale.internal.ts';

export interface PresaleListing extends PresaleRecord {
  merchantName: string;
  productName: string;
  specs: Array<{ skuId: string; skuName: string }>;
  demand: Array<{ skuId: string; skuName: string; qty: number; reservations: number }>;
  depositsPaidFen: number;
  productionOrder: ProductionOrderListing | null;
}

export interface ProductionOrderListing extends ProductionOrderRecord {
  presaleTitle: string;
  merchantName: string;
  supplierName: string;
  productName: string;
  lines: Array<{ skuId: string; skuName: string; qty: number }>;
  totalQty: number;
}

export interface ReservationListing extends PresaleReservationRecord {
  presaleTitle: string;
  presaleStatus: PresaleStatus;
  productName: string;
  skuName: string;
  stage: ReturnType<typeof reservationStage>;
  balanceStartAt: Date;
  balanceEndAt: Date;
  promisedShipOn: string | null;
  progressPct: number | null;
  /** when the reservation's units left the warehouse to the buyer (the factory's shipment), else null */
  shippedAt: Date | null;
}

export class PresaleViewService {
  constructor(private readonly d: PresaleDeps) {}

  /** The merchant's pre-sales (merchant staff), or the open ones a buyer may reserve. */
  async list(actor: Actor): Promise<PresaleListing[]> {
    const read = this.d.uow.read;
    if (actor.role === 'merchant_staff' && actor.orgId)
      return this.listed(await read.presales.listPresales({ merchantOrgId: actor.orgId, limit: LIST_LIMIT }), true);
    buyerOf(actor);
    return this.listed(await read.presales.listPresales({ statuses: ['open'], limit: LIST_LIMIT }), false);
  }

  /** One pre-sale: its merchant's staff see everything; anyone signed in sees an open (or later) one without demand. */
  async get(actor: Actor, id: string): Promise<PresaleListing> {
    const p = await this.d.uow.read.presales.findPresale(id);
    if (!p) throw new AppError('presale.not_found', { field: 'id' });
    const own = actor.role === 'merchant_staff' && actor.orgId === p.merchantOrgId;
    if (!own && (p.status === 'draft' || actor.role === 'system')) throw new AppError('presale.not_found', { field: 'id' });
    return (await this.listed([p], own))[0] as PresaleListing;
  }

  /** The buyer's own reservations, newest first, with the stage and the factory's progress. */
  async myReservations(actor: Actor): Promise<ReservationListing[]> {
    const buyer = buyerOf(actor);
    return this.reservationsListed(await this.d.uow.read.presales.listReservations({ buyerUserId: buyer, limit: LIST_LIMIT }));
  }

  /** 生产单 sent to the caller's organization (a service provider's or a merchant's acting as factory). */
  async productionOrders(actor: Actor): Promise<ProductionOrderListing[]> {
    const org = supplierOf(actor);
    return this.productionListed(await this.d.uow.read.presales.listProductionOrders({ supplierOrgId: org, limit: LIST_LIMIT }));
  }

  // ── the listings every step answers with ──

  async one(p: PresaleRecord): Promise<PresaleListing> {
    return (await this.listed([p], true))[0] as PresaleListing;
  }

  async listed(rows: PresaleRecord[], withDemand: boolean): Promise<PresaleListing[]> {
    if (rows.length === 0) return [];
    const read = this.d.uow.read;
    const ids = rows.map((r) => r.id);
    const [reservations, productions, names] = await Promise.all([
      withDemand ? read.presales.listReservations({ presaleIds: ids, limit: 100_000 }) : Promise.resolve([]),
      read.presales.productionOrdersOf(ids),
      this.d.names.namesFor({ orgs: rows.map((r) => r.merchantOrgId) }),
    ]);
    const specs = new Map<string, Array<{ skuId: string; skuName: string; productTitle: string }>>();
    for (const r of rows) {
      const key = `${r.merchantOrgId}:${r.productId}`;
      if (!specs.has(key)) specs.set(key, await specsOf(read, r.merchantOrgId, r.productId));
    }
    const prodViews = new Map((await this.productionListed(productions)).map((x) => [x.presaleId, x]));
    return rows.map((r) => {
      const sp = specs.get(`${r.merchantOrgId}:${r.productId}`) ?? [];
      const mine = reservations.filter((x) => x.presaleId === r.id);
      const skuName = new Map(sp.map((s) => [s.skuId, s.skuName]));
      return {
        ...r,
        merchantName: names.orgs.get(r.merchantOrgId) ?? '商家',
        productName: sp[0]?.productTitle ?? '商品',
        specs: sp.map((s) => ({ skuId: s.skuId, skuName: s.skuName })),
        demand: aggregateDemand(
          mine,
          sp.map((s) => s.skuId),
        ).map((x) => ({ ...x, skuName: skuName.get(x.skuId) ?? '规格' })),
        depositsPaidFen: mine.filter((x) => x.depositStatus === 'paid').reduce((s, x) => s + x.depositFen, 0),
        productionOrder: prodViews.get(r.id) ?? null,
      };
    });
  }

  async productionListed(rows: ProductionOrderWithLines[]): Promise<ProductionOrderListing[]> {
    if (rows.length === 0) return [];
    const read = this.d.uow.read;
    const [presales, names, skus] = await Promise.all([
      read.presales.findPresales([...new Set(rows.map((r) => r.presaleId))]),
      this.d.names.namesFor({ orgs: rows.flatMap((r) => [r.merchantOrgId, r.supplierOrgId]) }),
      read.inventory.skuFactsMany([...new Set(rows.flatMap((r) => r.lines.map((l) => l.skuId)))]),
    ]);
    const ps = new Map(presales.map((p) => [p.id, p]));
    const sku = new Map(skus.map((s) => [s.skuId, s]));
    return rows.map((r) => ({
      ...r,
      presaleTitle: ps.get(r.presaleId)?.title ?? '预售',
      merchantName: names.orgs.get(r.merchantOrgId) ?? '商家',
      supplierName: names.orgs.get(r.supplierOrgId) ?? '供应商',
      productName: sku.get(r.lines[0]?.skuId ?? '')?.productTitle ?? '商品',
      lines: r.lines.map((l) => ({ skuId: l.skuId, skuName: sku.get(l.skuId)?.skuName ?? '规格', qty: l.qty })),
      totalQty: r.lines.reduce((s, l) => s + l.qty, 0),
    }));
  }

  async oneReservation(r: PresaleReservationRecord): Promise<ReservationListing> {
    return (await this.reservationsListed([r]))[0] as ReservationListing;
  }

  async reservationsListed(rows: PresaleReservationRecord[]): Promise<ReservationListing[]> {
    if (rows.length === 0) return [];
    const read = this.d.uow.read;
    const ids = [...new Set(rows.map((r) => r.presaleId))];
    const [presales, productions, skus] = await Promise.all([
      read.presales.findPresales(ids),
      read.presales.productionOrdersOf(ids),
      read.inventory.skuFactsMany([...new Set(rows.map((r) => r.skuId))]),
    ]);
    const ps = new Map(presales.map((p) => [p.id, p]));
    const po = new Map(productions.map((x) => [x.presaleId, x]));
    const sku = new Map(skus.map((s) => [s.skuId, s]));
    return rows.map((r) => {
      const p = ps.get(r.presaleId) as PresaleRecord;
      const prod = po.get(r.presaleId) ?? null;
      const stage = reservationStage(r, p.status, prod?.status ?? null);
      return {
        ...r,
        presaleTitle: p.title,
        presaleStatus: p.status,
        productName: sku.get(r.skuId)?.productTitle ?? '商品',
        skuName: sku.get(r.skuId)?.skuName ?? '规格',
        stage,
        balanceStartAt: p.balanceStartAt,
        balanceEndAt: p.balanceEndAt,
        promisedShipOn: prod?.promisedShipOn ?? null,
        progressPct: prod?.progressPct ?? null,
        shippedAt: stage === 'shipped' ? (prod?.shippedAt ?? null) : null,
      };
    });
  }
}
