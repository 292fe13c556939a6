/**
 * 观众画像 through HTTP and the live room on the demo district, on PGlite and PostgreSQL + Redis: the seeded verified
 * consumers' joins produced the demo streamer's aggregate (no insert into `match_audiences` anywhere); a consumer's
 * real-name verification keeps its birth year and gender only (bad ID, no consent, under 14: 400 with the field;
 * withdrawal deletes it); verified viewers joining a live room over WebSocket add their band, gender and province
 * once per session (a re-join is not counted again), an unverified viewer adds a viewer and nothing else, a guest and
 * the streamer add nothing; with minors among the viewers an adult-only product leaves 为你推荐 and why-not says so.
 */
import { createTestPlatform, RoomTestClient, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerIdNumber } from '../seed/seed-audience.ts';

let p: TestPlatform;
let base: string;
let streamer: TestSession;
let streamerId: string;
let sessionId: string;
let adultOnlyId: string;

type Counts = {
  viewers: number;
  female: number;
  male: number;
  under18: number;
  age18_24: number;
  age25_34: number;
  age35_44: number;
  age45plus: number;
  regions: Record<string, number>;
};

const counts = async (): Promise<Counts> => {
  const [r] = (await p.c.database.exec(
    `select viewers, female, male, under18, age18_24, age25_34, age35_44, age45plus, regions from match_audiences where streamer_user_id = '${streamerId}'`,
  )) as Array<Record<string, unknown>>;
  const n = (k: string) => Number(r?.[k] ?? 0);
  const regions = typeof r?.regions === 'string' ? JSON.parse(r.regions) : (r?.regions ?? {});
  return {
    viewers: n('viewers'),
    female: n('female'),
    male: n('male'),
    under18: n('under18'),
    age18_24: n('age18_24'),
    age25_34: n('age25_34'),
    age35_44: n('age35_44'),
    age45plus: n('age45plus'),
    regions,
  };
};

