/**
 * 需求协同 (supply, docs/supply.md § Live demand): a merchant's suppliers, live demand per SKU with its alerts (as
 * JSON and pushed as Server-Sent Events), and replenishment requests (补货) the supplier confirms and ships.
 */
import { serveEventStream } from '../sse.ts';
import {
  cartAddResultSchema,
  cartAddSchema,
  demandAlertViewSchema,
  demandBoardSchema,
  demandSessionViewSchema,
  idSchema,
  PURCHASE_ORDER_STATUSES,
  purchaseOrderCreateSchema,
  purchaseOrderFromReplenishmentSchema,
  purchaseOrderListSchema,
  purchaseOrderReasonSchema,
  purchaseOrderReceiveSchema,
  purchaseOrderShipSchema,
  purchaseOrderViewSchema,
  replenishmentCreateSchema,
  replenishmentListSchema,
  replenishmentViewSchema,
  supplierLinkCreateSchema,
  supplierLinkListSchema,
  supplierLinkViewSchema,
  supplierOptionListSchema,
} from '@livehub/contracts';
import { AppError } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import {
  presentDemandAlert,
  presentDemandBoard,
  presentDemandSession,
  presentPurchaseOrder,
  presentReplenishment,
  presentSupplierLink,
  presentSupplierOption,
} from '../presenters/supply.presenter.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['supply'];
const idParams = z.strictObject({ id: idSchema });
/** Who names suppliers and asks for 补货: merchant staff. */
export const SUPPLY_MERCHANTS = ['merchant_staff'] as const;
/** Who may be a supplier's staff: a service provider's, or a merchant's acting as factory (工厂). */
export const SUPPLY_SUPPLIERS = ['provider_staff', 'merchant_staff'] as const;
/** Who receives goods: the merchant, or the service provider running the warehouse. */
export const PO_RECEIVERS = ['merchant_staff', 'provider_staff'] as const;
/** Who sees live demand (each only its own share of it). */
export const DEMAND_VIEW = ['platform_admin', 'streamer', 'merchant_staff', 'provider_staff'] as const;
/** Who taps 加入购物车 in a live room: signed-in viewers (consumers). */
export const CART_TAPPERS = ['consumer'] as const;

