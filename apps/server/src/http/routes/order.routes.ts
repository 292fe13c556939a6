/**
 * Order routes: addresses, orders from the room or the shelf (Idempotency-Key on create and pay), the merchant's
 * shipping, after-sales, flash sales of a live session, the payment provider's notifications (public: the
 * signature is the authentication) and the simulated provider's payment page.
 */
import {
  cancelOrderSchema,
  createFlashSaleSchema,
  createOrderSchema,
  idSchema,
  orderListQuerySchema,
  receiveReturnSchema,
  returnDeclarationSchema,
  rejectReturnSchema,
  RETURN_STATUSES,
  returnRequestSchema,
  returnShipmentSchema,
  saveAddressSchema,
  shipOrderSchema,
} from '@livehub/contracts';
import { AppError, type ClientSignals, DEVICE_ID_PATTERN, type PaymentRecord } from '@livehub/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SimulatedPaymentProvider } from '../../adapters/sim-pay.ts';
import type { Container } from '../../container.ts';
import { errorBody, type Locale, localeOf } from '../errors.ts';
import { authorize, type RoutePolicy, requireActor } from '../policy.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import { publicOrigin } from '../public-origin.ts';
import { signedNotificationRoute } from './signed-notify.ts';
import { idempotencyKey } from './idempotency-key.ts';
import { type Api, withZod } from './types.ts';

const tags = ['orders'];

/** The origin the buyer reached the app at, when this server serves it (LIVEHUB_PUBLIC_URL when set). */
const originOf = (req: FastifyRequest, c: Container) =>
  publicOrigin({ headers: req.headers, protocol: req.protocol, host: req.host, localPort: req.socket?.localPort }, c.config);
const idParams = z.strictObject({ id: idSchema });

/**
 * What the request says about the buyer's client, for the fake-order detector (hashed with the order, never kept
 * raw): the web app's per-browser id (`x-device-id`; malformed: 400 on the header) and the client IP as Fastify
 * reads it — behind LIVEHUB_TRUST_PROXY's proxies, the forwarded address.
 */
const clientSignals = (req: FastifyRequest): ClientSignals => {
  const raw = req.headers['x-device-id'];
  const deviceId = (Array.isArray(raw) ? raw[0] : raw) ?? null;
  if (deviceId !== null && !DEVICE_ID_PATTERN.test(deviceId)) throw new AppError('orders.bad_device_id', { field: 'x-device-id' });
  return { deviceId, ip: req.ip ?? null };
};

/** The sold-out answer, serialized once per language: exactly what the service's `orders.sold_out` answers. */
const SOLD_OUT: Record<Locale, string> = {
  'zh-CN': JSON.stringify(errorBody('orders.sold_out', 'zh-CN', { field: 'flashSaleId' })),
  'en-US': JSON.stringify(errorBody('orders.sold_out', 'en-US', { field: 'flashSaleId' })),
};

