/**
 * 预售 · 反向定制 (docs/supply.md § Pre-sale and C2M): the merchant's pre-sales (create, open, close into a production
 * order, cancel with the deposits refunded), buyers' reservations with their deposit and balance paid through the
 * payment provider, and the factory's production orders. Each route validates, calls the service, presents.
 */
import {
  idSchema,
  presaleCloseSchema,
  presaleCreateSchema,
  presaleListSchema,
  presalePaymentSchema,
  presaleReasonSchema,
  presaleReservationListSchema,
  presaleReserveSchema,
  presaleViewSchema,
  productionOrderListSchema,
  productionOrderViewSchema,
  productionProgressSchema,
  productionShipSchema,
} from '@livehub/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentPresale, presentProductionOrder, presentReservation } from '../presenters/presale.presenter.ts';
import { publicOrigin } from '../public-origin.ts';
import { idActionRoute, idReadRoute } from '../route-helpers.ts';
import { SUPPLY_MERCHANTS, SUPPLY_SUPPLIERS } from './supply.routes.ts';
import type { Api } from './types.ts';

const tags = ['presales'];
const idParams = z.strictObject({ id: idSchema });

const originOf = (req: FastifyRequest, c: Container) =>
  publicOrigin({ headers: req.headers, protocol: req.protocol, host: req.host, localPort: req.socket?.localPort }, c.config);

export function presaleRoutes(api: Api, c: Container): void {
  // ── the merchant (and buyers reading open pre-sales) ──
  api.post(
    '/api/supply/presales',
    {
      config: { policy: { allow: SUPPLY_MERCHANTS } },
      schema: {
        tags,
        summary: '新建预售 (draft): one of the merchant’s products, 定金 and 尾款 per unit, deposit and balance windows',
        body: presaleCreateSchema,
        response: { 201: presaleViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentPresale(await c.presales.create(requireActor(req), req.body))),
  );
  api.get(
    '/api/supply/presales',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '预售: the caller’s merchant’s pre-sales with demand per specification; for others, the open ones',
        response: { 200: presaleListSchema },
      },
    },
    async (req) => ({ items: (await c.presales.list(requireActor(req))).map(presentPresale) }),
  );
  api.get(
    '/api/supply/presales/reservations/mine',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '我的预售: the caller’s reservations with their stage (待付尾款 / 生产中 / 已发货 …) and the factory’s progress',
        response: { 200: presaleReservationListSchema },
      },
    },
    async (req) => ({ items: (await c.presales.myReservations(requireActor(req))).map(presentReservation) }),
  );
  api.get(
    '/api/supply/presales/production-orders',
    {
      config: { policy: { allow: SUPPLY_SUPPLIERS } },
      schema: { tags, summary: '生产单 sent to the caller’s organization as factory', response: { 200: productionOrderListSchema } },
    },
    async (req) => ({ items: (await c.presales.productionOrders(requireActor(req))).map(presentProductionOrder) }),
  );
  idReadRoute(
    api,
    '/api/supply/presales/:id',
    {
      allow: 'authenticated',
      tags,
      summary: 'One pre-sale (its merchant sees the demand; buyers see it once open)',
      params: idParams,
      response: presaleViewSchema,
    },
    async (actor, id) => presentPresale(await c.presales.get(actor, id)),
  );
  idActionRoute(
    api,
    '/api/supply/presales/:id/open',
    { allow: SUPPLY_MERCHANTS, tags, summary: '开始预售: a draft opens to deposits', params: idParams, response: presaleViewSchema },
    async (actor, id) => presentPresale(await c.presales.open(actor, id)),
  );
  idActionRoute(
    api,
    '/api/supply/presales/:id/close',
    {
      allow: SUPPLY_MERCHANTS,
      tags,
      summary: '截单生产: closes the pre-sale and sends the production order (paid demand per specification) to a supplier',
      params: idParams,
      body: presaleCloseSchema,
      response: presaleViewSchema,
    },
    async (actor, id, body) => presentPresale(await c.presales.close(actor, id, body)),
  );
  idActionRoute(
    api,
    '/api/supply/presales/:id/cancel',
    {
      allow: SUPPLY_MERCHANTS,
      tags,
      summary: '取消预售 (before the production order): every paid deposit is refunded through the provider',
      params: idParams,
      body: presaleReasonSchema,
      response: presaleViewSchema,
    },
    async (actor, id, body) => presentPresale(await c.presales.cancel(actor, id, body.reason)),
  );

  // ── buyers ──
  api.post(
    '/api/supply/presales/:id/reservations',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '付定金: reserves a specification and opens the deposit payment with the provider',
        params: idParams,
        body: presaleReserveSchema,
        response: { 201: presalePaymentSchema },
      },
    },
    async (req, reply) => {
      const r = await c.presales.reserve(requireActor(req), req.params.id, req.body, originOf(req, c));
      return reply.status(201).send({ ...r, reservation: presentReservation(r.reservation) });
    },
  );
  api.post(
    '/api/supply/presales/reservations/:id/balance',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '付尾款: opens the balance payment (after the pre-sale closed, inside the balance window)',
        params: idParams,
        response: { 200: presalePaymentSchema },
      },
    },
    async (req) => {
      const r = await c.presales.payBalance(requireActor(req), req.params.id, originOf(req, c));
      return { ...r, reservation: presentReservation(r.reservation) };
    },
  );

  // ── the factory ──
  idActionRoute(
    api,
    '/api/supply/presales/production-orders/:id/confirm',
    { allow: SUPPLY_SUPPLIERS, tags, summary: '接单 (the factory)', params: idParams, response: productionOrderViewSchema },
    async (actor, id) => presentProductionOrder(await c.presales.confirmProduction(actor, id)),
  );
  idActionRoute(
    api,
    '/api/supply/presales/production-orders/:id/progress',
    {
      allow: SUPPLY_SUPPLIERS,
      tags,
      summary: '生产进度 (the factory): percent done and a note; buyers read 生产中',
      params: idParams,
      body: productionProgressSchema,
      response: productionOrderViewSchema,
    },
    async (actor, id, body) => presentProductionOrder(await c.presales.reportProgress(actor, id, body)),
  );
  idActionRoute(
    api,
    '/api/supply/presales/production-orders/:id/ship',
    {
      allow: SUPPLY_SUPPLIERS,
      tags,
      summary: '发货 (the factory): carrier and tracking number; buyers read 已发货',
      params: idParams,
      body: productionShipSchema,
      response: productionOrderViewSchema,
    },
    async (actor, id, body) => presentProductionOrder(await c.presales.shipProduction(actor, id, body)),
  );
}
