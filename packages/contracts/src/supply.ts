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
  /** orders created, paid or not (the intent signal: the room records no add-to-cart events) */
  ordersPlaced: z.number().int(),
  ordersPlacedLastMinute: z.number().int(),
  /** units per minute (EWMA over the recent minutes) */
  ratePerMinute: z.number(),
  /** minutes until the stock runs out at that rate; null when nothing sells */
  projectedMinutes: z.number().nullable(),
  level: z.enum(DEMAND_ALERT_LEVELS).nullable(),
  minutes: z.array(demandMinuteSchema),
});
export type DemandSkuView = z.infer<typeof demandSkuViewSchema>;

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
});
export type ReplenishmentView = z.infer<typeof replenishmentViewSchema>;
export const replenishmentListSchema = z.object({ items: z.array(replenishmentViewSchema) });
