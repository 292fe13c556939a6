/**
 * Appeals (申诉) through the approval engine, signed credit reports and the public credit query, through the API:
 * an upheld appeal voids the event and restores the tier (tier move reason `appeal`, the event still listed), a
 * rejected one changes nothing, every refusal leaves nothing written; a report verifies and a tampered hash does not;
 * the PDF embeds its Chinese font; the public query shows tier and masked name only.
 */
import { canonicalJson, sha256Hex } from '@livehub/core';
import { creditReportInquiry } from '../adapters/credit-report-inquiry.ts';
import { clearCredit, createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let admin: TestSession;
let reviewer: TestSession;
let streamer: TestSession;
let merchant: TestSession;
let regulator: TestSession;
let streamerId: string;
let merchantOrg: string;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [admin, reviewer, streamer, merchant, regulator] = await Promise.all([
    p.login('admin'),
    p.login('reviewer'),
    p.login('streamer'),
    p.login('merchant'),
    p.login('regulator'),
  ]);
  streamerId = streamer.me.user.id;
  merchantOrg = merchant.me.active?.orgId as string;
  // points are counted from a clean slate: the demo district's credit history of these two is voided
  await clearCredit(p.c, [streamerId, merchantOrg]);
}, 120_000);

afterAll(async () => {
  await p?.close();
});

