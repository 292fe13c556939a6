/**
 * 案件 end to end through the API, on PGlite and PostgreSQL: a regulator's clue about a product → 立案 (the clue is
 * 已立案) → evidence from the evidence chain, hash-chained → 告知 (the merchant's inbox) → the merchant's 陈述申辩
 * → decision 下架 + 罚款 as a PDF → execution takes the product down at once → the decision is a credit event →
 * 结案; a streamer's case decided 逾期未陈述 with 暂停直播 closes the live gate. Steps out of order or past the
 * deadline are 409s with nothing changed; another department's case, or another party's notice, is 404.
 */
import { ManualClock } from '../adapters/runtime.ts';
import { createTestPlatform, drainOutbox, insertOrder, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { liveSession } from '@livehub/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const clock = new ManualClock(Date.parse('2026-12-07T02:00:00Z')); // a Monday, 10:00 in China
const DAY = 86_400_000;
let p: TestPlatform;
let scjgj: TestSession; // 市场监管局
let ipo: TestSession; // 知识产权局
let merchant: TestSession;
let otherMerchant: TestSession;
let streamer: TestSession;
let consumer: TestSession;
let merchantOrgId: string;
let productId: string;

const drain = () => drainOutbox(p.c);
const ok = (r: { status: number; body: unknown }, status = 200) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as ReturnType<typeof JSON.parse>;
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [scjgj, ipo, merchant, otherMerchant, streamer, consumer] = await p.loginAll(
    'regulator',
    'reg_ipo',
    'merchant',
    'merchant_0001',
    'streamer',
    'consumer',
  );
  merchantOrgId = merchant.me.active?.orgId as string;
  const [product] = await p.c.uow.read.catalog.listProducts({ merchantOrgId, status: ['approved'], limit: 1 });
  productId = product?.id as string;
  expect(productId).toBeTruthy();
  await drain();
}, 180_000);

afterAll(async () => {
  await p?.close();
});

