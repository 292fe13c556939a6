/**
 * Admission and certification through the API: documents sniffed by content, merchants with credit codes, streamers
 * with ID numbers and age rules, and base certification along the full path 申报 → 材料审查 → 信用征询 → 多部门联审
 * → 公示 → 认定, with the clock under test control; an objection during notice sends a second base back.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { creditCodeCheckChar, orgCodeCheckChar } from '@livehub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.parse('2026-03-02T02:00:00Z')); // a Monday
let p: TestPlatform;
let admin: TestSession;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** A whole 1×1 PNG (uploads are checked to be whole files). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');

async function upload(s: TestSession, docType: string, body: Buffer = PDF, contentType = 'application/pdf', filename = 'a.pdf') {
  const res = await p.app.inject({
    method: 'POST',
    url: `/api/documents?docType=${docType}&filename=${encodeURIComponent(filename)}`,
    headers: { ...s.headers(), 'content-type': contentType },
    payload: body,
  });
  return res;
}

/** A user with a regulator membership in one department of the demo regulator. */
async function departmentUser(code: string): Promise<TestSession> {
  const regulator = (await p.app.inject({ method: 'GET', url: '/api/orgs?kind=regulator', headers: admin.headers(false) })).json().items[0];
  const dep = regulator.departments.find((d: { code: string }) => d.code === code);
  const u = await p.call(admin, 'POST', '/api/users', {
    username: `dept_${code}`,
    password: 'dept-password-1',
    displayName: `部门 ${code}`,
  });
  await p.app.inject({
    method: 'POST',
    url: `/api/orgs/${regulator.id}/members`,
    headers: admin.headers(),
    payload: { userId: u.body.id, role: 'regulator', departmentId: dep.id },
  });
  return p.login(`dept_${code}`, 'dept-password-1');
}

let registrations = 0;
async function newUser(name: string): Promise<TestSession> {
  await p.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { username: name, password: 'applicant-pass-1', displayName: name },
    remoteAddress: `127.200.0.${++registrations}`,
  });
  return p.login(name, 'applicant-pass-1');
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  admin = await p.login('admin');
});
afterAll(async () => p?.close());

describe('documents', () => {
  it('accepts PDF/JPEG/PNG by content and refuses disguises, with field errors', async () => {
    const a = await newUser('doc_user');
    const ok = await upload(a, 'business_licence');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fileType: 'pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const disguised = await upload(
      a,
      'business_licence',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'application/pdf',
      'x.pdf',
    );
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error).toMatchObject({ code: 'document.unsupported_type', field: 'file' });
    const mismatch = await upload(a, 'business_licence', PNG, 'application/pdf', 'x.pdf');
    expect(mismatch.json().error.code).toBe('document.type_mismatch');
    const big = await upload(a, 'business_licence', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const badType = await upload(a, 'selfie');
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.field).toBe('docType');
    // the owner may download; a stranger gets 404; every download is audited
    const other = await newUser('doc_stranger');
    expect(
      (await p.app.inject({ method: 'GET', url: `/api/documents/${ok.json().id}/content`, headers: other.headers(false) })).statusCode,
    ).toBe(404);
    const mine = await p.app.inject({ method: 'GET', url: `/api/documents/${ok.json().id}/content`, headers: a.headers(false) });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
  });
});

