/**
 * 联席会议's information sharing, on PGlite and PostgreSQL: 市场监管局 holds a clue and shares it with 知识产权局 and
 * 网信办 with a reason; 知识产权局 then finds it in its queue marked as shared, reads it (the read is logged once a
 * day) but may not transfer, share or dismiss it; 商务委, not shared with, gets 404; the sharing log shows each
 * department what was sent to or read from it, by whom, with the reason. Bad input changes nothing.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let scjgj: TestSession;
let ipo: TestSession;
let swc: TestSession;
let clueId: string;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [scjgj, ipo, swc] = await Promise.all([p.login('regulator'), p.login('reg_ipo'), p.login('reg_swc')]);
  const merchant = await p.login('merchant_0005');
  const r = await p.call(scjgj, 'POST', '/api/supervision/clues', {
    subjectKind: 'organization',
    subjectId: merchant.me.active?.orgId,
    riskLevel: 2,
    description: '直播间销售疑似假冒注册商标的运动鞋，需知识产权局协查',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  clueId = r.body.id;
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('sharing clues between departments', () => {
  it('another department cannot see an unshared clue', async () => {
    expect((await p.call(ipo, 'GET', `/api/supervision/clues/${clueId}`)).status).toBe(404);
    expect(((await p.call(ipo, 'GET', '/api/supervision/clues')).body.items as Array<{ id: string }>).map((c) => c.id)).not.toContain(
      clueId,
    );
  });

  it('refuses a share to an unknown department, to the holder itself, or without a reason, writing nothing', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ departmentCodes: ['nope'], reason: '协查' }, 'supervision.unknown_department', 'departmentCodes'],
      [{ departmentCodes: ['scjgj'], reason: '协查' }, 'supervision.same_department', 'departmentCodes'],
      [{ departmentCodes: ['zscqj'] }, 'request.invalid', 'reason'],
      [{ departmentCodes: [], reason: '协查' }, 'request.invalid', 'departmentCodes'],
    ];
    for (const [body, code, field] of cases) {
      const r = await p.call(scjgj, 'POST', `/api/supervision/clues/${clueId}/share`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.field).toBe(field);
    }
    const detail = await p.call(scjgj, 'GET', `/api/supervision/clues/${clueId}`);
    expect(detail.body.clue.sharedWith).toEqual([]);
  });

  it('市场监管局 shares it with 知识产权局 and 网信办; it stays 市场监管局’s', async () => {
    const r = await p.call(scjgj, 'POST', `/api/supervision/clues/${clueId}/share`, {
      departmentCodes: ['zscqj', 'wxb', 'zscqj'],
      reason: '涉嫌假冒注册商标，请协查商标权属',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ departmentName: '市场监管局', held: true, sharedWith: ['知识产权局', '网信办'] });
    // sharing again with the same department adds nothing
    await p.call(scjgj, 'POST', `/api/supervision/clues/${clueId}/share`, { departmentCodes: ['zscqj'], reason: '再次提醒协查' });
    const log = (await p.call(scjgj, 'GET', `/api/supervision/clues/${clueId}`)).body.entries as Array<{
      action: string;
      toDepartment: string;
    }>;
    expect(log.filter((e) => e.action === 'shared').map((e) => e.toDepartment)).toEqual(['知识产权局', '网信办']);
  });

  it('知识产权局 reads it as shared, read-only; 商务委 still cannot see it', async () => {
    const queue = (await p.call(ipo, 'GET', '/api/supervision/clues')).body.items as Array<{
      id: string;
      held: boolean;
      departmentName: string;
    }>;
    const mine = queue.find((c) => c.id === clueId);
    expect(mine).toMatchObject({ held: false, departmentName: '市场监管局' });
    expect((await p.call(ipo, 'GET', `/api/supervision/clues/${clueId}`)).status).toBe(200);
    expect((await p.call(ipo, 'GET', `/api/supervision/clues/${clueId}`)).status).toBe(200);
    for (const [path, body] of [
      ['transfer', { departmentCode: 'zscqj', reason: '由本局承办' }],
      ['share', { departmentCodes: ['swc'], reason: '转给商务委' }],
      ['dismiss', { reason: '不属实' }],
    ] as const) {
      const r = await p.call(ipo, 'POST', `/api/supervision/clues/${clueId}/${path}`, body);
      expect(r.status, path).toBe(403);
      expect(r.body.error.code).toBe('supervision.not_holder');
    }
    expect((await p.call(swc, 'GET', `/api/supervision/clues/${clueId}`)).status).toBe(404);
    const held = (await p.call(scjgj, 'GET', `/api/supervision/clues/${clueId}`)).body.clue;
    expect(held.status).toBe('open');
    expect(held.departmentCode).toBe('scjgj');
  });

  it('the sharing log shows each department what was sent to it or read from it, by whom and why', async () => {
    const ours = (await p.call(scjgj, 'GET', '/api/supervision/sharing-log')).body.items as Array<Record<string, unknown>>;
    const reads = ours.filter((e) => e.action === 'viewed' && e.clueId === clueId);
    // read twice today by 知识产权局: logged once
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorName: '知识产权局 孙海', fromDepartment: '知识产权局', toDepartment: '市场监管局' });
    expect(ours.filter((e) => e.action === 'shared' && e.clueId === clueId)).toHaveLength(2);
    const theirs = (await p.call(ipo, 'GET', '/api/supervision/sharing-log')).body.items as Array<Record<string, unknown>>;
    expect(theirs.find((e) => e.action === 'shared' && e.clueId === clueId)).toMatchObject({
      actorName: '市场监管局 周明',
      fromDepartment: '市场监管局',
      toDepartment: '知识产权局',
      note: '涉嫌假冒注册商标，请协查商标权属',
      clueRule: 'manual',
    });
    // 商务委 was neither sent nor read from: nothing about this clue
    const swcLog = (await p.call(swc, 'GET', '/api/supervision/sharing-log')).body.items as Array<Record<string, unknown>>;
    expect(swcLog.filter((e) => e.clueId === clueId)).toEqual([]);
    // the holder's own reads are not logged as sharing
    await p.call(scjgj, 'GET', `/api/supervision/clues/${clueId}`);
    const again = (await p.call(scjgj, 'GET', '/api/supervision/sharing-log')).body.items as Array<Record<string, unknown>>;
    expect(again.filter((e) => e.action === 'viewed' && e.clueId === clueId)).toHaveLength(1);
  });
});
