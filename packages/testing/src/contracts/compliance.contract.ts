/**
 * Contract cases of the compliance port (技术+人工实时审核): a screened event kept once per sender, repeats grouped
 * on one open review item, decisions taken only from the expected status, the queue's filters, violations per
 * subject, the evidence chain and rule exemptions.
 */
import { expect, it } from 'vitest';
import { at, type ContractDb, liveSession, org, product, type Row, storedOrg, storedUser, T0, uuid } from './fixtures.ts';

type Event = Row<'compliance', 'insertEvent'>;

function event(sourceOrgId: string, over: Partial<Event> = {}): Event {
  return {
    id: uuid(),
    eventId: `e-${uuid()}`,
    sourceOrgId,
    actorUserId: null,
    senderUserId: null,
    kind: 'transcript',
    text: '全网最低价，绝对有效',
    sessionRef: null,
    streamerUserId: null,
    merchantOrgId: null,
    productRef: null,
    productCategory: null,
    card: null,
    decision: 'review',
    hitCount: 1,
    maxSeverity: 3,
    packVersion: 'contract',
    occurredAt: T0,
    receivedAt: T0,
    ...over,
  };
}

function hit(screeningEventId: string) {
  return {
    id: uuid(),
    screeningEventId,
    ruleId: 'absolute.lowest',
    category: 'absolute_claim' as const,
    severity: 3,
    action: 'review' as const,
    start: 0,
    end: 5,
    matched: '全网最低价',
    normalized: '全网最低价',
    basis: '广告法第九条',
    via: 'term' as const,
  };
}

function item(e: Event, over: Partial<Row<'compliance', 'openOrGroupReviewItem'>> = {}): Row<'compliance', 'openOrGroupReviewItem'> {
  return {
    id: uuid(),
    screeningEventId: e.id,
    status: 'open',
    severity: 3,
    categories: ['absolute_claim'],
    dueAt: at(1),
    claimedBy: null,
    claimedAt: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    createdAt: e.receivedAt,
    groupKey: null,
    occurrences: 1,
    firstSeenAt: e.occurredAt,
    lastSeenAt: e.occurredAt,
    ...over,
  };
}

