/**
 * 人货匹配 through HTTP on the demo district, on PGlite and PostgreSQL: the demo streamer sees recommendations with
 * reasons in Chinese; a product it may not sell (a drug without the licence) is absent and "why not" says why; the
 * non-personalised ranking is offered and can be chosen; impressions and clicks are stored; the merchant finds
 * streamers for its product and invites one (a targeted plan through the plan service); retraining stores a model
 * version that every process loads, the tick retrains at the quiet hour (China time) given enough new interactions,
 * audited as system; the base sees the activity and the model's version; parties the caller may not see answer 404, bad input 400 with the field.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
type ModelStatus = {
  latest: null | {
    version: number;
    trigger: string;
    trainedAt: string;
    interactions: number;
    newInteractions: number;
    pairs: number;
    dim: number;
  };
  loadedVersion: number | null;
  schedule: { intervalHours: number; quietHourCst: number; minNewInteractions: number };
  nextRetrainAt: string | null;
};

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
  p = await createTestPlatform({
    seed: true,
    clock,
    env: { LIVEHUB_MATCHING_RETRAIN_HOURS: '24', LIVEHUB_MATCHING_RETRAIN_HOUR: '3', LIVEHUB_MATCHING_RETRAIN_MIN_EVENTS: '3' },
  });
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

  it('retrain stores version 1, the lists then use it; the admin and the base see its version and counts', async () => {
    const before = (await p.call(admin, 'GET', '/api/matching/model')).body as ModelStatus;
    expect(before).toMatchObject({ latest: null, loadedVersion: null, schedule: { intervalHours: 24, quietHourCst: 3 } });
    clock.advance(60_000);
    const t = await p.call(admin, 'POST', '/api/matching/model/retrain', {});
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const m = t.body as NonNullable<ModelStatus['latest']>;
    expect(m).toMatchObject({ version: 1, trigger: 'manual' });
    expect(m.interactions).toBeGreaterThan(0);
    expect(m.newInteractions).toBe(m.interactions);
    const seen = await p.call(await p.login('base'), 'GET', '/api/matching/model');
    expect(seen.status).toBe(200);
    const st = seen.body as ModelStatus;
    expect(st.latest).toMatchObject({ version: 1, trigger: 'manual', pairs: m.pairs });
    expect(st.loadedVersion).toBe(1);
    // the next nightly run: 03:00 China time = 19:00 UTC
    expect(new Date(st.nextRetrainAt as string).getUTCHours()).toBe(19);
    const stored = (await p.c.database.exec(`select version, trigger, octet_length(factors)::int as n from match_models`)) as Array<{
      version: number;
      n: number;
    }>;
    expect(stored.map((r) => Number(r.version))).toEqual([1]);
    expect(Number(stored[0]?.n)).toBeGreaterThan(0);
    const body = (await recs(streamer, 'k=5')).body as Recs;
    expect(body.learned).toBe(true);
    expect(body.items.map((i) => i.productId)).not.toContain(drugId);
  });

  it('a version stored by another process is loaded when announced (pub/sub) and on the tick', async () => {
    // another process stores version 2 (a copy of 1) and announces it
    await p.c.database.exec(
      `insert into match_models select version + 1, trained_at, trigger, streamers, products, interactions, pairs, new_interactions, dim, factors from match_models where version = 1`,
    );
    await p.c.kv.pubsub.publish('matching:model', '1');
    for (let i = 0; i < 100 && p.c.matching.modelInfo()?.version !== 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(p.c.matching.modelInfo()?.version).toBe(2);
    await p.c.database.exec(
      `insert into match_models select version + 1, trained_at, trigger, streamers, products, interactions, pairs, new_interactions, dim, factors from match_models where version = 2`,
    );
    await p.c.tick();
    expect(p.c.matching.modelInfo()?.version).toBe(3);
  });

  it('the tick retrains at the quiet hour given enough new interactions, as system, once; too few: it waits a night', async () => {
    const tickRetrained = async () => ((await p.c.tick()) as { matchingRetrained: number }).matchingRetrained;
    // not yet the quiet hour after the last training
    expect(await tickRetrained()).toBe(0);
    const status = async () => (await p.call(admin, 'GET', '/api/matching/model')).body as ModelStatus;
    // the night comes with too few new interactions (one click): nothing trained
    clock.advance(1000);
    const list = (await recs(admin, 'k=3')).body as Recs; // the admin looking stores no impressions
    await p.call(streamer, 'POST', '/api/matching/clicks', { productId: list.items[0]?.productId, personalised: true });
    clock.set(new Date((await status()).nextRetrainAt as string));
    expect(await tickRetrained()).toBe(0);
    expect((await status()).latest?.version).toBe(3);
    // the next night, with the streamer's list seen (impressions) and clicks: trained by the system
    clock.set(new Date(clock.now().getTime() + 24 * 3_600_000));
    const seen = (await recs(streamer, 'k=5')).body as Recs;
    for (const it of seen.items.slice(0, 2))
      await p.call(streamer, 'POST', '/api/matching/clicks', { productId: it.productId, personalised: true });
    clock.advance(1000);
    expect(await tickRetrained()).toBe(1);
    const after = await status();
    expect(after.latest).toMatchObject({ version: 4, trigger: 'schedule' });
    expect(after.latest?.newInteractions).toBeGreaterThanOrEqual(3);
    expect(after.loadedVersion).toBe(4);
    const audit = (await p.c.database.exec(
      `select actor_label, target_id from audit_log where action = 'matching.retrain' order by seq`,
    )) as Array<{ actor_label: string; target_id: string }>;
    expect(audit.map((a) => a.target_id)).toEqual(['1', '4']);
    expect(audit[1]?.actor_label).toBe('system');
    // once a night: the next tick does nothing; only the newest three versions are kept
    expect(await tickRetrained()).toBe(0);
    const versions = (await p.c.database.exec(`select version from match_models order by version`)) as Array<{ version: number }>;
    expect(versions.map((v) => Number(v.version))).toEqual([2, 3, 4]);
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

// The stored audience — fed by verified viewers' joins, and the minors rule it drives — is audience.int.test.ts.
