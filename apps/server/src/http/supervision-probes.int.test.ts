/**
 * The session-end detectors through the real path, on PGlite and PostgreSQL: the demo district's live lamb session
 * (盐池滩羊) hears "库存告急 最后二十单" through the screening engine, its product's list price was raised three days
 * before and then "discounted" in the room, and its merchant's food licence lapsed; ending the session (the platform's
 * 下播) sends `live.ended` through the outbox and the detectors raise 价格欺诈, 虚假稀缺 and 超范围经营 clues for
 * 市场监管局, once — a redelivered event raises nothing more. The same room's honest session raises none.
 */
import type { Actor, OutboxEvent } from '@livehub/core';
import { payOnSimulator } from '../seed/seed-payments.ts';
import { createTestPlatform, drainOutbox, testActor, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let scjgj: TestSession;
let admin: TestSession;
const DAY = 86_400_000;

const drain = () => drainOutbox(p.c);
const clues = async (query = '') => {
  const r = await p.call(scjgj, 'GET', `/api/supervision/clues${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as Array<Record<string, unknown> & { id: string; rule: string; subjectId: string; summary: { zh: string } }>;
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [scjgj, admin] = await Promise.all([p.login('regulator'), p.login('admin')]);
  await drain();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

const RULES = ['price_fraud', 'false_scarcity', 'unqualified_category'];
const person = testActor;

describe('detectors at the session end', () => {
  let sessionId: string;
  let streamer: Actor;
  let productIds: string[];

  it('an honest session ends without a clue: sold at its list price, a licence in force, no scarcity claimed', async () => {
    const r = p.c.uow.read;
    const session = (await r.live.listSessions({ status: ['live'], limit: 20 })).find((s) => s.title.includes('滩羊'));
    expect(session, 'the demo district has the lamb session live').toBeDefined();
    sessionId = session?.id as string;
    productIds = (await r.live.listProducts(sessionId)).map((x) => x.productId);
    expect(productIds.length).toBeGreaterThan(0);
    // not vacuous: the room sold, and its products have a price history the detectors read
    expect((await r.orders.sessionSales(sessionId)).reduce((n, x) => n + x.units, 0)).toBeGreaterThan(0);
    streamer = person(session?.streamerUserId as string, 'streamer', session?.mcnOrgId ?? null);

    const ended = await p.call(admin, 'POST', `/api/live/sessions/${sessionId}/end`, { reason: '平台巡查结束直播' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    await drain();
    expect((await clues()).filter((c) => RULES.includes(c.rule))).toEqual([]);
  });

  it('the same room with a price raised before its "discount", a false scarcity claim and a lapsed licence raises three clues, once', async () => {
    const r = p.c.uow.read;
    const next = await p.c.live.schedule(streamer, {
      title: '盐池滩羊 · 返场专场',
      scheduledAt: p.c.clock.now().toISOString(),
      productIds,
      coHostUserIds: [],
    });
    sessionId = next.session.id;
    await p.c.live.start(streamer, sessionId);
    const product = await r.catalog.findProduct(productIds[0] as string);
    const merchantOrgId = product?.merchantOrgId as string;
    const [sku] = await r.catalog.listSkus([product?.id as string]);
    const consumer = await p.login('consumer');
    const buyer = person(consumer.me.user.id, 'consumer', null);
    const order = await p.c.orders.create(buyer, {
      lines: [{ skuId: sku?.id as string, qty: 1 }],
      address: { name: '王小明', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号' },
      sessionId,
    });
    await payOnSimulator(p.c, buyer, order.body.id);
    const [sold] = await r.orders.sessionSales(sessionId);
    expect(sold?.skuId).toBe(sku?.id);

    // 先提价后打折: the list price was P − 10 yuan until three days before, then P + 30 yuan, and the room sold at P
    const [current] = await r.catalog.listPrices(sku?.id as string);
    const v0 = current?.validFrom as Date;
    const paid = sold?.lowestUnitPriceFen as number;
    await p.c.uow.transaction(async (tx) => {
      for (const [priceFen, from, to] of [
        [paid - 1000, 20, 3],
        [paid + 3000, 3, 0],
      ] as const)
        await tx.catalog.insertPricePoint({
          id: p.c.ids.next(),
          skuId: sku?.id as string,
          priceFen,
          source: 'list',
          validFrom: new Date(v0.getTime() - from * DAY),
          validTo: new Date(v0.getTime() - to * DAY),
        });
      // the merchant's food licence has lapsed since the product's review
      for (const q of await tx.registry.listQualifications({ orgId: merchantOrgId }))
        if (q.type === 'food_licence') await tx.registry.updateQualification(q.id, 'expired');
    });

    // 虚假稀缺: the ASR feed's words go through the screening engine, as in the room
    const feed = person(admin.me.user.id, 'platform_admin', admin.me.active?.orgId ?? null);
    for (const [n, text] of ['库存告急 最后二十单', '只剩最后五份了 抓紧下单'].entries())
      await p.c.compliance.ingest(feed, {
        eventId: `probe-scarcity-${n}`,
        kind: 'transcript',
        text,
        sessionRef: sessionId,
        streamerUserId: streamer.userId ?? undefined,
      });
    await drain();
    expect((await clues()).filter((c) => RULES.includes(c.rule))).toEqual([]);

    await p.c.live.end(streamer, sessionId);
    await drain();

    const price = (await clues('?rule=price_fraud')).filter((c) => c.subjectId === product?.id);
    expect(price).toHaveLength(1);
    expect(price[0]).toMatchObject({
      subjectKind: 'product',
      riskLevel: 3,
      departmentCode: 'scjgj',
      facts: { pattern: 'raise_then_discount' },
    });
    expect(price[0]?.summary.zh).toContain('先提价后打折');
    expect(price[0]?.subjectName).toBe(product?.title);

    const scarcity = (await clues('?rule=false_scarcity')).filter((c) => c.subjectId === streamer.userId);
    expect(scarcity).toHaveLength(1);
    expect(scarcity[0]).toMatchObject({ subjectKind: 'user', facts: { claims: 2, sessionId } });
    expect(scarcity[0]?.summary.zh).toContain('即将售罄');

    const unqualified = (await clues('?rule=unqualified_category')).filter((c) => c.subjectId === merchantOrgId);
    expect(unqualified).toHaveLength(1);
    expect(unqualified[0]).toMatchObject({ subjectKind: 'organization', riskLevel: 3, facts: { missing: ['food_licence'] } });
    expect(unqualified[0]?.summary.zh).toContain('食品经营许可证');

    // the outbox delivers at least once: the same end again raises and reinforces nothing
    const before = await clues();
    const again: OutboxEvent = { id: p.c.ids.next(), topic: 'live.ended', payload: { sessionId }, at: p.c.clock.now().toISOString() };
    expect(await p.c.clues.ingest(again)).toBe(0);
    expect((await clues()).map((c) => [c.id, c.signals])).toEqual(before.map((c) => [c.id, c.signals]));
  });
});
