/**
 * Pure rules of an order: its number, the lines' prices and commission, the totals, and who may read it. No I/O:
 * the services look the records up and hand them in.
 */
import type { ProductRecord, SkuRecord } from '../catalog/catalog.types.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import type { OrderLineRecord, OrderRecord } from './order.types.ts';

export const DAY_MS = 86_400_000;
/** how long an order is kept (the e-commerce law's three years, with a margin) */
export const ORDER_RETENTION_MS = 3 * 366 * DAY_MS;
/** days after delivery a return may be opened */
export const RETURN_WINDOW_DAYS = 7;
/**
 * 发货时效: hours after payment within which a paid order must ship — the platforms' common promise (48 小时发货),
 * not a statute. A later shipment is late by whole days begun (a credit event for the merchant, its 物流 dimension).
 */
export const SHIP_WITHIN_HOURS = 48;

/** When a paid order must have shipped. */
export function shipDeadline(paidAt: Date): Date {
  return new Date(paidAt.getTime() + SHIP_WITHIN_HOURS * 3_600_000);
}

/** Days begun past the deadline (0 when shipped in time, or when the order has no payment time). */
export function shipDaysLate(paidAt: Date | null, shippedAt: Date): number {
  if (!paidAt) return 0;
  const over = shippedAt.getTime() - shipDeadline(paidAt).getTime();
  return over > 0 ? Math.ceil(over / DAY_MS) : 0;
}

/** The reader an order is shown to: its buyer, its merchant, its streamer (or their MCN), or the platform. */
export type OrderReader = 'buyer' | 'merchant' | 'streamer' | 'platform';

/** A delivery address in clear (it is stored encrypted on the order). */
export interface Address {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

/** The session, agreement and commission an order is attributed to (null: not sold in a live room). */
export interface Attribution {
  session: { id: string; streamerUserId: string; mcnOrgId: string | null };
  agreementId: string | null;
  agreementVersion: number | null;
  commissionBp: number;
  streamerShareBp: number;
}

/** 订单号: the day (yyyymmdd) and twelve digits from the order's id. */
export function orderNo(id: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const tail = BigInt(`0x${id.replaceAll('-', '').slice(-12)}`)
    .toString()
    .padStart(15, '0')
    .slice(-12);
  return `${day}${tail}`;
}

/** Commission on a line: rounded down to the fen. */
export function lineCommissionFen(unitPriceFen: number, qty: number, commissionBp: number): number {
  return Math.floor((unitPriceFen * qty * commissionBp) / 10_000);
}

/** What one line of an order is made of: the product and SKU, the price paid, the units and the attribution. */
export interface LineSpec {
  orderId: string;
  lineNo: number;
  product: ProductRecord;
  sku: SkuRecord;
  unitPriceFen: number;
  qty: number;
  /** the agreement's commission and streamer share; null: not sold in a live room under an agreement */
  a: { commissionBp: number; streamerShareBp: number } | null;
}

/** One line of an order; `noReasonReturn` holds when every category on the product's path allows it. */
export function orderLine(spec: LineSpec, noReasonReturn: boolean): OrderLineRecord {
  const { orderId, lineNo, product, sku, unitPriceFen, qty, a } = spec;
  const commissionBp = a?.commissionBp ?? 0;
  return {
    orderId,
    lineNo,
    productId: product.id,
    skuId: sku.id,
    title: product.title,
    skuName: sku.name,
    categoryId: product.categoryId,
    noReasonReturn,
    unitPriceFen,
    qty,
    commissionBp,
    streamerShareBp: a?.streamerShareBp ?? 10_000,
    commissionFen: lineCommissionFen(unitPriceFen, qty, commissionBp),
    returnedQty: 0,
    reversedCommissionFen: 0,
  };
}

/** Σ price × qty and Σ commission of an order's lines. */
export function orderTotals(lines: OrderLineRecord[]): { totalFen: number; commissionFen: number } {
  return {
    totalFen: lines.reduce((n, l) => n + l.unitPriceFen * l.qty, 0),
    commissionFen: lines.reduce((n, l) => n + l.commissionFen, 0),
  };
}

/** A new order awaiting payment for `payMinutes`; the address comes in already encrypted. */
export function newOrder(input: {
  id: string;
  userId: string;
  merchantOrgId: string;
  attr: Pick<Attribution, 'session' | 'agreementId' | 'agreementVersion'> | null;
  flashSaleId: string | null;
  lines: OrderLineRecord[];
  addressEnc: string;
  region: string;
  now: Date;
  payMinutes: number;
}): OrderRecord {
  const { id, attr, now } = input;
  const { totalFen, commissionFen } = orderTotals(input.lines);
  return {
    id,
    orderNo: orderNo(id, now),
    buyerUserId: input.userId,
    merchantOrgId: input.merchantOrgId,
    status: 'created',
    sessionId: attr?.session.id ?? null,
    streamerUserId: attr?.session.streamerUserId ?? null,
    mcnOrgId: attr?.session.mcnOrgId ?? null,
    agreementId: attr?.agreementId ?? null,
    agreementVersion: attr?.agreementVersion ?? null,
    flashSaleId: input.flashSaleId,
    totalFen,
    refundedFen: 0,
    commissionFen,
    addressEnc: input.addressEnc,
    region: input.region,
    carrier: null,
    trackingNo: null,
    payBy: new Date(now.getTime() + input.payMinutes * 60_000),
    paidAt: null,
    shippedAt: null,
    deliveredAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    retainUntil: new Date(now.getTime() + ORDER_RETENTION_MS),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Who `actor` is to the order, or null when they may not read it. */
export function readerOf(actor: Actor, o: OrderRecord): OrderReader | null {
  if (actor.userId && o.buyerUserId === actor.userId) return 'buyer';
  if (actor.role === 'merchant_staff' && actor.orgId === o.merchantOrgId) return 'merchant';
  if (actor.role === 'streamer' && actor.userId && o.streamerUserId === actor.userId) return 'streamer';
  if (actor.role === 'mcn_manager' && actor.orgId && o.mcnOrgId === actor.orgId) return 'streamer';
  if (isCrossTenant(actor)) return 'platform';
  return null;
}

/** The agreement terms an order line takes its commission from (the version in force when it was placed). */
export function agreementTerms(terms: unknown, productId: string): { commissionBp: number; streamerShareBp: number } {
  const t = terms as { products?: Array<{ productId: string; commissionBp: number }>; streamerShareBp?: number } | undefined;
  return {
    commissionBp: t?.products?.find((p) => p.productId === productId)?.commissionBp ?? 0,
    streamerShareBp: t?.streamerShareBp ?? 10_000,
  };
}
