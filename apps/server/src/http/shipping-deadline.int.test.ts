/**
 * 发货时效 through the API: an order paid and shipped within 48 hours is on time; one shipped later says by how many
 * days begun (`order.shipped`'s `daysLate`), and after one outbox pass the merchant's credit holds a `shipment.late`
 * event for it (the 物流 dimension); the one in time adds nothing.
 */
import { createTestPlatform, demoSkuInStock, placeAndPay, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
const HOUR = 3_600_000;
let p: TestPlatform;
let skuId: string;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  skuId = await demoSkuInStock(p);
}, 120_000);
afterAll(async () => p?.close());

const paidOrder = (consumer: TestSession) => placeAndPay(p, consumer, skuId);

describe('发货时效 (48 hours after payment)', () => {
  it('a late shipment says its days late and counts against the merchant’s credit; one in time does not', async () => {
    const consumer = await p.login('consumer');
    const late = await paidOrder(consumer);
    const onTime = await paidOrder(consumer);
    let merchant = await p.login('merchant');
    const merchantOrg = merchant.me.active?.orgId as string;
    const ship = (s: TestSession, id: string, n: string) =>
      p.call(s, 'POST', `/api/orders/${id}/ship`, { carrier: '顺丰速运', trackingNo: `SF${n}` });
    expect((await ship(merchant, onTime, '1000000001')).status).toBe(200);
    clock.advance(49 * HOUR); // a day begun past the 48 hours
    merchant = await p.login('merchant');
    expect((await ship(merchant, late, '1000000002')).status).toBe(200);

    const shipped = (await p.c.uow.read.outbox.pending(5000)).filter((e) => e.topic === 'order.shipped');
    const daysLate = new Map(shipped.map((e) => [e.payload.orderId, e.payload.daysLate]));
    expect([daysLate.get(late), daysLate.get(onTime)]).toEqual([1, 0]);

    await p.c.outbox.dispatch();
    const events = await p.c.uow.read.credit.eventsOf(merchantOrg);
    expect(events.find((e) => e.source === `shipment:${late}`)).toMatchObject({ kind: 'shipment.late', data: { days: 1 } });
    expect(events.find((e) => e.source === `shipment:${onTime}`)).toBeUndefined();
    const credit = await p.call(merchant, 'GET', '/api/credit/me');
    expect(credit.status).toBe(200);
    expect(JSON.stringify(credit.body.contributions)).toContain('shipment.late');
  });
});