const penalty = async (partyId: string, severity: number): Promise<string> => {
  const r = await p.call(admin, 'POST', '/api/credit/events', { partyId, kind: 'case.penalty', data: { severity } });
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const decide = (applicationId: string, action: 'uphold' | 'reject', reason: string) =>
  p.call(reviewer, 'POST', `/api/applications/${applicationId}/actions`, { action, reason });
const eventOf = (detail: { events: Array<{ id: string }> }, id: string) =>
  detail.events.find((e) => e.id === id) as Record<string, unknown>;
const allAppeals = () => p.c.uow.read.creditAppeals.listAppeals({ limit: 1000 });

describe('appeals', () => {
  it('an upheld appeal voids the event and restores the tier, with the history kept', async () => {
    await penalty(streamerId, 3);
    await penalty(streamerId, 3);
    const before = (await p.call(streamer, 'GET', '/api/credit/me')).body;
    const contested = await penalty(streamerId, 3);
    const down = (await p.call(streamer, 'GET', '/api/credit/me')).body;
    expect(down.total).toBeLessThan(before.total);
    expect(down.tier).not.toBe(before.tier);

    const filed = await p.call(streamer, 'POST', `/api/credit/events/${contested}/appeal`, {
      reason: '该行政处罚已被复议机关撤销，见复议决定书',
      evidence: '复议决定书编号 沪嘉复〔2026〕12 号',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ eventId: contested, partyId: streamerId, status: 'open', decidedAt: null });
    expect(eventOf((await p.call(streamer, 'GET', '/api/credit/me')).body, contested).appeal).toBe('open');
    // the reviewer's queue has it, with the engine's labels
    const app = await p.call(reviewer, 'GET', `/api/applications/${filed.body.applicationId}`);
    expect(app.status).toBe(200);
    expect(app.body).toMatchObject({ kind: 'credit_appeal', step: 'review', status: 'in_progress' });
    expect(app.body.dueAt).not.toBeNull();
    const queue = await p.call(reviewer, 'GET', '/api/applications?scope=queue&kind=credit_appeal');
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(filed.body.applicationId);
    // a party cannot decide its own appeal
    expect(
      (await p.call(streamer, 'POST', `/api/applications/${filed.body.applicationId}/actions`, { action: 'uphold', reason: '我同意' }))
        .status,
    ).toBe(403);

    const upheld = await decide(filed.body.applicationId, 'uphold', '复议决定撤销了该处罚，事件作废');
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({ step: 'upheld', status: 'approved' });

    const after = (await p.call(streamer, 'GET', '/api/credit/me')).body;
    expect(after.tier).toBe(before.tier);
    expect(after.total).toBe(before.total);
    expect(after.tierMoves[0]).toMatchObject({ from: down.tier, to: before.tier, reason: 'appeal' });
    const voided = eventOf(after, contested);
    expect(voided).toMatchObject({ appeal: 'upheld', voidReason: '复议决定撤销了该处罚，事件作废' });
    expect(voided.voidedAt).not.toBeNull();
    expect(after.contributions.some((c: { eventId: string }) => c.eventId === contested)).toBe(false);
    // the stored score (what the gates read) moved too
    expect((await p.c.uow.read.credit.score(streamerId))?.tier).toBe(before.tier);

    const mine = await p.call(streamer, 'GET', '/api/credit/appeals');
    expect(mine.body.items.find((a: { id: string }) => a.id === filed.body.id)).toMatchObject({
      status: 'upheld',
      decisionNote: '复议决定撤销了该处罚，事件作废',
    });
    // a voided event cannot be appealed again
    const again = await p.call(streamer, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '再次申诉，理由同前次一样' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('credit.event_voided');
  });

  it('a rejected appeal changes nothing but its status', async () => {
    const contested = await penalty(merchantOrg, 1);
    const before = (await p.call(merchant, 'GET', '/api/credit/me')).body;
    const filed = await p.call(merchant, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '我方认为该处罚认定事实不清' });
    expect(filed.status).toBe(201);
    const rejected = await decide(filed.body.applicationId, 'reject', '处罚决定已生效，申诉理由不成立');
    expect(rejected.body).toMatchObject({ step: 'rejected', status: 'rejected' });
    const after = (await p.call(merchant, 'GET', '/api/credit/me')).body;
    expect(after.total).toBe(before.total);
    expect(after.tier).toBe(before.tier);
    expect(after.tierMoves).toEqual(before.tierMoves);
    expect(eventOf(after, contested)).toMatchObject({ appeal: 'rejected', voidedAt: null });
    // the party sees its own appeals only; the platform sees every party's
    const own = (await p.call(merchant, 'GET', '/api/credit/appeals')).body.items as Array<{ partyId: string; status: string }>;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((a) => a.partyId === merchantOrg)).toBe(true);
    expect(own[0]?.status).toBe('rejected');
    const all = (await p.call(admin, 'GET', '/api/credit/appeals')).body.items as Array<{ partyId: string }>;
    expect(new Set(all.map((a) => a.partyId))).toEqual(new Set([streamerId, merchantOrg]));
    expect((await p.call(admin, 'GET', '/api/credit/appeals?status=rejected')).body.items).toHaveLength(1);
    // a rejected appeal may be followed by a new one
    const second = await p.call(merchant, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '补充新证据后再次提出申诉' });
    expect(second.status).toBe(201);
  });

  it('refuses someone else’s event, a second open appeal, an unknown event and bad input, writing nothing', async () => {
    const contested = await penalty(streamerId, 1);
    const count = (await allAppeals()).length;
    const notYours = await p.call(merchant, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '这不是我方的事件但我要申诉' });
    expect(notYours.status).toBe(403);
    expect(notYours.body.error).toMatchObject({ code: 'credit.not_your_event' });
    const unknown = await p.call(streamer, 'POST', '/api/credit/events/0190a000-0000-7000-8000-000000000000/appeal', {
      reason: '没有这个事件也要申诉一下',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('credit.event_not_found');
    const short = await p.call(streamer, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '太短' });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('reason');
    expect((await p.call(regulator, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '监管部门不是信用主体' })).status).toBe(
      403,
    );
    expect(await allAppeals()).toHaveLength(count);

    const first = await p.call(streamer, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '首次申诉：事实认定有误' });
    expect(first.status).toBe(201);
    const applications = await p.c.uow.read.workflows.listApplications({ kind: 'credit_appeal', limit: 1000 });
    const open = await p.call(streamer, 'POST', `/api/credit/events/${contested}/appeal`, { reason: '第二次申诉：事实认定有误' });
    expect(open.status).toBe(409);
    expect(open.body.error.code).toBe('credit.appeal_open');
    expect(await allAppeals()).toHaveLength(count + 1);
    expect(await p.c.uow.read.workflows.listApplications({ kind: 'credit_appeal', limit: 1000 })).toHaveLength(applications.length);
  });
});

