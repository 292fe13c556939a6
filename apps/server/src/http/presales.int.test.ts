/**
 * 预售 · 反向定制 through the API, on PGlite and PostgreSQL (whichever the suite runs on): the merchant pre-sells a
 * product with several specifications; buyers pay deposits through the simulated provider's page (the provider's
 * signed notice marks them paid); closing aggregates the paid demand per specification into a production order to
 * the merchant's supplier in one transaction; the factory confirms, reports progress and ships while buyers pay the
 * balance and read 待付尾款 / 生产中 / 已发货. A cancelled pre-sale refunds every paid deposit through the provider.
 * Bad input — deposit window ended, balance before close, an empty close, cancelling after production, a supplier
 * not the merchant's, qty ≤ 0, an unknown spec — is a bilingual 4xx with its field, and nothing is written.
 */
import { createTestPlatform, openWarehouse, type TestPlatform, type TestSession, until as pollUntil } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let merchant: TestSession;
let other: TestSession;
let provider: TestSession;
let buyerA: TestSession;
let buyerB: TestSession;
let providerOrgId: string;
let otherOrgId: string;
let productId: string;
let specs: string[];

const HOUR = 3_600_000;
const at = (h: number) => new Date(clock.now().getTime() + h * HOUR).toISOString();
const day = (days: number) => new Date(clock.now().getTime() + 8 * HOUR + days * 86_400_000).toISOString().slice(0, 10);

const until = <T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 8000) => pollUntil(f, ok, ms, 25);

/** Counts of what a refusal must leave untouched. */
async function written() {
  const read = p.c.uow.read.presales;
  const presales = await read.listPresales({ limit: 10_000 });
  const ids = presales.map((x) => x.id);
  const reservations = await read.listReservations({ presaleIds: ids, limit: 100_000 });
  const productions = await read.productionOrdersOf(ids);
  return {
    presales: presales.map((x) => `${x.id}:${x.status}`).sort(),
    reservations: reservations.map((x) => `${x.id}:${x.depositStatus}:${x.balanceStatus}`).sort(),
    productions: productions.length,
  };
}

const newPresale = (over: Record<string, unknown> = {}) =>
  p.call(merchant, 'POST', '/api/supply/presales', {
    productId,
    title: '冬季羽绒服 预售',
    depositFen: 5_000,
    balanceFen: 25_000,
    depositStartAt: at(-1),
    depositEndAt: at(24),
    balanceStartAt: at(24),
    balanceEndAt: at(72),
    ...over,
  });

/** Pays a payment on the simulated provider's page. */
async function payOnPage(payUrl: string) {
  const u = new URL(payUrl);
  const r = await p.call(null, 'POST', `${u.pathname}/confirm`, { t: u.searchParams.get('t'), outcome: 'succeed' });
  expect(r.body.status).toBe('processing');
}

const mine = async (s: TestSession) =>
  (await p.call(s, 'GET', '/api/supply/presales/reservations/mine')).body.items as Array<{
    id: string;
    presaleId: string;
    stage: string;
    depositStatus: string;
    balanceStatus: string;
    progressPct: number | null;
    shippedAt: string | null;
  }>;