describe('merchant admission', () => {
  it('validates the credit code, refuses duplicates naming the existing record, and gates listing until admitted', async () => {
    const m = await newUser('shop_owner');
    const lic = (await upload(m, 'business_licence')).json().id;
    const base = {
      name: '上海测试服饰有限公司',
      legalRepresentative: '王测试',
      contactPhone: '13800138000',
      address: '上海市嘉定区安亭镇测试路1号',
      categories: ['apparel'],
      depositFen: 500000,
      documents: [{ id: lic, docType: 'business_licence' }],
    };
    const bad = await p.call(m, 'POST', '/api/registry/merchants', { ...base, creditCode: '91350100M000100Y44' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'registry.credit_code_invalid', field: 'creditCode' });
    const res = await p.call(m, 'POST', '/api/registry/merchants', { ...base, creditCode: '91350100M000100Y43' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ step: 'review', status: 'in_progress' });
    const dup = await p.call(m, 'POST', '/api/registry/merchants', { ...base, name: '另一家', creditCode: '91350100m000100y43' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('上海测试服饰有限公司');

    const orgId = res.body.orgId as string;
    expect(
      (await p.app.inject({ method: 'GET', url: `/api/registry/gates/listing/${orgId}`, headers: admin.headers(false) })).json(),
    ).toMatchObject({ allowed: false });
    const reviewer = await p.login('reviewer');
    const queue = await p.call(reviewer, 'GET', '/api/applications?scope=queue&kind=merchant_admission');
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(res.body.applicationId);
    const approve = await p.app.inject({
      method: 'POST',
      url: `/api/applications/${res.body.applicationId}/actions`,
      headers: reviewer.headers(),
      payload: { action: 'approve' },
    });
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toMatchObject({ step: 'admitted', status: 'approved' });
    expect(
      (await p.app.inject({ method: 'GET', url: `/api/registry/gates/listing/${orgId}`, headers: admin.headers(false) })).json(),
    ).toEqual({ allowed: true, reasons: [] });
    // the applicant may not approve; a reason is required to suspend
    const self = await p.call(m, 'POST', `/api/applications/${res.body.applicationId}/actions`, { action: 'suspend', reason: 'x' });
    expect(self.status).toBe(403);
    const noReason = await p.call(reviewer, 'POST', `/api/applications/${res.body.applicationId}/actions`, { action: 'suspend' });
    expect(noReason.body.error).toMatchObject({ code: 'workflow.reason_required', field: 'reason' });
  });
});

describe('streamer certification', () => {
  it('checks the ID number, refuses under-16s, requires guardian consent at 16–17, encrypts and masks, audits full views', async () => {
    const s = await newUser('new_streamer');
    const idDoc = (await upload(s, 'id_card', PNG, 'image/png', 'id.png')).json().id;
    const body = { realName: '林小雨', topics: ['fashion'], documents: [{ id: idDoc, docType: 'id_card' }] };
    const wrong = await p.call(s, 'POST', '/api/registry/streamers', { ...body, idNumber: '110105194912310021' });
    expect(wrong.body.error).toMatchObject({ code: 'registry.id_number_invalid', field: 'idNumber' });
    const impossible = await p.call(s, 'POST', '/api/registry/streamers', { ...body, idNumber: '110105202302300011' });
    expect(impossible.status).toBe(400);
    const child = await p.call(s, 'POST', '/api/registry/streamers', { ...body, idNumber: idFor('20120101') });
    expect(child.body.error.code).toBe('registry.under_16');
    const teen = await p.call(s, 'POST', '/api/registry/streamers', { ...body, idNumber: idFor('20090101') });
    expect(teen.body.error.code).toBe('registry.guardian_consent_required');
    const medic = await p.call(s, 'POST', '/api/registry/streamers', { ...body, topics: ['medicine'], idNumber: idFor('19950101') });
    expect(medic.body.error.code).toBe('registry.professional_licence_required');

    const ok = await p.call(s, 'POST', '/api/registry/streamers', { ...body, idNumber: idFor('19950101') });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ step: 'review' });
    const [raw] = await p.c.database.exec(`select real_name_enc, id_number_enc from streamer_profiles where user_id = '${s.me.user.id}'`);
    expect(String(raw?.real_name_enc)).not.toContain('林小雨');
    expect(String(raw?.id_number_enc)).not.toContain(idFor('19950101'));
    const me = await p.call(s, 'GET', '/api/registry/streamers/me');
    expect(me.body.profile).toMatchObject({ realName: '林**', idNumber: expect.stringMatching(/^110\*{11}\w{4}$/), status: 'pending' });
    expect(me.body.liveGate).toMatchObject({ allowed: false, reasons: ['status_pending'] });

    const reviewer = await p.login('reviewer');
    const full = await p.app.inject({
      method: 'GET',
      url: `/api/registry/streamers/${s.me.user.id}/identity?purpose=${encodeURIComponent('核验实名')}`,
      headers: reviewer.headers(false),
    });
    expect(full.json()).toMatchObject({ realName: '林小雨', idNumber: idFor('19950101') });
    const audit = await p.app.inject({ method: 'GET', url: '/api/audit?action=pii.view', headers: admin.headers(false) });
    expect(audit.json().items[0]).toMatchObject({ action: 'pii.view', targetId: s.me.user.id, actorLabel: 'reviewer' });
    expect(
      (await p.app.inject({ method: 'GET', url: `/api/registry/streamers/${s.me.user.id}/identity?purpose=x1`, headers: s.headers(false) }))
        .statusCode,
    ).toBe(403);

    await p.app.inject({
      method: 'POST',
      url: `/api/applications/${ok.body.applicationId}/actions`,
      headers: reviewer.headers(),
      payload: { action: 'approve' },
    });
    expect(
      (await p.app.inject({ method: 'GET', url: `/api/registry/gates/live/${s.me.user.id}`, headers: s.headers(false) })).json(),
    ).toEqual({ allowed: true, reasons: [] });
    const twin = await newUser('id_thief');
    const tdoc = (await upload(twin, 'id_card')).json().id;
    const dup = await p.call(twin, 'POST', '/api/registry/streamers', {
      ...body,
      documents: [{ id: tdoc, docType: 'id_card' }],
      idNumber: idFor('19950101'),
    });
    expect(dup.status).toBe(409);
    // a year later the certification lapses and the gate closes
    clock.advance(366 * 86_400_000);
    await p.c.registry.sweep();
    expect(await p.c.registry.liveGate(s.me.user.id)).toEqual({ allowed: false, reasons: ['status_expired'] });
    clock.set(new Date('2026-03-02T02:00:00Z'));
  });
});

