/**
 * Contract cases of the monitoring wall's read model (core/supervision/wall.repository.ts): live sessions, one
 * session, paid orders and screening hits per minute of a window, totals since an instant, a room's hits, events,
 * paid GMV, merchants and products' price points. The window is far from every other case's data (2035), so
 * global aggregates count only what a case put there.
 */
import { expect, it } from 'vitest';
import { type ContractDb, liveSession, order, product, sku, storedOrg, storedUser, uuid } from './fixtures.ts';

const W0 = new Date('2035-03-01T02:00:00Z');
const min = (m: number, s = 0) => new Date(W0.getTime() + m * 60_000 + s * 1000);

export function wallCases(db: ContractDb): void {
  it('lists live sessions, finds one whatever its status, and aggregates paid orders per minute and since an instant', async () => {
    const r = db.r();
    const streamer = await storedUser(r);
    const merchant = await storedOrg(r, { kind: 'merchant' });
    const live = liveSession(streamer.id, { status: 'live', startedAt: min(0), title: '看板契约直播' });
    const scheduled = liveSession(streamer.id, { status: 'scheduled' });
    await r.live.insertSession(live);
    await r.live.insertSession(scheduled);
    const ids = (await r.wall.liveSessions(1000)).map((s) => s.id);
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(scheduled.id);
    expect(await r.wall.session(live.id)).toMatchObject({
      id: live.id,
      title: '看板契约直播',
      status: 'live',
      streamerUserId: streamer.id,
    });
    expect(await r.wall.session(uuid())).toBeNull();
    expect(await r.wall.session('not-a-uuid')).toBeNull();

    const buyer = await storedUser(r);
    const paid = [
      order(buyer.id, merchant.id, { sessionId: live.id, status: 'paid', paidAt: min(0, 10), totalFen: 1000 }),
      order(buyer.id, merchant.id, { sessionId: live.id, status: 'paid', paidAt: min(0, 50), totalFen: 2000 }),
      order(buyer.id, merchant.id, { sessionId: live.id, status: 'refunded', paidAt: min(2, 5), totalFen: 500 }),
      order(buyer.id, merchant.id, { sessionId: live.id, status: 'created', paidAt: null, totalFen: 9999 }),
    ];
    // other suites share the database and may have orders paid later than W0: the totals are compared as a difference
    const before = await r.wall.totalsSince(min(0, 30));
    for (const o of paid) await r.orders.insertOrder(o, []);
    const perMinute = await r.wall.paidPerMinute(min(0), min(3));
    expect(perMinute.sort((a, b) => a.minute - b.minute)).toEqual([
      { minute: 0, gmvFen: 3000, orders: 2 },
      { minute: 2, gmvFen: 500, orders: 1 },
    ]);
    expect(await r.wall.paidPerMinute(min(1), min(2))).toEqual([]);
    const after = await r.wall.totalsSince(min(0, 30));
    expect({ gmvFen: after.gmvFen - before.gmvFen, orders: after.orders - before.orders }).toEqual({ gmvFen: 2500, orders: 2 });
    expect(await r.wall.sessionPaid([live.id, scheduled.id], min(1))).toEqual([{ sessionId: live.id, gmvFen: 3500, recentGmvFen: 500 }]);
    expect(await r.wall.sessionPaid([], min(0))).toEqual([]);
  });

  it('counts screening hits per minute and category, a session’s hits by severity, and its events newest first', async () => {
    const r = db.r();
    const source = await storedOrg(r);
    const session = uuid();
    const event = (at: Date, text: string) => ({
      id: uuid(),
      eventId: `e-${uuid()}`,
      sourceOrgId: source.id,
      actorUserId: null,
      senderUserId: null,
      kind: 'transcript' as const,
      text,
      sessionRef: session,
      streamerUserId: null,
      merchantOrgId: null,
      productRef: null,
      productCategory: null,
      card: null,
      decision: 'review' as const,
      hitCount: 2,
      maxSeverity: 4,
      packVersion: 'contract',
      occurredAt: at,
      receivedAt: at,
    });
    const hit = (screeningEventId: string, category: string, severity: number) => ({
      id: uuid(),
      screeningEventId,
      ruleId: `r.${category}`,
      category,
      severity,
      action: 'review',
      start: 0,
      end: 2,
      matched: '降糖',
      normalized: '降糖',
      basis: '广告法',
      via: 'term',
    });
    const e1 = event(min(10, 5), '能降糖');
    const e2 = event(min(11, 5), '全网最低');
    await r.compliance.insertEvent(e1, [hit(e1.id, 'medical_claim', 4), hit(e1.id, 'absolute_claim', 3)] as never);
    await r.compliance.insertEvent(e2, [hit(e2.id, 'medical_claim', 4), hit(e2.id, 'medical_claim', 2)] as never);
    const perMinute = await r.wall.hitsPerMinute(min(10), min(12));
    expect(perMinute.sort((a, b) => a.minute - b.minute || a.category.localeCompare(b.category))).toEqual([
      { minute: 0, category: 'absolute_claim', hits: 1 },
      { minute: 0, category: 'medical_claim', hits: 1 },
      { minute: 1, category: 'medical_claim', hits: 2 },
    ]);
    expect((await r.wall.totalsSince(min(10))).hits).toBe(4);
    const bySeverity = await r.wall.sessionHits([session], min(11));
    expect(bySeverity.sort((a, b) => a.severity - b.severity)).toEqual([
      { sessionId: session, category: 'medical_claim', severity: 2, count: 1 },
      { sessionId: session, category: 'medical_claim', severity: 4, count: 1 },
    ]);
    const events = await r.wall.sessionEvents(session, 10);
    expect(events.map((e) => e.text)).toEqual(['全网最低', '能降糖']);
    expect(events[1]?.hits.map((h) => h.category).sort()).toEqual(['absolute_claim', 'medical_claim']);
    expect(await r.wall.sessionEvents(session, 1)).toHaveLength(1);
    expect(await r.wall.sessionHits([], min(0))).toEqual([]);
  });

  it('names a session’s merchants and its products’ reference prices and price points; empty lists ask nothing', async () => {
    const r = db.r();
    const streamer = await storedUser(r);
    const merchant = await storedOrg(r, { kind: 'merchant' });
    const p = product(merchant.id, { title: '看板契约商品', referencePriceFen: 19_900 });
    await r.catalog.insertProduct(p);
    const k = sku(p.id);
    await r.catalog.insertSku(k);
    await r.catalog.insertPricePoint({ id: uuid(), skuId: k.id, priceFen: 9_900, source: 'list', validFrom: min(-60 * 24), validTo: null });
    const s = liveSession(streamer.id, { status: 'live' });
    await r.live.insertSession(s);
    await r.live.replaceProducts(s.id, [{ sessionId: s.id, productId: p.id, merchantOrgId: merchant.id, agreementId: null, sort: 0 }]);
    expect(await r.wall.sessionMerchants([s.id])).toEqual([{ sessionId: s.id, merchantOrgId: merchant.id }]);
    const prices = await r.wall.sessionPrices([s.id], min(-60 * 24 * 7));
    expect(prices).toEqual([
      {
        sessionId: s.id,
        productId: p.id,
        title: '看板契约商品',
        referencePriceFen: 19_900,
        points: [{ skuId: k.id, priceFen: 9_900, source: 'list', from: min(-60 * 24), to: null }],
        // not a cross-border product: no declaration to compare the room's price with
        crossBorder: null,
      },
    ]);
    expect(await r.wall.sessionReports([s.id])).toEqual([]);
    expect(await r.wall.complaintsAgainst([merchant.id], min(-60))).toEqual(new Map());
    expect(await r.wall.places([])).toEqual([]);
    expect(await r.wall.sessionPrices([], min(0))).toEqual([]);
  });
}
