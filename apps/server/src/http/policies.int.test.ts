/**
 * 政策服务包 through the API, on PGlite and PostgreSQL: a department publishes a policy; the enterprise sees it
 * matched with its reasons, applies with its documents and declarations (自报), the issuing department grants it
 * with the amount — paid in the same transaction as one balanced ledger entry from the department's programme fund
 * to the applicant's policy-grants account (已拨付) — and the applicant is told in the inbox; a rejection pays
 * nothing; an ineligible applicant is refused with the unmet conditions; a condition that does not parse is a 400;
 * another tenant and another department see nothing; talent policies for a certified streamer, paid to the person.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const WAN = 1_000_000;

let p: TestPlatform;
let swc: TestSession;
let scjgj: TestSession;
let merchant: TestSession;
let otherMerchant: TestSession;
let streamer: TestSession;

async function upload(s: TestSession, docType: string): Promise<string> {
  const res = await p.app.inject({
    method: 'POST',
    url: `/api/documents?docType=${docType}&filename=x.pdf`,
    headers: { ...s.headers(), 'content-type': 'application/pdf' },
    payload: PDF,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const policy = (over: Record<string, unknown> = {}) => ({
  kind: 'enterprise',
  title: '直播电商企业成长补贴（测试）',
  summary: '对近12个月平台成交额达标的商家给予一次性补贴。',
  basis: '上海市商务委关于促进本市直播电商创新发展若干措施（测试）',
  conditions: {
    all: [
      { fact: 'orgKind', op: 'eq', value: 'merchant' },
      { fact: 'gmv12mFen', op: 'gte', value: 1 },
      { fact: 'headcount', op: 'gte', value: 10 },
    ],
  },
  benefit: { kind: 'subsidy_amount', amountFen: 50 * WAN, rateBp: null, capFen: 100 * WAN, description: '一次性补贴' },
  applyFrom: null,
  applyUntil: null,
  documents: ['financial_statement'],
  ...over,
});

/** The balance of a party's account of `kind` (0 before it is opened). */
async function balance(partyId: string, kind: 'programme_fund' | 'policy_grants'): Promise<number> {
  return (await p.c.ledger.accountFor(partyId, kind))?.balance ?? 0;
}

/** The ledger lines of a party's account of `kind` under the grant key of an application. */
async function grantLines(partyId: string, kind: 'programme_fund' | 'policy_grants', applicationId: string) {
  const account = await p.c.ledger.accountFor(partyId, kind);
  if (!account) return [];
  const lines = await p.c.ledger.lines(account.id, { limit: 500 });
  return lines.filter((l) => l.businessKey === `policy.grant:${applicationId}`);
}