const year = () => Number(new Date(p.c.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

/** Joins the live room as `who` (null: signed out), waits for the welcome, and leaves; the count is awaited. */
async function visit(who: TestSession | null): Promise<void> {
  const client = new RoomTestClient(base, sessionId, who);
  await client.open;
  await client.next((f) => f.t === 'welcome');
  client.ws.close();
  await p.c.audience.idle();
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  base = await p.app.listen({ port: 0, host: '127.0.0.1' });
  streamer = await p.login('streamer');
  streamerId = streamer.me.user.id;
  const agreements = (await p.call(streamer, 'GET', '/api/agreements?status=in_force')).body;
  const products = agreements[0].versions[0].terms.products.map((x: { productId: string }) => x.productId);
  const created = await p.call(streamer, 'POST', '/api/live/sessions', {
    title: '观众画像测试',
    scheduledAt: new Date().toISOString(),
    productIds: products,
  });
  sessionId = created.body.session.id;
  expect((await p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`)).status).toBe(200);
  // a pool product whose category is screened as alcohol: adult-only
  const [row] = (await p.c.database.exec(
    `select p.id, p.category_id from products p join selection_plans pl on pl.product_id = p.id
     where pl.status = 'active' and pl.type = 'open' and p.status = 'approved' order by p.id limit 1`,
  )) as Array<{ id: string; category_id: string }>;
  adultOnlyId = (row as { id: string }).id;
  await p.c.database.exec(`update categories set screen_as = 'alcohol' where id = '${row?.category_id}'`);
});
afterAll(async () => p?.close());

const whyNot = async () =>
  (await p.call(streamer, 'GET', `/api/matching/streamers/${streamerId}/why-not?productId=${adultOnlyId}`)).body as {
    allowed: boolean;
    reasons: Array<{ code: string; zh: string }>;
  };
const recommended = async () =>
  (
    (await p.call(streamer, 'GET', `/api/matching/streamers/${streamerId}/recommendations?k=50`)).body as {
      items: Array<{ productId: string; reasons: Array<{ code: string; zh: string }> }>;
    }
  ).items;

describe('the seeded audience', () => {
  it('thirty verified demo consumers joined the demo session: counts by band, gender and province, no per-viewer row', async () => {
    const c = await counts();
    expect(c).toMatchObject({ viewers: 30, female: 24, male: 6, under18: 1, age18_24: 8, age25_34: 14, age35_44: 5, age45plus: 2 });
    expect(Object.values(c.regions).reduce((a, b) => a + b, 0)).toBe(30);
    expect(c.regions['310000']).toBeGreaterThan(0);
    // the stored verification holds no ID number, sealed or not, and no name
    const cols = (await p.c.database.exec(
      `select column_name from information_schema.columns where table_name = 'consumer_profiles' order by column_name`,
    )) as Array<{ column_name: string }>;
    expect(cols.map((x) => x.column_name)).toEqual(['birth_year', 'consented_at', 'gender', 'updated_at', 'user_id']);
  });

  it('the products’ buyer profiles meet the viewers: 粉丝女性占80%，与该商品受众一致 is said; 3% 未成年 rules nothing out', async () => {
    const items = await recommended();
    const said = items.flatMap((i) => i.reasons).find((r) => r.code === 'audience_gender');
    expect(said?.zh).toBe('粉丝女性占80%，与该商品受众一致');
    expect((await whyNot()).reasons.map((r) => r.code)).not.toContain('audience_restricted');
  });
});

describe('实名认证 for the audience', () => {
  it('keeps the band and gender only; refuses a bad number, no consent and under 14 with the field; withdrawal deletes it', async () => {
    const me = await p.login('consumer_00040');
    expect((await p.call(me, 'GET', '/api/audience/verification')).body).toMatchObject({ verified: false, ageBand: null });
    const bad = await p.call(me, 'PUT', '/api/audience/verification', { name: '陈观众', idNumber: '310101199001011235', consent: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('idNumber');
    const noConsent = await p.call(me, 'PUT', '/api/audience/verification', {
      name: '陈观众',
      idNumber: viewerIdNumber(40, 1990, 'male'),
      consent: false,
    });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.field).toBe('consent');
    const child = await p.call(me, 'PUT', '/api/audience/verification', {
      name: '陈观众',
      idNumber: viewerIdNumber(40, year() - 10, 'male'),
      consent: true,
    });
    expect(child.status).toBe(400);
    expect(child.body.error).toMatchObject({ code: 'matching.verification_under_14', field: 'idNumber' });
    const ok = await p.call(me, 'PUT', '/api/audience/verification', {
      name: '陈观众',
      idNumber: viewerIdNumber(40, year() - 30, 'male'),
      consent: true,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ verified: true, ageBand: 'age25_34', ageBandName: '25–34岁', gender: 'male' });
    const audited = (await p.c.database.exec(
      `select detail::text as d from audit_log where action = 'consumer.verify' and target_id = '${me.me.user.id}'`,
    )) as Array<{ d: string }>;
    expect(audited).toHaveLength(1);
    expect(audited[0]?.d).not.toMatch(/\d{17}/);
    const gone = await p.call(me, 'DELETE', '/api/audience/verification');
    expect(gone.body).toMatchObject({ verified: false });
    expect(await p.c.database.exec(`select 1 from consumer_profiles where user_id = '${me.me.user.id}'`)).toHaveLength(0);
    expect((await p.call(null, 'GET', '/api/audience/verification')).status).toBe(401);
  });
});

describe('joining a live room feeds the aggregate', () => {
  it('verified minors join once each (a re-join is not counted), and the adult-only product leaves 为你推荐 with the reason', async () => {
    const before = await counts();
    const minors: TestSession[] = [];
    for (const [i, name] of ['consumer_00041', 'consumer_00042'].entries()) {
      const s = await p.login(name);
      const r = await p.call(s, 'PUT', '/api/audience/verification', {
        name: '陈观众',
        idNumber: viewerIdNumber(41 + i, year() - 16, 'female'),
        consent: true,
      });
      expect(r.body).toMatchObject({ ageBand: 'under18', ageBandName: '未成年' });
      minors.push(s);
    }
    for (const s of minors) await visit(s);
    await visit(minors[0] as TestSession); // the same viewer again, same session
    const after = await counts();
    expect(after.viewers - before.viewers).toBe(2);
    expect(after.female - before.female).toBe(2);
    expect(after.under18 - before.under18).toBe(2);
    expect(after.male).toBe(before.male);
    // 3 of 32 viewers of known age are minors (9%) — at least 5%: the adult-only product is never recommended
    expect((await recommended()).map((i) => i.productId)).not.toContain(adultOnlyId);
    const w = await whyNot();
    expect(w.allowed).toBe(false);
    expect(w.reasons.find((r) => r.code === 'audience_restricted')?.zh).toBe('该商品限成年人购买，而您的观众中未成年人占9%');
  });

  it('an unverified viewer adds a viewer and no gender, age or province; a guest and the streamer add nothing', async () => {
    const before = await counts();
    await visit(await p.login('consumer_00050'));
    const after = await counts();
    expect(after.viewers).toBe(before.viewers + 1);
    expect({ ...after, viewers: 0 }).toEqual({ ...before, viewers: 0 });
    await visit(null);
    await visit(streamer);
    expect(await counts()).toEqual(after);
  });
});
