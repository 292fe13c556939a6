/**
 * A complaint resolved with a refund or a return goes through the order's own after-sales path, on PGlite (and
 * PostgreSQL when DATABASE_URL is set): the refund is recorded on the order in the resolving step's transaction,
 * posted to the ledger as any refund, sent to the payment provider, and its confirmation raises the order's
 * `refundedFen`; a return is opened approved and followed through its states (shipped back, received, refunded).
 * No compensation obligation is owed for either; the timeline shows it; the ledger verifies; what the order cannot
 * take refuses the step with nothing changed.
 */
import { createTestPlatform, expectLedgerBalanced, type TestPlatform, type TestSession, until } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let consumer: TestSession;
let merchant: TestSession;
let reviewer: TestSession;
let sku: { id: string; priceFen: number };

const ADDRESS = { name: '张三丰', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号 6 楼' };

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [consumer, merchant, reviewer] = await Promise.all([p.login('consumer'), p.login('merchant'), p.login('reviewer')]);
  const merchantOrgId = merchant.me.active?.orgId as string;
  const products = await p.c.uow.read.catalog.listProducts({ merchantOrgId, status: ['approved'], limit: 20 });
  for (const product of products) {
    const s = (await p.c.uow.read.catalog.listSkus([product.id])).find((x) => x.stock >= 5);
    if (s) {
      sku = { id: s.id, priceFen: s.priceFen };
      break;
    }
  }
  expect(sku, 'the demo merchant sells a SKU in stock').toBeTruthy();
}, 180_000);

afterAll(async () => {
  await p?.close();
});

let orders = 0;
/** An order of `qty` units placed and paid through the API and the simulated provider's page. */
async function paidOrder(qty: number): Promise<{ id: string; totalFen: number }> {
  const placed = await p.call(
    consumer,
    'POST',
    '/api/orders',
    { lines: [{ skuId: sku.id, qty }], address: ADDRESS },
    {
      'idempotency-key': `remedy-${Date.now()}-${++orders}`,
    },
  );
  expect(placed.status).toBe(201);
  const id = placed.body.id as string;
  const pay = await p.call(consumer, 'POST', `/api/orders/${id}/pay`, {});
  expect(pay.status).toBe(200);
  const url = new URL(pay.body.payUrl);
  const confirm = await p.call(null, 'POST', `${url.pathname}/confirm`, { t: url.searchParams.get('t'), outcome: 'succeed' });
  expect(confirm.status).toBe(200);
  const paid = await until(
    () => p.call(consumer, 'GET', `/api/orders/${id}`),
    (r) => r.body.status === 'paid',
  );
  expect(paid.body.status).toBe('paid');
  return { id, totalFen: placed.body.totalFen as number };
}

