/**
 * 人货匹配 through HTTP on the demo district, on PGlite and PostgreSQL: the demo streamer sees recommendations with
 * reasons in Chinese; a product it may not sell (a drug without the licence) is absent and "why not" says why; the
 * non-personalised ranking is offered and can be chosen; impressions and clicks are stored; the merchant finds
 * streamers for its product and invites one (a targeted plan through the plan service); retraining keeps a model;
 * the base sees the activity; parties the caller may not see answer 404, bad input 400 with the field.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let streamer: TestSession;
let merchant: TestSession;
let admin: TestSession;
let streamerId: string;
let drugId: string;
let ownProductId: string;
let otherProductId: string;

type Recs = {
  personalised: boolean;
  learned: boolean;
  items: Array<{ productId: string; title: string; categoryName: string; score: number; reasons: Array<{ code: string; zh: string }> }>;
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [streamer, merchant, admin] = await Promise.all([p.login('streamer'), p.login('merchant'), p.login('admin')]);
  streamerId = streamer.me.user.id;
  const merchantOrg = merchant.me.active?.orgId as string;
  const pool = (await p.c.database.exec(
    `select distinct p.id, p.merchant_org_id from products p join selection_plans pl on pl.product_id = p.id
     where pl.status = 'active' and pl.type = 'open' and p.status = 'approved' order by p.id`,
  )) as Array<{ id: string; merchant_org_id: string }>;
  ownProductId = (pool.find((r) => r.merchant_org_id === merchantOrg) as { id: string }).id;
  const others = pool.filter((r) => r.merchant_org_id !== merchantOrg);
  otherProductId = (others[0] as { id: string }).id;
  // one pool product becomes a drug (非处方药): the demo streamer holds no medical licence
  drugId = (others[1] as { id: string }).id;
  await p.c.database.exec(`update products set category_id = 'drug.otc' where id = '${drugId}'`);
});
afterAll(async () => p?.close());

const recs = async (s: TestSession, q = 'k=50', who = streamerId) =>
  p.call(s, 'GET', `/api/matching/streamers/${who}/recommendations?${q}`);

describe('为你推荐 and why not', () => {
  it('the demo streamer sees recommendations with reasons in Chinese; the drug is never among them', async () => {
    const r = await recs(streamer);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const body = r.body as Recs;
    expect(body.personalised).toBe(true);
    expect(body.items.length).toBeGreaterThan(3);
    for (const it of body.items) {
      expect(it.title).not.toBe('');
      for (const reason of it.reasons) expect(reason.zh).not.toMatch(/「[a-z_.]+」/);
    }
    // the strongest ones say why in words (a weak tail may have nothing notable to say)
    for (const it of body.items.slice(0, 5)) expect(it.reasons.length, it.title).toBeGreaterThan(0);
    expect(body.items.map((i) => i.productId)).not.toContain(drugId);
    // the demo streamer sells apparel: its list starts with what it sells
    expect(body.items[0]?.categoryName).toBe('服饰鞋包');
  });

  it('why not: the drug needs a licence the streamer lacks; an allowed product has no reason', async () => {
    const w = await p.call(streamer, 'GET', `/api/matching/streamers/${streamerId}/why-not?productId=${drugId}`);
    expect(w.status).toBe(200);
    const body = w.body as { allowed: boolean; reasons: Array<{ code: string; zh: string }> };
    expect(body.allowed).toBe(false);
    expect(body.reasons).toContainEqual(expect.objectContaining({ code: 'licence_missing', zh: '缺少该类目所需资质：医疗卫生职业资格' }));
    const ok = await p.call(streamer, 'GET', `/api/matching/streamers/${streamerId}/why-not?productId=${otherProductId}`);
    expect(ok.body).toMatchObject({ allowed: true, reasons: [] });
  });

  it('the non-personalised ranking: asked for, or chosen as a preference', async () => {
    const np = (await recs(streamer, 'k=10&personalised=false')).body as Recs;
    expect(np.personalised).toBe(false);
    for (const it of np.items) expect(it.reasons.map((r) => r.code)).toContain('not_personalised');
    expect((await p.call(streamer, 'PUT', '/api/matching/preference', { personalised: false })).status).toBe(200);
    expect(((await recs(streamer, 'k=5')).body as Recs).personalised).toBe(false);
    expect((await p.call(streamer, 'GET', '/api/matching/preference')).body).toEqual({ personalised: false });
    await p.call(streamer, 'PUT', '/api/matching/preference', { personalised: true });
    expect(((await recs(streamer, 'k=5')).body as Recs).personalised).toBe(true);
  });

  it('impressions are stored when the streamer sees its list, clicks when it opens one', async () => {
    const before = (await p.c.database.exec(`select count(*)::int as n from match_events where kind = 'impression'`)) as Array<{
      n: number;
    }>;
    const list = (await recs(streamer, 'k=3')).body as Recs;
    const after = (await p.c.database.exec(`select count(*)::int as n from match_events where kind = 'impression'`)) as Array<{
      n: number;
    }>;
    expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(list.items.length);
    const c = await p.call(streamer, 'POST', '/api/matching/clicks', { productId: list.items[0]?.productId, personalised: true });
    expect(c.status).toBe(204);
    const clicks = (await p.c.database.exec(`select count(*)::int as n from match_events where kind = 'click'`)) as Array<{ n: number }>;
    expect(Number(clicks[0]?.n)).toBe(1);
  });

  it('retrain keeps a model in this process; the lists then use it', async () => {
    expect((await p.call(admin, 'GET', '/api/matching/model')).body).toBeNull();
    const t = await p.call(admin, 'POST', '/api/matching/model/retrain', {});
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect((t.body as { interactions: number }).interactions).toBeGreaterThan(0);
    const body = (await recs(streamer, 'k=5')).body as Recs;
    expect(body.learned).toBe(true);
    expect(body.items.map((i) => i.productId)).not.toContain(drugId);
  });
});

describe('找达人 and the invitation', () => {
  it('the merchant finds streamers for its product and invites one: a targeted plan names them', async () => {
    const r = await p.call(merchant, 'GET', `/api/matching/products/${ownProductId}/streamers?k=10`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const body = r.body as {
      inPool: boolean;
      items: Array<{ streamerUserId: string; displayName: string; reasons: Array<{ zh: string }> }>;
    };
    expect(body.inPool).toBe(true);
    // the reasons speak of the streamer to the merchant (该主播…), not to the streamer (您…)
    expect(body.items.flatMap((i) => i.reasons).some((x) => x.zh.includes('该主播'))).toBe(true);
    for (const i of body.items) for (const x of i.reasons) expect(x.zh).not.toContain('您');
    const me = body.items.find((i) => i.streamerUserId === streamerId);
    expect(me?.displayName).not.toBe('');
    const now = Date.now();
    const plan = await p.call(merchant, 'POST', '/api/selection/plans', {
      productId: ownProductId,
      type: 'targeted',
      commissionBp: 2500,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 30 * 86_400_000).toISOString(),
      partners: [{ kind: 'streamer', id: streamerId }],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const plans = (await p.call(merchant, 'GET', `/api/selection/plans?productId=${ownProductId}`)).body as Array<{
      type: string;
      partners: Array<{ id: string }>;
    }>;
    expect(plans.some((x) => x.type === 'targeted' && x.partners.some((pt) => pt.id === streamerId))).toBe(true);
    const base = await p.login('base');
    const activity = await p.call(base, 'GET', '/api/matching/activity');
    expect(activity.status).toBe(200);
    const row = (activity.body as Array<{ streamerUserId: string; invitations: number; impressions: number }>).find(
      (x) => x.streamerUserId === streamerId,
    );
    expect(row?.invitations).toBeGreaterThanOrEqual(1);
    expect(row?.impressions).toBeGreaterThan(0);
  });
});

describe('access and bad input', () => {
  it('another streamer, another merchant: 404; the MCN and the admin see the streamer', async () => {
    const colleague = await p.login('streamer_0001');
    expect((await recs(colleague)).status).toBe(404);
    expect((await p.call(colleague, 'GET', `/api/matching/streamers/${streamerId}/why-not?productId=${drugId}`)).status).toBe(404);
    expect((await recs(merchant)).status).toBe(403);
    expect((await recs(await p.login('mcn'))).status).toBe(200);
    expect((await recs(admin)).status).toBe(200);
    const other = await p.call(merchant, 'GET', `/api/matching/products/${otherProductId}/streamers`);
    expect(other.status).toBe(404);
    expect((await p.call(admin, 'GET', `/api/matching/products/${otherProductId}/streamers`)).status).toBe(200);
    expect((await p.call(streamer, 'POST', '/api/matching/model/retrain', {})).status).toBe(403);
  });

  it('bad input is refused with the field', async () => {
    const k = await recs(streamer, 'k=0');
    expect(k.status).toBe(400);
    expect(JSON.stringify(k.body)).toContain('k');
    const w = await p.call(streamer, 'GET', `/api/matching/streamers/${streamerId}/why-not?productId=nope`);
    expect(w.status).toBe(400);
    expect((w.body as { error: { field?: string } }).error.field).toBe('productId');
    expect((await p.call(streamer, 'PUT', '/api/matching/preference', { personalised: 'yes' })).status).toBe(400);
    const unknown = await p.call(
      streamer,
      'GET',
      `/api/matching/streamers/${streamerId}/why-not?productId=00000000-0000-7000-8000-000000000000`,
    );
    expect(unknown.status).toBe(404);
  });
});