describe('base certification, the full path', () => {
  it('材料审查 → 信用征询 → 三部门联审 → 公示 → 认定, then public; an objection returns another base', async () => {
    const [swc, scjgj, zscqj] = [await departmentUser('swc'), await departmentUser('scjgj'), await departmentUser('zscqj')];
    const apply = async (username: string, name: string) => {
      const op = await newUser(username);
      const doc = (await upload(op, 'base_materials')).json().id;
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/registry/bases',
        headers: op.headers(),
        payload: {
          name,
          address: '上海市嘉定区马陆镇测试大道100号',
          district: '嘉定区',
          areaM2: 12000,
          operatorName: '测试运营有限公司',
          documents: [{ id: doc, docType: 'base_materials' }],
        },
      });
      expect(res.statusCode).toBe(201);
      return { op, id: res.json().applicationId as string };
    };
    const act = (s: TestSession, id: string, action: string, reason?: string) =>
      p.app.inject({
        method: 'POST',
        url: `/api/applications/${id}/actions`,
        headers: s.headers(),
        payload: { action, ...(reason ? { reason } : {}) },
      });

    const first = await apply('base_op_1', '嘉定测试直播基地');
    const second = await apply('base_op_2', '嘉定第二测试基地');
    // only the commerce department reviews materials
    expect((await act(scjgj, first.id, 'approve')).statusCode).toBe(403);
    const reviewed = await act(swc, first.id, 'approve');
    expect(reviewed.json()).toMatchObject({ step: 'joint_review', status: 'in_progress' });
    expect(reviewed.json().events.map((e: { action: string }) => e.action)).toContain('credit_inquiry');
    // 信用征询 issues a signed credit report of the base; the joint review sees its findings
    const inquiry = reviewed.json().events.find((e: { action: string }) => e.action === 'credit_inquiry').detail;
    expect(inquiry).toMatchObject({ source: 'livehub-credit', tier: 'A', total: 100, rating: 'good' });
    const verdict = await p.app.inject({ method: 'GET', url: `/api/credit/reports/${inquiry.reportNumber}/verify?hash=${inquiry.sha256}` });
    expect(verdict.json()).toMatchObject({ genuine: true, partyKind: 'base', tier: 'A' });

    // three departments in parallel; a department cannot vote twice; the last approval opens the notice
    expect((await act(zscqj, first.id, 'approve')).json().step).toBe('joint_review');
    expect((await act(zscqj, first.id, 'approve')).statusCode).toBe(403);
    expect((await act(scjgj, first.id, 'approve')).json().step).toBe('joint_review');
    const noticed = await act(swc, first.id, 'approve');
    expect(noticed.json()).toMatchObject({ step: 'public_notice' });
    expect(noticed.json().jointReview.departments.every((d: { decision: string }) => d.decision === 'approve')).toBe(true);

    // the notice period must pass: nothing happens before, certification after
    await p.c.workflows.tick();
    expect((await p.app.inject({ method: 'GET', url: `/api/applications/${first.id}`, headers: swc.headers(false) })).json().step).toBe(
      'public_notice',
    );
    clock.advance(6 * 86_400_000);
    expect((await p.c.workflows.tick()).advanced).toContain(first.id);
    const done = await p.app.inject({ method: 'GET', url: `/api/applications/${first.id}`, headers: first.op.headers(false) });
    expect(done.json()).toMatchObject({ step: 'certified', status: 'approved' });
    const pub = await p.app.inject({ method: 'GET', url: '/api/public/bases' });
    expect(pub.json().items.map((b: { name: string }) => b.name)).toContain('嘉定测试直播基地');
    expect(pub.body).not.toContain('测试大道100号');

    // second base: through joint review, then an objection during notice is upheld and it returns
    await act(swc, second.id, 'approve');
    for (const s of [swc, scjgj, zscqj]) await act(s, second.id, 'approve');
    const citizen = await newUser('citizen_1');
    const obj = await p.call(citizen, 'POST', `/api/applications/${second.id}/objections`, { text: '该基地实际面积不足申报面积的一半' });
    expect(obj.status).toBe(201);
    clock.advance(6 * 86_400_000);
    expect((await p.c.workflows.tick()).advanced).not.toContain(second.id); // an open objection holds the notice
    // sessions last 7 days: after 12 days of notice periods, people sign in again
    const swcAgain = await p.login('dept_swc', 'dept-password-1');
    const upheld = await act(swcAgain, second.id, 'uphold_objection', '经现场核查，面积不符');
    expect(upheld.json()).toMatchObject({ step: 'returned' });
    const back = await p.app.inject({
      method: 'GET',
      url: `/api/applications/${second.id}`,
      headers: (await p.login('base_op_2', 'applicant-pass-1')).headers(false),
    });
    expect(back.json().actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['resubmit', 'withdraw']));
    expect(
      (await p.app.inject({ method: 'GET', url: '/api/public/bases' })).json().items.map((b: { name: string }) => b.name),
    ).not.toContain('嘉定第二测试基地');

    // the regulator's export has both, masked
    const csv = await p.app.inject({
      method: 'GET',
      url: '/api/registry/export.csv?kind=bases',
      headers: (await p.login('regulator')).headers(false),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('嘉定测试直播基地');
    expect(csv.body).not.toContain('测试大道100号');
    // Excel-friendly: BOM, Chinese headers and labels, China time — no codes, no UTC ISO times
    expect(csv.body.startsWith('\ufeff"机构编号","名称"')).toBe(true);
    expect(csv.body).toContain('"已认定"');
    expect(csv.body).not.toMatch(/"(certified|pending|downgraded|municipal|district)"/);
    expect(csv.body).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    for (const kind of ['streamers', 'merchants'] as const) {
      const other = await p.app.inject({
        method: 'GET',
        url: `/api/registry/export.csv?kind=${kind}`,
        headers: (await p.login('regulator')).headers(false),
      });
      expect(other.statusCode).toBe(200);
      expect(other.body.startsWith('\ufeff')).toBe(true);
      expect(other.body).not.toMatch(/"(certified|admitted|pending|suspended|fashion|beauty|apparel|cosmetics|food)"/);
      expect(other.body).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
      expect(other.body).toMatch(kind === 'streamers' ? /"已(认证|过期)"/ : /"已入驻"/);
      if (kind === 'merchants') expect(other.body).toMatch(/"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/);
    }
    // the audit chain still verifies after all of it
    expect(
      (await p.app.inject({ method: 'GET', url: '/api/audit/verify', headers: (await p.login('admin')).headers(false) })).json().ok,
    ).toBe(true);
  });
});