export function complianceCases(db: ContractDb): void {
  it('keeps a screened event once per sender and event id, with its hits, and a session’s context newest first', async () => {
    const r = db.r();
    const [a, b] = [org(), org()];
    await r.orgs.insertMany([a, b]);
    const session = `s-${uuid()}`;
    const e1 = event(a.id, { sessionRef: session, occurredAt: at(1) });
    const h = hit(e1.id);
    expect(await r.compliance.insertEvent(e1, [h])).toBe(true);
    expect(await r.compliance.insertEvent({ ...e1, id: uuid(), text: '重放' }, [])).toBe(false);
    expect(await r.compliance.insertEvent(event(b.id, { eventId: e1.eventId }), [])).toBe(true);
    const found = await r.compliance.findEvent(a.id, e1.eventId);
    expect(found?.event).toEqual(e1);
    expect(found?.hits).toEqual([h]);
    expect(await r.compliance.findEvent(a.id, 'nope')).toBeNull();
    const e2 = event(a.id, { sessionRef: session, occurredAt: at(2) });
    await r.compliance.insertEvent(e2, []);
    expect((await r.compliance.sessionContext(session, at(3), 10)).map((e) => e.id)).toEqual([e2.id, e1.id]);
    expect((await r.compliance.sessionContext(session, at(2), 10)).map((e) => e.id)).toEqual([e1.id]);
  });

  it('groups repeats on the one open review item of a group key, and a decided item no longer groups', async () => {
    const r = db.r();
    const o = await storedOrg(r);
    const key = `g-${uuid()}`;
    const [e1, e2, e3] = [event(o.id, { occurredAt: at(1) }), event(o.id, { occurredAt: at(3) }), event(o.id, { occurredAt: at(2) })];
    for (const e of [e1, e2, e3]) await r.compliance.insertEvent(e, [hit(e.id)]);
    const first = await r.compliance.openOrGroupReviewItem(item(e1, { groupKey: key }), e1.occurredAt);
    expect(first.grouped).toBe(false);
    expect(await r.compliance.openOrGroupReviewItem(item(e2, { groupKey: key }), e2.occurredAt)).toEqual({ id: first.id, grouped: true });
    expect(await r.compliance.openOrGroupReviewItem(item(e3, { groupKey: key }), e3.occurredAt)).toEqual({ id: first.id, grouped: true });
    const view = await r.compliance.findReviewItem(first.id);
    expect(view).toMatchObject({ occurrences: 3, firstSeenAt: at(1), lastSeenAt: at(3), screeningEventId: e1.id });
    expect(view?.event.id).toBe(e1.id);
    expect(view?.hits.map((x) => x.screeningEventId)).toEqual([e1.id]);
    expect((await r.compliance.listOccurrences(first.id, 10)).map((x) => x.screeningEventId)).toEqual([e1.id, e3.id, e2.id]);
    expect((await r.compliance.findReviewItemForEvent(e2.id))?.id).toBe(first.id);
    expect(await r.compliance.findReviewItemForEvent(uuid())).toBeNull();
    // decided only from the status expected
    expect(await r.compliance.updateReviewItem(first.id, ['open'], { status: 'claimed', claimedBy: null, claimedAt: at(4) })).toBe(true);
    expect(await r.compliance.updateReviewItem(first.id, ['open'], { status: 'dismissed' })).toBe(false);
    expect(await r.compliance.updateReviewItem(first.id, ['claimed'], { status: 'dismissed', decidedAt: at(5), reason: '误报' })).toBe(
      true,
    );
    const e4 = event(o.id, { occurredAt: at(6) });
    await r.compliance.insertEvent(e4, []);
    const next = await r.compliance.openOrGroupReviewItem(item(e4, { groupKey: key }), e4.occurredAt);
    expect(next.grouped).toBe(false);
    expect(next.id).not.toBe(first.id);
  });

  it('lists the review queue by due time with its filters, and counts it by status', async () => {
    const r = db.r();
    const o = await storedOrg(r);
    const before = await r.compliance.countReviewItems(['open']);
    const [e1, e2] = [event(o.id), event(o.id)];
    for (const e of [e1, e2]) await r.compliance.insertEvent(e, [hit(e.id)]);
    const late = item(e1, { dueAt: at(-1), severity: 5, categories: ['medical_claim'], createdAt: at(-2) });
    const early = item(e2, { dueAt: at(-3), severity: 2, createdAt: at(-4) });
    await r.compliance.openOrGroupReviewItem(late, e1.occurredAt);
    await r.compliance.openOrGroupReviewItem(early, e2.occurredAt);
    expect(await r.compliance.countReviewItems(['open'])).toBe(before + 2);
    const ids = await r.compliance.listReviewItemIds({ status: ['open'], createdBefore: at(-2), limit: 1000 });
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
    expect(ids.indexOf(early.id)).toBeGreaterThanOrEqual(0);
    expect(await r.compliance.listReviewItemIds({ status: ['open'], createdBefore: at(-3), limit: 1000 })).not.toContain(late.id);
    const medical = await r.compliance.listReviewItems({ category: 'medical_claim', minSeverity: 4, limit: 1000 });
    expect(medical.map((x) => x.id)).toContain(late.id);
    expect(medical.map((x) => x.id)).not.toContain(early.id);
    expect((await r.compliance.lockReviewItems([late.id, early.id])).map((x) => x.id).sort()).toEqual([late.id, early.id].sort());
    expect(await r.compliance.lockReviewItems([])).toEqual([]);
  });

  it('looks names up by kind in one call, leaving unknown ids out', async () => {
    const r = db.r();
    const o = await storedOrg(r, { name: '名字测试商家' });
    const u = await storedUser(r, { displayName: '名字测试主播' });
    const p = product(o.id, { title: '名字测试商品' });
    await r.catalog.insertProduct(p);
    const s = liveSession(u.id, { title: '名字测试直播' });
    await r.live.insertSession(s);
    const names = await r.compliance.lookupNames({ users: [u.id, uuid()], orgs: [o.id], sessions: [s.id, 'not-a-uuid'], products: [p.id] });
    expect(names.users).toEqual(new Map([[u.id, '名字测试主播']]));
    expect(names.orgs).toEqual(new Map([[o.id, '名字测试商家']]));
    expect(names.sessions).toEqual(new Map([[s.id, { title: '名字测试直播', streamerUserId: u.id }]]));
    expect(names.products).toEqual(new Map([[p.id, '名字测试商品']]));
  });

  it('keeps violations per subject with their evidence hash, and chains evidence in order', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const u = await storedUser(r);
    const e = event(m.id, { merchantOrgId: m.id, streamerUserId: u.id });
    await r.compliance.insertEvent(e, [hit(e.id)]);
    const it1 = item(e);
    await r.compliance.openOrGroupReviewItem(it1, e.occurredAt);
    const before = await r.compliance.countViolations();
    const v: Row<'compliance', 'insertViolation'> = {
      id: uuid(),
      reviewItemId: it1.id,
      screeningEventId: e.id,
      ruleIds: ['absolute.lowest'],
      categories: ['absolute_claim'],
      severity: 3,
      streamerUserId: u.id,
      merchantOrgId: m.id,
      productRef: null,
      sessionRef: null,
      confirmedBy: u.id,
      confirmedAt: at(2),
      reason: '确认违规',
    };
    await r.compliance.insertViolation(v);
    expect(await r.compliance.countViolations()).toBe(before + 1);
    await db.uow().transaction(async (tx) => {
      const head = await tx.compliance.lockEvidenceHead();
      const seq = (head?.seq ?? 0) + 1;
      await tx.compliance.insertEvidence({
        seq,
        id: uuid(),
        violationId: v.id,
        content: { 文本: e.text },
        contentHash: 'ch',
        prevHash: head?.hash ?? '0',
        hash: `ev${seq}`,
        createdAt: at(2),
        retainUntil: at(24 * 365 * 3),
      });
    });
    const [listed] = await r.compliance.listViolations({ merchantOrgIds: [m.id], limit: 10 });
    expect(listed).toMatchObject({ id: v.id, text: e.text, kind: 'transcript' });
    expect(listed?.evidenceHash).toMatch(/^ev\d+$/);
    expect((await r.compliance.listViolations({ streamerUserId: u.id, limit: 10 })).map((x) => x.id)).toEqual([v.id]);
    expect(await r.compliance.listViolations({ merchantOrgIds: [], limit: 10 })).toEqual([]);
    expect(await r.compliance.violationsFor({ merchantOrgId: m.id }, at(1))).toEqual([{ severity: 3, confirmedAt: at(2) }]);
    expect(await r.compliance.violationsFor({ streamerUserId: u.id }, at(3))).toEqual([]);
    expect(await r.compliance.violationsFor({}, T0)).toEqual([]);
    const chain = await r.compliance.scanEvidence(0, 100_000);
    expect(chain.map((x) => x.seq)).toEqual(chain.map((_, i) => i + 1));
    expect(chain.at(-1)?.violationId).toBe(v.id);
  });

  it('keeps one rule exemption per rule and text', async () => {
    const r = db.r();
    const u = await storedUser(r);
    const x = { id: uuid(), ruleId: 'absolute.lowest', text: `豁免${uuid()}`, reviewItemId: null, createdBy: u.id, createdAt: T0 };
    await r.compliance.insertExemption(x);
    expect((await r.compliance.listExemptions()).filter((y) => y.text === x.text)).toEqual([x]);
    await expect(r.compliance.insertExemption({ ...x, id: uuid() })).rejects.toThrow();
  });
}
