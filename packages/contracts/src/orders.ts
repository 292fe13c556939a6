/**
 * Orders, flash sales, payments and after-sales: what the API accepts and what it answers. Money is in fen (分),
 * integers only. Addresses are personal information: accepted here, sealed at rest, masked in every answer.
 */
import { z } from 'zod';
import { priceFen } from './catalog.ts';
import { plainText } from './common.ts';

export const ORDER_STATUSES = ['created', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** `declared` and `returned_to_bonded` are the cross-border return's own (跨境退货: 退货申报, 运抵原监管作业场所). */
export const RETURN_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'shipped_back',
  'received',
  'declared',
  'returned_to_bonded',
  'refunded',
  'cancelled',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** The longest an Idempotency-Key may be; any printable ASCII. */
export const idempotencyKeySchema = z
  .string()
  .min(8, { error: 'at least 8 characters' })
  .max(128, { error: 'at most 128 characters' })
  .regex(/^[\x21-\x7e]+$/, { error: 'printable ASCII only' });

export const addressInputSchema = z.strictObject({
  name: plainText(1, 30),
  phone: z.string().regex(/^1[3-9]\d{9}$/, { error: 'a mainland mobile number (11 digits)' }),
  /** province / city / district, e.g. 上海市 嘉定区 */
  region: plainText(2, 60),
  detail: plainText(4, 200),
});
export type AddressInput = z.infer<typeof addressInputSchema>;

export const saveAddressSchema = addressInputSchema.extend({ isDefault: z.boolean().default(false) });

const qty = z
  .number({ error: 'a whole number' })
  .int({ error: 'a whole number' })
  .min(1, { error: 'at least 1' })
  .max(99, { error: 'at most 99' });

export const createOrderSchema = z
  .strictObject({
    lines: z
      .array(z.strictObject({ skuId: z.uuid({ error: 'a SKU id' }), qty }))
      .min(1, { error: 'at least one line' })
      .max(20, { error: 'at most 20 lines' }),
    /** the live session the order comes from (attribution); its products only */
    sessionId: z.uuid().optional(),
    /** buying in a flash sale: one line, the sale's SKU */
    flashSaleId: z.uuid().optional(),
    addressId: z.uuid().optional(),
    address: addressInputSchema.optional(),
    note: plainText(0, 200).optional(),
  })
  .superRefine((o, ctx) => {
    if (!o.addressId && !o.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'an address or a saved address id' });
    const skus = o.lines.map((l) => l.skuId);
    if (new Set(skus).size !== skus.length) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'a SKU is listed twice' });
    if (o.flashSaleId && o.lines.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'a flash-sale order has exactly one line' });
  });
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export const orderListQuerySchema = z.strictObject({
  as: z.enum(['buyer', 'merchant', 'streamer', 'platform']).default('buyer'),
  status: z.enum(ORDER_STATUSES).optional(),
  sessionId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** the next page: `createdAt` and `id` of the last order of the page before */
  before: z.iso.datetime().optional(),
  beforeId: z.uuid().optional(),
});

export const cancelOrderSchema = z.strictObject({ reason: plainText(2, 200) });

export const shipOrderSchema = z.strictObject({
  carrier: plainText(2, 30),
  trackingNo: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, { error: '6–40 letters, digits or dashes' }),
  /** 发货仓: the warehouse the parcel leaves from; none: the merchant's first that holds every line */
  warehouseId: z.uuid().optional(),
});

export const createFlashSaleSchema = z
  .strictObject({
    productId: z.uuid(),
    skuId: z.uuid(),
    priceFen,
    quantity: z.number().int({ error: 'a whole number' }).min(1, { error: 'at least 1' }).max(100_000),
    perUserLimit: z.number().int().min(1).max(99).default(1),
    /** starts now when absent */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    durationS: z.number().int().min(10, { error: 'at least 10 s' }).max(86_400, { error: 'at most a day' }).default(300),
  })
  .superRefine((f, ctx) => {
    if (f.perUserLimit > f.quantity) ctx.addIssue({ code: 'custom', path: ['perUserLimit'], message: 'cannot exceed the quantity' });
  });

