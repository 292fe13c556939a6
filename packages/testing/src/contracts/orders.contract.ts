/**
 * Contract cases of the orders port (订单): addresses, orders paged by keyset and moved only from the version read,
 * stock taken only while enough is left, flash-sale claims refused beyond the quantity and per-buyer limit,
 * Idempotency-Keys and payment notifications refused the second time, payments, refunds and returns.
 */
import { expect, it } from 'vitest';
import {
  allPages,
  at,
  type ContractDb,
  liveSession,
  newestFirst,
  order,
  orderLine,
  payment,
  refund as refundOf,
  product,
  type Row,
  sku,
  storedOrg,
  storedUser,
  T0,
  user,
  uuid,
} from './fixtures.ts';

/** a buyer, a merchant and one approved product with one SKU of `stock` units */
async function shop(db: ContractDb, stock = 10) {
  const r = db.r();
  const [buyer, streamer] = [user(), user()];
  await r.users.insertMany([buyer, streamer]);
  const merchant = await storedOrg(r);
  const p = product(merchant.id, { status: 'approved' });
  await r.catalog.insertProduct(p);
  const s = sku(p.id, { stock });
  await r.catalog.insertSku(s);
  return { r, buyer, streamer, merchant, p, s };
}

function flashSale(
  sessionId: string,
  productId: string,
  skuId: string,
  merchantOrgId: string,
  createdBy: string,
): Row<'orders', 'insertFlashSale'> {
  return {
    id: uuid(),
    sessionId,
    productId,
    skuId,
    merchantOrgId,
    createdBy,
    priceFen: 1990,
    quantity: 3,
    perUserLimit: 2,
    startsAt: T0,
    endsAt: at(1),
    status: 'scheduled',
    returnedQty: 0,
    createdAt: T0,
    updatedAt: T0,
  };
}

