/**
 * Credit through the API: events recorded by hand move a party's score and tier at once, with every point traced
 * to its event; a party reads its own credit and no one else's; the platform lists parties by tier; bad input is
 * refused field by field with nothing recorded.
 */
import { DEFAULT_MODEL } from '@livehub/credit';
import { clearCredit, createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let admin: TestSession;
let streamer: TestSession;
let merchant: TestSession;
let regulator: TestSession;
let streamerId: string;
let merchantOrg: string;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [admin, streamer, merchant, regulator] = await Promise.all([
    p.login('admin'),
    p.login('streamer'),
    p.login('merchant'),
    p.login('regulator'),
  ]);
  streamerId = streamer.me.user.id;
  merchantOrg = merchant.me.active?.orgId as string;
  await clearCredit(p.c, [streamerId, merchantOrg]);
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('credit', () => {
  it('an administrative penalty lowers the streamer’s compliance and its tier, traced to the event', async () => {
    const before = await p.call(streamer, 'GET', '/api/credit/me');
    expect(before.status).toBe(200);
    const start = before.body.total as number;
    const penalties: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await p.call(admin, 'POST', '/api/credit/events', { partyId: streamerId, kind: 'case.penalty', data: { severity: 3 } });
      expect(r.status).toBe(201);
      penalties.push(r.body.id as string);
    }
    const after = await p.call(streamer, 'GET', '/api/credit/me');
    expect(after.body.total).toBeLessThan(start);
    expect(after.body.tier).toBe('C');
    expect(after.body.measures.map((m: { code: string }) => m.code)).toContain('observation_tag');
    const traced = after.body.contributions.filter((c: { eventId: string }) => penalties.includes(c.eventId));
    expect(traced).toHaveLength(4);
    expect(after.body.tierMoves[0]).toMatchObject({ to: 'C', reason: 'event' });
    const list = await p.call(regulator, 'GET', '/api/credit/parties?tier=C');
    expect(list.body.items.map((x: { partyId: string }) => x.partyId)).toContain(streamerId);
  });

  it('a party reads only its own credit', async () => {
    expect((await p.call(merchant, 'GET', `/api/credit/parties/${streamerId}`)).status).toBe(403);
    expect((await p.call(merchant, 'GET', `/api/credit/parties/${merchantOrg}`)).status).toBe(200);
    expect((await p.call(merchant, 'GET', '/api/credit/parties')).status).toBe(403);
  });

  it('refuses bad events field by field and records nothing', async () => {
    const count = await p.c.uow.read.credit.countEvents();
    const bad = await p.call(admin, 'POST', '/api/credit/events', { partyId: streamerId, kind: 'case.penalty', data: { severity: 9 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'credit.invalid_event', field: 'data.severity' });
    const unknownKind = await p.call(admin, 'POST', '/api/credit/events', { partyId: streamerId, kind: 'order.bribed', data: {} });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.field).toBe('kind');
    const nobody = await p.call(admin, 'POST', '/api/credit/events', {
      partyId: '0190a000-0000-7000-8000-000000000000',
      kind: 'case.penalty',
      data: { severity: 1 },
    });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error).toMatchObject({ code: 'credit.unknown_party', field: 'partyId' });
    expect(await p.c.uow.read.credit.countEvents()).toBe(count);
  });

  it('publishing a model version re-scores everyone under it; a model that does not validate changes nothing', async () => {
    const events = await p.c.uow.read.credit.countEvents();
    const bad = structuredClone(DEFAULT_MODEL) as unknown as Record<string, unknown> & typeof DEFAULT_MODEL;
    bad.version = '2026.12-bad';
    bad.changelog = [...bad.changelog, { version: '2026.12-bad', date: '2026-12-04', zh: '坏', en: 'bad' }];
    bad.dimensions.merchant[0]!.weightBp += 100;
    const refused = await p.call(admin, 'POST', '/api/credit/models', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'credit.invalid_model', field: 'dimensions.merchant' });
    expect((await p.call(admin, 'POST', '/api/credit/models', { version: 1 })).status).toBe(400);
    expect(p.c.credit.model.version).toBe(DEFAULT_MODEL.version);

    // a stricter model: case penalties weigh double, so the streamer (four penalties) falls further
    const before = (await p.call(streamer, 'GET', '/api/credit/me')).body;
    const next = structuredClone(DEFAULT_MODEL);
    next.version = '2026.12-2';
    next.changelog = [
      ...next.changelog,
      { version: '2026.12-2', date: '2026-12-04', zh: '行政处罚扣分加倍。', en: 'Administrative penalties weigh double.' },
    ];
    next.rules['case.penalty'].points *= 2;
    expect((await p.call(streamer, 'POST', '/api/credit/models', next)).status).toBe(403);
    const published = await p.call(admin, 'POST', '/api/credit/models', next);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: '2026.12-2' });
    const after = (await p.call(streamer, 'GET', '/api/credit/me')).body;
    expect(after.modelVersion).toBe('2026.12-2');
    expect(after.total).toBeLessThan(before.total);
    const stored = await p.c.uow.read.credit.score(streamerId);
    expect(stored?.modelVersion).toBe('2026.12-2');
    const versions = await p.call(regulator, 'GET', '/api/credit/models');
    expect(versions.body[0]).toMatchObject({ version: '2026.12-2', zh: '行政处罚扣分加倍。' });
    expect((await p.c.uow.read.audit.list({ limit: 10, action: 'credit.model_publish' })).length).toBe(1);
    expect(await p.c.uow.read.credit.countEvents()).toBe(events);
  });
});