describe('a case against a merchant: 立案 → 告知 → 陈述申辩 → 下架 → credit', () => {
  let clueId: string;
  let caseId: string;

  it('opens a case from a clue its department holds; the clue is 已立案; another department gets 404', async () => {
    const clue = ok(
      await p.call(scjgj, 'POST', '/api/supervision/clues', {
        subjectKind: 'product',
        subjectId: productId,
        riskLevel: 3,
        description: '直播间宣称“全网最低价”，与近7日价格不符',
      }),
      201,
    );
    clueId = clue.id;
    // 知识产权局 does not hold the clue: it is not known to exist
    const foreign = await p.call(ipo, 'POST', '/api/supervision/cases', { clueId, summary: '涉嫌价格欺诈' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('supervision.clue_not_found');

    const opened = ok(await p.call(scjgj, 'POST', '/api/supervision/cases', { clueId, summary: '涉嫌价格欺诈（虚构原价）' }), 201);
    caseId = opened.id;
    expect(opened).toMatchObject({
      status: 'investigating',
      partyKind: 'organization',
      partyId: merchantOrgId,
      departmentCode: 'scjgj',
      departmentName: '市场监管局',
      evidenceCount: 0,
    });
    expect(opened.partyName).toBe((await p.c.uow.read.orgs.findById(merchantOrgId))?.name);
    expect(opened.caseNo).toMatch(/^网监案〔2026〕[0-9A-F]{8}号$/);
    const after = ok(await p.call(scjgj, 'GET', `/api/supervision/clues/${clueId}`));
    expect(after.clue.status).toBe('filed');
    expect(after.entries.at(-1)).toMatchObject({ action: 'filed', note: opened.caseNo });
    // a clue is filed once
    const again = await p.call(scjgj, 'POST', '/api/supervision/cases', { clueId, summary: '重复立案' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('supervision.clue_closed');
    // the case is the department's: another department's view is 404, and acting on it too
    expect((await p.call(ipo, 'GET', `/api/supervision/cases/${caseId}`)).status).toBe(404);
    expect((await p.call(ipo, 'POST', `/api/supervision/cases/${caseId}/evidence`, { kind: 'order', refId: productId })).status).toBe(404);
    expect((await p.call(ipo, 'GET', '/api/supervision/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    expect((await p.call(scjgj, 'GET', '/api/supervision/cases')).body.items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it('refuses a notice before any evidence, then attaches evidence hash-chained', async () => {
    const early = await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/notify`, {
      facts: '经查，当事人在直播中虚构原价。',
      intended: '拟下架涉案商品并处罚款',
      legalBasis: '《价格法》第十四条',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('supervision.case_wrong_step');
    expect(early.body.error.message).toMatch(/案件当前状态/);

    const missing = await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/evidence`, { kind: 'order', refId: productId });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'supervision.evidence_not_found', field: 'refId' });

    const a = await insertOrder(p, consumer.me.user.id, merchantOrgId, 19_900);
    const b = await insertOrder(p, consumer.me.user.id, merchantOrgId, 29_900);
    ok(
      await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/evidence`, { kind: 'order', refId: a.id, note: '成交价高于7日最低价' }),
    );
    const detail = ok(await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/evidence`, { kind: 'order', refId: b.id }));
    expect(detail.chainValid).toBe(true);
    expect(detail.evidence).toHaveLength(2);
    const [first, second] = detail.evidence;
    expect(first.prevHash).toBe('0'.repeat(64));
    expect(second.prevHash).toBe(first.hash);
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.summary).toContain(a.orderNo);
    expect(detail.case.evidenceHead).toBe(second.hash);
    const dup = await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/evidence`, { kind: 'order', refId: a.id });
    expect(dup.body.error.code).toBe('supervision.evidence_attached');
  });

  it('tells the merchant online with a five-working-day deadline; its inbox has it; no decision meanwhile', async () => {
    const notified = ok(
      await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/notify`, {
        facts: '经查，当事人在直播中标示的原价从未成交，构成虚构原价。',
        intended: '拟下架涉案商品，并处罚款人民币5000元',
        legalBasis: '《价格法》第十四条、《明码标价和禁止价格欺诈规定》第十九条',
      }),
    );
    expect(notified.status).toBe('notified');
    // notified Monday 7 December 10:00: the fifth working day after is Monday 14 December, until 23:59:59.999
    expect(notified.notice.defenceDueAt).toBe('2026-12-14T15:59:59.999Z');
    const evidenceLate = await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/evidence`, { kind: 'order', refId: productId });
    expect(evidenceLate.body.error.code).toBe('supervision.case_wrong_step');
    const early = await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/decide`, {
      measures: [{ kind: 'warning' }],
      reasoning: '事实清楚',
      legalBasis: '《价格法》',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('supervision.case_defence_open');

    await drain();
    const inbox = ok(await p.call(merchant, 'GET', '/api/notifications?kind=case.notified'));
    expect(inbox.items.length).toBeGreaterThan(0);
    expect(inbox.items[0].title.zh).toContain(notified.caseNo);
    expect(inbox.items[0]).toMatchObject({ severity: 'action_required', dueAt: notified.notice.defenceDueAt });
    const notices = ok(await p.call(merchant, 'GET', '/api/supervision/notices'));
    expect(notices.items.map((n: { id: string }) => n.id)).toContain(caseId);
    expect((await p.call(otherMerchant, 'GET', `/api/supervision/notices/${caseId}`)).status).toBe(404);
    expect((await p.call(otherMerchant, 'GET', '/api/supervision/notices')).body.items.map((n: { id: string }) => n.id)).not.toContain(
      caseId,
    );
  });

  it('takes the merchant’s statement within the deadline, once', async () => {
    clock.advance(2 * DAY);
    const other = await p.call(otherMerchant, 'POST', `/api/supervision/notices/${caseId}/statement`, { text: '不是我们' });
    expect(other.status).toBe(404);
    const upload = async (s: TestSession) => {
      const up = await p.app.inject({
        method: 'POST',
        url: '/api/documents?docType=other&filename=price-list.pdf',
        headers: { ...s.headers(), 'content-type': 'application/pdf' },
        payload: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      });
      expect(up.statusCode, up.body).toBe(201);
      return up.json().id as string;
    };
    // a document of another merchant is not the party's: refused, nothing changes
    const foreignDoc = await upload(otherMerchant);
    const refused = await p.call(merchant, 'POST', `/api/supervision/notices/${caseId}/statement`, {
      text: '见附件',
      documentIds: [foreignDoc],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'supervision.document_not_found', field: 'documentIds' });
    const doc = await upload(merchant);
    const stated = ok(
      await p.call(merchant, 'POST', `/api/supervision/notices/${caseId}/statement`, {
        text: '原价为供应商建议零售价，已整改标价。',
        documentIds: [doc],
      }),
    );
    expect(stated).toMatchObject({
      status: 'stated',
      statement: { text: '原价为供应商建议零售价，已整改标价。', documentIds: [doc] },
      statementLapsed: false,
    });
    const twice = await p.call(merchant, 'POST', `/api/supervision/notices/${caseId}/statement`, { text: '补充说明' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('supervision.case_wrong_step');
  });

  it('decides 下架 and 罚款 as a PDF; execution takes the product down at once; the decision is a credit event', async () => {
    const bad = await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/decide`, {
      measures: [{ kind: 'suspend_live', days: 3 }],
      reasoning: '事实清楚',
      legalBasis: '《价格法》',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('supervision.case_measure_party');

    const decided = ok(
      await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/decide`, {
        measures: [
          { kind: 'takedown', productId },
          { kind: 'fine', amountFen: 500_000 },
        ],
        reasoning: '当事人虚构原价，误导消费者，陈述申辩理由不成立。',
        legalBasis: '《价格法》第四十条',
      }),
    );
    expect(decided.status).toBe('decided');
    expect(decided.decision.documentSha256).toMatch(/^[0-9a-f]{64}$/);

    const pdf = await p.app.inject({
      method: 'GET',
      url: `/api/supervision/cases/${caseId}/decision.pdf`,
      headers: { cookie: merchant.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(decided.decision.documentSha256);

    expect((await p.c.uow.read.catalog.findProduct(productId))?.status).toBe('approved');
    const executed = ok(await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/execute`, {}));
    expect(executed.status).toBe('executed');
    expect((await p.c.uow.read.catalog.findProduct(productId))?.status).toBe('delisted');
    const twice = await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/execute`, {});
    expect(twice.body.error.code).toBe('supervision.case_wrong_step');

    await drain();
    const events = await p.c.uow.read.credit.eventsOf(merchantOrgId);
    expect(events.find((e) => e.source === `case:${caseId}`)).toMatchObject({ kind: 'case.penalty', data: { severity: 2 } });

    const closed = ok(await p.call(scjgj, 'POST', `/api/supervision/cases/${caseId}/close`, {}));
    expect(closed.status).toBe('closed');
    const detail = ok(await p.call(scjgj, 'GET', `/api/supervision/cases/${caseId}`));
    expect(detail.entries.map((e: { action: string }) => e.action)).toEqual([
      'opened',
      'evidence_added',
      'evidence_added',
      'notified',
      'stated',
      'decided',
      'executed',
      'closed',
    ]);
    expect(detail.entries.every((e: { actorName: string | null; action: string }) => e.actorName !== null)).toBe(true);
    const audit = await p.c.uow.read.audit.list({ limit: 200 });
    const actions = audit.filter((a) => a.targetId === caseId).map((a) => a.action);
    for (const a of ['opened', 'evidence_added', 'notified', 'stated', 'decided', 'executed', 'closed'])
      expect(actions).toContain(`supervision.case_${a}`);
  });
});

describe('a streamer’s case decided 逾期未陈述 with 暂停直播', () => {
  it('refuses the statement past the deadline, decides without it, and closes the live gate', async () => {
    const streamerId = streamer.me.user.id;
    expect((await p.c.registry.liveGate(streamerId)).reasons).not.toContain('suspended_by_decision');
    const clue = ok(
      await p.call(scjgj, 'POST', '/api/supervision/clues', {
        subjectKind: 'user',
        subjectId: streamerId,
        riskLevel: 2,
        description: '主播在直播中使用绝对化用语',
      }),
      201,
    );
    const c = ok(await p.call(scjgj, 'POST', '/api/supervision/cases', { clueId: clue.id, summary: '涉嫌虚假宣传' }), 201);
    const order = await insertOrder(p, consumer.me.user.id, merchantOrgId, 9_900);
    ok(await p.call(scjgj, 'POST', `/api/supervision/cases/${c.id}/evidence`, { kind: 'order', refId: order.id }));
    const n = ok(
      await p.call(scjgj, 'POST', `/api/supervision/cases/${c.id}/notify`, {
        facts: '经查属实。',
        intended: '拟暂停直播3日',
        legalBasis: '《广告法》',
      }),
    );
    // at the deadline it could still be stated; just past it, no longer
    clock.set(new Date(Date.parse(n.notice.defenceDueAt) + 1));
    // a week on, the sessions have expired: sign in again
    [scjgj, streamer] = await Promise.all([p.login('regulator'), p.login('streamer')]);
    const late = await p.call(streamer, 'POST', `/api/supervision/notices/${c.id}/statement`, { text: '迟到的申辩' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('supervision.case_deadline_passed');
    expect(late.body.error.message).toMatch(/陈述申辩期限已过/);

    const decided = ok(
      await p.call(scjgj, 'POST', `/api/supervision/cases/${c.id}/decide`, {
        measures: [{ kind: 'suspend_live', days: 3 }],
        reasoning: '当事人逾期未陈述申辩。',
        legalBasis: '《广告法》第五十七条',
      }),
    );
    expect(decided).toMatchObject({ status: 'decided', statementLapsed: true });
    // the streamer is live right now: the suspension ends the session at once
    const now = p.c.clock.now();
    const onAir = liveSession(streamerId, { status: 'live', startedAt: now, scheduledAt: now, createdAt: now, updatedAt: now });
    await p.c.uow.transaction((tx) => tx.live.insertSession(onAir));
    ok(await p.call(scjgj, 'POST', `/api/supervision/cases/${c.id}/execute`, {}));
    expect((await p.c.registry.liveGate(streamerId)).reasons).toContain('suspended_by_decision');
    expect((await p.c.uow.read.live.findSession(onAir.id))?.status).toBe('ended');
    const mine = ok(await p.call(streamer, 'GET', `/api/supervision/notices/${c.id}`));
    expect(mine).toMatchObject({ status: 'executed', statementLapsed: true });
    await drain();
    const events = await p.c.uow.read.credit.eventsOf(streamerId);
    expect(events.find((e) => e.source === `case:${c.id}`)).toMatchObject({ kind: 'case.penalty', data: { severity: 3 } });
    // four days on, the suspension has run out
    clock.advance(4 * DAY);
    expect((await p.c.registry.liveGate(streamerId)).reasons).not.toContain('suspended_by_decision');
  });
});

describe('departments: 联合执法 and 移送 of a case', () => {
  it('a joint department reads the case and adds evidence, the steps stay with the holder; a transfer moves case and clue', async () => {
    const [regulator, ipoNow, swc, buyer] = await p.loginAll('regulator', 'reg_ipo', 'reg_swc', 'consumer');
    const clue = ok(
      await p.call(regulator, 'POST', '/api/supervision/clues', {
        subjectKind: 'product',
        subjectId: productId,
        riskLevel: 2,
        description: '涉嫌销售假冒注册商标商品，需知识产权局协办',
      }),
      201,
    );
    const opened = ok(await p.call(regulator, 'POST', '/api/supervision/cases', { clueId: clue.id, summary: '涉嫌商标侵权' }), 201);
    const id = opened.id as string;
    expect(opened).toMatchObject({ jointDepartments: [], held: true });

    // bad input: an unknown department, the holder itself only; nothing changed
    const unknown = await p.call(regulator, 'POST', `/api/supervision/cases/${id}/joint`, { departmentCodes: ['nowhere'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'supervision.unknown_department', field: 'departmentCodes.0' });
    const self = await p.call(regulator, 'POST', `/api/supervision/cases/${id}/joint`, { departmentCodes: ['scjgj'] });
    expect(self.body.error).toMatchObject({ code: 'supervision.case_joint_already', field: 'departmentCodes' });
    // another department cannot invite itself into a case it does not see
    expect((await p.call(ipoNow, 'POST', `/api/supervision/cases/${id}/joint`, { departmentCodes: ['zscqj'] })).status).toBe(404);

    const joined = ok(
      await p.call(regulator, 'POST', `/api/supervision/cases/${id}/joint`, { departmentCodes: ['zscqj'], note: '商标权属认定' }),
    );
    expect(joined.jointDepartments).toEqual([{ code: 'zscqj', name: expect.stringContaining('知识产权') }]);
    // 知识产权局 now lists it (not as holder), reads it, adds evidence — and may not take a step
    const theirs = ok(await p.call(ipoNow, 'GET', '/api/supervision/cases')).items.find((c: { id: string }) => c.id === id);
    expect(theirs).toMatchObject({ held: false, departmentCode: 'scjgj' });
    const order = await insertOrder(p, buyer.me.user.id, merchantOrgId, 9_900);
    const withEvidence = ok(await p.call(ipoNow, 'POST', `/api/supervision/cases/${id}/evidence`, { kind: 'order', refId: order.id }));
    expect(withEvidence.evidence).toHaveLength(1);
    const step = await p.call(ipoNow, 'POST', `/api/supervision/cases/${id}/notify`, {
      facts: '经查属实。',
      intended: '拟下架',
      legalBasis: '《商标法》',
    });
    expect(step.status).toBe(403);
    expect(step.body.error.code).toBe('supervision.case_joint_only');
    expect(
      (await p.call(ipoNow, 'POST', `/api/supervision/cases/${id}/transfer`, { departmentCode: 'zscqj', reason: '我局承办' })).status,
    ).toBe(403);
    // the clue was shared with it (read-only)
    expect(ok(await p.call(ipoNow, 'GET', `/api/supervision/clues/${clue.id}`)).clue).toMatchObject({ held: false });
    // 商务委 is in neither: the case does not exist for it
    expect((await p.call(swc, 'GET', `/api/supervision/cases/${id}`)).status).toBe(404);

    // 移送 to 商务委: same department refused, then moved with the clue
    const same = await p.call(regulator, 'POST', `/api/supervision/cases/${id}/transfer`, { departmentCode: 'scjgj', reason: '原部门' });
    expect(same.body.error).toMatchObject({ code: 'supervision.case_same_department', field: 'departmentCode' });
    const moved = ok(
      await p.call(regulator, 'POST', `/api/supervision/cases/${id}/transfer`, {
        departmentCode: 'swc',
        reason: '涉及电商平台经营，由商务委主办',
      }),
    );
    expect(moved).toMatchObject({ departmentCode: 'swc', held: false });
    expect((await p.call(regulator, 'GET', `/api/supervision/cases/${id}`)).status).toBe(404);
    const detail = ok(await p.call(swc, 'GET', `/api/supervision/cases/${id}`));
    expect(detail.case).toMatchObject({ held: true, jointDepartments: [{ code: 'zscqj' }] });
    const log = detail.entries.filter((e: { action: string }) => e.action === 'transferred' || e.action === 'joined');
    expect(log.map((e: { action: string }) => e.action)).toEqual(['joined', 'transferred']);
    expect(log[1]).toMatchObject({ note: '涉及电商平台经营，由商务委主办', toDepartmentName: expect.stringContaining('商务') });
    expect(ok(await p.call(swc, 'GET', `/api/supervision/clues/${clue.id}`)).clue).toMatchObject({ held: true, departmentCode: 'swc' });
    // the sharing log of 商务委 shows the transfer it received
    const sharing = ok(await p.call(swc, 'GET', '/api/supervision/sharing-log')).items;
    expect(sharing.some((e: { action: string; clueId: string }) => e.action === 'transferred' && e.clueId === clue.id)).toBe(true);
    // the receiving departments' inboxes: the case number and title, the sending department; not the reason, no one else
    await drain();
    const invited = ok(await p.call(ipoNow, 'GET', '/api/notifications?kind=case.joined')).items;
    expect(invited.filter((n: { title: { zh: string } }) => n.title.zh.includes(opened.caseNo))).toHaveLength(1);
    expect(invited[0]).toMatchObject({ severity: 'info', link: `/supervision/cases?case=${id}` });
    expect(invited[0].body.zh).toContain('市场监管局');
    expect(invited[0].body.zh).toContain('涉嫌商标侵权');
    const handed = ok(await p.call(swc, 'GET', '/api/notifications?kind=case.transferred')).items;
    expect(handed.filter((n: { title: { zh: string } }) => n.title.zh.includes(opened.caseNo))).toHaveLength(1);
    expect(handed[0]).toMatchObject({ severity: 'action_required', link: `/supervision/cases?case=${id}` });
    expect(handed[0].body.zh).toContain('市场监管局');
    expect(handed[0].body.zh).not.toContain('涉及电商平台经营');
    for (const [who, kind] of [
      [regulator, 'case.transferred'],
      [regulator, 'case.joined'],
      [ipoNow, 'case.transferred'],
      [swc, 'case.joined'],
    ] as const)
      expect(ok(await p.call(who, 'GET', `/api/notifications?kind=${kind}`)).items.some((n: { link: string }) => n.link.endsWith(id))).toBe(
        false,
      );
    // every write audited
    for (const action of ['supervision.case_joined', 'supervision.case_transferred'])
      expect((await p.c.uow.read.audit.list({ action, limit: 50 })).some((a) => a.targetId === id)).toBe(true);
  });
});