export const returnRequestSchema = z.strictObject({
  kind: z.enum(['no_reason', 'quality']),
  reason: plainText(2, 300),
  lines: z
    .array(z.strictObject({ lineNo: z.number().int().min(1), qty }))
    .min(1)
    .max(20),
});

export const rejectReturnSchema = z.strictObject({ reason: plainText(2, 300) });
export const returnShipmentSchema = shipOrderSchema;
export const receiveReturnSchema = z.strictObject({ refundNow: z.boolean().default(true) });

export interface OrderLineView {
  lineNo: number;
  productId: string;
  skuId: string;
  title: string;
  skuName: string;
  unitPriceFen: number;
  qty: number;
  noReasonReturn: boolean;
  returnedQty: number;
  /** only for the merchant, the streamer's side and the platform */
  commissionFen?: number;
}

/** 物流轨迹: an order's package and the carrier's pushes, newest first (GET /api/orders/:id/tracking). */
export type PackageStatusCode = 'shipped' | 'picked_up' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
export interface TrackingView {
  orderId: string;
  carrier: string;
  carrierName: { zh: string; en: string };
  trackingNo: string;
  status: PackageStatusCode;
  shippedAt: string;
  deliveredAt: string | null;
  events: Array<{ status: Exclude<PackageStatusCode, 'shipped'>; time: string; location: string; description: string }>;
}

export interface OrderView {
  id: string;
  orderNo: string;
  status: OrderStatus;
  merchantOrgId: string;
  merchantName: string;
  buyerName: string;
  lines: OrderLineView[];
  totalFen: number;
  refundedFen: number;
  /** a refund was asked of the provider and its answer has not arrived yet */
  refundPending: boolean;
  address: { name: string; phone: string; region: string; detail: string };
  attribution: { sessionId: string | null; sessionTitle: string | null; streamerName: string | null; flashSaleId: string | null };
  payBy: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  carrier: string | null;
  trackingNo: string | null;
  /** the last day a no-reason return can be asked for (delivery + 7 days), when delivered */
  returnBy: string | null;
  createdAt: string;
}

export interface FlashSaleView {
  id: string;
  sessionId: string;
  productId: string;
  skuId: string;
  title: string;
  priceFen: number;
  listPriceFen: number;
  quantity: number;
  left: number;
  sold: number;
  perUserLimit: number;
  startsAt: string;
  endsAt: string;
  state: 'upcoming' | 'running' | 'ended' | 'cancelled';
}

export interface ReturnView {
  id: string;
  orderId: string;
  orderNo: string;
  kind: 'no_reason' | 'quality';
  reason: string;
  status: ReturnStatus;
  lines: Array<{ lineNo: number; qty: number; title: string; skuName: string }>;
  amountFen: number;
  rejectReason: string | null;
  carrier: string | null;
  trackingNo: string | null;
  receivedAt: string | null;
  refundDueAt: string | null;
  /** the refund went out to the provider (status turns refunded when it answers) */
  refundIssued: boolean;
  overdue: boolean;
  /** 跨境退货: the customs side of a cross-border return (null for a domestic one) */
  crossBorder: {
    /** customs release (the order's shipment) */
    releasedAt: string | null;
    /** the goods must be back at the original supervision site by then (release + 30 days) */
    arriveBy: string | null;
    /** whole days left until arriveBy (negative once past) */
    daysLeft: number | null;
    customsDeclarationNo: string | null;
    declaredAt: string | null;
    arrivedAt: string | null;
    /** past arriveBy without the goods back */
    overdue: boolean;
    /** the sweep has flagged it */
    overdueFlagged: boolean;
  } | null;
  createdAt: string;
}

/** 退货申报: the customs declaration number of a cross-border return. */
export const returnDeclarationSchema = z.strictObject({
  customsDeclarationNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,40}$/, { error: 'the customs declaration number (6–40 letters, digits or -)' }),
});
