/**
 * 项目资金绩效评价 through the API, on PGlite and PostgreSQL (whichever the suite runs on): the seeded project is
 * mid-evaluation; the 商务委 sets up a project (a tranche above the budget refused, nothing written), pays its first
 * tranche (one balanced ledger entry); grading before the self-assessment, a self-assessment on another base's
 * project and an evaluation by a party without the evaluator role are refused with nothing written; the base
 * self-assesses (LiveHub's GMV, brands declared); the evaluator grades it 不合格 → rectification; the department
 * rejects it → exit and claw-back by a reversing entry (balances back, every entry sums to zero); a second claw-back
 * is refused. A second project's rectification is accepted; a third's deadline passes and the tick exits it.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const DAY = 86_400_000;
const START = Date.now();
const clock = new ManualClock(START);
const WAN = 1_000_000;

let p: TestPlatform;
let swc: TestSession;
let scjgj: TestSession;
let base: TestSession;
let otherBase: TestSession;
let evaluator: TestSession;
let baseOrgId: string;
let evaluatorOrgId: string;
const PATH = '/api/programmes/funding/projects';

const project = (over: Record<string, unknown> = {}) => ({
  kind: 'base',
  name: '测试基地三年项目资金',
  ownerOrgId: baseOrgId,
  evaluatorOrgId,
  startYear: 2025,
  budgetFen: 300 * WAN,
  tranches: [
    { planYear: 1, amountFen: 100 * WAN },
    { planYear: 2, amountFen: 100 * WAN },
  ],
  targets: [
    { planYear: 1, kind: 'gmv', target: 100 * WAN },
    { planYear: 1, kind: 'brands', target: 4 },
  ],
  ...over,
});

async function counts() {
  const r = p.c.uow.read.funding;
  const projects = await r.listProjects({ limit: 1000 });
  let tranches = 0;
  let evaluations = 0;
  for (const x of projects) {
    tranches += (await r.listTranches(x.id)).length;
    evaluations += (await r.listEvaluations(x.id)).length;
  }
  const audit = (await p.c.uow.read.audit.list({ limit: 1000 })).filter((a) => a.action.startsWith('funding.')).length;
  return { projects: projects.length, tranches, evaluations, audit, ledger: await entryCount() };
}

async function entryCount(): Promise<number> {
  const fund = await p.c.ledger.accountFor(swc.me.active?.orgId ?? '', 'programme_fund');
  return fund ? (await p.c.ledger.lines(fund.id, { limit: 500 })).length : 0;
}

async function expectBalanced(entryId: string) {
  const e = await p.c.ledger.entry(entryId);
  expect(e.postings.length).toBe(2);
  expect(e.postings.reduce((n, x) => n + x.amount, 0)).toBe(0);
  return e;
}

async function create(over: Record<string, unknown> = {}): Promise<{ id: string; tranche1: string }> {
  const r = await p.call(swc, 'POST', PATH, project(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const d = await p.call(swc, 'GET', `${PATH}/${r.body.id}`);
  return { id: r.body.id, tranche1: d.body.tranches.find((t: { planYear: number }) => t.planYear === 1).id };
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [swc, scjgj, base, otherBase, evaluator] = await p.loginAll('reg_swc', 'regulator', 'base', 'base_0001', 'evaluator');
  baseOrgId = base.me.active?.orgId ?? '';
  evaluatorOrgId = evaluator.me.active?.orgId ?? '';
  expect(baseOrgId && evaluatorOrgId).toBeTruthy();
}, 180_000);

afterAll(async () => {
  await p?.close();
});

describe('project funding', () => {
  it('the seeded project is mid-evaluation: tranche 1 paid, self-assessment filed, evaluation pending', async () => {
    const list = await p.call(evaluator, 'GET', PATH);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const d = await p.call(evaluator, 'GET', `${PATH}/${list.body.items[0].id}`);
    expect(d.body.project.status).toBe('self_assessed');
    expect(d.body.tranches.map((t: { status: string }) => t.status)).toEqual(['paid', 'planned', 'planned']);
    expect(d.body.evaluations[0].grade).toBeNull();
    expect(d.body.evaluations[0].selfFigures.gmv.source).toBe('livehub');
    expect(d.body.evaluations[0].selfFigures.brands).toEqual({ value: 2, source: 'declared' });
    // the base sees its own; another department of the regulator sees nothing and gets 404 for the project
    expect((await p.call(base, 'GET', PATH)).body.items).toHaveLength(1);
    expect((await p.call(scjgj, 'GET', PATH)).body.items).toHaveLength(0);
    expect((await p.call(scjgj, 'GET', `${PATH}/${list.body.items[0].id}`)).status).toBe(404);
    expect((await p.call(otherBase, 'GET', `${PATH}/${list.body.items[0].id}`)).status).toBe(404);
  });

  it('offers the bases and the evaluators to the department only', async () => {
    const o = await p.call(swc, 'GET', '/api/programmes/funding/options');
    expect(o.status).toBe(200);
    expect(o.body.bases.map((b: { id: string }) => b.id)).toContain(baseOrgId);
    expect(o.body.evaluators.map((e: { id: string }) => e.id)).toEqual([evaluatorOrgId]);
    expect((await p.call(base, 'GET', '/api/programmes/funding/options')).status).toBe(403);
    const bad = await p.call(swc, 'POST', PATH, project({ evaluatorOrgId: baseOrgId }));
    expect(bad.body.error).toMatchObject({ code: 'funding.bad_evaluator', field: 'evaluatorOrgId' });
  });

  it('refuses tranches above the budget, by field, writing nothing', async () => {
    const before = await counts();
    const r = await p.call(
      swc,
      'POST',
      PATH,
      project({
        tranches: [
          { planYear: 1, amountFen: 200 * WAN },
          { planYear: 2, amountFen: 101 * WAN },
        ],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'funding.over_budget', field: 'tranches.1.amountFen' });
    expect(r.body.error.message).toContain('超过项目预算');
    const y = await p.call(swc, 'POST', PATH, project({ tranches: [{ planYear: 4, amountFen: WAN }] }));
    expect(y.body.error).toMatchObject({ code: 'funding.bad_year', field: 'tranches.0.planYear' });
    expect(await counts()).toEqual(before);

    const { id } = await create();
    const mid = await counts();
    const add = await p.call(swc, 'POST', `${PATH}/${id}/tranches`, { planYear: 3, amountFen: 100 * WAN + 1 });
    expect(add.status).toBe(400);
    expect(add.body.error).toMatchObject({ code: 'funding.over_budget', field: 'amountFen' });
    expect(await counts()).toEqual(mid);
    const ok = await p.call(swc, 'POST', `${PATH}/${id}/tranches`, { planYear: 3, amountFen: 100 * WAN });
    expect(ok.status).toBe(200);
  });

  it('runs the lifecycle through the claw-back with balanced ledger entries', async () => {
    const { id, tranche1 } = await create();
    const fundId = (await p.c.ledger.accountFor(swc.me.active?.orgId ?? '', 'programme_fund'))?.id ?? '';
    const fundBefore = (await p.c.ledger.account(fundId)).balance;

    // grading before anything is paid or self-assessed is refused
    const early = await p.call(evaluator, 'POST', `${PATH}/${id}/evaluation`, { verified: {}, report: '提前评估' });
    expect(early.status).toBe(409);

    const pay = await p.call(swc, 'POST', `${PATH}/${id}/pay`, { trancheId: tranche1 });
    expect(pay.status, JSON.stringify(pay.body)).toBe(200);
    expect(pay.body.status).toBe('paid');
    const grant = await expectBalanced(pay.body.paidEntryId);
    expect(grant.kind).toBe('funding.grant');
    const account = await p.c.ledger.accountFor(id, 'project_funds');
    expect(account?.balance).toBe(100 * WAN);
    expect((await p.c.ledger.account(fundId)).balance).toBe(fundBefore - 100 * WAN);

    // grading before the self-assessment; self-assessment on another base's project; evaluation without the role
    let before = await counts();
    const g = await p.call(evaluator, 'POST', `${PATH}/${id}/evaluation`, { verified: {}, report: '评估报告' });
    expect(g.status).toBe(409);
    expect(g.body.error).toMatchObject({ code: 'funding.not_self_assessed', field: 'id' });
    const other = await p.call(otherBase, 'POST', `${PATH}/${id}/self-assessment`, { figures: { brands: 1 }, note: '' });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'funding.not_owner', field: 'id' });
    const missing = await p.call(base, 'POST', `${PATH}/${id}/self-assessment`, { figures: {}, note: '' });
    expect(missing.body.error).toMatchObject({ code: 'funding.figure_missing', field: 'figures.brands' });
    expect(await counts()).toEqual(before);

    const pre = await p.call(base, 'GET', `${PATH}/${id}/self-assessment`);
    expect(pre.status).toBe(200);
    expect(pre.body.figures.gmv.source).toBe('livehub');
    expect(pre.body.figures.brands).toBeNull();
    const self = await p.call(base, 'POST', `${PATH}/${id}/self-assessment`, { figures: { brands: 1, gmv: 999 * WAN }, note: '年度自评' });
    expect(self.status, JSON.stringify(self.body)).toBe(200);
    expect(self.body.selfFigures.brands).toEqual({ value: 1, source: 'declared' });
    // a LiveHub figure is never overridden by a declaration
    expect(self.body.selfFigures.gmv).toEqual(pre.body.figures.gmv);

    before = await counts();
    for (const s of [base, swc]) {
      const r = await p.call(s, 'POST', `${PATH}/${id}/evaluation`, { verified: { gmv: 100 * WAN, brands: 4 }, report: '越权评估' });
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'funding.not_evaluator', field: 'role' });
      expect(r.body.error.message).toContain('第三方评估机构');
    }
    expect(await counts()).toEqual(before);

    const ev = await p.call(evaluator, 'POST', `${PATH}/${id}/evaluation`, {
      verified: { gmv: 40 * WAN, brands: 1 },
      report: '交易额仅完成目标的 40%，品牌培育滞后，资金使用台账不完整。',
    });
    expect(ev.status, JSON.stringify(ev.body)).toBe(200);
    expect(ev.body).toMatchObject({ status: 'rectifying', grade: 'fail', gradeLabel: '不合格', score: 32 });
    expect(ev.body.rectificationDeadline).not.toBeNull();

    const reject = await p.call(swc, 'POST', `${PATH}/${id}/rectification`, { decision: 'reject', note: '整改报告未按期提交' });
    expect(reject.status, JSON.stringify(reject.body)).toBe(200);
    expect(reject.body.status).toBe('exited');
    const d = await p.call(swc, 'GET', `${PATH}/${id}`);
    const t1 = d.body.tranches.find((t: { planYear: number }) => t.planYear === 1);
    expect(t1.status).toBe('clawed_back');
    expect(d.body.tranches.find((t: { planYear: number }) => t.planYear === 2).status).toBe('cancelled');
    expect(d.body.clawedBackFen).toBe(100 * WAN);
    const back = await expectBalanced(t1.clawbackEntryId);
    expect(back.kind).toBe('reversal');
    expect(back.reversesEntryId).toBe(pay.body.paidEntryId);
    expect((await p.c.ledger.accountFor(id, 'project_funds'))?.balance).toBe(0);
    expect((await p.c.ledger.account(fundId)).balance).toBe(fundBefore);

    // claw-back twice: refused, nothing written
    before = await counts();
    const twice = await p.call(swc, 'POST', `${PATH}/${id}/rectification`, { decision: 'reject', note: '再次收回' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'funding.already_clawed_back', field: 'id' });
    expect(await counts()).toEqual(before);

    const audit = (await p.c.uow.read.audit.list({ limit: 500 })).filter((a) => a.targetId === id).map((a) => a.action);
    expect(audit.sort()).toEqual(['funding.create', 'funding.evaluate', 'funding.exit', 'funding.pay', 'funding.self_assess']);
    expect((await p.c.ledger.verify()).ok).toBe(true);
  });

  it('an accepted rectification passes the year; the next tranche is paid', async () => {
    const { id, tranche1 } = await create();
    await p.call(swc, 'POST', `${PATH}/${id}/pay`, { trancheId: tranche1 });
    await p.call(base, 'POST', `${PATH}/${id}/self-assessment`, { figures: { brands: 0 }, note: '' });
    await p.call(evaluator, 'POST', `${PATH}/${id}/evaluation`, { verified: { gmv: 0, brands: 0 }, report: '未达标' });
    const early = await p.call(swc, 'POST', `${PATH}/${id}/rectification`, { decision: 'accept', note: '同意' });
    expect(early.body.error).toMatchObject({ code: 'funding.no_rectification_report' });
    const rep = await p.call(base, 'POST', `${PATH}/${id}/rectification-report`, { report: '已完成整改：补齐资金台账，新增品牌 4 个。' });
    expect(rep.status).toBe(200);
    const ok = await p.call(swc, 'POST', `${PATH}/${id}/rectification`, { decision: 'accept', note: '整改到位' });
    expect(ok.body.status).toBe('passed');
    const d = await p.call(swc, 'GET', `${PATH}/${id}`);
    const t2 = d.body.tranches.find((t: { planYear: number }) => t.planYear === 2);
    const pay2 = await p.call(swc, 'POST', `${PATH}/${id}/pay`, { trancheId: t2.id });
    expect(pay2.body.status).toBe('paid');
    expect((await p.c.ledger.accountFor(id, 'project_funds'))?.balance).toBe(200 * WAN);
  });

  it('the tick exits a project whose rectification deadline passed, clawing back once', async () => {
    const { id, tranche1 } = await create();
    await p.call(swc, 'POST', `${PATH}/${id}/pay`, { trancheId: tranche1 });
    await p.call(base, 'POST', `${PATH}/${id}/self-assessment`, { figures: { brands: 0 }, note: '' });
    const deadline = new Date(START + 10 * DAY).toISOString();
    const ev = await p.call(evaluator, 'POST', `${PATH}/${id}/evaluation`, {
      verified: { gmv: 0, brands: 0 },
      report: '未达标',
      rectificationDeadline: deadline,
    });
    expect(ev.body.rectificationDeadline).toBe(deadline);
    expect((await p.c.funding.sweep(new Date(START + 9 * DAY))).fundingExited).toBe(0);
    expect((await p.c.funding.sweep(new Date(START + 11 * DAY))).fundingExited).toBe(1);
    expect((await p.c.funding.sweep(new Date(START + 12 * DAY))).fundingExited).toBe(0);
    const d = await p.call(swc, 'GET', `${PATH}/${id}`);
    expect(d.body.project.status).toBe('exited');
    expect(d.body.evaluations[0].status).toBe('failed');
    expect((await p.c.ledger.accountFor(id, 'project_funds'))?.balance).toBe(0);
    expect((await p.c.ledger.verify()).ok).toBe(true);
  });
});
