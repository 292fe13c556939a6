/**
 * 需求协同 (supply, issue #20 item 4): a merchant's suppliers (供应商), live demand per SKU during a session with the
 * projected sell-out time (预计售罄), its alerts, and replenishment requests (补货). docs/supply.md § Live demand.
 */
import { z } from 'zod';
import { idSchema } from './identity.ts';

export const DEMAND_ALERT_LEVELS = ['selling_out', 'sold_out'] as const;
export type DemandAlertLevel = (typeof DEMAND_ALERT_LEVELS)[number];
export const REPLENISHMENT_STATUSES = ['requested', 'confirmed', 'shipped'] as const;
export type ReplenishmentStatus = (typeof REPLENISHMENT_STATUSES)[number];
export const SUPPLIER_LINK_STATUSES = ['active', 'removed'] as const;

/** A merchant names a supplier: every product (`productIds` null) or the listed ones. */
export const supplierLinkCreateSchema = z.strictObject({
  supplierOrgId: idSchema,
  productIds: z.array(idSchema).min(1).max(500).nullable(),
});
export type SupplierLinkCreateBody = z.infer<typeof supplierLinkCreateSchema>;

export const supplierLinkViewSchema = z.object({
  id: idSchema,
  merchantOrgId: idSchema,
  merchantName: z.string(),
  supplierOrgId: idSchema,
  supplierName: z.string(),
  supplierKind: z.enum(['service_provider', 'merchant']),
  productIds: z.array(idSchema).nullable(),
  productNames: z.array(z.string()),
  status: z.enum(SUPPLIER_LINK_STATUSES),
  updatedAt: z.string(),
});
export type SupplierLinkView = z.infer<typeof supplierLinkViewSchema>;
export const supplierLinkListSchema = z.object({ items: z.array(supplierLinkViewSchema) });

/** An organization a merchant may name as its supplier. */
export const supplierOptionSchema = z.object({ id: idSchema, name: z.string(), kind: z.enum(['service_provider', 'merchant']) });
export const supplierOptionListSchema = z.object({ items: z.array(supplierOptionSchema) });

export const demandMinuteSchema = z.object({
  /** minutes since the session started (0 = its first minute) */
  minute: z.number().int(),
  sold: z.number().int(),
  placed: z.number().int(),
  /** 加购 counted in that minute (once per viewer per SKU per minute) */
  carts: z.number().int(),
});

export const demandSkuViewSchema = z.object({
  sessionId: idSchema,
  productId: idSchema,
  productName: z.string(),
  skuId: idSchema,
  skuName: z.string(),
  merchantOrgId: idSchema,
  merchantName: z.string(),
  /** sellable units now */
  stock: z.number().int(),
  soldLastMinute: z.number().int(),
  soldTotal: z.number().int(),
  ordersPaid: z.number().int(),
  /** orders created, paid or not */
  ordersPlaced: z.number().int(),
  ordersPlacedLastMinute: z.number().int(),
  /** 加购 in the session (signed-in viewers' taps in the room, once per viewer per SKU per minute) */
  cartAdds: z.number().int(),
  /** 加购 in the session's running minute */
  cartAddsThisMinute: z.number().int(),
  /** units per minute (EWMA over the recent minutes) */
  ratePerMinute: z.number(),
  /** minutes until the stock runs out at that rate; null when nothing sells */
  projectedMinutes: z.number().nullable(),
  level: z.enum(DEMAND_ALERT_LEVELS).nullable(),
  minutes: z.array(demandMinuteSchema),
});
export type DemandSkuView = z.infer<typeof demandSkuViewSchema>;

/** 加入购物车 in a live room: the SKU tapped (its product must be on sale in the session). */
export const cartAddSchema = z.strictObject({ skuId: idSchema });
export type CartAddInput = z.infer<typeof cartAddSchema>;
export const cartAddResultSchema = z.object({
  sessionId: idSchema,
  skuId: idSchema,
  /** the session minute it was counted in (0 = the first) */
  minute: z.number().int(),
  /** false: this viewer's 加购 of the SKU was already counted in this minute */
  counted: z.boolean(),
});
export type CartAddResult = z.infer<typeof cartAddResultSchema>;

export const demandAlertViewSchema = z.object({
  id: idSchema,
  sessionId: idSchema,
  sessionTitle: z.string(),
  merchantOrgId: idSchema,
  merchantName: z.string(),
  productId: idSchema,
  productName: z.string(),
  skuId: idSchema,
  level: z.enum(DEMAND_ALERT_LEVELS),
  stock: z.number().int(),
  ratePerMinute: z.number(),
  projectedMinutes: z.number().nullable(),
  suggestedQty: z.number().int(),
  createdAt: z.string(),
});
export type DemandAlertView = z.infer<typeof demandAlertViewSchema>;

export const demandSessionViewSchema = z.object({
  sessionId: idSchema,
  title: z.string(),
  streamerName: z.string(),
  status: z.string(),
  startedAt: z.string().nullable(),
  skus: z.array(demandSkuViewSchema),
  alerts: z.array(demandAlertViewSchema),
});
export type DemandSessionView = z.infer<typeof demandSessionViewSchema>;

/** What the caller may see of the live sessions now (streamer: its own; merchant: its products; supplier: linked ones). */
export const demandBoardSchema = z.object({
  generatedAt: z.string(),
  sessions: z.array(demandSessionViewSchema),
  alerts: z.array(demandAlertViewSchema),
});
export type DemandBoard = z.infer<typeof demandBoardSchema>;

export const replenishmentCreateSchema = z.strictObject({
  alertId: idSchema,
  /** the merchant's pick when more than one supplier supplies the product; a supplier's own request names itself */
  supplierOrgId: idSchema.optional(),
  qty: z.number().int().min(1).max(1_000_000).optional(),
});
export type ReplenishmentCreateBody = z.infer<typeof replenishmentCreateSchema>;

