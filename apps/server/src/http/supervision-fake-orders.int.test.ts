/**
 * The fake-order (刷单) detector on the platform's own orders, on PGlite and PostgreSQL: in a live session of the demo
 * district, a planted ring — six fresh accounts on two phones, one wallet and one proxy — and an honest household —
 * three people at one address behind one home network, two of them sharing a tablet — order through the real HTTP
 * path (`x-device-id`, the client IP behind the trusted proxy, the simulator's payment page with the payer's wallet).
 * Ending the session raises exactly one 疑似刷单 clue for 市场监管局, on the merchant, holding exactly the ring's
 * orders as evidence; a redelivered `live.ended` and the ring's later refunds raise nothing more; nothing raw is stored.
 */
import type { OutboxEvent } from '@livehub/core';
import { SYSTEM_ACTOR } from '@livehub/core';
import { createTestPlatform, drainOutbox, testActor, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverRefundsSucceeded } from '../seed/seed-payments.ts';

let p: TestPlatform;
let scjgj: TestSession;
let admin: TestSession;

const drain = () => drainOutbox(p.c);
type Clue = Record<string, unknown> & { id: string; rule: string; subjectId: string; signals: number; summary: { zh: string } };
const fakeOrderClues = async (sessionId?: string) => {
  const r = await p.call(scjgj, 'GET', '/api/supervision/clues?rule=fake_orders&status=open');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const items = r.body.items as Clue[];
  return sessionId ? items.filter((c) => (c.facts as { sessionId?: string }).sessionId === sessionId) : items;
};
const person = testActor;