export function orderRoutes(api: Api, c: Container, app: FastifyInstance): void {
  // ---- addresses
  api.get(
    '/api/addresses',
    { config: { policy: { allow: 'authenticated' } }, schema: { tags, summary: 'My shipping addresses (masked)' } },
    async (req) => c.orders.listAddresses(requireActor(req)),
  );
  createdRoute(
    api,
    '/api/addresses',
    { allow: 'authenticated', tags, summary: 'Save a shipping address (sealed at rest)', body: saveAddressSchema },
    async (actor, body) => c.orders.saveAddress(actor, body),
  );

  // ---- orders
  const createPolicy: RoutePolicy = { allow: 'authenticated' };
  api.post(
    '/api/orders',
    {
      // Authorized after the body is parsed: an attempt on a sold-out flash sale is answered first, from this
      // process's mark, with no session look-up, validation or database read (ADR 0011). Sold out is public: the
      // room shows it to everyone. Every other request is authorized as before, then validated.
      config: { policy: createPolicy, authAfterBody: true },
      bodyLimit: 64 * 1024,
      preValidation: async (req, reply) => {
        const body = req.body as { flashSaleId?: unknown } | null | undefined;
        const saleId = typeof body === 'object' && body !== null ? body.flashSaleId : undefined;
        if (typeof saleId === 'string') {
          const raw = req.headers['idempotency-key'];
          if (c.orders.soldOut.refuses(saleId, Array.isArray(raw) ? raw[0] : raw))
            return reply.status(409).type('application/json; charset=utf-8').send(SOLD_OUT[localeOf(req)]);
        }
        await authorize(req, c, createPolicy);
      },
      schema: {
        tags,
        summary: '下单: from the shelf or the pinned card (sessionId), or in a flash sale (flashSaleId); Idempotency-Key honoured',
        body: createOrderSchema,
      },
    },
    async (req, reply) => {
      const r = await c.orders.create(requireActor(req), req.body, idempotencyKey(req), clientSignals(req));
      return reply.status(r.status).send(r.body);
    },
  );
  api.get(
    '/api/orders',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: 'Orders as buyer, merchant, streamer or platform', querystring: orderListQuerySchema },
    },
    async (req) => c.orders.list(requireActor(req), req.query),
  );
  idReadRoute(
    api,
    '/api/orders/:id',
    { allow: 'authenticated', tags, summary: 'One order (address masked)', params: idParams },
    async (actor, id) => c.orders.get(actor, id),
  );
  api.post(
    '/api/orders/:id/pay',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '去支付: opens a payment with the provider and returns its page; Idempotency-Key honoured',
        params: idParams,
        body: z.strictObject({ provider: z.enum(['sim']).default('sim') }).optional(),
      },
    },
    async (req) => c.orders.pay(requireActor(req), req.params.id, req.body?.provider ?? 'sim', idempotencyKey(req), originOf(req, c)),
  );
  idActionRoute(
    api,
    '/api/orders/:id/cancel',
    { allow: 'authenticated', tags, summary: '取消订单 (unpaid): the stock goes back', params: idParams, body: cancelOrderSchema },
    async (actor, id, body) => c.orders.cancel(actor, id, body.reason),
  );
  idActionRoute(
    api,
    '/api/orders/:id/refund',
    {
      allow: 'authenticated',
      tags,
      summary: '未发货退款: the buyer of a paid, unshipped order gets all of it back',
      params: idParams,
      body: cancelOrderSchema,
    },
    async (actor, id, body) => c.orders.refundUnshipped(actor, id, body.reason),
  );
  idActionRoute(
    api,
    '/api/orders/:id/ship',
    { allow: ['merchant_staff'], tags, summary: '发货: carrier and tracking number', params: idParams, body: shipOrderSchema },
    async (actor, id, body) => c.orders.ship(actor, id, body),
  );
  idActionRoute(
    api,
    '/api/orders/:id/deliver',
    {
      allow: 'authenticated',
      tags,
      summary: '确认收货 (buyer) or the carrier’s delivery (merchant): the return window starts',
      params: idParams,
    },
    async (actor, id) => c.orders.deliver(actor, id),
  );
  idReadRoute(
    api,
    '/api/orders/:id/tracking',
    {
      allow: 'authenticated',
      tags,
      summary: '物流轨迹: the package and the carrier’s pushes (buyer, merchant, platform admin)',
      params: idParams,
    },
    async (actor, id) => c.orders.tracking(actor, id),
  );
  api.get(
    '/api/orders/:id/shipping-label',
    {
      config: { policy: { allow: ['merchant_staff'] } },
      schema: { tags, summary: '面单: the full address for shipping (the merchant only; audited)', params: idParams },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return c.orders.shippingLabel(requireActor(req), req.params.id);
    },
  );

  // ---- after-sales
  idReadRoute(
    api,
    '/api/orders/:id/returns',
    { allow: 'authenticated', tags, summary: 'Return requests of an order', params: idParams },
    async (actor, id) => c.returns.forOrder(actor, id),
  );
  createdRoute(
    api,
    '/api/orders/:id/returns',
    {
      allow: 'authenticated',
      tags,
      summary: '申请售后: 7-day no-reason return (statutory exceptions refused) or quality',
      params: idParams,
      body: returnRequestSchema,
    },
    async (actor, body, { id }) => c.returns.request(actor, id, body),
  );
  api.get(
    '/api/returns',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: 'Return requests as buyer, merchant or platform',
        querystring: z.strictObject({
          as: z.enum(['buyer', 'merchant', 'platform']).default('buyer'),
          status: z.enum(RETURN_STATUSES).optional(),
        }),
      },
    },
    async (req) => c.returns.list(requireActor(req), req.query.as, req.query.status),
  );
  const merchantStep = (path: string, summary: string, run: (req: FastifyRequest, id: string) => Promise<unknown>) =>
    api.post(
      `/api/returns/:id/${path}`,
      { config: { policy: { allow: ['merchant_staff'] } }, schema: { tags, summary, params: idParams } },
      (req) => run(req, req.params.id),
    );
  merchantStep('approve', '同意退货', (req, id) => c.returns.approve(requireActor(req), id));
  idActionRoute(
    api,
    '/api/returns/:id/reject',
    { allow: ['merchant_staff'], tags, summary: '拒绝退货 (with a reason)', params: idParams, body: rejectReturnSchema },
    async (actor, id, body) => c.returns.reject(actor, id, body.reason),
  );
  idActionRoute(
    api,
    '/api/returns/:id/receive',
    {
      allow: ['merchant_staff'],
      tags,
      summary: '确认收到退货 (refund at once by default; due within 7 days)',
      params: idParams,
      body: receiveReturnSchema.optional(),
    },
    async (actor, id, body) => c.returns.receive(actor, id, body?.refundNow ?? true),
  );
  merchantStep('refund', '退款 for a received return (跨境: back at the supervision site, or overdue)', (req, id) =>
    c.returns.refund(requireActor(req), id),
  );
  idActionRoute(
    api,
    '/api/returns/:id/declare',
    {
      allow: ['merchant_staff'],
      tags,
      summary: '退货申报 (跨境): the merchant files a cross-border return with customs, within 30 days of release',
      params: idParams,
      body: returnDeclarationSchema,
    },
    async (actor, id, body) => c.returns.declare(actor, id, body),
  );
  idActionRoute(
    api,
    '/api/returns/:id/arrive',
    {
      allow: ['merchant_staff'],
      tags,
      summary: '运抵监管场所 (跨境): the goods are back at the original customs site (refund at once by default)',
      params: idParams,
      body: receiveReturnSchema.optional(),
    },
    async (actor, id, body) => c.returns.arrive(actor, id, body?.refundNow ?? true),
  );
  idActionRoute(
    api,
    '/api/returns/:id/ship',
    { allow: 'authenticated', tags, summary: '寄回: the buyer’s return shipment', params: idParams, body: returnShipmentSchema },
    async (actor, id, body) => c.returns.shipBack(actor, id, body),
  );
  idActionRoute(
    api,
    '/api/returns/:id/cancel',
    { allow: 'authenticated', tags, summary: '撤销售后申请', params: idParams },
    async (actor, id) => c.returns.cancel(actor, id),
  );

  // ---- flash sales
  createdRoute(
    api,
    '/api/live/sessions/:id/flash-sales',
    {
      allow: ['streamer'],
      tags,
      summary: '创建秒杀: units leave the SKU’s stock now; the room shows the countdown',
      params: idParams,
      body: createFlashSaleSchema,
    },
    async (actor, body, { id }) => c.orders.createFlashSale(actor, id, body),
  );
  api.get(
    '/api/live/sessions/:id/flash-sales',
    {
      // public like the room itself: a guest watching the room sees the running sale's price and stock
      config: { policy: { allow: 'public' } },
      schema: { tags, summary: 'Flash sales of a session with stock left (public, like the room)', params: idParams },
    },
    async (req) => c.orders.listFlashSales(req.params.id),
  );
  idActionRoute(
    api,
    '/api/flash-sales/:id/end',
    { allow: ['streamer'], tags, summary: '结束秒杀: unsold units go back to stock', params: idParams },
    async (actor, id) => c.orders.endFlashSale(actor, id),
  );

  // ---- the provider's side
  signedNotificationRoute(app, {
    path: '/api/payments/notify/:provider',
    tags,
    summary: '支付结果通知: signed asynchronous notifications from the payment provider',
    handle: (provider, headers, rawBody) => c.orders.onNotification(provider, headers, rawBody),
  });

  // 物流推送: a carrier's signed status push (public — the signature over the raw body is the authentication)
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    withZod(scope).post(
      '/api/logistics/push/:carrier',
      {
        config: { policy: { allow: 'public' } },
        schema: {
          tags: ['logistics'],
          summary: '物流订阅推送: a carrier’s signed status push (HMAC-SHA256 over the raw body)',
          params: z.strictObject({ carrier: z.string().max(10) }),
        },
      },
      async (req) => {
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
        return c.orders.onCarrierPush(req.params.carrier, headers, typeof req.body === 'string' ? req.body : '');
      },
    );
  });

  const sim = c.payments.sim as SimulatedPaymentProvider;
  /** The payment behind the simulator's page: an order's, a merchant's deposit (保证金) or a pre-sale's, through the same page. */
  const simPayment = async (id: string) => {
    const s = await c.orders.paymentState(id);
    if (s) return { payment: s.payment, orderNo: s.orderNo, open: s.open && Boolean(s.orderId), returnPath: `/orders/${s.orderId}` };
    const d = await c.deposits.paymentState(id);
    if (!d) {
      // a pre-sale's 定金 or 尾款 (docs/supply.md § Pre-sale and C2M)
      const ps = await c.presales.paymentState(id);
      if (!ps) return null;
      const payment: PaymentRecord = {
        id: ps.paymentId,
        orderId: ps.paymentId,
        provider: ps.provider,
        providerRef: ps.providerRef,
        amountFen: ps.amountFen,
        status: ps.status,
        payUrl: ps.payUrl,
        failureReason: null,
        createdAt: ps.createdAt,
        updatedAt: ps.createdAt,
      };
      return { payment, orderNo: ps.orderNo, open: ps.open, returnPath: '/presales/mine' };
    }
    const p = d.payment;
    const payment: PaymentRecord = { ...p, orderId: p.id, status: p.status, payUrl: p.payUrl, failureReason: p.failureReason };
    return { payment, orderNo: d.orderNo, open: d.open, returnPath: '/finance/deposit' };
  };
  api.get(
    '/api/payments/sim/:id',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags,
        summary: 'The simulated provider’s payment page',
        params: idParams,
        querystring: z.strictObject({ t: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      const s = await simPayment(req.params.id);
      if (!s || !sim.checkToken(s.payment.id, req.query.t)) throw new AppError('payments.not_found', { field: 'id' });
      reply.header('cache-control', 'no-store');
      // The simulator's page is a stand-alone page with its own small inline script: its own, narrower policy.
      reply.header(
        'content-security-policy',
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      return reply.type('text/html; charset=utf-8').send(sim.page(s.payment, s.orderNo, req.query.t, s.open));
    },
  );
  api.post(
    '/api/payments/sim/:id/confirm',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags,
        summary: 'The simulated payer’s answer: pay or fail; the notification follows asynchronously',
        params: idParams,
        // payer: the page's wallet id (kept in the payer's browser), from which the simulator reports a payer account
        body: z.strictObject({
          t: z.string().max(100),
          outcome: z.enum(['succeed', 'fail']),
          payer: z.string().min(1).max(100).optional(),
        }),
      },
    },
    async (req) => {
      const s = await simPayment(req.params.id);
      if (!s || !sim.checkToken(s.payment.id, req.body.t)) throw new AppError('payments.not_found', { field: 'id' });
      if (s.payment.status !== 'pending') return { status: s.payment.status };
      // past the order's deadline the trade is closed, as a provider closes it at its expiry time
      if (!s.open) return { status: 'expired' };
      sim.answer(s.payment, req.body.outcome, req.body.payer);
      return { status: 'processing', returnUrl: `${originOf(req, c)}${s.returnPath}` };
    },
  );
}
