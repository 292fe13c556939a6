/**
 * 物流 through the API: a shipment creates a package subscribed with the (simulated) carrier; the carrier's signed
 * pushes — planned by the simulator and posted when the clock has come, or signed by hand here — record the tracking
 * timeline once each, move the package only forward, and a 签收 push delivers the order at the push's time (the
 * return window starts there). Forged pushes are refused with nothing changed; unknown waybills are 404; the
 * timeline is for the order's buyer, its merchant and the platform admin.
 */
import { createTestPlatform, demoSkuInStock, placeAndPay, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let p: TestPlatform;
let skuId: string;
let seq = 0;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  skuId = await demoSkuInStock(p);
}, 120_000);
afterAll(async () => p?.close());

const paidOrder = (consumer: TestSession) => placeAndPay(p, consumer, skuId);

/** A waybill number the simulator carries to 签收 (about 3% of numbers end in an exception). */
function deliveredWaybill(carrier: 'SF' | 'ZTO'): string {
  for (;;) {
    const no =
      carrier === 'SF' ? `SF${String(Date.now() % 1e9).padStart(9, '0')}${++seq}` : `7${String(Date.now() % 1e9).padStart(9, '0')}${++seq}`;
    const plan = p.c.carriers.sim.plan(carrier, no, clock.now().getTime());
    if (plan.at(-1)?.body.status === 'delivered') return no;
  }
}

const push = (carrier: string, body: Record<string, unknown> | string, signature?: string) => {
  const s = p.c.carriers.sim.signed(body);
  return p.app.inject({
    method: 'POST',
    url: `/api/logistics/push/${carrier}`,
    headers: signature === undefined ? s.headers : { ...s.headers, 'x-logistics-signature': signature },
    payload: s.body,
  });
};