async function published(over: Record<string, unknown> = {}): Promise<string> {
  const c = await p.call(swc, 'POST', '/api/policies', policy(over));
  expect(c.status).toBe(201);
  const pub = await p.call(swc, 'POST', `/api/policies/${c.body.id}/publish`);
  expect(pub.status).toBe(200);
  return c.body.id;
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [swc, scjgj, merchant, otherMerchant, streamer] = await p.loginAll('reg_swc', 'regulator', 'merchant', 'merchant_0001', 'streamer');
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('policy service packages', () => {
  it('the demo: its five published policies, the demo base’s application in review with the 商务委', async () => {
    const issued = await p.call(swc, 'GET', '/api/policies');
    expect(issued.body.items.filter((x: { status: string }) => x.status === 'published').length).toBe(5);
    const q = await p.call(swc, 'GET', '/api/policy-applications/queue');
    expect(q.body.items.find((x: { policyTitle: string }) => x.policyTitle === '直播电商基地建设补贴')).toMatchObject({
      status: 'in_review',
      subjectName: '云嘉直播电商产业园',
    });
    const base = await p.login('base');
    const m = await p.call(base, 'GET', '/api/policies/matched');
    expect(m.body.items[0]).toMatchObject({
      status: 'eligible',
      policy: { title: '直播电商基地建设补贴' },
      application: { status: 'in_review' },
    });
  });

  it('publish → matched with reasons → apply → grant → the applicant is notified', async () => {
    const id = await published();
    const m = await p.call(merchant, 'GET', '/api/policies/matched');
    expect(m.status).toBe(200);
    const item = m.body.items.find((x: { policy: { id: string } }) => x.policy.id === id);
    // headcount is not held by LiveHub: nearly, to be declared
    expect(item.status).toBe('nearly');
    expect(item.declare).toEqual(['headcount']);
    expect(item.policy.issuerName).toBe('商务委');
    expect(item.reasons[0].text).toBe('主体类型 = 商家 ✓（实际 商家）');
    expect(item.reasons[1].text).toMatch(/^近12个月成交额 ≥ 0 万元 ✓（实际 .+ 万元）$/);
    expect(item.reasons[2].text).toBe('从业人数 ≥ 10 人 ？（待申请时自报）');
    expect(m.body.facts.find((f: { fact: string }) => f.fact === 'orgKind').value).toBe('商家');

    // without the required document: 400, nothing written
    const noDoc = await p.call(merchant, 'POST', `/api/policies/${id}/apply`, { declared: { headcount: 35 } });
    expect(noDoc.status).toBe(400);
    expect(noDoc.body.error).toMatchObject({ code: 'policies.documents_missing', field: 'documents' });

    const doc = await upload(merchant, 'financial_statement');
    const a = await p.call(merchant, 'POST', `/api/policies/${id}/apply`, {
      declared: { headcount: 35 },
      documents: [{ id: doc, docType: 'financial_statement' }],
      requestedFen: 80 * WAN,
    });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ status: 'in_review', declared: { headcount: 35 }, policyTitle: '直播电商企业成长补贴（测试）' });
    expect(a.body.reasons[2]).toMatchObject({ selfDeclared: true, text: '从业人数 ≥ 10 人 ✓（实际 35 人，自报）' });

    // a second open application for the same policy: 409
    const again = await p.call(merchant, 'POST', `/api/policies/${id}/apply`, {
      declared: { headcount: 35 },
      documents: [{ id: doc, docType: 'financial_statement' }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('policies.already_applied');

    // another department of the same regulator: not in its queue, cannot review
    const q2 = await p.call(scjgj, 'GET', '/api/policy-applications/queue');
    expect(q2.body.items.some((x: { id: string }) => x.id === a.body.id)).toBe(false);
    const wrongDept = await p.call(scjgj, 'POST', `/api/policy-applications/${a.body.id}/review`, { action: 'approve', grantedFen: 1 });
    expect(wrongDept.status).toBe(404);

    const q = await p.call(swc, 'GET', '/api/policy-applications/queue');
    expect(q.body.items.find((x: { id: string }) => x.id === a.body.id)).toMatchObject({ subjectName: '上海嘉织服饰有限公司' });
    const over = await p.call(swc, 'POST', `/api/policy-applications/${a.body.id}/review`, { action: 'approve', grantedFen: 200 * WAN });
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('policies.amount_over_cap');
    const swcOrg = swc.me.active?.orgId ?? '';
    const merchantOrg = merchant.me.active?.orgId ?? '';
    const [fundBefore, grantsBefore] = [await balance(swcOrg, 'programme_fund'), await balance(merchantOrg, 'policy_grants')];
    // the refused attempts above paid nothing
    expect(await grantLines(merchantOrg, 'policy_grants', a.body.id)).toEqual([]);
    const ok = await p.call(swc, 'POST', `/api/policy-applications/${a.body.id}/review`, { action: 'approve', grantedFen: 60 * WAN });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'granted', grantedFen: 60 * WAN, paidFen: 60 * WAN });
    expect(typeof ok.body.paidAt).toBe('string');

    // 已拨付: one balanced entry, the department's fund −60万, the merchant's policy-grants account +60万
    const [line] = await grantLines(merchantOrg, 'policy_grants', a.body.id);
    expect(line?.amount).toBe(60 * WAN);
    const entry = await p.c.ledger.entry(line?.entryId ?? '');
    expect(entry).toMatchObject({ kind: 'policies.grant', businessKey: `policy.grant:${a.body.id}` });
    expect(entry.postings).toHaveLength(2);
    expect(entry.postings.reduce((sum, x) => sum + x.amount, 0)).toBe(0);
    expect(await balance(swcOrg, 'programme_fund')).toBe(fundBefore - 60 * WAN);
    expect(await balance(merchantOrg, 'policy_grants')).toBe(grantsBefore + 60 * WAN);
    expect((await p.c.ledger.verify()).ok).toBe(true);

    // the applicant sees it paid; the department's totals sum what was paid
    const mine = await p.call(merchant, 'GET', '/api/policy-applications/mine');
    expect(mine.body.items.find((x: { id: string }) => x.id === a.body.id)).toMatchObject({ paidFen: 60 * WAN, paidAt: ok.body.paidAt });
    const totals = await p.call(swc, 'GET', '/api/policies/totals');
    expect(totals.body.items.find((t: { policyId: string }) => t.policyId === id)).toMatchObject({
      granted: 1,
      grantedFen: 60 * WAN,
      paidFen: 60 * WAN,
    });

    while ((await p.c.outbox.dispatch()).pending);
    const inbox = await p.call(merchant, 'GET', '/api/notifications');
    expect(JSON.stringify(inbox.body)).toContain('政策申报已核定');
  });

  it('a rejected application pays nothing', async () => {
    const id = await published({ title: '直播电商企业成长补贴（驳回测试）' });
    const doc = await upload(merchant, 'financial_statement');
    const a = await p.call(merchant, 'POST', `/api/policies/${id}/apply`, {
      declared: { headcount: 35 },
      documents: [{ id: doc, docType: 'financial_statement' }],
    });
    expect(a.status).toBe(200);
    const swcOrg = swc.me.active?.orgId ?? '';
    const merchantOrg = merchant.me.active?.orgId ?? '';
    const [fundBefore, grantsBefore] = [await balance(swcOrg, 'programme_fund'), await balance(merchantOrg, 'policy_grants')];
    const no = await p.call(swc, 'POST', `/api/policy-applications/${a.body.id}/review`, { action: 'reject', reason: '材料不实' });
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({ status: 'rejected', paidFen: null, paidAt: null });
    expect(await grantLines(swcOrg, 'programme_fund', a.body.id)).toEqual([]);
    expect(await balance(swcOrg, 'programme_fund')).toBe(fundBefore);
    expect(await balance(merchantOrg, 'policy_grants')).toBe(grantsBefore);
    const totals = await p.call(swc, 'GET', '/api/policies/totals');
    expect(totals.body.items.find((t: { policyId: string }) => t.policyId === id)).toMatchObject({ granted: 0, paidFen: 0 });
  });

  it('not eligible → 409 with the unmet conditions, nothing written', async () => {
    const id = await published({
      title: '头部商家补贴（测试）',
      conditions: {
        all: [
          { fact: 'orgKind', op: 'eq', value: 'merchant' },
          { fact: 'gmv12mFen', op: 'gte', value: 100_000 * 100 * WAN },
        ],
      },
      documents: [],
    });
    const before = (await p.call(merchant, 'GET', '/api/policy-applications/mine')).body.items.length;
    const r = await p.call(merchant, 'POST', `/api/policies/${id}/apply`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('policies.not_eligible');
    expect(r.body.error.message).toMatch(/近12个月成交额 ≥ 10000000 万元 ✗/);
    expect(r.body.error.details.reasons).toHaveLength(1);
    expect((await p.call(merchant, 'GET', '/api/policy-applications/mine')).body.items.length).toBe(before);
  });

  it('a condition that does not parse is a 400 naming where; a streamer’s application is not an enterprise’s', async () => {
    const bad = await p.call(swc, 'POST', '/api/policies', policy({ conditions: { all: [{ fact: 'gmv', op: 'gte', value: 1 }] } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'policies.bad_condition', field: 'conditions' });
    expect(bad.body.error.message).toContain('$.all[0].fact');
    const notRegulator = await p.call(merchant, 'POST', '/api/policies', policy());
    expect(notRegulator.status).toBe(403);
  });

  it('another tenant sees neither the applications nor can act on them', async () => {
    const mine = (await p.call(merchant, 'GET', '/api/policy-applications/mine')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    const theirs = (await p.call(otherMerchant, 'GET', '/api/policy-applications/mine')).body.items;
    expect(theirs.some((x: { id: string }) => mine.some((m: { id: string }) => m.id === x.id))).toBe(false);
    const w = await p.call(otherMerchant, 'POST', `/api/policy-applications/${mine[0].id}/withdraw`);
    expect(w.status).toBe(404);
  });

  it('talent policy: a certified streamer applies, the department returns it, the streamer adds documents', async () => {
    const id = await published({
      kind: 'talent',
      title: '直播人才住房补贴（测试）',
      conditions: {
        all: [
          { fact: 'certified', op: 'eq', value: true },
          { fact: 'socialSecurityMonths', op: 'gte', value: 6 },
        ],
      },
      benefit: { kind: 'housing_subsidy', amountFen: 2 * WAN, rateBp: null, capFen: 5 * WAN, description: '每月住房补贴' },
      documents: ['social_security_record'],
    });
    const m = await p.call(streamer, 'GET', '/api/policies/matched');
    expect(m.status).toBe(200);
    expect(m.body.items.every((x: { policy: { kind: string } }) => x.policy.kind === 'talent')).toBe(true);
    const doc = await upload(streamer, 'social_security_record');
    const a = await p.call(streamer, 'POST', `/api/policies/${id}/apply`, {
      declared: { socialSecurityMonths: 24 },
      documents: [{ id: doc, docType: 'social_security_record' }],
    });
    expect(a.status).toBe(200);
    const ret = await p.call(swc, 'POST', `/api/policy-applications/${a.body.id}/review`, { action: 'return', reason: '请补充租房合同' });
    expect(ret.body.status).toBe('returned');
    const more = await upload(streamer, 'policy_materials');
    const re = await p.call(streamer, 'POST', `/api/policy-applications/${a.body.id}/resubmit`, {
      documents: [{ id: more, docType: 'policy_materials' }],
    });
    expect(re.status).toBe(200);
    expect(re.body.status).toBe('in_review');
    // granted: paid to the person's own policy-grants account
    const userId = streamer.me.user.id;
    const before = await balance(userId, 'policy_grants');
    const ok = await p.call(swc, 'POST', `/api/policy-applications/${a.body.id}/review`, { action: 'approve', grantedFen: 3 * WAN });
    expect(ok.body).toMatchObject({ status: 'granted', paidFen: 3 * WAN });
    expect(await balance(userId, 'policy_grants')).toBe(before + 3 * WAN);
    expect(await grantLines(userId, 'policy_grants', a.body.id)).toHaveLength(1);
    expect((await p.c.ledger.verify()).ok).toBe(true);
    // the merchant cannot apply for a talent policy
    const wrong = await p.call(merchant, 'POST', `/api/policies/${id}/apply`, {});
    expect(wrong.status).toBe(403);
  });
});
