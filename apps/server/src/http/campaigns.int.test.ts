/**
 * 活动与节庆 through the API, on PGlite and PostgreSQL (whichever the suite runs on): a regulator creates a campaign
 * (bad dates refused by field), publishes it; the demo merchant enrols a product (another's product and one above
 * the price cap refused with the reason), the demo streamer a scheduled session; the organiser approves; the public
 * page and the room's badge show them; the tick runs the campaign; live totals; the campaign ends; the report as
 * XLSX (read back) and PDF; enrolment after the deadline is refused.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.now();
const clock = new ManualClock(START);
const iso = (ms: number) => new Date(ms).toISOString();

let p: TestPlatform;
let regulator: TestSession;
let otherRegulator: TestSession | null;
let merchant: TestSession;
let streamer: TestSession;
let consumer: TestSession;
let productId: string;
let otherProductId: string;
let categoryId: string;
let sessionId: string;
let campaignId: string;

const body = (over: Record<string, unknown> = {}) => ({
  name: '网上年货节（测试）',
  theme: '年货好物，直播到家',
  startsAt: iso(START + DAY),
  endsAt: iso(START + 3 * DAY),
  enrolDeadline: iso(START + 2 * DAY),
  categoryIds: [],
  districts: [],
  rules: { priceCap: { kind: 'lowest_7d' }, requiredLabel: '年货节', minCreditTier: null, requireCertified: true },
  ...over,
});

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [regulator, merchant, streamer, consumer] = await p.loginAll('regulator', 'merchant', 'streamer', 'consumer');
  otherRegulator = null;
  const merchantOrgId = merchant.me.active?.orgId ?? '';
  const read = p.c.uow.read.catalog;
  const products = await read.listProducts({ merchantOrgId, status: ['approved'], limit: 100 });
  // a product whose price has not risen above its 7-day low
  for (const prod of products) {
    const skus = await read.listSkus([prod.id]);
    const low = await read.lowestPrice(
      skus.map((s) => s.id),
      new Date(START - 7 * DAY),
      new Date(START),
    );
    if (skus.length > 0 && skus.every((s) => (low.get(s.id) ?? s.priceFen) >= s.priceFen)) {
      productId = prod.id;
      categoryId = prod.categoryId;
      break;
    }
  }
  const others = await read.listProducts({ status: ['approved'], limit: 200 });
  otherProductId = others.find((x) => x.merchantOrgId !== merchantOrgId)?.id ?? '';
  expect(productId && otherProductId).toBeTruthy();
  const s = await p.call(streamer, 'POST', '/api/live/sessions', { title: '年货节直播专场', scheduledAt: iso(START + 1.5 * DAY) });
  expect(s.status).toBe(201);
  sessionId = s.body.session.id;
}, 180_000);

afterAll(async () => {
  await p?.close();
});

describe('campaigns', () => {
  it('refuses bad dates by field and leaves nothing written', async () => {
    const before = (await p.call(regulator, 'GET', '/api/campaigns/mine')).body.items.length;
    const a = await p.call(regulator, 'POST', '/api/campaigns', body({ endsAt: iso(START + 0.5 * DAY) }));
    expect(a.status).toBe(400);
    expect(a.body.error).toMatchObject({ code: 'campaigns.ends_before_start', field: 'endsAt' });
    const b = await p.call(regulator, 'POST', '/api/campaigns', body({ enrolDeadline: iso(START + 4 * DAY) }));
    expect(b.body.error).toMatchObject({ code: 'campaigns.bad_deadline', field: 'enrolDeadline' });
    const c = await p.call(regulator, 'POST', '/api/campaigns', body({ startsAt: 'tomorrow' }));
    expect(c.status).toBe(400);
    expect((await p.call(regulator, 'GET', '/api/campaigns/mine')).body.items.length).toBe(before);
  });

  it('creates a draft, which nobody can enrol in, and publishes it', async () => {
    const r = await p.call(regulator, 'POST', '/api/campaigns', body());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', name: '网上年货节（测试）' });
    campaignId = r.body.id;
    const early = await p.call(merchant, 'POST', `/api/campaigns/${campaignId}/enrol-product`, { productId, cardLabel: '年货节' });
    expect(early.status).toBe(404);
    const pub = await p.call(regulator, 'POST', `/api/campaigns/${campaignId}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('published');
    const again = await p.call(regulator, 'POST', `/api/campaigns/${campaignId}/publish`);
    expect(again.body.error).toMatchObject({ code: 'campaigns.bad_state' });
    const open = await p.call(merchant, 'GET', '/api/campaigns/open');
    expect(open.body.items.map((c: { id: string }) => c.id)).toContain(campaignId);
  });

  it('refuses another merchant’s product, a missing label, and a product above a fixed cap, with reasons', async () => {
    const other = await p.call(merchant, 'POST', `/api/campaigns/${campaignId}/enrol-product`, {
      productId: otherProductId,
      cardLabel: '年货节',
    });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'campaigns.not_yours', field: 'productId' });
    const noLabel = await p.call(merchant, 'POST', `/api/campaigns/${campaignId}/enrol-product`, { productId });
    expect(noLabel.status).toBe(400);
    expect(noLabel.body.error.code).toBe('campaigns.rules_failed');
    expect(noLabel.body.error.message).toContain('商品卡须标注「年货节」');

    const capped = await p.call(
      regulator,
      'POST',
      '/api/campaigns',
      body({
        name: '限价专场',
        categoryIds: [categoryId],
        rules: {
          priceCap: { kind: 'fixed', caps: [{ categoryId, maxFen: 1 }] },
          requiredLabel: null,
          minCreditTier: null,
          requireCertified: false,
        },
      }),
    );
    expect(capped.status).toBe(201);
    await p.call(regulator, 'POST', `/api/campaigns/${capped.body.id}/publish`);
    const over = await p.call(merchant, 'POST', `/api/campaigns/${capped.body.id}/enrol-product`, { productId });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'campaigns.rules_failed', field: 'productId' });
    expect(over.body.error.message).toContain('超过本类目活动限价 ¥0.01');
  });

  it('enrols a product and a session after the automatic review; the organiser approves; the public page shows them', async () => {
    const e1 = await p.call(merchant, 'POST', `/api/campaigns/${campaignId}/enrol-product`, { productId, cardLabel: '年货节' });
    expect(e1.status).toBe(201);
    expect(e1.body).toMatchObject({ status: 'pending', kind: 'product', cardLabel: '年货节' });
    expect(e1.body.checks).toContain('价格不高于近 7 日最低价');
    const dup = await p.call(merchant, 'POST', `/api/campaigns/${campaignId}/enrol-product`, { productId, cardLabel: '年货节' });
    expect(dup.body.error).toMatchObject({ code: 'campaigns.already_enrolled' });
    const wrong = await p.call(merchant, 'POST', `/api/campaigns/${campaignId}/enrol-session`, { sessionId });
    expect(wrong.status).toBe(403);
    const e2 = await p.call(streamer, 'POST', `/api/campaigns/${campaignId}/enrol-session`, { sessionId });
    expect(e2.status).toBe(201);
    expect(e2.body).toMatchObject({ status: 'pending', kind: 'session', subjectName: '年货节直播专场' });

    const list = await p.call(regulator, 'GET', `/api/campaigns/${campaignId}/enrolments`);
    expect(list.body.items).toHaveLength(2);
    const noReason = await p.call(regulator, 'POST', `/api/campaigns/enrolments/${e1.body.id}/decide`, { approve: true });
    expect(noReason.status).toBe(400);
    for (const e of [e1, e2]) {
      const d = await p.call(regulator, 'POST', `/api/campaigns/enrolments/${e.body.id}/decide`, { approve: true, reason: '符合活动规则' });
      expect(d.status).toBe(200);
      expect(d.body).toMatchObject({ status: 'approved', decisionReason: '符合活动规则' });
    }
    const twice = await p.call(regulator, 'POST', `/api/campaigns/enrolments/${e1.body.id}/decide`, { approve: false, reason: '重复' });
    expect(twice.body.error).toMatchObject({ code: 'campaigns.already_decided' });
    const mine = await p.call(merchant, 'GET', '/api/campaigns/enrolments/mine');
    expect(mine.body.items.find((e: { id: string }) => e.id === e1.body.id)).toMatchObject({
      campaignName: '网上年货节（测试）',
      status: 'approved',
    });

    const pub = await p.call(null, 'GET', `/api/public/campaigns/${campaignId}`);
    expect(pub.status).toBe(200);
    expect(pub.body.rooms.map((r: { sessionId: string }) => r.sessionId)).toEqual([sessionId]);
    expect(pub.body.products[0]).toMatchObject({ productId, cardLabel: '年货节' });
    const badge = await p.call(consumer, 'GET', `/api/public/live/sessions/${sessionId}/campaigns`);
    expect(badge.body.items).toEqual([{ id: campaignId, name: '网上年货节（测试）', label: '年货节' }]);
    const list2 = await p.call(null, 'GET', '/api/public/campaigns');
    expect(list2.body.items.map((c: { id: string }) => c.id)).toContain(campaignId);
  });

  it('another organiser does not see the campaign; the merchant cannot read its totals', async () => {
    const base = await p.login('base');
    const r = await p.call(base, 'GET', `/api/campaigns/${campaignId}/totals`);
    expect(r.status).toBe(404);
    const m = await p.call(merchant, 'GET', `/api/campaigns/${campaignId}/totals`);
    expect(m.status).toBe(403);
    void otherRegulator;
  });

  it('runs on its dates: totals while it runs, the report once it has ended, no enrolment after the deadline', async () => {
    clock.set(new Date(START + 1.5 * DAY));
    expect((await p.c.tick()).campaignsStarted).toBeGreaterThanOrEqual(1);
    expect((await p.call(regulator, 'GET', `/api/campaigns/${campaignId}`)).body.status).toBe('running');
    const notYet = await p.call(regulator, 'GET', `/api/campaigns/${campaignId}/report`);
    expect(notYet.body.error).toMatchObject({ code: 'campaigns.not_ended' });
    // the streamer goes live from a shared studio: booked, checked in naming the session
    const base = await p.login('base');
    const studio = await p.call(base, 'POST', '/api/programmes/studios', {
      name: '年货节测试间',
      equipment: ['摄像机'],
      openingHours: Array.from({ length: 7 }, () => ({ open: 0, close: 1440 })),
      pricePerHourFen: 10_000,
      active: true,
    });
    expect(studio.status).toBe(201);
    const slot = Math.ceil((clock.now().getTime() + HOUR) / (HOUR / 2)) * (HOUR / 2);
    const booking = await p.call(streamer, 'POST', '/api/programmes/bookings', {
      studioId: studio.body.id,
      startsAt: iso(slot),
      endsAt: iso(slot + HOUR),
      purpose: '年货节直播专场',
    });
    expect(booking.status).toBe(201);
    clock.set(new Date(slot - HOUR / 6));
    const checkIn = await p.call(streamer, 'POST', `/api/programmes/bookings/${booking.body.id}/check-in`, { sessionId });
    expect(checkIn.body).toMatchObject({ status: 'checked_in', sessionId });
    // 我的预约 names the session held in the studio
    const mine = await p.call(streamer, 'GET', '/api/programmes/bookings/mine');
    expect(mine.body.items.find((b: { id: string }) => b.id === booking.body.id)).toMatchObject({
      sessionId,
      sessionTitle: '年货节直播专场',
    });
    const go = await p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`);
    expect(go.status).toBe(200);
    const t = await p.call(regulator, 'GET', `/api/campaigns/${campaignId}/totals`);
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ status: 'running', sessions: 1, liveSessions: 1, products: 1, complaints: 0 });
    expect(t.body.perSession[0]).toMatchObject({ sessionId, title: '年货节直播专场', studio: '云嘉直播电商产业园 · 年货节测试间' });
    expect((await p.call(null, 'GET', `/api/public/campaigns/${campaignId}`)).body.rooms[0].status).toBe('live');
    const ended = await p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/end`, {});
    expect([ended.status, ended.body.status ?? ended.body]).toEqual([200, 'ended']);

    clock.set(new Date(START + 2.5 * DAY));
    const late = await p.call(merchant, 'POST', `/api/campaigns/${campaignId}/enrol-product`, { productId, cardLabel: '年货节' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'campaigns.enrolment_closed', field: 'campaignId' });

    const end = await p.call(regulator, 'POST', `/api/campaigns/${campaignId}/end`);
    expect(end.body.status).toBe('ended');
    const xlsx = await p.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/report?format=xlsx`,
      headers: regulator.headers(false),
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '直播场次', '报名']);
    expect(String(wb.getWorksheet('概况')?.getCell('A1').value)).toBe('网上年货节（测试） 活动总结报告');
    const summary = wb.getWorksheet('概况');
    const rows = new Map<string, unknown>();
    summary?.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('直播场次')).toBe(1);
    expect(rows.get('已结束场次')).toBe(1);
    expect(rows.get('报名商品（已通过）')).toBe(1);
    expect(rows.get('状态')).toBe('已结束');
    expect(wb.getWorksheet('直播场次')?.getCell('A2').value).toBe('年货节直播专场');
    expect(wb.getWorksheet('直播场次')?.getCell('C2').value).toBe('云嘉直播电商产业园 · 年货节测试间');
    expect(wb.getWorksheet('报名')?.rowCount).toBe(3);
    const pdf = await p.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/report?format=pdf`,
      headers: regulator.headers(false),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('NotoSansHans');

    const audit = (await p.c.uow.read.audit.list({ limit: 500 })).filter((a) => a.targetId === campaignId);
    expect(audit.map((a) => a.action).sort()).toEqual(['campaign.create', 'campaign.end', 'campaign.publish', 'campaign.start']);
  });
});