export const replenishmentViewSchema = z.object({
  id: idSchema,
  merchantOrgId: idSchema,
  merchantName: z.string(),
  supplierOrgId: idSchema,
  supplierName: z.string(),
  productId: idSchema,
  productName: z.string(),
  skuId: idSchema,
  sessionId: idSchema.nullable(),
  alertId: idSchema.nullable(),
  qty: z.number().int(),
  status: z.enum(REPLENISHMENT_STATUSES),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  /** the purchase order answering it (转采购单), if any */
  purchaseOrderId: idSchema.nullable(),
  purchaseOrderNumber: z.string().nullable(),
});
export type ReplenishmentView = z.infer<typeof replenishmentViewSchema>;
export const replenishmentListSchema = z.object({ items: z.array(replenishmentViewSchema) });

// ── 采购单 (purchase orders, issue #20 item 2) ──

/**
 * sent → confirmed → shipped → partially_received → received; the supplier may decline a sent one; the merchant may
 * cancel before shipping, or close a partially received one short (短收结案).
 */
export const PURCHASE_ORDER_STATUSES = [
  'sent',
  'confirmed',
  'declined',
  'shipped',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

const reasonSchema = z.string().trim().min(2).max(500);
const dayRe = /^\d{4}-\d{2}-\d{2}$/;

export const purchaseOrderLineInputSchema = z.strictObject({
  skuId: idSchema,
  qty: z.number().int().min(1).max(1_000_000),
  /** 采购单价 in fen */
  unitCostFen: z.number().int().min(0).max(100_000_000),
});

export const purchaseOrderCreateSchema = z.strictObject({
  supplierOrgId: idSchema,
  /** the warehouse the goods go into (the merchant's own, or a service provider's it is a client of) */
  warehouseId: idSchema,
  /** 预计到货 (China day, YYYY-MM-DD), today or later */
  expectedOn: z.string().regex(dayRe),
  note: z.string().trim().max(500).optional(),
  /** the 补货 request this order answers, if any (one order per request) */
  replenishmentId: idSchema.optional(),
  lines: z.array(purchaseOrderLineInputSchema).min(1).max(100),
});
export type PurchaseOrderCreateBody = z.infer<typeof purchaseOrderCreateSchema>;

/** 转采购单: a purchase order from a 补货 request (its supplier, SKU and quantity unless given). */
export const purchaseOrderFromReplenishmentSchema = z.strictObject({
  unitCostFen: z.number().int().min(0).max(100_000_000),
  warehouseId: idSchema.optional(),
  expectedOn: z.string().regex(dayRe).optional(),
  qty: z.number().int().min(1).max(1_000_000).optional(),
});
export type PurchaseOrderFromReplenishmentBody = z.infer<typeof purchaseOrderFromReplenishmentSchema>;

export const purchaseOrderReasonSchema = z.strictObject({ reason: reasonSchema });
export type PurchaseOrderReasonBody = z.infer<typeof purchaseOrderReasonSchema>;

export const purchaseOrderShipSchema = z.strictObject({
  carrier: z.string().trim().min(1).max(50),
  trackingNo: z.string().trim().min(4).max(50),
  /** quantities shipped per line (default: every line in full); at most what was ordered */
  lines: z
    .array(z.strictObject({ lineNo: z.number().int().min(1), qty: z.number().int().min(0).max(1_000_000) }))
    .min(1)
    .max(100)
    .optional(),
});
export type PurchaseOrderShipBody = z.infer<typeof purchaseOrderShipSchema>;

export const purchaseOrderReceiveSchema = z.strictObject({
  /** per line: units accepted into stock and units rejected at the quality check (退回供应商) */
  lines: z
    .array(
      z.strictObject({
        lineNo: z.number().int().min(1),
        accepted: z.number().int().min(0).max(1_000_000),
        rejected: z.number().int().min(0).max(1_000_000),
        /** required when the line's total goes past what was ordered (差异说明) */
        reason: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(100),
  note: z.string().trim().max(500).optional(),
});
export type PurchaseOrderReceiveBody = z.infer<typeof purchaseOrderReceiveSchema>;

export const purchaseOrderLineViewSchema = z.object({
  lineNo: z.number().int(),
  skuId: idSchema,
  productId: idSchema,
  productName: z.string(),
  skuName: z.string(),
  qty: z.number().int(),
  unitCostFen: z.number().int(),
  shipped: z.number().int(),
  received: z.number().int(),
  rejected: z.number().int(),
});

export const purchaseReceiptViewSchema = z.object({
  id: idSchema,
  receivedAt: z.string(),
  receivedBy: z.string(),
  note: z.string().nullable(),
  lines: z.array(
    z.object({ lineNo: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), reason: z.string().nullable() }),
  ),
});

export const purchaseOrderViewSchema = z.object({
  id: idSchema,
  number: z.string(),
  merchantOrgId: idSchema,
  merchantName: z.string(),
  supplierOrgId: idSchema,
  supplierName: z.string(),
  warehouseId: idSchema,
  warehouseName: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  expectedOn: z.string(),
  note: z.string().nullable(),
  replenishmentId: idSchema.nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  /** why it was declined, cancelled or closed short */
  endReason: z.string().nullable(),
  totalFen: z.number().int(),
  lines: z.array(purchaseOrderLineViewSchema),
  receipts: z.array(purchaseReceiptViewSchema),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type PurchaseOrderView = z.infer<typeof purchaseOrderViewSchema>;
export const purchaseOrderListSchema = z.object({ items: z.array(purchaseOrderViewSchema) });
