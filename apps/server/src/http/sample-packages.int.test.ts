/**
 * 寄样 through the carrier port (issue #20 item 3, ADR 0043): the merchant's 发货 of a sample creates a package with the
 * (simulated) carrier, subscribed for its pushes; the pushes record the sample's 物流轨迹 and a 签收 push marks the
 * sample received by the streamer at the push's time, through the selection context's receipt. Forged pushes are
 * refused with nothing changed; unknown waybills are 404. On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
const DAY = 86_400_000;
let p: TestPlatform;
let merchant: TestSession;
let streamer: TestSession;
let sampleId: string;
let seq = 0;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  merchant = await p.login('merchant');
  // the seed's request from another streamer, waiting for the demo merchant (seed-catalog.ts)
  const req = (await p.call(merchant, 'GET', '/api/samples?status=requested')).body[0];
  sampleId = req.id;
  const who = (await p.c.uow.read.users.findByIds([req.streamerUserId]))[0];
  streamer = await p.login(who?.username ?? '');
  expect((await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, { action: 'approve' })).status).toBe(200);
}, 120_000);
afterAll(async () => p?.close());

/** A waybill number the simulator carries to 签收 (a few numbers end in an exception). */
function deliveredWaybill(): string {
  for (;;) {
    const no = `SF${String(Date.now() % 1e9).padStart(9, '0')}${++seq}`;
    const plan = p.c.carriers.sim.plan('SF', no, clock.now().getTime());
    if (plan.at(-1)?.body.status === 'delivered') return no;
  }
}

const push = (body: Record<string, unknown>, signature?: string) => {
  const s = p.c.carriers.sim.signed(body);
  return p.app.inject({
    method: 'POST',
    url: '/api/logistics/push/SF',
    headers: signature === undefined ? s.headers : { ...s.headers, 'x-logistics-signature': signature },
    payload: s.body,
  });
};

describe('寄样 through the carrier port', () => {
  it('a carrier or waybill the platform does not know is a field error, nothing written', async () => {
    const audits = await p.c.uow.read.audit.count();
    const unknown = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '某某快递',
      trackingNo: 'SF1402230001',
    });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([400, 'logistics.unknown_carrier', 'carrier']);
    expect(unknown.body.error.message).toBeTruthy();
    const badNo = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '顺丰速运',
      trackingNo: 'YT12345678',
    });
    expect([badNo.status, badNo.body.error.code, badNo.body.error.field]).toEqual([400, 'logistics.bad_tracking_no', 'trackingNo']);
    expect((await p.call(merchant, 'GET', `/api/samples/${sampleId}`)).body).toMatchObject({ status: 'approved', tracking: null });
    expect(await p.c.uow.read.orders.findPackageBySample(sampleId)).toBeNull();
    expect((await p.c.uow.read.inventory.listMovements({ refId: sampleId, limit: 10, offset: 0 })).rows).toEqual([]);
    expect(await p.c.uow.read.audit.count()).toBe(audits);
  });

  it('ship → a subscribed package → the pushes in transit → 签收 → the sample received at the push’s time', async () => {
    const no = deliveredWaybill();
    const shipped = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '顺丰',
      trackingNo: no.toLowerCase(),
    });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    // the carrier's name and the waybill as the carrier port stores them
    expect(shipped.body).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: no });
    const pkg = await p.c.uow.read.orders.findPackageBySample(sampleId);
    expect(pkg).toMatchObject({ orderId: null, sampleId, carrier: 'SF', trackingNo: no, status: 'shipped' });
    expect(pkg?.subscribedAt).toBeInstanceOf(Date);

    const view = async (who: TestSession = streamer) => (await p.call(who, 'GET', `/api/samples/${sampleId}`)).body;
    expect((await view()).tracking).toMatchObject({
      carrier: 'SF',
      carrierName: { zh: '顺丰速运' },
      trackingNo: no,
      status: 'shipped',
      events: [],
    });
    const plan = p.c.carriers.sim.plan('SF', no, clock.now().getTime());
    const signedAt = plan.at(-1)?.body.time as string;

    // an hour and a half on: 揽收 only; the sample is still on its way
    clock.advance(90 * 60_000);
    await p.c.carriers.sim.deliverDue();
    let v = await view(merchant);
    expect([v.status, v.tracking.status, v.tracking.events.length]).toEqual(['shipped', 'picked_up', 1]);

    // a forged 签收: refused, nothing recorded, the sample not received
    const forged = await push(
      { trackingNo: no, status: 'delivered', time: clock.now().toISOString(), location: '上海', description: '已签收' },
      'a'.repeat(64),
    );
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'logistics.bad_signature']);
    v = await view();
    expect([v.status, v.tracking.status, v.tracking.events.length]).toEqual(['shipped', 'picked_up', 1]);
    // a waybill no package carries: 404, nothing recorded
    const unknown = await push({
      trackingNo: 'SF0000000001',
      status: 'in_transit',
      time: clock.now().toISOString(),
      location: '上海',
      description: '运输中',
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'logistics.unknown_package']);

    // three days on, through the platform's tick: every push arrived; 签收 received the sample at the carrier's time
    clock.advance(3 * DAY);
    await p.c.tick();
    v = await view();
    expect(v.status).toBe('received');
    expect(v.tracking).toMatchObject({ status: 'delivered', deliveredAt: signedAt });
    expect(v.tracking.events.map((e: { status: string }) => e.status)).toEqual(plan.map((x) => x.body.status).reverse());
    expect(v.featureDueAt).toBe(new Date(Date.parse(signedAt) + 14 * DAY).toISOString());
    expect(v.history.at(-1)).toMatchObject({ action: 'receive', at: signedAt, by: 'system:carrier:SF' });
    const receipt = (await p.c.uow.read.audit.list({ action: 'sample.receive', limit: 50 })).filter((a) => a.targetId === sampleId);
    expect(receipt.map((a) => a.actorLabel)).toEqual(['system:carrier:SF']);
    const events = (await p.c.uow.read.audit.list({ action: 'package.event', limit: 500 })).filter((a) => a.targetId === sampleId);
    expect(events).toHaveLength(plan.length);
    expect(events.every((a) => a.targetType === 'sample')).toBe(true);

    // the streamer's own 确认收到 is now too late (received once); a repeated 签收 push changes nothing
    const again = await p.call(streamer, 'POST', `/api/samples/${sampleId}/actions`, { action: 'receive' });
    expect([again.status, again.body.error.code]).toEqual([409, 'selection.sample_action_not_allowed']);
    const last = plan.at(-1)?.body as Record<string, unknown>;
    expect((await push(last)).json()).toMatchObject({ recorded: false, status: 'delivered' });
    expect((await view()).history.filter((h: { action: string }) => h.action === 'receive')).toHaveLength(1);

    // the package is the sample's: the streamer can go on (feature or ship it back) as before
    expect(
      (await p.call(streamer, 'POST', `/api/samples/${sampleId}/actions`, { action: 'feature', featuredIn: '周三穿搭专场' })).status,
    ).toBe(200);
  });

  it('the tracking shows on one sample’s view for its parties only; lists leave it out', async () => {
    expect((await p.call(await p.login('merchant_0005'), 'GET', `/api/samples/${sampleId}`)).status).toBe(404);
    expect((await p.call(await p.login('admin'), 'GET', `/api/samples/${sampleId}`)).body.tracking.status).toBe('delivered');
    const list = (await p.call(merchant, 'GET', '/api/samples')).body as Array<{ id: string; tracking?: unknown }>;
    expect(list.find((s) => s.id === sampleId)).not.toHaveProperty('tracking');
  });
});