describe('物流 (carrier port, simulated carrier, signed pushes)', () => {
  it('ship → the simulator’s pushes as the clock advances → the order is delivered at the 签收 push’s time', async () => {
    const consumer = await p.login('consumer');
    const id = await paidOrder(consumer);
    const merchant = await p.login('merchant');
    const no = deliveredWaybill('SF');
    // an unknown carrier and a number not of the carrier's form are field errors
    const unknown = await p.call(merchant, 'POST', `/api/orders/${id}/ship`, { carrier: '某某快递', trackingNo: no });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([400, 'logistics.unknown_carrier', 'carrier']);
    const badNo = await p.call(merchant, 'POST', `/api/orders/${id}/ship`, { carrier: '顺丰速运', trackingNo: 'YT12345678' });
    expect([badNo.status, badNo.body.error.code, badNo.body.error.field]).toEqual([400, 'logistics.bad_tracking_no', 'trackingNo']);
    const shipped = await p.call(merchant, 'POST', `/api/orders/${id}/ship`, { carrier: '顺丰速运', trackingNo: no });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);

    const before = await p.call(consumer, 'GET', `/api/orders/${id}/tracking`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ carrier: 'SF', carrierName: { zh: '顺丰速运' }, trackingNo: no, status: 'shipped', events: [] });
    const plan = p.c.carriers.sim.plan('SF', no, clock.now().getTime());
    // after a restart the travelling parcels are subscribed again: the same plan, no second journey
    expect(await p.c.orders.resubscribeTracking()).toBeGreaterThanOrEqual(1);
    const signedAt = plan.at(-1)?.body.time as string;

    // an hour on: 揽收 only (nothing else is due); the order is still shipped
    clock.advance(90 * 60_000);
    await p.c.carriers.sim.deliverDue();
    const early = await p.call(merchant, 'GET', `/api/orders/${id}/tracking`);
    expect(early.body.status).toBe('picked_up');
    expect((await p.call(consumer, 'GET', `/api/orders/${id}`)).body.status).toBe('shipped');

    // three days on, through the platform's tick: every push arrived, the order delivered at the carrier's time
    clock.advance(3 * DAY);
    const tick = await p.c.tick();
    expect(tick.carrierPushes).toBeGreaterThanOrEqual(plan.length - 1); // with the seed's shipments
    const after = await p.call(consumer, 'GET', `/api/orders/${id}/tracking`);
    expect(after.body.status).toBe('delivered');
    expect(after.body.events.map((e: { status: string }) => e.status)).toEqual(plan.map((x) => x.body.status).reverse());
    const order = await p.call(consumer, 'GET', `/api/orders/${id}`);
    expect(order.body.status).toBe('delivered');
    expect(order.body.deliveredAt).toBe(signedAt);
    expect(order.body.returnBy).toBe(new Date(Date.parse(signedAt) + 7 * DAY).toISOString());
    const delivered = (await p.c.uow.read.outbox.pending(5000)).find((e) => e.topic === 'order.delivered' && e.payload.orderId === id);
    expect(delivered?.payload.from).toBe('shipped');
  });

  it('hand-signed pushes: recorded once, out of order kept but never moving back; forged, unknown, malformed refused', async () => {
    const consumer = await p.login('consumer');
    const id = await paidOrder(consumer);
    const merchant = await p.login('merchant');
    const no = deliveredWaybill('ZTO');
    expect((await p.call(merchant, 'POST', `/api/orders/${id}/ship`, { carrier: '中通', trackingNo: no })).status).toBe(200);
    const t0 = clock.now().getTime();
    const at = (h: number) => new Date(t0 + h * HOUR).toISOString();
    const transit = { trackingNo: no, status: 'in_transit', time: at(5), location: '杭州', description: '快件已到达【杭州】转运中心' };
    const timeline = async () => (await p.call(merchant, 'GET', `/api/orders/${id}/tracking`)).body;

    expect((await push('ZTO', { ...transit, status: 'out_for_delivery', time: at(9), location: '成都' })).statusCode).toBe(200);
    const first = await push('ZTO', transit);
    expect([first.statusCode, first.json().recorded]).toEqual([200, true]);
    const again = await push('ZTO', transit);
    expect([again.statusCode, again.json().recorded]).toEqual([200, false]);
    let t = await timeline();
    expect(t.events).toHaveLength(2);
    expect(t.status).toBe('out_for_delivery'); // the older in_transit is stored, the status did not move back

    // forged: a signature over another body, or none; nothing is recorded and the order stays shipped
    const forged = await push('ZTO', { ...transit, status: 'delivered', time: at(10) }, 'a'.repeat(64));
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'logistics.bad_signature']);
    expect(forged.json().error.message).toBeTruthy();
    const unsigned = await p.app.inject({
      method: 'POST',
      url: '/api/logistics/push/ZTO',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...transit, status: 'delivered' }),
    });
    expect(unsigned.statusCode).toBe(401);
    t = await timeline();
    expect([t.events.length, t.status]).toEqual([2, 'out_for_delivery']);
    expect((await p.call(consumer, 'GET', `/api/orders/${id}`)).body.status).toBe('shipped');

    // an unknown waybill (or carrier) is 404; a malformed body is 400 on its field, never 500
    const unknown = await push('ZTO', { ...transit, trackingNo: '79999999999' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'logistics.unknown_package']);
    expect((await push('XYZ', transit)).statusCode).toBe(404);
    const badStatus = await push('ZTO', { ...transit, status: 'lost' });
    expect([badStatus.statusCode, badStatus.json().error.field]).toEqual([400, 'status']);
    const badTime = await push('ZTO', { ...transit, time: 'yesterday' });
    expect([badTime.statusCode, badTime.json().error.field]).toEqual([400, 'time']);
    expect((await push('ZTO', '{not json')).statusCode).toBe(400);

    // 签收: the order is delivered at the push's time, audited as the carrier
    clock.advance(DAY);
    const signed = await push('ZTO', { ...transit, status: 'delivered', time: at(11), location: '成都', description: '已签收' });
    expect(signed.statusCode).toBe(200);
    const order = (await p.call(consumer, 'GET', `/api/orders/${id}`)).body;
    expect([order.status, order.deliveredAt]).toEqual(['delivered', at(11)]);
    t = await timeline();
    expect([t.status, t.deliveredAt, t.events.length]).toEqual(['delivered', at(11), 3]);
    // a late exception after 签收 is kept as an event but the package stays delivered
    expect((await push('ZTO', { ...transit, status: 'exception', time: at(12) })).statusCode).toBe(200);
    expect((await timeline()).status).toBe('delivered');
    const audit = (await p.c.uow.read.audit.list({ action: 'order.deliver', limit: 50 })).find((a) => a.targetId === id);
    expect(audit?.actorLabel).toBe('system:carrier:ZTO');
    const events = (await p.c.uow.read.audit.list({ action: 'package.event', limit: 200 })).filter((a) => a.targetId === id);
    expect(events).toHaveLength(4);
  });

  it('the timeline is for the buyer, the merchant and the platform admin; others see no such order', async () => {
    const consumer = await p.login('consumer');
    const id = await paidOrder(consumer);
    const merchant = await p.login('merchant');
    const notShipped = await p.call(consumer, 'GET', `/api/orders/${id}/tracking`);
    expect([notShipped.status, notShipped.body.error.code]).toEqual([404, 'logistics.not_found']);
    expect((await p.call(merchant, 'POST', `/api/orders/${id}/ship`, { carrier: 'JD', trackingNo: 'JD0012345678901' })).status).toBe(200);
    for (const who of ['consumer', 'merchant', 'admin'])
      expect((await p.call(await p.login(who), 'GET', `/api/orders/${id}/tracking`)).status).toBe(200);
    for (const who of ['streamer', 'reviewer', 'regulator', 'merchant_0005'])
      expect((await p.call(await p.login(who), 'GET', `/api/orders/${id}/tracking`)).status, who).toBe(404);
    expect((await p.call(null, 'GET', `/api/orders/${id}/tracking`)).status).toBe(401);
  });
});