describe('credit reports', () => {
  it('a report is signed over its canonical content; it verifies, a tampered hash does not', async () => {
    const r = await p.call(streamer, 'GET', `/api/credit/reports/${streamerId}`);
    expect(r.status).toBe(200);
    expect(r.body.number).toMatch(/^LHCR-\d{8}-[0-9A-F]{8}$/);
    expect(r.body.content).toMatchObject({ number: r.body.number, party: { id: streamerId, kind: 'streamer' } });
    expect(r.body.content.events.length).toBeGreaterThan(0);
    expect(sha256Hex(canonicalJson(r.body.content))).toBe(r.body.sha256);
    expect(r.body.signature).toMatch(/^[0-9a-f]{64}$/);
    // the voided event is not counted
    const me = (await p.call(streamer, 'GET', '/api/credit/me')).body;
    expect(r.body.content.eventCount).toBe(me.events.filter((e: { voidedAt: string | null }) => e.voidedAt === null).length);
    expect(r.body.content.tier).toBe(me.tier);

    const ok = await p.call(null, 'GET', `/api/credit/reports/${r.body.number}/verify?hash=${r.body.sha256}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ genuine: true, number: r.body.number, tier: me.tier, partyKind: 'streamer', problem: null });
    const flipped = `${r.body.sha256.slice(0, -1)}${r.body.sha256.endsWith('0') ? '1' : '0'}`;
    const bad = await p.call(null, 'GET', `/api/credit/reports/${r.body.number}/verify?hash=${flipped}`);
    expect(bad.body).toMatchObject({ genuine: false, problem: 'hash_mismatch', tier: null });
    const made = await p.call(null, 'GET', `/api/credit/reports/LHCR-20260101-00000000/verify?hash=${r.body.sha256}`);
    expect(made.body).toMatchObject({ genuine: false, problem: 'unknown_number' });
    expect((await p.call(null, 'GET', `/api/credit/reports/${r.body.number}/verify?hash=xyz`)).status).toBe(400);

    // the platform and regulators read any party's report; another party does not
    expect((await p.call(regulator, 'GET', `/api/credit/reports/${merchantOrg}`)).status).toBe(200);
    expect((await p.call(merchant, 'GET', `/api/credit/reports/${streamerId}`)).status).toBe(403);
    expect((await p.call(null, 'GET', `/api/credit/reports/${streamerId}`)).status).toBe(401);
  });

  it('the credit inquiry issues a report of its subject in the caller’s transaction; tier C or D asks for attention', async () => {
    const inquiry = creditReportInquiry(p.c.creditReports);
    const good = await p.c.uow.transaction((tx) => inquiry.inquire(tx, { type: 'streamer', id: streamerId }));
    expect(good).toMatchObject({ ok: true, findings: { source: 'livehub-credit', rating: 'good' } });
    for (let i = 0; i < 3; i++) await penalty(streamerId, 3);
    const tier = (await p.call(streamer, 'GET', '/api/credit/me')).body.tier;
    expect(['C', 'D']).toContain(tier);
    const attention = await p.c.uow.transaction((tx) => inquiry.inquire(tx, { type: 'streamer', id: streamerId }));
    expect(attention.findings).toMatchObject({ source: 'livehub-credit', tier, rating: 'attention' });
    const stored = await p.c.uow.read.creditAppeals.findReportByNumber(attention.findings.reportNumber as string);
    expect(stored).toMatchObject({ purpose: 'inquiry', partyId: streamerId, sha256: attention.findings.sha256 });
  });

  it('the PDF is a PDF with the Chinese font embedded', async () => {
    const res = await p.app.inject({
      method: 'GET',
      url: `/api/credit/reports/${streamerId}?format=pdf`,
      headers: streamer.headers(false),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansHans-Regular');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});

describe('the public credit query', () => {
  it('finds merchants and streamers by name and shows tier and masked name only', async () => {
    const merchantName = (await p.call(merchant, 'GET', '/api/credit/me')).body.partyName as string;
    const byPrefix = await p.call(null, 'GET', `/api/public/credit?name=${encodeURIComponent(merchantName.slice(0, 4))}`);
    expect(byPrefix.status).toBe(200);
    expect(byPrefix.body.items.length).toBeGreaterThan(0);
    const exact = await p.call(null, 'GET', `/api/public/credit?name=${encodeURIComponent(merchantName)}`);
    const hit = exact.body.items[0];
    expect(Object.keys(hit).sort()).toEqual(['maskedName', 'partyKind', 'tier']);
    expect(hit.partyKind).toBe('merchant');
    expect(hit.maskedName).not.toBe(merchantName);
    expect(hit.maskedName).toContain('*');
    expect(hit.tier).toBe((await p.call(merchant, 'GET', '/api/credit/me')).body.tier);
    expect(JSON.stringify(exact.body)).not.toContain(merchantOrg);

    const streamerName = (await p.call(streamer, 'GET', '/api/credit/me')).body.partyName as string;
    const person = await p.call(null, 'GET', `/api/public/credit?name=${encodeURIComponent(streamerName)}`);
    const found = person.body.items.find((x: { partyKind: string }) => x.partyKind === 'streamer');
    expect(found).toMatchObject({
      partyKind: 'streamer',
      maskedName: `${[...streamerName][0]}${'*'.repeat([...streamerName].length - 2)}${[...streamerName].at(-1)}`,
    });
    expect(JSON.stringify(person.body)).not.toContain(streamerId);
    expect(JSON.stringify(person.body)).not.toMatch(/total|score|event/);

    expect((await p.call(null, 'GET', '/api/public/credit?name=a')).status).toBe(400);
  });

  it('is rate-limited per client', async () => {
    const ask = () => p.app.inject({ method: 'GET', url: '/api/public/credit?name=%E4%B8%8A%E6%B5%B7', remoteAddress: '127.9.9.9' });
    for (let i = 0; i < 30; i++) expect((await ask()).statusCode).toBe(200);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('credit.rate_limited');
  });
});
