/**
 * 预售 · 反向定制 (pre-sale and C2M, issue #20 item 5): a merchant's pre-sale of one product with a deposit (定金) and
 * a balance (尾款) per unit, buyers' reservations per specification (SKU), and the production order (生产单) the
 * closing sends to a factory with the demand aggregated per specification. docs/supply.md § Pre-sale and C2M.
 */
import { z } from 'zod';
import { idSchema } from './identity.ts';

/** draft → open → closed (生产单 sent) → in_production → shipped; draft or open → cancelled (deposits refunded). */
export const PRESALE_STATUSES = ['draft', 'open', 'closed', 'cancelled', 'in_production', 'shipped'] as const;
export type PresaleStatus = (typeof PRESALE_STATUSES)[number];

/** sent → confirmed → in_production → shipped (the factory's steps). */
export const PRODUCTION_ORDER_STATUSES = ['sent', 'confirmed', 'in_production', 'shipped'] as const;
export type ProductionOrderStatus = (typeof PRODUCTION_ORDER_STATUSES)[number];

/** A deposit's life: opened with the provider, paid, being refunded, refunded; or the payment failed. */
export const PRESALE_DEPOSIT_STATUSES = ['pending', 'paid', 'failed', 'refunding', 'refunded'] as const;
export type PresaleDepositStatus = (typeof PRESALE_DEPOSIT_STATUSES)[number];
export const PRESALE_BALANCE_STATUSES = ['unpaid', 'pending', 'paid'] as const;
export type PresaleBalanceStatus = (typeof PRESALE_BALANCE_STATUSES)[number];

/** What a buyer reads of a reservation (待付定金 / 已付定金 / 待付尾款 / 尾款未付（未发货） / 生产中 / 已发货 / 退款中 / 已退定金 / 定金未付（失败或已失效）). */
export const RESERVATION_STAGES = [
  'deposit_due',
  'deposit_paid',
  'balance_due',
  'balance_lapsed',
  'in_production',
  'shipped',
  'refunding',
  'refunded',
  'failed',
] as const;
export type ReservationStage = (typeof RESERVATION_STAGES)[number];

const dayRe = /^\d{4}-\d{2}-\d{2}$/;
const fen = z.number().int().min(0).max(100_000_000);

export const presaleCreateSchema = z.strictObject({
  productId: idSchema,
  title: z.string().trim().min(2).max(100),
  /** 定金 per unit, fen */
  depositFen: fen,
  /** 尾款 per unit, fen */
  balanceFen: fen,
  /** 定金期 (ISO instants): deposits are taken from start to end */
  depositStartAt: z.iso.datetime({ offset: true }),
  depositEndAt: z.iso.datetime({ offset: true }),
  /** 尾款期: not before the deposit window ends */
  balanceStartAt: z.iso.datetime({ offset: true }),
  balanceEndAt: z.iso.datetime({ offset: true }),
});
export type PresaleCreateBody = z.infer<typeof presaleCreateSchema>;

export const presaleCloseSchema = z.strictObject({
  /** the factory: one of the merchant's suppliers named for the product */
  supplierOrgId: idSchema,
  /** 承诺发货日 (China day), today or later */
  promisedShipOn: z.string().regex(dayRe),
  /** 收货仓: the merchant's warehouse the factory's shipment is received into; omitted: its default warehouse */
  warehouseId: idSchema.optional(),
});
export type PresaleCloseBody = z.infer<typeof presaleCloseSchema>;

export const presaleReasonSchema = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const presaleReserveSchema = z.strictObject({
  skuId: idSchema,
  qty: z.number().int().max(10_000),
});
export type PresaleReserveBody = z.infer<typeof presaleReserveSchema>;

export const productionProgressSchema = z.strictObject({
  progressPct: z.number().int().min(0).max(100),
  note: z.string().trim().max(200).optional(),
});
export const productionShipSchema = z.strictObject({
  carrier: z.string().trim().min(1).max(50),
  trackingNo: z.string().trim().min(4).max(50),
});

export const presaleSpecDemandSchema = z.object({
  skuId: idSchema,
  skuName: z.string(),
  /** units with a paid deposit */
  qty: z.number().int(),
  reservations: z.number().int(),
});

export const productionOrderViewSchema = z.object({
  id: idSchema,
  number: z.string(),
  presaleId: idSchema,
  presaleTitle: z.string(),
  merchantOrgId: idSchema,
  merchantName: z.string(),
  supplierOrgId: idSchema,
  supplierName: z.string(),
  productName: z.string(),
  status: z.enum(PRODUCTION_ORDER_STATUSES),
  promisedShipOn: z.string(),
  /** 收货仓 named at closing (null: the merchant's default warehouse) */
  warehouseId: idSchema.nullable(),
  progressPct: z.number().int(),
  progressNote: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  lines: z.array(z.object({ skuId: idSchema, skuName: z.string(), qty: z.number().int() })),
  totalQty: z.number().int(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
});
export type ProductionOrderView = z.infer<typeof productionOrderViewSchema>;
export const productionOrderListSchema = z.object({ items: z.array(productionOrderViewSchema) });

export const presaleViewSchema = z.object({
  id: idSchema,
  merchantOrgId: idSchema,
  merchantName: z.string(),
  productId: idSchema,
  productName: z.string(),
  title: z.string(),
  status: z.enum(PRESALE_STATUSES),
  depositFen: z.number().int(),
  balanceFen: z.number().int(),
  depositStartAt: z.string(),
  depositEndAt: z.string(),
  balanceStartAt: z.string(),
  balanceEndAt: z.string(),
  /** the product's specifications a buyer may reserve */
  specs: z.array(z.object({ skuId: idSchema, skuName: z.string() })),
  /** paid demand per specification */
  demand: z.array(presaleSpecDemandSchema),
  depositsPaidFen: z.number().int(),
  endReason: z.string().nullable(),
  productionOrder: productionOrderViewSchema.nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type PresaleView = z.infer<typeof presaleViewSchema>;
export const presaleListSchema = z.object({ items: z.array(presaleViewSchema) });

export const presaleReservationViewSchema = z.object({
  id: idSchema,
  presaleId: idSchema,
  presaleTitle: z.string(),
  presaleStatus: z.enum(PRESALE_STATUSES),
  productName: z.string(),
  skuId: idSchema,
  skuName: z.string(),
  qty: z.number().int(),
  depositFen: z.number().int(),
  balanceFen: z.number().int(),
  depositStatus: z.enum(PRESALE_DEPOSIT_STATUSES),
  balanceStatus: z.enum(PRESALE_BALANCE_STATUSES),
  stage: z.enum(RESERVATION_STAGES),
  balanceStartAt: z.string(),
  balanceEndAt: z.string(),
  promisedShipOn: z.string().nullable(),
  progressPct: z.number().int().nullable(),
  /** when the units left the warehouse to the buyer (the factory's shipment delivered this reservation) */
  shippedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PresaleReservationView = z.infer<typeof presaleReservationViewSchema>;
export const presaleReservationListSchema = z.object({ items: z.array(presaleReservationViewSchema) });

/** A payment opened with the provider: where the buyer pays. */
export const presalePaymentSchema = z.object({
  reservation: presaleReservationViewSchema,
  paymentId: idSchema,
  payUrl: z.string(),
  amountFen: z.number().int(),
});