/** A valid ID number (Beijing 东城区 code) for a birth date. */
function idFor(yyyymmdd: string): string {
  const body = `110101${yyyymmdd}123`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...body].reduce((n, ch, i) => n + Number(ch) * (w[i] ?? 0), 0) % 11;
  return body + '10X98765432'.charAt(s);
}

describe('MCN agencies, service providers and talent records', () => {
  it('registers an MCN under a certified base and a provider, refusing a credit code already used anywhere', async () => {
    const boss = await newUser('mcn_boss');
    const bases = (await p.app.inject({ method: 'GET', url: '/api/public/bases' })).json().items as Array<{ orgId: string }>;
    const ok = await p.app.inject({
      method: 'POST',
      url: '/api/registry/mcns',
      headers: boss.headers(),
      payload: {
        name: '测试星光文化传媒有限公司',
        creditCode: VALID_CODE,
        legalRepresentative: '钱测试',
        contactPhone: '13900001111',
        hostBaseOrgId: bases[0]?.orgId,
      },
    });
    expect(ok.statusCode).toBe(201);
    const again = await p.login('mcn_boss', 'applicant-pass-1');
    expect(again.me.memberships.map((m) => m.orgId)).toContain(ok.json().orgId);
    const provider = await newUser('provider_boss');
    const dup = await p.call(provider, 'POST', '/api/registry/providers', {
      name: '测试数据服务有限公司',
      creditCode: VALID_CODE,
      services: ['data'],
      contactPhone: '13900002222',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('测试星光文化传媒有限公司');
    const badHost = await p.app.inject({
      method: 'POST',
      url: '/api/registry/providers',
      headers: provider.headers(),
      payload: {
        name: '测试数据服务有限公司',
        creditCode: creditCode('310116', 'MA1GT00P'),
        services: ['data'],
        contactPhone: '13900002222',
        hostBaseOrgId: again.me.memberships[0]?.orgId,
      },
    });
    // an MCN is not a certified base: it cannot host a provider
    expect(badHost.json().error).toMatchObject({ code: 'org.parent_invalid', field: 'hostBaseOrgId' });
  });

  it('lets an MCN record training for its own streamers only', async () => {
    const mcn = await p.login('mcn');
    const members = (
      await p.app.inject({ method: 'GET', url: `/api/orgs/${mcn.me.active?.orgId}/members`, headers: mcn.headers(false) })
    ).json().items as Array<{ userId: string; role: string }>;
    const streamer = members.find((m) => m.role === 'streamer');
    const rec = await p.call(mcn, 'POST', '/api/registry/training', {
      userId: streamer?.userId,
      course: '广告法与直播合规',
      hours: 12,
      completedAt: '2026-02-20',
    });
    expect(rec.status).toBe(201);
    const talent = await p.call(mcn, 'GET', `/api/registry/talent/${streamer?.userId}`);
    expect(talent.body.totalHours).toBeGreaterThanOrEqual(12);
    const outsider = (await p.login('consumer')).me.user.id;
    const refused = await p.call(mcn, 'POST', '/api/registry/training', {
      userId: outsider,
      course: '越权记录',
      hours: 1,
      completedAt: '2026-02-20',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.field).toBe('userId');
  });
});

describe('qualification expiry', () => {
  it('warns 30 days ahead, then suspends the merchant and closes its listing gate on expiry', async () => {
    const m = await newUser('expiring_shop');
    const lic = (await upload(m, 'business_licence')).json().id;
    const food = (await upload(m, 'food_licence')).json().id;
    const expires = new Date(clock.now().getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/registry/merchants',
      headers: m.headers(),
      payload: {
        name: '即将过期食品有限公司',
        creditCode: SECOND_CODE,
        legalRepresentative: '周测试',
        contactPhone: '13800138001',
        address: '上海市浦东新区测试路2号',
        categories: ['food'],
        depositFen: 100000,
        documents: [
          { id: lic, docType: 'business_licence' },
          { id: food, docType: 'food_licence' },
        ],
        qualifications: [{ type: 'food_licence', number: 'JY13101150000001', documentId: food, expiresAt: expires }],
      },
    });
    expect(res.statusCode).toBe(201);
    await p.app.inject({
      method: 'POST',
      url: `/api/applications/${res.json().applicationId}/actions`,
      headers: (await p.login('reviewer')).headers(),
      payload: { action: 'approve' },
    });
    const orgId = res.json().orgId as string;
    const warned = await p.c.registry.sweep();
    expect(warned.warned).toBeGreaterThanOrEqual(1);
    expect(await p.c.registry.listingGate(orgId)).toEqual({ allowed: true, reasons: [] });
    clock.advance(21 * 86_400_000);
    const expired = await p.c.registry.sweep();
    expect(expired.suspendedMerchants).toBeGreaterThanOrEqual(1);
    expect((await p.c.registry.listingGate(orgId)).reasons).toEqual(
      expect.arrayContaining(['status_suspended', 'qualification_expired:food_licence']),
    );
    clock.set(new Date('2026-03-02T02:00:00Z'));
  });
});

const VALID_CODE = creditCode('310114', 'MA1GT000');
const SECOND_CODE = creditCode('310115', 'MA1GT00K');

/** A valid 统一社会信用代码 (工商, enterprise) for a region and an 8-character organization code body. */
function creditCode(region: string, org8: string): string {
  const body = `91${region}${org8}${orgCodeCheckChar(org8)}`;
  return body + creditCodeCheckChar(body);
}