export function orderCases(db: ContractDb): void {
  it("keeps a buyer's addresses, the default first, and clears the default", async () => {
    const { r, buyer } = await shop(db);
    const address = (isDefault: boolean, h: number): Row<'orders', 'insertAddress'> => ({
      id: uuid(),
      userId: buyer.id,
      nameEnc: 'v1.name',
      phoneEnc: 'v1.phone',
      region: '上海市嘉定区',
      detailEnc: 'v1.detail',
      isDefault,
      createdAt: at(h),
    });
    const [home, office, newest] = [address(true, 0), address(false, 1), address(false, 2)];
    for (const a of [home, office, newest]) await r.orders.insertAddress(a);
    expect(await r.orders.findAddress(home.id)).toEqual(home);
    expect((await r.orders.listAddresses(buyer.id)).map((a) => a.id)).toEqual([home.id, newest.id, office.id]);
    await r.orders.clearDefaultAddress(buyer.id);
    expect((await r.orders.listAddresses(buyer.id)).map((a) => a.id)).toEqual([newest.id, office.id, home.id]);
    expect(await r.orders.listAddresses(uuid())).toEqual([]);
  });

  it('writes orders with their lines, pages them by (createdAt, id) and filters by party, session and status', async () => {
    const { r, buyer, streamer, merchant, p, s } = await shop(db);
    const session = liveSession(streamer.id);
    await r.live.insertSession(session);
    const os = [
      order(buyer.id, merchant.id, { createdAt: at(1) }),
      order(buyer.id, merchant.id, { createdAt: at(2), sessionId: session.id, streamerUserId: streamer.id, status: 'paid' }),
      order(buyer.id, merchant.id, { createdAt: at(2), sessionId: session.id, streamerUserId: streamer.id, status: 'paid' }),
      order(buyer.id, merchant.id, { createdAt: at(2) }),
      order(buyer.id, merchant.id, { createdAt: at(3), sessionId: session.id, status: 'cancelled' }),
    ];
    const [first, ...rest] = os;
    if (!first) throw new Error('no orders');
    await r.orders.insertOrder(first, [orderLine(first.id, p.id, s.id), orderLine(first.id, p.id, s.id, { lineNo: 2, qty: 2 })]);
    await r.orders.insertOrders(
      rest,
      rest.map((o) => orderLine(o.id, p.id, s.id)),
    );
    expect(await r.orders.findOrder(first.id)).toEqual(first);
    expect((await r.orders.listLines([first.id])).map((l) => l.lineNo).sort()).toEqual([1, 2]);
    expect(await r.orders.listLines([])).toEqual([]);
    await expect(r.orders.insertOrder({ ...first, id: uuid() }, [])).rejects.toThrow();
    expect(await allPages((cursor) => r.orders.listOrders({ buyerUserId: buyer.id, limit: 2, ...cursor }), 2)).toEqual(newestFirst(os));
    expect((await r.orders.listOrders({ merchantOrgId: merchant.id, status: 'paid', limit: 10 })).length).toBe(2);
    expect((await r.orders.listOrders({ streamerUserId: streamer.id, limit: 10 })).length).toBe(2);
    expect((await r.orders.listOrders({ sessionId: session.id, limit: 10 })).length).toBe(3);
    expect(await r.orders.sessionTotals(session.id)).toEqual({ orders: 2, gmvFen: 2 * 9900 });
    // GMV since a time: paid-or-later orders (here the two paid ones, created at hour 2), of the merchant and the streamer
    expect(await r.orders.gmvSince({ merchantOrgId: merchant.id }, at(2))).toBe(2 * 9900);
    expect(await r.orders.gmvSince({ streamerUserId: streamer.id }, at(0))).toBe(2 * 9900);
    expect(await r.orders.gmvSince({ merchantOrgId: merchant.id }, at(3))).toBe(0);
    expect(await r.orders.gmvSince({ mcnOrgId: uuid() }, at(0))).toBe(0);
    const line = orderLine(first.id, p.id, s.id, { lineNo: 2, qty: 2 });
    await r.orders.updateLine({ ...line, returnedQty: 1 });
    expect((await r.orders.listLines([first.id])).find((l) => l.lineNo === 2)?.returnedQty).toBe(1);
  });

  it('pages completed orders in (completedAt, id) order after a cursor', async () => {
    const { r, buyer, merchant } = await shop(db);
    const done = (h: number) => order(buyer.id, merchant.id, { status: 'completed', paidAt: at(h - 200), completedAt: at(h) });
    const [a, b, c] = [done(90_001), done(90_002), done(90_002)];
    const delivered = order(buyer.id, merchant.id, { status: 'delivered', paidAt: at(1), deliveredAt: at(90_003) });
    await r.orders.insertOrders([c, a, b, delivered], []);
    const start = { completedAt: at(90_000), id: '00000000-0000-0000-0000-000000000000' };
    const tied = [b, c].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect((await r.orders.listCompleted(start, 10)).map((o) => o.id)).toEqual([a.id, ...tied.map((o) => o.id)]);
    const first = (await r.orders.listCompleted(start, 2)).at(-1) as { id: string; completedAt: Date | null };
    const next = await r.orders.listCompleted({ completedAt: first.completedAt as Date, id: first.id }, 10);
    expect(next.map((o) => o.id)).toEqual([tied[1]?.id]);
    expect((await r.orders.listCompleted(null, 100_000)).map((o) => o.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });

  it('moves an order only from the version read and finds unpaid expired and shipped-before orders', async () => {
    const { r, buyer, merchant } = await shop(db);
    const unpaid = order(buyer.id, merchant.id, { payBy: at(-1) });
    const shipped = order(buyer.id, merchant.id, { status: 'shipped', paidAt: at(-10), shippedAt: at(-5) });
    await r.orders.insertOrders([unpaid, shipped], []);
    const expired = (await r.orders.listUnpaidExpired(T0, 1000)).map((o) => o.id);
    expect(expired).toContain(unpaid.id);
    expect(expired).not.toContain(shipped.id);
    expect((await r.orders.listByStatusBefore('shipped', 'shippedAt', T0, 1000)).map((o) => o.id)).toContain(shipped.id);
    expect((await r.orders.listByStatusBefore('shipped', 'shippedAt', at(-6), 1000)).map((o) => o.id)).not.toContain(shipped.id);
    const cancelled = { ...unpaid, status: 'cancelled' as const, cancelledAt: T0, cancelReason: '超时未支付', version: 2, updatedAt: T0 };
    expect(await r.orders.updateOrder(cancelled, 1)).toBe(true);
    expect(await r.orders.updateOrder({ ...unpaid, status: 'paid', version: 2 }, 1)).toBe(false);
    expect(await db.uow().transaction((tx) => tx.orders.findOrder(unpaid.id, { lock: true }))).toEqual(cancelled);
    expect((await r.orders.listUnpaidExpired(T0, 1000)).map((o) => o.id)).not.toContain(unpaid.id);
  });

  it('takes stock only while enough is left and accounts reservations by status', async () => {
    const { r, buyer, merchant, s } = await shop(db, 3);
    expect(await r.orders.takeStock(s.id, 2)).toBe(true);
    expect(await r.orders.takeStock(s.id, 2)).toBe(false);
    await r.orders.putBackStock(s.id, 1);
    expect((await r.catalog.findSku(s.id))?.stock).toBe(2);
    const o = order(buyer.id, merchant.id);
    await r.orders.insertOrder(o, []);
    const res = (qty: number): Row<'orders', 'insertReservation'> => ({
      id: uuid(),
      skuId: s.id,
      orderId: o.id,
      flashSaleId: null,
      qty,
      status: 'held',
      createdAt: T0,
      updatedAt: T0,
    });
    await r.orders.insertReservation(res(1));
    await r.orders.insertReservations([res(2), res(3)]);
    expect((await r.orders.listReservations(o.id)).length).toBe(3);
    expect(await r.orders.reservationTotals(s.id)).toEqual({ held: 6, sold: 0, shipped: 0, released: 0 });
    expect(await r.orders.setReservations(o.id, 'held', 'sold', at(1))).toBe(3);
    expect(await r.orders.setReservations(o.id, 'held', 'released', at(1))).toBe(0);
    expect(await r.orders.reservationTotals(s.id)).toEqual({ held: 0, sold: 6, shipped: 0, released: 0 });
    // 发货: the units leave a warehouse (sold → shipped)
    expect(await r.orders.setReservations(o.id, 'sold', 'shipped', at(2))).toBe(3);
    expect(await r.orders.reservationTotals(s.id)).toEqual({ held: 0, sold: 0, shipped: 6, released: 0 });
  });

  it('answers whether a product is on sale in a live room', async () => {
    const { r, streamer, merchant, p } = await shop(db);
    const session = liveSession(streamer.id);
    await r.live.insertSession(session);
    await r.live.replaceProducts(session.id, [
      { sessionId: session.id, productId: p.id, merchantOrgId: merchant.id, agreementId: null, sort: 0 },
    ]);
    expect(await r.orders.onSaleLive(p.id)).toBe(false);
    expect(await r.orders.liveSessionsSelling(p.id)).toEqual([]);
    expect(await r.live.updateSession({ ...session, status: 'live', startedAt: T0, version: 2 }, 1)).toBe(true);
    expect(await r.orders.onSaleLive(p.id)).toBe(true);
    expect(await r.orders.liveSessionsSelling(p.id)).toEqual([session.id]);
  });

  it('refuses flash-sale claims beyond the quantity, a taken slot or the per-buyer limit, inserting nothing', async () => {
    const { r, buyer, streamer, merchant, p, s } = await shop(db);
    const other = await storedUser(r);
    const session = liveSession(streamer.id);
    await r.live.insertSession(session);
    const f = flashSale(session.id, p.id, s.id, merchant.id, streamer.id);
    await r.orders.insertFlashSale(f);
    expect(await r.orders.findFlashSale(f.id)).toEqual(f);
    const [o1, o2] = [order(buyer.id, merchant.id, { flashSaleId: f.id }), order(other.id, merchant.id, { flashSaleId: f.id })];
    await r.orders.insertOrders([o1, o2], []);
    const claim = (orderId: string, userId: string, slot: number, buyerUnit: number) => ({
      flashSaleId: f.id,
      slot,
      orderId,
      userId,
      buyerUnit,
      createdAt: T0,
    });
    const limits = { quantity: f.quantity, perUserLimit: f.perUserLimit };
    expect(await r.orders.insertClaims([claim(o1.id, buyer.id, 1, 1), claim(o1.id, buyer.id, 2, 2)], limits)).toBe(true);
    expect(await r.orders.insertClaims([claim(o1.id, buyer.id, 3, 3)], limits)).toBe(false);
    expect(await r.orders.insertClaims([claim(o1.id, buyer.id, 3, 1)], limits)).toBe(false);
    expect(await r.orders.insertClaims([claim(o2.id, other.id, 4, 1)], limits)).toBe(false);
    // one taken slot in the batch: the free one is not kept either
    expect(await r.orders.insertClaims([claim(o2.id, other.id, 3, 1), claim(o2.id, other.id, 2, 2)], limits)).toBe(false);
    expect(await r.orders.countClaims(f.id)).toBe(2);
    expect(await r.orders.freeSlots(f.id, f.quantity, 5)).toEqual([3]);
    expect(await r.orders.freeBuyerUnits(f.id, buyer.id, f.perUserLimit, 5)).toEqual([]);
    expect(await r.orders.freeBuyerUnits(f.id, other.id, f.perUserLimit, 5)).toEqual([1, 2]);
    expect(await r.orders.countUserClaims(f.id, buyer.id)).toBe(2);
    expect(await r.orders.countClaimsBySale([f.id, uuid()])).toEqual(new Map([[f.id, 2]]));
    expect(await r.orders.claimsByUser(f.id)).toEqual([{ userId: buyer.id, n: 2 }]);
    expect(await r.orders.claimsByUser(f.id, [other.id])).toEqual([]);
    expect(await r.orders.deleteClaims(o1.id)).toBe(2);
    expect(await r.orders.countClaims(f.id)).toBe(0);
    await r.orders.updateFlashSale({ ...f, status: 'ended', updatedAt: at(1) });
    expect((await r.orders.listFlashSales({ sessionId: session.id, status: ['ended'], limit: 10 })).map((x) => x.id)).toEqual([f.id]);
    expect(await r.orders.listFlashSales({ sessionId: session.id, status: ['scheduled'], limit: 10 })).toEqual([]);
  });

  it('keeps an Idempotency-Key once per user and scope and names the keys of a sale’s orders', async () => {
    const { r, buyer, streamer, merchant, p, s } = await shop(db);
    const session = liveSession(streamer.id);
    await r.live.insertSession(session);
    const f = flashSale(session.id, p.id, s.id, merchant.id, streamer.id);
    await r.orders.insertFlashSale(f);
    const o = order(buyer.id, merchant.id, { flashSaleId: f.id });
    await r.orders.insertOrder(o, []);
    const key = (k: string, scope = 'order.create'): Row<'orders', 'insertIdempotency'> => ({
      userId: buyer.id,
      scope,
      key: k,
      requestHash: 'rh',
      status: 201,
      response: { id: o.id },
      createdAt: T0,
    });
    expect(await r.orders.insertIdempotency(key('k1'))).toBe(true);
    expect(await r.orders.insertIdempotency({ ...key('k1'), requestHash: 'other' })).toBe(false);
    expect(await r.orders.findIdempotency(buyer.id, 'order.create', 'k1')).toEqual(key('k1'));
    expect(await r.orders.findIdempotency(buyer.id, 'payment.create', 'k1')).toBeNull();
    expect(await r.orders.insertIdempotencies([key('k1'), key('k2'), key('k1', 'payment.create')])).toBe(2);
    expect((await r.orders.flashSaleOrderKeys(f.id)).sort()).toEqual(['k1', 'k2']);
  });

  it("sums a streamer's and an MCN's commission of paid-or-later orders per session and per product", async () => {
    const { r, buyer, streamer, merchant, p, s } = await shop(db);
    const mcn = await storedOrg(r);
    const p2 = product(merchant.id, { status: 'approved' });
    await r.catalog.insertProduct(p2);
    const s2 = sku(p2.id);
    await r.catalog.insertSku(s2);
    const [live1, live2] = [liveSession(streamer.id), liveSession(streamer.id)];
    for (const x of [live1, live2]) await r.live.insertSession(x);
    const by = { streamerUserId: streamer.id, mcnOrgId: mcn.id };
    const os = [
      order(buyer.id, merchant.id, { ...by, sessionId: live1.id, status: 'paid', paidAt: at(1) }),
      order(buyer.id, merchant.id, { ...by, sessionId: live1.id, status: 'completed', paidAt: at(3) }),
      order(buyer.id, merchant.id, { ...by, sessionId: live2.id, status: 'shipped', paidAt: at(2) }),
      // not counted: unpaid, cancelled, refunded, and another streamer's order
      order(buyer.id, merchant.id, { ...by, sessionId: live2.id, status: 'created' }),
      order(buyer.id, merchant.id, { ...by, sessionId: live2.id, status: 'cancelled' }),
      order(buyer.id, merchant.id, { ...by, sessionId: live2.id, status: 'refunded', paidAt: at(1) }),
      order(buyer.id, merchant.id, { sessionId: live2.id, streamerUserId: uuid(), status: 'paid', paidAt: at(1) }),
    ];
    const [o1, o2, o3] = os as [(typeof os)[0], (typeof os)[0], (typeof os)[0]];
    await r.orders.insertOrders(os, [
      orderLine(o1.id, p.id, s.id, { qty: 2, commissionFen: 1000 }),
      orderLine(o1.id, p2.id, s2.id, { lineNo: 2, unitPriceFen: 5000, commissionFen: 500 }),
      orderLine(o2.id, p.id, s.id, { qty: 3, returnedQty: 1, commissionFen: 900, reversedCommissionFen: 300 }),
      orderLine(o3.id, p2.id, s2.id, { unitPriceFen: 5000, commissionFen: 200 }),
      ...os.slice(3).map((o) => orderLine(o.id, p.id, s.id, { commissionFen: 7777 })),
    ]);
    for (const party of [{ streamerUserId: streamer.id }, { mcnOrgId: mcn.id }]) {
      expect(await r.orders.commissionTotals(party, 'session', 10)).toEqual([
        { key: live1.id, orders: 2, gmvFen: 2 * 9900 + 5000 + 2 * 9900, commissionFen: 1000 + 500 + 600, lastPaidAt: at(3) },
        { key: live2.id, orders: 1, gmvFen: 5000, commissionFen: 200, lastPaidAt: at(2) },
      ]);
      expect(await r.orders.commissionTotals(party, 'product', 10)).toEqual([
        { key: p.id, orders: 2, gmvFen: 4 * 9900, commissionFen: 1600, lastPaidAt: at(3) },
        { key: p2.id, orders: 2, gmvFen: 10_000, commissionFen: 700, lastPaidAt: at(2) },
      ]);
    }
    expect(await r.orders.commissionTotals({ streamerUserId: streamer.id }, 'session', 1)).toHaveLength(1);
    expect(await r.orders.commissionTotals({ streamerUserId: uuid() }, 'product', 10)).toEqual([]);
  });

  it('names the order of each refund', async () => {
    const { r, buyer, merchant } = await shop(db);
    const o = order(buyer.id, merchant.id);
    await r.orders.insertOrders([o], []);
    const pay = payment(o.id, { status: 'succeeded' });
    await r.orders.insertPayment(pay);
    const refund = refundOf(o.id, pay.id, { amountFen: 100, reason: '少发一件' });
    await r.orders.insertRefund(refund);
    expect(await r.orders.refundOrderIds([refund.id, uuid(), 'not-a-uuid'])).toEqual(new Map([[refund.id, o.id]]));
    expect(await r.orders.refundOrderIds([])).toEqual(new Map());
  });

  it('keeps payments and refunds per order, and a provider notification only once', async () => {
    const { r, buyer, merchant } = await shop(db);
    const [o, other] = [order(buyer.id, merchant.id), order(buyer.id, merchant.id)];
    await r.orders.insertOrders([o, other], []);
    const pay = payment(o.id);
    await r.orders.insertPayment(pay);
    const paid = { ...pay, status: 'succeeded' as const, providerRef: 'P-1', updatedAt: at(1) };
    await r.orders.updatePayment(paid);
    expect(await r.orders.findPayment(pay.id)).toEqual(paid);
    expect(await r.orders.listPayments(o.id)).toEqual([paid]);
    const notify = { provider: 'mock', notifyId: `n-${uuid()}`, kind: 'payment', ref: pay.id, receivedAt: at(1) };
    expect(await r.orders.recordNotification(notify)).toBe(true);
    expect(await r.orders.recordNotification({ ...notify, receivedAt: at(2) })).toBe(false);
    expect(await r.orders.recordNotification({ ...notify, provider: 'other' })).toBe(true);
    const refund = refundOf(o.id, pay.id);
    await r.orders.insertRefund(refund);
    expect(await r.orders.withPendingRefunds([o.id, other.id])).toEqual([o.id]);
    expect(await r.orders.withPendingRefunds([])).toEqual([]);
    await r.orders.updateRefund({ ...refund, status: 'succeeded', completedAt: at(3) });
    expect(await r.orders.findRefund(refund.id)).toEqual({ ...refund, status: 'succeeded', completedAt: at(3) });
    expect((await r.orders.listRefunds(o.id)).map((x) => x.id)).toEqual([refund.id]);
    expect(await r.orders.withPendingRefunds([o.id])).toEqual([]);
  });

  it('moves a return only from the version read, filters returns and finds refunds overdue', async () => {
    const { r, buyer, merchant } = await shop(db);
    const o = order(buyer.id, merchant.id, { status: 'delivered' });
    await r.orders.insertOrder(o, []);
    const ret: Row<'orders', 'insertReturn'> = {
      id: uuid(),
      orderId: o.id,
      buyerUserId: buyer.id,
      merchantOrgId: merchant.id,
      kind: 'no_reason',
      reason: '不想要了',
      lines: [{ lineNo: 1, qty: 1 }],
      amountFen: 9900,
      status: 'requested',
      rejectReason: null,
      carrier: null,
      trackingNo: null,
      receivedAt: null,
      refundDueAt: null,
      refundId: null,
      overdueFlaggedAt: null,
      crossBorder: false,
      releasedAt: null,
      arriveBy: null,
      customsDeclarationNo: null,
      declaredAt: null,
      arrivedAt: null,
      arrivalOverdueAt: null,
      version: 1,
      createdAt: T0,
      updatedAt: T0,
    };
    await r.orders.insertReturn(ret);
    expect(await r.orders.findReturn(ret.id)).toEqual(ret);
    const received = { ...ret, status: 'received' as const, receivedAt: at(1), refundDueAt: at(2), version: 2, updatedAt: at(1) };
    expect(await r.orders.updateReturn(received, 1)).toBe(true);
    expect(await r.orders.updateReturn({ ...ret, status: 'cancelled', version: 2 }, 1)).toBe(false);
    expect((await r.orders.listReturns({ orderId: o.id, limit: 10 })).map((x) => x.id)).toEqual([ret.id]);
    expect((await r.orders.listReturns({ merchantOrgId: merchant.id, status: ['received'], limit: 10 })).map((x) => x.id)).toEqual([
      ret.id,
    ]);
    expect(await r.orders.listReturns({ buyerUserId: buyer.id, status: ['requested'], limit: 10 })).toEqual([]);
    expect((await r.orders.listRefundOverdue(at(3), 1000)).map((x) => x.id)).toContain(ret.id);
    expect((await r.orders.listRefundOverdue(at(1), 1000)).map((x) => x.id)).not.toContain(ret.id);
    expect(await r.orders.updateReturn({ ...received, overdueFlaggedAt: at(3), version: 3 }, 2)).toBe(true);
    expect((await r.orders.listRefundOverdue(at(3), 1000)).map((x) => x.id)).not.toContain(ret.id);
  });

  it('keeps packages per order, finds them by waybill (shared by several orders), records each push once', async () => {
    const { r, buyer, merchant } = await shop(db);
    const [o, other] = [order(buyer.id, merchant.id), order(buyer.id, merchant.id)];
    await r.orders.insertOrders([o, other], []);
    const trackingNo = `SF${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const pkg: Row<'orders', 'insertPackage'> = {
      id: uuid(),
      orderId: o.id,
      sampleId: null,
      sampleLeg: null,
      merchantOrgId: merchant.id,
      carrier: 'SF',
      trackingNo,
      status: 'shipped',
      shippedAt: T0,
      subscribedAt: null,
      deliveredAt: null,
      lastEventAt: null,
      updatedAt: T0,
    };
    const merged = { ...pkg, id: uuid(), orderId: other.id };
    await r.orders.insertPackage(pkg);
    await r.orders.insertPackage(merged);
    expect(await r.orders.findPackageByOrder(o.id)).toEqual(pkg);
    expect((await r.orders.listPackagesByWaybill('SF', trackingNo, { lock: true })).map((x) => x.id).sort()).toEqual(
      [pkg.id, merged.id].sort(),
    );
    expect(await r.orders.listPackagesByWaybill('ZTO', trackingNo)).toEqual([]);
    const moved = { ...pkg, status: 'in_transit' as const, subscribedAt: at(1), lastEventAt: at(2), updatedAt: at(2) };
    await r.orders.updatePackage(moved);
    expect(await r.orders.findPackageByOrder(o.id)).toEqual(moved);
    const open = (await r.orders.listOpenPackages(new Date(T0.getTime() - 1), 10_000)).map((x) => x.id);
    expect(open).toEqual(expect.arrayContaining([pkg.id, merged.id]));
    await r.orders.updatePackage({ ...moved, status: 'delivered', deliveredAt: at(3) });
    expect((await r.orders.listOpenPackages(new Date(T0.getTime() - 1), 10_000)).map((x) => x.id)).not.toContain(pkg.id);
    await r.orders.updatePackage(moved);
    const event = (id: string, pushKey: string, occurredAt: Date, status: 'picked_up' | 'in_transit') => ({
      id,
      packageId: pkg.id,
      pushKey,
      status,
      occurredAt,
      location: '杭州',
      description: '到达',
      receivedAt: at(3),
    });
    const late = event(uuid(), 'k2', at(2), 'in_transit');
    const early = event(uuid(), 'k1', at(1), 'picked_up');
    expect(await r.orders.insertPackageEvent(late)).toBe(true);
    expect(await r.orders.insertPackageEvent(early)).toBe(true);
    expect(await r.orders.insertPackageEvent({ ...late, id: uuid() })).toBe(false);
    expect(await r.orders.insertPackageEvent({ ...late, id: uuid(), packageId: merged.id })).toBe(true);
    expect((await r.orders.listPackageEvents(pkg.id)).map((e) => e.pushKey)).toEqual(['k1', 'k2']);
  });

  it('keeps a sample request’s packages (ADR 0043): exactly one owner, found by the sample and leg, one package per leg', async () => {
    const { r, buyer, merchant } = await shop(db);
    const o = order(buyer.id, merchant.id);
    await r.orders.insertOrders([o], []);
    const sampleId = uuid();
    const pkg: Row<'orders', 'insertPackage'> = {
      id: uuid(),
      orderId: null,
      sampleId,
      sampleLeg: 'out',
      merchantOrgId: merchant.id,
      carrier: 'SF',
      trackingNo: `SF${Date.now()}${Math.floor(Math.random() * 1000)}`,
      status: 'shipped',
      shippedAt: T0,
      subscribedAt: null,
      deliveredAt: null,
      lastEventAt: null,
      updatedAt: T0,
    };
    await r.orders.insertPackage(pkg);
    expect(await r.orders.findPackageBySample(sampleId)).toEqual(pkg);
    expect(await r.orders.findPackageBySample(sampleId, 'out')).toEqual(pkg);
    expect(await r.orders.findPackageBySample(sampleId, 'back')).toBeNull();
    expect(await r.orders.findPackageBySample(uuid())).toBeNull();
    // the streamer's return parcel (寄回): the sample's second package, on the 'back' leg
    const back: Row<'orders', 'insertPackage'> = { ...pkg, id: uuid(), sampleLeg: 'back', trackingNo: `${pkg.trackingNo}9` };
    await r.orders.insertPackage(back);
    expect(await r.orders.findPackageBySample(sampleId, 'back')).toEqual(back);
    expect(await r.orders.findPackageBySample(sampleId)).toEqual(pkg);
    // both owners, or none: refused by the database's check; a second package on one leg: by its unique index
    await expect(r.orders.insertPackage({ ...pkg, id: uuid(), sampleId: uuid(), orderId: o.id })).rejects.toThrow();
    await expect(r.orders.insertPackage({ ...pkg, id: uuid(), sampleId: null })).rejects.toThrow();
    await expect(r.orders.insertPackage({ ...pkg, id: uuid() })).rejects.toThrow();
    await expect(r.orders.insertPackage({ ...back, id: uuid() })).rejects.toThrow();
    // a leg only for a sample's package, and only 'out' or 'back'
    await expect(r.orders.insertPackage({ ...pkg, id: uuid(), sampleId: uuid(), sampleLeg: null })).rejects.toThrow();
    await expect(r.orders.insertPackage({ ...pkg, id: uuid(), sampleId: null, orderId: o.id, sampleLeg: 'out' })).rejects.toThrow();
    await expect(r.orders.insertPackage({ ...pkg, id: uuid(), sampleId: uuid(), sampleLeg: 'sideways' as 'out' })).rejects.toThrow();
    expect(await r.orders.findPackageByOrder(o.id)).toBeNull();
  });
}