/** Reserves and pays the deposit; waits for the provider's notice. */
async function deposit(s: TestSession, presaleId: string, skuId: string, qty: number): Promise<string> {
  const r = await p.call(s, 'POST', `/api/supply/presales/${presaleId}/reservations`, { skuId, qty });
  expect(r.status).toBe(201);
  expect(r.body.amountFen).toBe(5_000 * qty);
  expect(r.body.reservation.stage).toBe('deposit_due');
  await payOnPage(r.body.payUrl);
  const id = r.body.reservation.id as string;
  const got = await until(
    () => mine(s),
    (xs) => xs.find((x) => x.id === id)?.depositStatus === 'paid',
  );
  expect(got.find((x) => x.id === id)?.stage).toBe('deposit_paid');
  return id;
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [merchant, other, provider, buyerA, buyerB] = await p.loginAll(
    'merchant',
    'merchant_0001',
    'provider',
    'consumer_00041',
    'consumer_00042',
  );
  providerOrgId = provider.me.active?.orgId as string;
  otherOrgId = other.me.active?.orgId as string;
  const skus = await p.c.uow.read.inventory.merchantSkus(merchant.me.active?.orgId as string);
  const byProduct = new Map<string, string[]>();
  for (const s of skus) byProduct.set(s.productId, [...(byProduct.get(s.productId) ?? []), s.skuId]);
  const multi = [...byProduct.entries()].find(([, v]) => v.length >= 2);
  expect(multi).toBeTruthy();
  [productId, specs] = multi as [string, string[]];
}, 300_000);
afterAll(async () => p?.close());

