/**
 * 库存 (inventory): warehouses (merchant staff of the owner; provider staff for a service provider's), stock by
 * warehouse, the movement ledger, adjustments, transfers, the safety buffer and a SKU's trace; the platform admin
 * reads. docs/supply.md § Stock model.
 */
import {
  idSchema,
  movementListSchema,
  movementsQuerySchema,
  safetyBufferSchema,
  safetyBufferViewSchema,
  stockAdjustSchema,
  stockLevelsQuerySchema,
  stockLevelsSchema,
  stockTraceSchema,
  stockTransferSchema,
  warehouseClientSchema,
  warehouseInputSchema,
  warehouseListSchema,
  warehousePatchSchema,
  warehouseViewSchema,
} from '@livehub/contracts';
import type { MovementRecord, WarehouseRecord } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['inventory'];
const idParams = z.strictObject({ id: idSchema });
/** Who keeps stock: a merchant's staff, a service provider's staff (its warehouses). */
export const STOCK_KEEPERS = ['merchant_staff', 'provider_staff'] as const;
/** Who reads stock: the keepers and the platform admin. */
export const STOCK_READERS = ['merchant_staff', 'provider_staff', 'platform_admin'] as const;

export function presentWarehouse(w: WarehouseRecord & { clients?: string[] }) {
  return {
    id: w.id,
    ownerOrgId: w.ownerOrgId,
    ownerKind: w.ownerKind,
    name: w.name,
    region: w.region,
    address: w.address,
    status: w.status,
    isDefault: w.isDefault,
    ...(w.clients ? { clients: w.clients } : {}),
  };
}

export function presentMovement(m: MovementRecord) {
  return {
    id: m.id,
    skuId: m.skuId,
    warehouseId: m.warehouseId,
    kind: m.kind,
    qty: m.qty,
    reason: m.reason,
    refType: m.refType,
    refId: m.refId,
    actorLabel: m.actorLabel,
    at: m.at.toISOString(),
  };
}

export function inventoryRoutes(api: Api, c: Container): void {
  api.get(
    '/api/inventory/warehouses',
    {
      config: { policy: { allow: STOCK_READERS } },
      schema: {
        tags,
        summary: '仓库: own warehouses and those the merchant is a client of (admin: all)',
        response: { 200: warehouseListSchema },
      },
    },
    async (req) => ({ items: (await c.inventory.listWarehouses(requireActor(req))).map(presentWarehouse) }),
  );
  createdRoute(
    api,
    '/api/inventory/warehouses',
    {
      allow: STOCK_KEEPERS,
      tags,
      summary: 'Adds a warehouse of the caller’s organisation',
      body: warehouseInputSchema,
      response: warehouseViewSchema,
    },
    async (actor, body) => presentWarehouse(await c.inventory.createWarehouse(actor, body)),
  );
  idActionRoute(
    api,
    '/api/inventory/warehouses/:id',
    {
      allow: STOCK_KEEPERS,
      tags,
      summary: 'Renames, moves or closes one of the caller’s warehouses',
      params: idParams,
      body: warehousePatchSchema,
      response: warehouseViewSchema,
    },
    async (actor, id, body) => presentWarehouse(await c.inventory.updateWarehouse(actor, id, body)),
  );
  idActionRoute(
    api,
    '/api/inventory/warehouses/:id/clients',
    {
      allow: ['provider_staff'],
      tags,
      summary: 'A service provider admits a merchant to its warehouse',
      params: idParams,
      body: warehouseClientSchema,
    },
    async (actor, id, body) => ({ clients: await c.inventory.addClient(actor, id, body.merchantOrgId) }),
  );
  api.get(
    '/api/inventory/levels',
    {
      config: { policy: { allow: STOCK_READERS } },
      schema: {
        tags,
        summary: 'Stock by SKU: on hand per warehouse, reserved, safety buffer and sellable',
        querystring: stockLevelsQuerySchema,
        response: { 200: stockLevelsSchema },
      },
    },
    async (req) => ({ items: await c.inventory.levels(requireActor(req), { warehouseId: req.query.warehouseId }) }),
  );
  api.get(
    '/api/inventory/movements',
    {
      config: { policy: { allow: STOCK_READERS } },
      schema: {
        tags,
        summary: '出入库流水, newest first, paged',
        querystring: movementsQuerySchema,
        response: { 200: movementListSchema },
      },
    },
    async (req) => {
      const r = await c.inventory.movements(requireActor(req), req.query);
      return { items: r.rows.map(presentMovement), total: r.total };
    },
  );
  createdRoute(
    api,
    '/api/inventory/adjustments',
    { allow: STOCK_KEEPERS, tags, summary: '盘点调整: a signed change with a reason', body: stockAdjustSchema },
    async (actor, body) => presentMovement(await c.inventory.adjust(actor, body)),
  );
  createdRoute(
    api,
    '/api/inventory/transfers',
    { allow: STOCK_KEEPERS, tags, summary: '调拨: out of one warehouse and into another, one transaction', body: stockTransferSchema },
    async (actor, body) => ({ movements: (await c.inventory.transfer(actor, body)).map(presentMovement) }),
  );
  idActionRoute(
    api,
    '/api/inventory/skus/:id/safety-buffer',
    {
      allow: ['merchant_staff'],
      tags,
      summary: '安全库存: units of the SKU kept back from sale',
      params: idParams,
      body: safetyBufferSchema,
      response: safetyBufferViewSchema,
    },
    async (actor, id, body) => {
      const s = await c.inventory.setSafetyBuffer(actor, id, body.safetyBuffer);
      return { skuId: s.skuId, safetyBuffer: s.safetyBuffer, sellable: s.sellable };
    },
  );
  api.get(
    '/api/inventory/skus/:id/trace',
    {
      config: { policy: { allow: STOCK_READERS } },
      schema: {
        tags,
        summary: '溯源: every movement of one SKU from receipt to the buyer’s order',
        params: idParams,
        response: { 200: stockTraceSchema },
      },
    },
    async (req) => {
      const t = await c.inventory.trace(requireActor(req), req.params.id);
      return { skuId: t.sku.skuId, productTitle: t.sku.productTitle, skuName: t.sku.skuName, movements: t.movements.map(presentMovement) };
    },
  );
}
