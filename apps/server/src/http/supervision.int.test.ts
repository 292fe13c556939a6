/**
 * 监管线索 through the outbox and the API, on PGlite and PostgreSQL: complaints filed against one merchant reach the
 * spike threshold and raise one clue (reinforced, not repeated, by later ones; a redelivered event counts once); a
 * serious violation raises a clue against the merchant and the streamer; credit's 触发式监管 crossing becomes a
 * clue; department scoping (市场监管局 sees its clues, 知识产权局 does not until one is transferred to it); a
 * regulator's own clue; dismissal with a reason; bad input refused with nothing changed.
 */
import type { OutboxEvent } from '@livehub/core';
import { createTestPlatform, drainOutbox, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let scjgj: TestSession; // 市场监管局 周明
let ipo: TestSession; // 知识产权局 孙海
let merchant: TestSession;
let admin: TestSession;
let merchantOrgId: string;
let streamerUserId: string;
const raised: OutboxEvent[] = [];
let serial = 0;

/** Until nothing is left: events written by handlers (a clue raised from a credit event) go out on the next pass. */
const drain = () => drainOutbox(p.c);
/** An event as the outbox hands it to the detectors (the real service path). */
const event = (topic: string, payload: Record<string, unknown>, at = p.c.clock.now()): OutboxEvent => ({
  id: `00000000-0000-7000-8000-${String(++serial).padStart(12, '0')}`,
  topic,
  payload,
  at: at.toISOString(),
});
const complaintId = (n: number) => `00000000-0000-7000-9000-${String(n).padStart(12, '0')}`;
const clues = async (s: TestSession, query = '') => {
  const r = await p.call(s, 'GET', `/api/supervision/clues${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as Array<
    Record<string, unknown> & { id: string; rule: string; subjectId: string; signals: number; riskLevel: number }
  >;
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [scjgj, ipo, merchant, admin] = await Promise.all([p.login('regulator'), p.login('reg_ipo'), p.login('merchant_0005'), p.login('admin')]);
  merchantOrgId = merchant.me.active?.orgId as string;
  streamerUserId = (await p.login('streamer')).me.user.id;
  p.c.outbox.on('supervision.clue_raised', async (e) => void raised.push(e));
  await drain();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('supervision clues', () => {
  it('five complaints against one merchant within seven days raise one clue for 市场监管局; more reinforce it', async () => {
    const day = 86_400_000;
    const t0 = p.c.clock.now().getTime() - 6 * day;
    for (let n = 1; n <= 4; n++) {
      const touched = await p.c.clues.ingest(
        event('disputes.complaint_filed', { complaintId: complaintId(n), merchantOrgId, category: 'quality' }, new Date(t0 + n * day)),
      );
      expect(touched).toBe(0);
    }
    expect((await clues(scjgj, '?rule=complaint_spike')).filter((c) => c.subjectId === merchantOrgId)).toHaveLength(0);

    const fifth = event('disputes.complaint_filed', { complaintId: complaintId(5), merchantOrgId, category: 'fraud' });
    expect(await p.c.clues.ingest(fifth)).toBe(1);
    // the outbox delivers at least once: the same event again counts nothing
    expect(await p.c.clues.ingest({ ...fifth })).toBe(0);
    const [spike] = (await clues(scjgj, '?rule=complaint_spike')).filter((c) => c.subjectId === merchantOrgId);
    expect(spike).toMatchObject({
      rule: 'complaint_spike',
      subjectKind: 'organization',
      subjectName: (await p.c.uow.read.orgs.findById(merchantOrgId))?.name,
      riskLevel: 2,
      status: 'open',
      departmentCode: 'scjgj',
      departmentName: '市场监管局',
      signals: 5,
      summary: { zh: '7天内收到投诉 5 件（投诉激增）' },
    });
    expect(JSON.stringify(spike)).not.toContain('"subjectName":"0');

    // five more: the same clue, reinforced, now high risk
    for (let n = 6; n <= 10; n++) await p.c.clues.ingest(event('disputes.complaint_filed', { complaintId: complaintId(n), merchantOrgId }));
    const again = (await clues(scjgj, '?rule=complaint_spike')).filter((c) => c.subjectId === merchantOrgId);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: spike?.id, signals: 10, riskLevel: 3 });
    // every complaint of the window is evidence, newest first
    expect(again[0]?.evidence).toHaveLength(10);
    const evidence = (again[0]?.evidence ?? []) as Array<{ kind: string; id: string }>;
    expect(evidence.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, k) => complaintId(10 - k)));

    const detail = await p.call(scjgj, 'GET', `/api/supervision/clues/${spike?.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'raised',
      'reinforced',
      'reinforced',
      'reinforced',
      'reinforced',
      'reinforced',
    ]);
    expect(detail.body.entries[0].toDepartment).toBe('市场监管局');
  });

  it('a serious violation raises a clue against the merchant and the streamer; a mild one does not', async () => {
    const mild = event('compliance.violation_confirmed', {
      violationId: complaintId(100),
      merchantOrgId,
      streamerUserId,
      categories: ['absolute_claim'],
      severity: 2,
    });
    expect(await p.c.clues.ingest(mild)).toBe(0);
    const serious = event('compliance.violation_confirmed', {
      violationId: complaintId(101),
      merchantOrgId,
      streamerUserId,
      categories: ['medical_claim'],
      severity: 4,
    });
    expect(await p.c.clues.ingest(serious)).toBe(2);
    const mine = (await clues(scjgj, '?rule=serious_violation')).filter(
      (c) => c.subjectId === merchantOrgId || c.subjectId === streamerUserId,
    );
    expect(mine.map((c) => c.subjectKind).sort()).toEqual(['organization', 'user']);
    expect(mine[0]).toMatchObject({ riskLevel: 2, summary: { zh: '确认严重违规：医疗功效宣称（严重程度 4）' } });
    expect(mine.every((c) => typeof c.subjectName === 'string' && !(c.subjectName as string).includes('-'))).toBe(true);
  });

  it('credit’s 触发式监管 crossing, through the real outbox, becomes a repeat-violation clue (reinforced when one is open)', async () => {
    const partyId = streamerUserId;
    const before = (await clues(scjgj, '?rule=repeat_violation&status=open')).find((c) => c.subjectId === partyId);
    // credit writes credit.clue_raised with its change; the dispatcher hands it to the detectors
    await p.c.uow.transaction(async (tx) =>
      tx.outbox.add({
        id: p.c.ids.next(),
        topic: 'credit.clue_raised',
        payload: { partyId, partyKind: 'streamer', trigger: 'violations', detail: { count: 3, threshold: 3, windowDays: 30 } },
        createdAt: p.c.clock.now(),
        publishedAt: null,
      }),
    );
    await drain();
    const after = (await clues(scjgj, '?rule=repeat_violation&status=open')).filter((c) => c.subjectId === partyId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ subjectKind: 'user', riskLevel: 3, summary: { zh: '30天内确认违规 3 次（触发式监管）' } });
    if (before) expect(after[0]).toMatchObject({ id: before.id, signals: before.signals + 1 });
    else expect(raised.some((e) => e.payload.clueId === after[0]?.id)).toBe(true);
  });

  it('the demo district has clues already: the seed’s confirmed violations went through credit to supervision', async () => {
    const all = await clues(scjgj);
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) expect(typeof c.subjectName).toBe('string');
  });

  it('a report the platform referred becomes a clue for the department it concerns; more reports reinforce it', async () => {
    const product = (await p.c.uow.read.catalog.listProducts({ limit: 1 }))[0];
    if (!product) throw new Error('the demo data has no product');
    const referred = (n: number) =>
      event('reports.report_referred', {
        reportId: complaintId(200 + n),
        action: 'refer',
        targetKind: 'product',
        targetId: product.id,
        category: 'infringement',
        outcome: '疑似假冒注册商标，移交监管',
        anonymous: true,
        evidenceCount: 0,
      });
    expect(await p.c.clues.ingest(referred(1))).toBe(1);
    expect(await p.c.clues.ingest(referred(2))).toBe(1);
    expect((await clues(scjgj, '?rule=report')).some((c) => c.subjectId === product.id)).toBe(false);
    const [clue] = (await clues(ipo, '?rule=report')).filter((c) => c.subjectId === product.id);
    expect(clue).toMatchObject({ subjectKind: 'product', subjectName: product.title, departmentCode: 'zscqj', signals: 2, riskLevel: 2 });
    expect(clue?.summary).toMatchObject({ zh: '平台移送举报（侵权）：疑似假冒注册商标，移交监管' });
  });

  it('a department sees its own clues only; a transfer moves a clue to the other queue, with its reason in the log', async () => {
    const departments = await p.call(ipo, 'GET', '/api/supervision/departments');
    expect(departments.status).toBe(200);
    expect(departments.body.items).toEqual(
      expect.arrayContaining([
        { code: 'zscqj', name: '知识产权局', mine: true },
        { code: 'scjgj', name: '市场监管局', mine: false },
      ]),
    );
    const [spike] = (await clues(scjgj, '?rule=complaint_spike')).filter((c) => c.subjectId === merchantOrgId);
    const id = spike?.id as string;
    expect((await clues(ipo)).some((c) => c.id === id)).toBe(false);
    expect((await p.call(ipo, 'GET', `/api/supervision/clues/${id}`)).status).toBe(404);
    expect((await p.call(ipo, 'POST', `/api/supervision/clues/${id}/dismiss`, { reason: '不属本部门' })).status).toBe(404);

    const unknown = await p.call(scjgj, 'POST', `/api/supervision/clues/${id}/transfer`, { departmentCode: 'nope', reason: '移送' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'supervision.unknown_department', field: 'departmentCode' });
    const same = await p.call(scjgj, 'POST', `/api/supervision/clues/${id}/transfer`, { departmentCode: 'scjgj', reason: '移送' });
    expect(same.status).toBe(400);

    const moved = await p.call(scjgj, 'POST', `/api/supervision/clues/${id}/transfer`, {
      departmentCode: 'zscqj',
      reason: '涉及假冒注册商标，移送知识产权局',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ departmentCode: 'zscqj', departmentName: '知识产权局' });
    expect((await clues(scjgj)).some((c) => c.id === id)).toBe(false);
    expect((await clues(ipo)).some((c) => c.id === id)).toBe(true);
    const log = (await p.call(ipo, 'GET', `/api/supervision/clues/${id}`)).body.entries as Array<Record<string, unknown>>;
    expect(log.at(-1)).toMatchObject({
      action: 'transferred',
      fromDepartment: '市场监管局',
      toDepartment: '知识产权局',
      note: '涉及假冒注册商标，移送知识产权局',
      actorName: '市场监管局 周明',
    });
  });

  it('a regulator enters a clue for their own department; the subject must exist; only regulators may', async () => {
    const made = await p.call(ipo, 'POST', '/api/supervision/clues', {
      subjectKind: 'organization',
      subjectId: merchantOrgId,
      riskLevel: 2,
      description: '权利人来函反映直播间销售疑似仿冒商品',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ rule: 'manual', departmentCode: 'zscqj', summary: { zh: '权利人来函反映直播间销售疑似仿冒商品' } });

    const before = (await clues(ipo)).length;
    const bad = await p.call(ipo, 'POST', '/api/supervision/clues', {
      subjectKind: 'organization',
      subjectId: '00000000-0000-7000-8000-00000000dead',
      riskLevel: 2,
      description: '无此机构',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'supervision.subject_not_found', field: 'subjectId' });
    const other = await p.call(ipo, 'POST', '/api/supervision/clues', {
      subjectKind: 'organization',
      subjectId: merchantOrgId,
      riskLevel: 2,
      description: '替别的部门录入',
      departmentCode: 'scjgj',
    });
    expect(other.status).toBe(403);
    const risk = await p.call(ipo, 'POST', '/api/supervision/clues', {
      subjectKind: 'organization',
      subjectId: merchantOrgId,
      riskLevel: 9,
      description: '风险等级错误',
    });
    expect(risk.status).toBe(400);
    expect(risk.body.error.field).toBe('riskLevel');
    expect((await clues(ipo)).length).toBe(before);
    expect((await p.call(admin, 'GET', '/api/supervision/clues')).status).toBe(403);
    expect(
      (
        await p.call(merchant, 'POST', '/api/supervision/clues', {
          subjectKind: 'organization',
          subjectId: merchantOrgId,
          riskLevel: 1,
          description: '商家不能录入',
        })
      ).status,
    ).toBe(403);
  });

  it('dismissal keeps the reason and closes the clue; a closed clue takes no further step; audited', async () => {
    const [clue] = (await clues(scjgj, '?rule=serious_violation')).filter((c) => c.subjectId === merchantOrgId);
    const id = clue?.id as string;
    const r = await p.call(scjgj, 'POST', `/api/supervision/clues/${id}/dismiss`, { reason: '已责令整改，商家已下架相关商品' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'dismissed', closingReason: '已责令整改，商家已下架相关商品' });
    const again = await p.call(scjgj, 'POST', `/api/supervision/clues/${id}/dismiss`, { reason: '再次' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('supervision.clue_closed');
    const empty = await p.call(scjgj, 'POST', `/api/supervision/clues/${id}/transfer`, {});
    expect(empty.status).toBe(400);
    const audit = await p.c.uow.read.audit.list({ action: 'supervision.clue_dismissed', limit: 10 });
    expect(audit.some((a) => a.targetId === id && a.actorUserId === scjgj.me.user.id)).toBe(true);
    // a later serious violation raises a new clue (the dismissed one stays closed)
    await p.c.uow.transaction(async (tx) =>
      tx.outbox.add({
        id: p.c.ids.next(),
        topic: 'compliance.violation_confirmed',
        payload: { violationId: complaintId(102), merchantOrgId, streamerUserId: null, categories: ['prohibited_goods'], severity: 3 },
        createdAt: p.c.clock.now(),
        publishedAt: null,
      }),
    );
    await drain();
    const open = (await clues(scjgj, '?rule=serious_violation&status=open')).filter((c) => c.subjectId === merchantOrgId);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ riskLevel: 3 });
    expect(open[0]?.id).not.toBe(id);
  });
});