/** Ships and delivers an order (the merchant ships, the consumer confirms receipt). */
async function delivered(orderId: string) {
  expect((await p.call(merchant, 'POST', `/api/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890' })).status).toBe(
    200,
  );
  expect((await p.call(consumer, 'POST', `/api/orders/${orderId}/deliver`)).status).toBe(200);
}

const file = async (orderId: string, kind: 'refund' | 'return', amountFen: number) => {
  const r = await p.call(consumer, 'POST', '/api/complaints', {
    orderId,
    category: 'quality',
    claim: { kind, amountFen },
    description: '收到的商品有明显质量问题，要求按投诉处理',
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
};

const verified = () => expectLedgerBalanced(p.c);

describe('a refund outcome through the order’s refund', () => {
  it('the merchant accepts a refund claim: the order is refunded, the ledger posts it, nothing is owed as compensation', async () => {
    const order = await paidOrder(2);
    const amountFen = Math.floor(order.totalFen / 2);
    const id = await file(order.id, 'refund', amountFen);
    const accepted = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'accept', note: '同意退还一半货款' });
    expect(accepted.body).toMatchObject({ status: 'resolved', outcome: { remedy: 'refund', amountFen } });

    // recorded on the order in the step's transaction, for the complaint
    const refunds = (await p.c.uow.read.orders.listRefunds(order.id)).filter((r) => r.reason === `complaint ${id}`);
    expect(refunds.map((r) => [r.amountFen, r.returnId])).toEqual([[amountFen, null]]);
    const refundId = refunds[0]?.id as string;
    // posted as any refund: escrow → refunds payable, then paid out on the provider's confirmation
    const refundedOrder = await until(
      () => p.call(consumer, 'GET', `/api/orders/${order.id}`),
      (r) => r.body.refundedFen === amountFen,
    );
    expect(refundedOrder.body).toMatchObject({ refundedFen: amountFen, status: 'paid' });
    const entries = await p.c.uow.read.ledger.findEntriesByKeys([`refund:${refundId}`, `refund:${refundId}:paid`]);
    expect(entries.map((e) => e.kind).sort()).toEqual(['refund', 'refund.paid']);
    await verified();

    // no compensation obligation; the timeline says so in its own line; audited on both sides
    expect(await p.c.uow.read.complaintPayments.findObligationOf(id)).toBeNull();
    const detail = await p.call(consumer, 'GET', `/api/complaints/${id}`);
    expect(detail.body.obligation).toBeNull();
    const line = detail.body.timeline.find((e: { action: string }) => e.action === 'refund_issued');
    expect(line).toMatchObject({ role: 'system' });
    expect((await p.c.uow.read.audit.list({ limit: 50, action: 'disputes.refund_issued' })).some((a) => a.targetId === id)).toBe(true);
    expect((await p.c.uow.read.audit.list({ limit: 50, action: 'order.complaint_refund' })).some((a) => a.targetId === order.id)).toBe(
      true,
    );
    // the merchant is not asked to pay it a second time
    const pay = await p.call(merchant, 'POST', `/api/complaints/${id}/pay`);
    expect([pay.status, pay.body.error.code]).toEqual([409, 'disputes.nothing_to_pay']);
  });

  it('more than the order has left to refund refuses the step: the complaint and the order unchanged', async () => {
    const order = await paidOrder(1);
    const id = await file(order.id, 'refund', order.totalFen);
    // an earlier refund of the whole order, still pending at the provider (recorded directly: the orders suite's)
    await p.c.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(order.id, { lock: true });
      if (o) await p.c.orders.recordRefund(tx, o, order.totalFen, 'earlier refund', null);
    });
    const before = await p.c.uow.read.complaints.findComplaint(id);
    const r = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'accept', note: '同意退款' });
    expect([r.status, r.body.error.code]).toEqual([409, 'disputes.remedy_exceeds_refundable']);
    const after = await p.c.uow.read.complaints.findComplaint(id);
    expect([after?.status, after?.version]).toEqual(['awaiting_merchant', before?.version]);
    expect((await p.c.uow.read.orders.listRefunds(order.id)).filter((x) => x.reason === `complaint ${id}`)).toEqual([]);
    expect((await p.c.uow.read.complaints.listEntries(id)).map((e) => e.action)).not.toContain('refund_issued');
  });
});

describe('a return outcome through the order’s return', () => {
  it('the mediator decides a return: an approved return, shipped back, received and refunded through its states', async () => {
    const order = await paidOrder(1);
    await delivered(order.id);
    const id = await file(order.id, 'return', order.totalFen);
    expect((await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'reject', note: '不同意退货' })).body.status).toBe(
      'negotiating',
    );
    expect((await p.call(consumer, 'POST', `/api/complaints/${id}/escalate`, {})).body.status).toBe('mediating');
    const decided = await p.call(reviewer, 'POST', `/api/complaints/${id}/decide`, {
      remedy: 'return',
      amountFen: order.totalFen,
      note: '质检报告确认质量问题，退货退款',
    });
    expect(decided.body).toMatchObject({ status: 'resolved', outcome: { remedy: 'return', amountFen: order.totalFen, upheld: true } });
    expect(await p.c.uow.read.complaintPayments.findObligationOf(id)).toBeNull();

    // the order's after-sales shows the return, approved, for the complaint's amount
    const returns = (await p.call(consumer, 'GET', `/api/orders/${order.id}/returns`)).body as Array<{
      id: string;
      status: string;
      amountFen: number;
    }>;
    expect(returns.map((r) => [r.status, r.amountFen])).toEqual([['approved', order.totalFen]]);
    const rid = returns[0]?.id as string;
    const line = (await p.c.uow.read.complaints.listEntries(id)).find((e) => e.action === 'return_opened');
    expect(line?.data).toMatchObject({ returnId: rid, amountFen: order.totalFen });
    // no refund before the goods are back
    expect((await p.call(consumer, 'GET', `/api/orders/${order.id}`)).body.refundedFen).toBe(0);

    expect(
      (await p.call(consumer, 'POST', `/api/returns/${rid}/ship`, { carrier: '中通快递', trackingNo: 'ZT998877665' })).body.status,
    ).toBe('shipped_back');
    expect((await p.call(merchant, 'POST', `/api/returns/${rid}/receive`, { refundNow: true })).body.status).toBe('received');
    const refunded = await until(
      () => p.call(consumer, 'GET', `/api/orders/${order.id}`),
      (r) => r.body.status === 'refunded',
    );
    expect(refunded.body).toMatchObject({ status: 'refunded', refundedFen: order.totalFen });
    expect((await p.call(consumer, 'GET', `/api/orders/${order.id}/returns`)).body[0].status).toBe('refunded');
    await verified();
  });

  it('a return already open on the order refuses the complaint’s return: nothing changed', async () => {
    const order = await paidOrder(1);
    await delivered(order.id);
    const asked = await p.call(consumer, 'POST', `/api/orders/${order.id}/returns`, {
      kind: 'quality',
      reason: '质量问题',
      lines: [{ lineNo: 1, qty: 1 }],
    });
    expect(asked.status).toBe(201);
    const id = await file(order.id, 'return', order.totalFen);
    const r = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'accept', note: '同意退货' });
    expect([r.status, r.body.error.code, r.body.error.field]).toEqual([409, 'disputes.return_open', 'id']);
    expect((await p.c.uow.read.complaints.findComplaint(id))?.status).toBe('awaiting_merchant');
    expect((await p.c.uow.read.orders.listReturns({ orderId: order.id, limit: 10 })).length).toBe(1);
  });
});
