/** 库存 (inventory): warehouses, stock levels, the movement ledger, adjustments, transfers, safety buffer, trace. */
import { z } from 'zod';
import { plainText } from './common.ts';

export const MOVEMENT_KIND_VALUES = [
  'opening',
  'receipt',
  'shipment',
  'transfer_out',
  'transfer_in',
  'adjustment',
  'return',
  'sample_out',
  'sample_return',
] as const;

export const warehouseInputSchema = z.strictObject({
  name: plainText(1, 40),
  region: plainText(0, 60),
  address: plainText(0, 200),
});
export const warehousePatchSchema = z.strictObject({
  name: plainText(1, 40).optional(),
  region: plainText(0, 60).optional(),
  address: plainText(0, 200).optional(),
  status: z.enum(['active', 'closed']).optional(),
});
export const warehouseClientSchema = z.strictObject({ merchantOrgId: z.uuid() });

export const warehouseViewSchema = z.object({
  id: z.string(),
  ownerOrgId: z.string(),
  ownerKind: z.enum(['merchant', 'service_provider']),
  name: z.string(),
  region: z.string(),
  address: z.string(),
  status: z.enum(['active', 'closed']),
  isDefault: z.boolean(),
  clients: z.array(z.string()).optional(),
});
export const warehouseListSchema = z.object({ items: z.array(warehouseViewSchema) });

export const stockLevelsQuerySchema = z.strictObject({ warehouseId: z.uuid().optional() });
export const skuStockViewSchema = z.object({
  skuId: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  skuName: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  safetyBuffer: z.number().int(),
  sellable: z.number().int(),
  warehouses: z.array(z.object({ warehouseId: z.string(), onHand: z.number().int() })),
});
export const stockLevelsSchema = z.object({ items: z.array(skuStockViewSchema) });

export const movementsQuerySchema = z.strictObject({
  skuId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  kind: z.enum(MOVEMENT_KIND_VALUES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const movementViewSchema = z.object({
  id: z.string(),
  skuId: z.string(),
  warehouseId: z.string(),
  kind: z.enum(MOVEMENT_KIND_VALUES),
  qty: z.number().int(),
  reason: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  actorLabel: z.string(),
  at: z.string(),
});
export const movementListSchema = z.object({ items: z.array(movementViewSchema), total: z.number().int() });

export const stockAdjustSchema = z.strictObject({
  skuId: z.uuid(),
  warehouseId: z.uuid(),
  qty: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, { error: 'not zero' }),
  reason: plainText(1, 200),
});
export const stockTransferSchema = z.strictObject({
  skuId: z.uuid(),
  fromWarehouseId: z.uuid(),
  toWarehouseId: z.uuid(),
  qty: z.number().int().min(1).max(1_000_000),
  reason: plainText(0, 200).optional(),
});
export const safetyBufferSchema = z.strictObject({ safetyBuffer: z.number().int().min(0).max(1_000_000) });
export const safetyBufferViewSchema = z.object({ skuId: z.string(), safetyBuffer: z.number().int(), sellable: z.number().int() });

export const stockTraceSchema = z.object({
  skuId: z.string(),
  productTitle: z.string(),
  skuName: z.string(),
  movements: z.array(movementViewSchema),
});

export type WarehouseView = z.infer<typeof warehouseViewSchema>;
export type SkuStockViewDto = z.infer<typeof skuStockViewSchema>;
export type MovementView = z.infer<typeof movementViewSchema>;
export type MovementKindValue = (typeof MOVEMENT_KIND_VALUES)[number];