describe('a pre-sale turns into a production order', () => {
  let id: string;
  let resA1: string;
  let resA2: string;
  let resB1: string;
  let warehouseId: string;

  it('the merchant creates and opens a pre-sale; buyers see it open', async () => {
    const r = await newPresale();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', depositFen: 5_000, balanceFen: 25_000, productionOrder: null });
    expect(r.body.specs.length).toBeGreaterThanOrEqual(2);
    id = r.body.id;
    expect((await p.call(buyerA, 'GET', `/api/supply/presales/${id}`)).status).toBe(404);
    const opened = await p.call(merchant, 'POST', `/api/supply/presales/${id}/open`);
    expect(opened.body.status).toBe('open');
    const seen = await p.call(buyerA, 'GET', '/api/supply/presales');
    const mineSeen = seen.body.items.find((x: { id: string }) => x.id === id);
    expect(mineSeen).toMatchObject({ status: 'open', demand: [] });
  });

  it('buyers pay deposits per specification through the provider', async () => {
    resA1 = await deposit(buyerA, id, specs[0] as string, 2);
    resA2 = await deposit(buyerA, id, specs[1] as string, 1);
    resB1 = await deposit(buyerB, id, specs[0] as string, 3);
    // an unpaid reservation is not demand
    const unpaid = await p.call(buyerB, 'POST', `/api/supply/presales/${id}/reservations`, { skuId: specs[1], qty: 7 });
    expect(unpaid.status).toBe(201);
    const view = await p.call(merchant, 'GET', `/api/supply/presales/${id}`);
    expect(view.body.demand.map((d: { skuId: string; qty: number; reservations: number }) => [d.skuId, d.qty, d.reservations])).toEqual([
      [specs[0], 5, 2],
      [specs[1], 1, 1],
    ]);
    expect(view.body.depositsPaidFen).toBe(6 * 5_000);
    // a buyer sees only their own reservations
    expect((await mine(buyerB)).every((x) => x.presaleId === id)).toBe(true);
    expect((await mine(buyerB)).some((x) => x.id === resA1)).toBe(false);
  });

  it('refuses bad input with its field and writes nothing', async () => {
    const before = await written();
    const cases: Array<
      [Promise<{ status: number; body: { error: { code: string; field?: string; message: string } } }>, number, string, string]
    > = [
      [p.call(buyerA, 'POST', `/api/supply/presales/${id}/reservations`, { skuId: specs[0], qty: 0 }), 400, 'presale.bad_qty', 'qty'],
      [p.call(buyerA, 'POST', `/api/supply/presales/${id}/reservations`, { skuId: specs[0], qty: -2 }), 400, 'presale.bad_qty', 'qty'],
      [
        p.call(buyerA, 'POST', `/api/supply/presales/${id}/reservations`, { skuId: '0190f5a2-7b1c-7d3e-9f00-00000abcdef1', qty: 1 }),
        400,
        'presale.unknown_spec',
        'skuId',
      ],
      [p.call(buyerA, 'POST', `/api/supply/presales/reservations/${resA1}/balance`), 409, 'presale.balance_window', 'id'],
      [
        p.call(merchant, 'POST', `/api/supply/presales/${id}/close`, { supplierOrgId: otherOrgId, promisedShipOn: day(10) }),
        400,
        'supply.not_your_supplier',
        'supplierOrgId',
      ],
      [
        p.call(merchant, 'POST', `/api/supply/presales/${id}/close`, { supplierOrgId: providerOrgId, promisedShipOn: day(-1) }),
        400,
        'presale.ship_past',
        'promisedShipOn',
      ],
      [
        p.call(other, 'POST', `/api/supply/presales/${id}/close`, { supplierOrgId: providerOrgId, promisedShipOn: day(10) }),
        404,
        'presale.not_found',
        'id',
      ],
      [
        p.call(merchant, 'POST', `/api/supply/presales/${id}/close`, {
          supplierOrgId: providerOrgId,
          promisedShipOn: day(10),
          warehouseId: '0190f5a2-7b1c-7d3e-9f00-00000abcdef2',
        }),
        404,
        'inventory.warehouse_not_found',
        'warehouseId',
      ],
      [newPresale({ balanceStartAt: at(10) }), 400, 'presale.windows', 'balanceStartAt'],
      [newPresale({ depositEndAt: at(-2) }), 400, 'presale.windows', 'depositEndAt'],
    ];
    for (const [call, status, code, field] of cases) {
      const r = await call;
      expect(r.status, code).toBe(status);
      expect(r.body.error).toMatchObject({ code, field });
      expect(r.body.error.message.length).toBeGreaterThan(0);
    }
    const zh = await p.call(
      buyerA,
      'POST',
      `/api/supply/presales/${id}/reservations`,
      { skuId: specs[0], qty: 0 },
      { 'accept-language': 'zh-CN' },
    );
    expect(zh.body.error.message).toContain('数量');
    expect(await written()).toEqual(before);
  });

  it('closing sends the production order with the demand aggregated per specification, in one step', async () => {
    // 收货仓: the merchant names the warehouse the factory's shipment is received into
    warehouseId = await openWarehouse(p, merchant, '预售收货仓', '浙江省', '杭州市余杭区');
    const closed = await p.call(merchant, 'POST', `/api/supply/presales/${id}/close`, {
      supplierOrgId: providerOrgId,
      promisedShipOn: day(10),
      warehouseId,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const po = closed.body.productionOrder;
    expect(po).toMatchObject({ status: 'sent', supplierOrgId: providerOrgId, promisedShipOn: day(10), totalQty: 6, warehouseId });
    expect(po.number).toMatch(/^SC\d{8}[0-9A-F]{8}$/);
    expect(new Map(po.lines.map((l: { skuId: string; qty: number }) => [l.skuId, l.qty]))).toEqual(
      new Map([
        [specs[0], 5],
        [specs[1], 1],
      ]),
    );
    expect(po.lines.every((l: { skuName: string }) => l.skuName !== '规格')).toBe(true);
    // the factory sees it; another merchant does not
    const theirs = await p.call(provider, 'GET', '/api/supply/presales/production-orders');
    expect(theirs.body.items.map((x: { id: string }) => x.id)).toContain(po.id);
    expect((await p.call(other, 'GET', '/api/supply/presales/production-orders')).body.items).toEqual([]);
    // no more deposits; no second close; no cancel after production
    const late = await p.call(buyerA, 'POST', `/api/supply/presales/${id}/reservations`, { skuId: specs[0], qty: 1 });
    expect(late.body.error).toMatchObject({ code: 'presale.deposit_window', field: 'id' });
    expect(
      (await p.call(merchant, 'POST', `/api/supply/presales/${id}/close`, { supplierOrgId: providerOrgId, promisedShipOn: day(10) }))
        .status,
    ).toBe(409);
    const cancel = await p.call(merchant, 'POST', `/api/supply/presales/${id}/cancel`, { reason: '工厂排不上' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error).toMatchObject({ code: 'presale.cancel_after_production', field: 'status' });
    expect((await mine(buyerA)).find((x) => x.id === resA1)?.stage).toBe('balance_due');
    const audit = await p.c.uow.read.audit.list({ action: 'presale.close', limit: 50 });
    expect(audit.some((a) => a.targetId === id)).toBe(true);
  });

  it('the factory confirms, reports progress and ships; buyers pay the balance and read the progress', async () => {
    const poId = (await p.call(merchant, 'GET', `/api/supply/presales/${id}`)).body.productionOrder.id;
    expect(
      (
        await p.call(provider, 'POST', `/api/supply/presales/production-orders/${poId}/ship`, {
          carrier: '顺丰速运',
          trackingNo: 'SF99887766',
        })
      ).status,
    ).toBe(409);
    expect((await p.call(other, 'POST', `/api/supply/presales/production-orders/${poId}/confirm`)).status).toBe(404);
    expect((await p.call(provider, 'POST', `/api/supply/presales/production-orders/${poId}/confirm`)).body.status).toBe('confirmed');
    const prog = await p.call(provider, 'POST', `/api/supply/presales/production-orders/${poId}/progress`, {
      progressPct: 40,
      note: '裁剪完成',
    });
    expect(prog.body).toMatchObject({ status: 'in_production', progressPct: 40, progressNote: '裁剪完成' });

    // the balance window opens when the deposit window ends
    clock.advance(25 * HOUR);
    const bal = await p.call(buyerA, 'POST', `/api/supply/presales/reservations/${resA1}/balance`);
    expect(bal.status).toBe(200);
    expect(bal.body.amountFen).toBe(2 * 25_000);
    await payOnPage(bal.body.payUrl);
    const paid = await until(
      () => mine(buyerA),
      (xs) => xs.find((x) => x.id === resA1)?.balanceStatus === 'paid',
    );
    expect(paid.find((x) => x.id === resA1)).toMatchObject({ stage: 'in_production', progressPct: 40 });
    expect((await p.call(buyerA, 'POST', `/api/supply/presales/reservations/${resA1}/balance`)).body.error.code).toBe(
      'presale.reservation_state',
    );
    // buyer B pays too; buyer A's second reservation (1 × specs[1]) stays unpaid
    const balB = await p.call(buyerB, 'POST', `/api/supply/presales/reservations/${resB1}/balance`);
    await payOnPage(balB.body.payUrl);
    await until(
      () => mine(buyerB),
      (xs) => xs.find((x) => x.id === resB1)?.balanceStatus === 'paid',
    );

    // the stock before the factory ships (every SKU of the product, every warehouse)
    const inv = p.c.uow.read.inventory;
    const onHand = async () => {
      const m = new Map<string, number>();
      for (const l of await inv.levels({ skuIds: specs })) m.set(l.skuId, (m.get(l.skuId) ?? 0) + l.onHand);
      return m;
    };
    const sellable = async () => new Map((await inv.skuFactsMany(specs)).map((x) => [x.skuId, x.sellable]));
    const movementsOf = async () => (await Promise.all(specs.map((x) => inv.skuMovements(x)))).flat();
    const [handBefore, sellBefore, movesBefore] = [await onHand(), await sellable(), (await movementsOf()).length];

    const shipped = await p.call(provider, 'POST', `/api/supply/presales/production-orders/${poId}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF99887766',
    });
    expect(shipped.body).toMatchObject({ status: 'shipped', progressPct: 100, trackingNo: 'SF99887766' });
    expect((await p.call(merchant, 'GET', `/api/supply/presales/${id}`)).body.status).toBe('shipped');
    const afterA = await mine(buyerA);
    expect(afterA.find((x) => x.id === resA1)).toMatchObject({ stage: 'shipped' });
    expect(afterA.find((x) => x.id === resA1)?.shippedAt).toBeTruthy();
    expect((await mine(buyerB)).find((x) => x.id === resB1)?.stage).toBe('shipped');

    // the produced units entered the warehouse as receipts of the production order, per specification
    const moves = (await movementsOf()).slice();
    const receipts = moves.filter((m) => m.refType === 'production_order' && m.refId === poId);
    expect(receipts.every((m) => m.kind === 'receipt')).toBe(true);
    expect(new Map(receipts.map((m) => [m.skuId, m.qty]))).toEqual(
      new Map([
        [specs[0], 5],
        [specs[1], 1],
      ]),
    );
    // one shipment per balance-paid reservation, traced to it, from the warehouse the units entered
    const out = moves.filter((m) => m.refType === 'presale_reservation');
    expect(out.map((m) => [m.refId, m.kind, m.skuId, m.qty]).sort()).toEqual(
      [
        [resA1, 'shipment', specs[0], -2],
        [resB1, 'shipment', specs[0], -3],
      ].sort(),
    );
    expect(new Set([...receipts, ...out].map((m) => m.warehouseId))).toEqual(new Set([warehouseId]));
    // on hand after = before + produced − shipped; the delivered units were never on sale
    const [handAfter, sellAfter] = [await onHand(), await sellable()];
    expect(handAfter.get(specs[0] as string)).toBe((handBefore.get(specs[0] as string) ?? 0) + 5 - 5);
    expect(handAfter.get(specs[1] as string)).toBe((handBefore.get(specs[1] as string) ?? 0) + 1);
    expect(sellAfter.get(specs[0] as string)).toBe(sellBefore.get(specs[0] as string));
    expect(sellAfter.get(specs[1] as string)).toBe((sellBefore.get(specs[1] as string) ?? 0) + 1);
    expect(moves.length).toBe(movesBefore + 4);

    // the unpaid reservation is not delivered and its balance is no longer taken
    expect(afterA.find((x) => x.id === resA2)).toMatchObject({ stage: 'balance_lapsed', shippedAt: null });
    const late = await p.call(buyerA, 'POST', `/api/supply/presales/reservations/${resA2}/balance`);
    expect(late.body.error).toMatchObject({ code: 'presale.balance_window', field: 'id' });

    // a second ship is refused and posts nothing
    const again = await p.call(provider, 'POST', `/api/supply/presales/production-orders/${poId}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF99887767',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'presale.production_state', field: 'status' });
    expect((await movementsOf()).length).toBe(movesBefore + 4);
    expect(await onHand()).toEqual(handAfter);
    const audit = await p.c.uow.read.audit.list({ action: 'production_order.ship', limit: 50 });
    expect(audit.find((a) => a.targetId === poId)?.detail).toMatchObject({ receivedQty: 6, delivered: 2, deliveredQty: 5 });
  });
});

describe('cancelling a pre-sale', () => {
  it('an empty pre-sale cannot be closed; cancelling refunds every paid deposit through the provider', async () => {
    const r = await newPresale({ title: '春季新款 预售' });
    const id = r.body.id as string;
    await p.call(merchant, 'POST', `/api/supply/presales/${id}/open`);
    const before = await written();
    const empty = await p.call(merchant, 'POST', `/api/supply/presales/${id}/close`, {
      supplierOrgId: providerOrgId,
      promisedShipOn: day(10),
    });
    expect(empty.status).toBe(409);
    expect(empty.body.error).toMatchObject({ code: 'presale.empty', field: 'id' });
    expect(await written()).toEqual(before);

    const a = await deposit(buyerA, id, specs[0] as string, 1);
    const b = await deposit(buyerB, id, specs[1] as string, 2);
    const cancelled = await p.call(merchant, 'POST', `/api/supply/presales/${id}/cancel`, { reason: '面料供应不足' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', endReason: '面料供应不足', productionOrder: null });
    const refunded = async (s: TestSession, rid: string) =>
      (
        await until(
          () => mine(s),
          (xs) => xs.find((x) => x.id === rid)?.depositStatus === 'refunded',
        )
      ).find((x) => x.id === rid);
    expect(await refunded(buyerA, a)).toMatchObject({ depositStatus: 'refunded', stage: 'refunded' });
    expect(await refunded(buyerB, b)).toMatchObject({ depositStatus: 'refunded', stage: 'refunded' });
    for (const action of ['presale.deposit_refund', 'presale.deposit_refunded'])
      expect((await p.c.uow.read.audit.list({ action, limit: 50 })).some((x) => x.targetId === a)).toBe(true);
    // the buyer is told in the inbox
    for (let i = 0; i < 200; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
    const inbox = await p.call(buyerA, 'GET', '/api/notifications');
    expect(inbox.body.items.some((n: { kind: string }) => n.kind === 'presale.deposit_refund')).toBe(true);
  });
});

describe('the demo seed', () => {
  it('has an open pre-sale with paid deposits and one closed into a production order to the provider', async () => {
    const list = (await p.call(merchant, 'GET', '/api/supply/presales')).body.items as Array<{
      title: string;
      status: string;
      demand: Array<{ qty: number }>;
      productionOrder: { supplierOrgId: string; status: string; totalQty: number } | null;
    }>;
    const open = list.find((x) => x.title === '冬季新款 反向定制预售');
    expect(open?.status).toBe('open');
    expect(open?.demand.reduce((s, d) => s + d.qty, 0)).toBe(6);
    const closed = list.find((x) => x.title === '年货节礼盒 C2M 预售');
    expect(closed?.productionOrder).toMatchObject({ supplierOrgId: providerOrgId, status: 'sent', totalQty: 7 });
  });
});

describe('the database checks', () => {
  it('refuse windows out of order, negative amounts and an empty production line', async () => {
    const merchantOrgId = merchant.me.active?.orgId as string;
    const now = clock.now();
    const base = {
      id: '',
      merchantOrgId,
      productId,
      title: '检查',
      status: 'draft' as const,
      depositFen: 100,
      balanceFen: 100,
      depositStartAt: new Date(now.getTime()),
      depositEndAt: new Date(now.getTime() + HOUR),
      balanceStartAt: new Date(now.getTime() + HOUR),
      balanceEndAt: new Date(now.getTime() + 2 * HOUR),
      endReason: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    const insert = (over: Partial<typeof base>) =>
      p.c.uow.transaction((tx) => tx.presales.insertPresale({ ...base, id: p.c.ids.next(), ...over }));
    await expect(insert({ balanceStartAt: new Date(now.getTime() + HOUR / 2) })).rejects.toThrow();
    await expect(insert({ depositEndAt: base.depositStartAt })).rejects.toThrow();
    await expect(insert({ depositFen: -1 })).rejects.toThrow();
    const before = await written();
    const ok = p.c.ids.next();
    await p.c.uow.transaction((tx) => tx.presales.insertPresale({ ...base, id: ok }));
    const line = () =>
      p.c.uow.transaction(async (tx) => {
        const id = p.c.ids.next();
        await tx.presales.insertProductionOrder(
          {
            id,
            number: `SC-CHECK-${id.slice(-6)}`,
            presaleId: ok,
            merchantOrgId,
            supplierOrgId: providerOrgId,
            status: 'sent',
            promisedShipOn: day(5),
            warehouseId: null,
            progressPct: 0,
            progressNote: null,
            carrier: null,
            trackingNo: null,
            createdBy: null,
            createdAt: now,
            updatedAt: now,
            confirmedAt: null,
            shippedAt: null,
          },
          [{ productionOrderId: id, skuId: specs[0] as string, qty: 0 }],
        );
      });
    await expect(line()).rejects.toThrow();
    expect((await written()).productions).toBe(before.productions);
  });
});