beforeAll(async () => {
  // the platform sits behind a proxy at 127.0.0.1 (where the injected requests come from): x-forwarded-for is the client
  p = await createTestPlatform({ seed: true, env: { LIVEHUB_TRUST_PROXY: '127.0.0.1' } });
  [scjgj, admin] = await Promise.all([p.login('regulator'), p.login('admin')]);
  await drain();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

interface Placement {
  device: string;
  ip: string;
  address: { name: string; phone: string; region: string; detail: string };
  wallet: string;
}

async function buyer(username: string): Promise<TestSession> {
  await p.c.identity.createUser({ ...SYSTEM_ACTOR }, { username, password: 'correct-horse-1', displayName: username });
  return p.login(username, 'correct-horse-1');
}

/** 下单 from the room and 支付 on the simulator's page, as the browser does it; waits for the notification to land. */
async function placeAndPay(s: TestSession, sessionId: string, skuId: string, how: Placement): Promise<string> {
  const made = await p.call(
    s,
    'POST',
    '/api/orders',
    { lines: [{ skuId, qty: 1 }], address: how.address, sessionId },
    { 'x-device-id': how.device, 'x-forwarded-for': how.ip },
  );
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const id = made.body.id as string;
  const pay = await p.call(s, 'POST', `/api/orders/${id}/pay`, {});
  expect(pay.status, JSON.stringify(pay.body)).toBe(200);
  const url = new URL(pay.body.payUrl);
  const confirm = await p.call(null, 'POST', `${url.pathname}/confirm`, {
    t: url.searchParams.get('t'),
    outcome: 'succeed',
    payer: how.wallet,
  });
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
  for (let i = 0; i < 400; i++) {
    const o = await p.call(s, 'GET', `/api/orders/${id}`);
    if (o.body.status === 'paid') return id;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`order ${id} was never paid`);
}

describe('the fake-order detector on the live order stream', () => {
  it('a malformed device id is refused on its header, before anything is written', async () => {
    const s = await buyer('fo-malformed');
    const body = {
      lines: [{ skuId: p.c.ids.next(), qty: 1 }],
      address: { name: '王小明', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号' },
    };
    const r = await p.call(s, 'POST', '/api/orders', body, { 'x-device-id': 'not a device id!' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'orders.bad_device_id', field: 'x-device-id' });
    expect(r.body.error.message).toMatch(/设备标识/);
  });

  it('flags exactly the ring in one clue with its orders as evidence; the household sharing an address and a network is left alone', async () => {
    const r = p.c.uow.read;
    const lamb = (await r.live.listSessions({ status: ['live'], limit: 20 })).find((s) => s.title.includes('滩羊'));
    expect(lamb, 'the demo district has the lamb session live').toBeDefined();
    const productIds = (await r.live.listProducts(lamb?.id as string)).map((x) => x.productId);
    const streamer = person(lamb?.streamerUserId as string, 'streamer', lamb?.mcnOrgId ?? null);
    // the demo plants one ring (an earlier, ended session of the lamb room): one clue; the live lamb session, with the
    // demo's honest orders, ends without another
    const demo = await fakeOrderClues();
    expect(demo).toHaveLength(1);
    expect(demo[0]?.summary.zh).toMatch(/^疑似刷单：本场直播 5 个买家账号/);
    const ended = await p.call(admin, 'POST', `/api/live/sessions/${lamb?.id}/end`, { reason: '平台巡查结束直播' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    await drain();
    expect(await fakeOrderClues(lamb?.id)).toEqual([]);
    expect(await fakeOrderClues()).toHaveLength(1);

    const next = await p.c.live.schedule(streamer, {
      title: '盐池滩羊 · 宠粉专场',
      scheduledAt: p.c.clock.now().toISOString(),
      productIds,
      coHostUserIds: [],
    });
    const sessionId = next.session.id;
    await p.c.live.start(streamer, sessionId);
    const skus = await r.catalog.listSkus(productIds);
    const sku = [...skus].sort((a, b) => b.stock - a.stock)[0];
    expect(sku?.stock ?? 0).toBeGreaterThanOrEqual(12);
    const merchantOrgId = (await r.catalog.findProduct(sku?.productId as string))?.merchantOrgId;

    const ring = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => buyer(`fo-ring-${i}`)));
    const family = await Promise.all(['mum', 'dad', 'kid'].map((n) => buyer(`fo-family-${n}`)));
    const home = { name: '陈家', phone: '13912345678', region: '上海市 嘉定区', detail: '南翔镇古猗园路 18 弄 5 号 301 室' };
    const familyHow: Placement[] = [
      { device: 'mum-phone-0001', ip: '198.51.100.7', address: home, wallet: 'wallet-mum' },
      {
        device: 'family-tablet-01',
        ip: '198.51.100.7',
        address: { ...home, name: '陈先生', detail: '南翔镇古猗园路18弄5号301室' },
        wallet: 'wallet-dad',
      },
      { device: 'family-tablet-01', ip: '198.51.100.7', address: { ...home, name: '陈小小', phone: '13700001111' }, wallet: 'wallet-kid' },
    ];
    const ringOrders: string[] = [];
    const familyOrders: string[] = [];
    for (const [i, s] of ring.entries()) {
      ringOrders.push(
        await placeAndPay(s, sessionId, sku?.id as string, {
          device: `farm-phone-000${i % 2}`,
          ip: '203.0.113.50',
          address: { name: `收货人${i}`, phone: `1350000000${i}`, region: '江苏省 苏州市', detail: `工业园区星湖街 ${100 + i} 号` },
          wallet: 'ring-wallet',
        }),
      );
      const f = family[i % 3] as TestSession;
      if (i < 3) familyOrders.push(await placeAndPay(f, sessionId, sku?.id as string, familyHow[i] as Placement));
    }

    // what is stored: keyed hashes, the same for the same device, network, place and wallet — never the values
    const stored = await r.orders.signalOrders(sessionId, new Date(0), 100);
    const byId = new Map(stored.map((o) => [o.id, o]));
    const ringRows = ringOrders.map((id) => byId.get(id));
    expect(new Set(ringRows.map((o) => o?.deviceHash)).size).toBe(2);
    expect(new Set(ringRows.map((o) => o?.payerAccountHash)).size).toBe(1);
    expect(new Set(ringRows.map((o) => o?.ipHash)).size).toBe(1);
    const familyRows = familyOrders.map((id) => byId.get(id));
    expect(new Set(familyRows.map((o) => o?.addressHash)).size).toBe(1);
    expect(new Set(familyRows.map((o) => o?.payerAccountHash)).size).toBe(3);
    const raw = JSON.stringify(stored);
    for (const v of ['farm-phone-0000', '203.0.113.50', '198.51.100.7', 'ring-wallet', '古猗园路', 'family-tablet-01'])
      expect(raw).not.toContain(v);
    for (const row of stored) for (const h of [row.deviceHash, row.ipHash, row.addressHash, row.payerAccountHash]) expect(h).not.toBeNull();
    // and nothing of it in what the buyer reads
    const view = await p.call(ring[0] as TestSession, 'GET', `/api/orders/${ringOrders[0]}`);
    expect(JSON.stringify(view.body)).not.toMatch(/deviceHash|ipHash|payerAccount|farm-phone|203\.0\.113/);
    expect(JSON.stringify(view.body)).not.toContain(String(ringRows[0]?.deviceHash));

    expect(await fakeOrderClues(sessionId)).toEqual([]);
    await p.c.live.end(streamer, sessionId);
    await drain();

    expect(await fakeOrderClues()).toHaveLength(2);
    const clues = await fakeOrderClues(sessionId);
    expect(clues).toHaveLength(1);
    const [clue] = clues as [Clue];
    expect(clue).toMatchObject({ subjectKind: 'organization', subjectId: merchantOrgId, departmentCode: 'scjgj', rule: 'fake_orders' });
    expect(clue.riskLevel).toBeGreaterThanOrEqual(2);
    expect(clue.summary.zh).toMatch(/^疑似刷单：本场直播 6 个买家账号/);
    const facts = clue.facts as { orderIds: string[]; sessionId: string; buyers: number };
    expect([...facts.orderIds].sort()).toEqual([...ringOrders].sort());
    expect(facts).toMatchObject({ sessionId, buyers: 6 });
    const detail = await p.call(scjgj, 'GET', `/api/supervision/clues/${clue.id}`);
    expect(detail.status).toBe(200);
    const evidence = detail.body.clue.evidence as Array<{ kind: string; id: string }>;
    expect(
      evidence
        .filter((e) => e.kind === 'order')
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ringOrders].sort());
    expect(evidence).toContainEqual(expect.objectContaining({ kind: 'live_session', id: sessionId }));
    for (const id of familyOrders) expect(JSON.stringify(detail.body)).not.toContain(id);

    // at least once: the same end again raises and reinforces nothing
    const again: OutboxEvent = { id: p.c.ids.next(), topic: 'live.ended', payload: { sessionId }, at: p.c.clock.now().toISOString() };
    expect(await p.c.clues.ingest(again)).toBe(0);

    // the ring refunds two orders after the session: the detector runs again and still finds one ring, one clue
    for (const [i, id] of ringOrders.slice(0, 2).entries()) {
      const refund = await p.call(ring[i] as TestSession, 'POST', `/api/orders/${id}/refund`, { reason: '不想要了' });
      expect(refund.status, JSON.stringify(refund.body)).toBe(200);
      await deliverRefundsSucceeded(p.c, id);
    }
    await drain();
    const after = await fakeOrderClues(sessionId);
    expect(after.map((c) => c.id)).toEqual([clue.id]);
    // the ring's score was already at its behaviour's ceiling (all its accounts new): the same risk, nothing reinforced
    expect(after.map((c) => [c.riskLevel, c.signals])).toEqual([[clue.riskLevel, clue.signals]]);
  }, 120_000);
});