export function supplyRoutes(api: Api, c: Container): void {
  // ── suppliers ──
  api.get(
    '/api/supply/suppliers',
    {
      config: { policy: { allow: SUPPLY_MERCHANTS } },
      schema: { tags, summary: '供应商: the caller’s merchant’s suppliers', response: { 200: supplierLinkListSchema } },
    },
    async (req) => ({ items: (await c.suppliers.listSuppliers(requireActor(req))).map(presentSupplierLink) }),
  );
  api.get(
    '/api/supply/supplier-options',
    {
      config: { policy: { allow: SUPPLY_MERCHANTS } },
      schema: {
        tags,
        summary: 'Organizations a merchant may name as supplier (service providers, other merchants)',
        response: { 200: supplierOptionListSchema },
      },
    },
    async (req) => ({ items: (await c.suppliers.options(requireActor(req))).map(presentSupplierOption) }),
  );
  createdRoute(
    api,
    '/api/supply/suppliers',
    {
      allow: SUPPLY_MERCHANTS,
      tags,
      summary: '添加供应商: name an organization as supplier of every product (productIds null) or the listed ones',
      body: supplierLinkCreateSchema,
      response: supplierLinkViewSchema,
    },
    async (actor, body) => presentSupplierLink(await c.suppliers.addSupplier(actor, body)),
  );
  idActionRoute(
    api,
    '/api/supply/suppliers/:id/remove',
    { allow: SUPPLY_MERCHANTS, tags, summary: '移除供应商', params: idParams, response: supplierLinkViewSchema },
    async (actor, id) => presentSupplierLink(await c.suppliers.removeSupplier(actor, id)),
  );
  api.get(
    '/api/supply/merchants',
    {
      config: { policy: { allow: SUPPLY_SUPPLIERS } },
      schema: {
        tags,
        summary: '我的商家: the merchants naming the caller’s organization as supplier',
        response: { 200: supplierLinkListSchema },
      },
    },
    async (req) => ({ items: (await c.suppliers.listMerchants(requireActor(req))).map(presentSupplierLink) }),
  );

  // ── live demand ──
  api.get(
    '/api/supply/demand',
    {
      config: { policy: { allow: DEMAND_VIEW } },
      schema: {
        tags,
        summary: '实时需求: live sessions now, per SKU sold, rate and 预计售罄, with the caller’s alerts',
        response: { 200: demandBoardSchema },
      },
    },
    async (req) => presentDemandBoard(await c.demand.board(requireActor(req))),
  );
  idReadRoute(
    api,
    '/api/supply/demand/sessions/:id',
    {
      allow: DEMAND_VIEW,
      tags,
      summary: 'One session’s demand per SKU (sell-through), for the products the caller may see',
      params: idParams,
      response: demandSessionViewSchema,
    },
    async (actor, id) => presentDemandSession(await c.demand.session(actor, id)),
  );
  api.get(
    '/api/supply/alerts',
    {
      config: { policy: { allow: DEMAND_VIEW } },
      schema: {
        tags,
        summary: '需求预警 the caller may see, newest first',
        response: { 200: z.object({ items: z.array(demandAlertViewSchema) }) },
      },
    },
    async (req) => ({ items: (await c.demand.alerts(requireActor(req))).map(presentDemandAlert) }),
  );
  api.get(
    '/api/supply/demand/stream',
    {
      config: { policy: { allow: DEMAND_VIEW } },
      schema: { tags, summary: '实时需求 as Server-Sent Events: a `board` event now, every 10 s and after orders and alerts' },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!String(req.headers.accept ?? '').includes('text/event-stream'))
        throw new AppError('supply.demand_stream_accept', { field: 'accept' });
      await serveEventStream(req, reply, 'board', (send) => c.demand.watch(actor, (b) => send(presentDemandBoard(b))));
    },
  );

  idActionRoute(
    api,
    '/api/supply/live/sessions/:id/cart-adds',
    {
      allow: CART_TAPPERS,
      tags,
      summary: '加入购物车 in a live room: counts the SKU’s 加购 for the session minute, once per viewer per SKU per minute',
      params: idParams,
      body: cartAddSchema,
      response: cartAddResultSchema,
    },
    (actor, id, body) => c.cartSignals.add(actor, id, body.skuId),
  );

  // ── 补货 ──
  createdRoute(
    api,
    '/api/supply/replenishments',
    {
      allow: ['merchant_staff', 'provider_staff'],
      tags,
      summary: '补货: a replenishment request from a demand alert (quantity suggested from the projection)',
      body: replenishmentCreateSchema,
      response: replenishmentViewSchema,
    },
    async (actor, body) => presentReplenishment(await c.suppliers.requestReplenishment(actor, body)),
  );
  api.get(
    '/api/supply/replenishments',
    {
      config: { policy: { allow: ['merchant_staff', 'provider_staff'] } },
      schema: {
        tags,
        summary: '补货申请: asked by the caller’s merchant, or asked of the caller’s organization',
        response: { 200: replenishmentListSchema },
      },
    },
    async (req) => ({ items: (await c.suppliers.listReplenishments(requireActor(req))).map(presentReplenishment) }),
  );
  idActionRoute(
    api,
    '/api/supply/replenishments/:id/confirm',
    { allow: SUPPLY_SUPPLIERS, tags, summary: '确认补货 (the supplier)', params: idParams, response: replenishmentViewSchema },
    async (actor, id) => presentReplenishment(await c.suppliers.advanceReplenishment(actor, id, 'confirmed')),
  );
  idActionRoute(
    api,
    '/api/supply/replenishments/:id/ship',
    { allow: SUPPLY_SUPPLIERS, tags, summary: '补货发货 (the supplier)', params: idParams, response: replenishmentViewSchema },
    async (actor, id) => presentReplenishment(await c.suppliers.advanceReplenishment(actor, id, 'shipped')),
  );

  // ── 采购单 ──
  createdRoute(
    api,
    '/api/supply/purchase-orders',
    {
      allow: SUPPLY_MERCHANTS,
      tags,
      summary: '新建采购单: SKUs from a supplier named for them, into one warehouse (optionally answering a 补货 request)',
      body: purchaseOrderCreateSchema,
      response: purchaseOrderViewSchema,
    },
    async (actor, body) => presentPurchaseOrder(await c.purchaseOrders.create(actor, body)),
  );
  api.get(
    '/api/supply/purchase-orders',
    {
      config: { policy: { allow: PO_RECEIVERS } },
      schema: {
        tags,
        summary: '采购单: placed by the caller’s merchant, placed with the caller’s organization, or into a warehouse it runs',
        querystring: z.strictObject({ status: z.enum(PURCHASE_ORDER_STATUSES).optional() }),
        response: { 200: purchaseOrderListSchema },
      },
    },
    async (req) => {
      const q = req.query as { status?: (typeof PURCHASE_ORDER_STATUSES)[number] };
      const rows = await c.purchaseOrders.list(requireActor(req), { statuses: q.status ? [q.status] : undefined });
      return { items: rows.map(presentPurchaseOrder) };
    },
  );
  createdRoute(
    api,
    '/api/supply/replenishments/:id/purchase-order',
    {
      allow: SUPPLY_MERCHANTS,
      tags,
      summary: '转采购单: a purchase order answering a 补货 request (its supplier, SKU and quantity), into the 默认仓 unless named',
      params: idParams,
      body: purchaseOrderFromReplenishmentSchema,
      response: purchaseOrderViewSchema,
    },
    async (actor, body, params) => presentPurchaseOrder(await c.purchaseOrders.fromReplenishment(actor, params.id, body)),
  );
  idReadRoute(
    api,
    '/api/supply/purchase-orders/:id',
    {
      allow: PO_RECEIVERS,
      tags,
      summary: 'One purchase order with its lines and receipts',
      params: idParams,
      response: purchaseOrderViewSchema,
    },
    async (actor, id) => presentPurchaseOrder(await c.purchaseOrders.get(actor, id)),
  );
  idActionRoute(
    api,
    '/api/supply/purchase-orders/:id/confirm',
    { allow: SUPPLY_SUPPLIERS, tags, summary: '接单 (the supplier)', params: idParams, response: purchaseOrderViewSchema },
    async (actor, id) => presentPurchaseOrder(await c.purchaseOrders.confirm(actor, id)),
  );
  idActionRoute(
    api,
    '/api/supply/purchase-orders/:id/decline',
    {
      allow: SUPPLY_SUPPLIERS,
      tags,
      summary: '拒单 with a reason (the supplier)',
      params: idParams,
      body: purchaseOrderReasonSchema,
      response: purchaseOrderViewSchema,
    },
    async (actor, id, body) => presentPurchaseOrder(await c.purchaseOrders.decline(actor, id, body.reason)),
  );
  idActionRoute(
    api,
    '/api/supply/purchase-orders/:id/ship',
    {
      allow: SUPPLY_SUPPLIERS,
      tags,
      summary: '发货 with carrier and tracking number, quantities per line (the supplier)',
      params: idParams,
      body: purchaseOrderShipSchema,
      response: purchaseOrderViewSchema,
    },
    async (actor, id, body) => presentPurchaseOrder(await c.purchaseOrders.ship(actor, id, body)),
  );
  idActionRoute(
    api,
    '/api/supply/purchase-orders/:id/receive',
    {
      allow: PO_RECEIVERS,
      tags,
      summary: '收货 with the quality check per line: accepted units enter the warehouse through the stock ledger',
      params: idParams,
      body: purchaseOrderReceiveSchema,
      response: purchaseOrderViewSchema,
    },
    async (actor, id, body) => presentPurchaseOrder(await c.purchaseOrders.receive(actor, id, body)),
  );
  idActionRoute(
    api,
    '/api/supply/purchase-orders/:id/cancel',
    {
      allow: SUPPLY_MERCHANTS,
      tags,
      summary: '撤销 before shipping, with a reason (the merchant)',
      params: idParams,
      body: purchaseOrderReasonSchema,
      response: purchaseOrderViewSchema,
    },
    async (actor, id, body) => presentPurchaseOrder(await c.purchaseOrders.cancel(actor, id, body.reason)),
  );
  idActionRoute(
    api,
    '/api/supply/purchase-orders/:id/close',
    {
      allow: SUPPLY_MERCHANTS,
      tags,
      summary: '短收结案: close a partially received order, with a reason (the merchant)',
      params: idParams,
      body: purchaseOrderReasonSchema,
      response: purchaseOrderViewSchema,
    },
    async (actor, id, body) => presentPurchaseOrder(await c.purchaseOrders.close(actor, id, body.reason)),
  );
}
