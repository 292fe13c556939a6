/**
 * The enforcement modes of 包容审慎监管 end to end: 首违不罚 (a first minor violation costs nothing, warns and brings a
 * training task whose completion is a credit event), 观察期 (a new party at D gets C's marks, and the standing says
 * why), 监管沙盒 (a cohort member's relaxed category costs half until the end date), 触发式监管 (crossing a threshold
 * writes one clue to the outbox, not two), and bad input refused field by field with nothing changed.
 */
import { type CreditEventInput, SYSTEM_ACTOR } from '@livehub/core';
import { DEFAULT_MODEL } from '@livehub/credit';
import { clearCredit, createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.parse('2026-06-01T02:00:00Z'));
const HOUR = 3_600_000;

let p: TestPlatform;
let admin: TestSession;
let regulator: TestSession;
let streamer: TestSession;
let merchant: TestSession;
let mcn: TestSession;
let base: TestSession;
let streamerId: string;
let merchantOrg: string;
let mcnOrg: string;
let baseOrg: string;

type Contribution = { eventId: string; points: number; waived?: string; relaxed?: { factor: number; zh: string } };
type Measure = { code: string; because?: { zh: string } };
type Mode = { mode: string; zh: string; until: string | null };

let sourceSeq = 0;
async function violation(partyId: string, partyKind: CreditEventInput['partyKind'], severity: number, category: string): Promise<string> {
  const source = `test:violation:${++sourceSeq}`;
  await p.c.credit.ingest([
    { partyId, partyKind, kind: 'violation.confirmed', at: clock.now(), data: { severity, category, ruleId: 'R-1' }, source },
  ]);
  const events = await p.c.uow.read.credit.eventsOf(partyId);
  return events.find((e) => e.source === source)!.id;
}
const clueRows = async (partyId: string, trigger: string) =>
  (await p.c.uow.read.outbox.pending(100_000)).filter(
    (r) => r.topic === 'credit.clue_raised' && r.payload.partyId === partyId && r.payload.trigger === trigger,
  );
const settingsBody = (observationDays: Record<string, number>) => ({
  firstOffence: { byCategory: { price_fraud: 0, absolute_claim: 2 }, trainingHours: 2, trainingDueDays: 30 },
  observation: { days: observationDays },
  triggers: [
    { trigger: 'violations', count: 3, windowDays: 30 },
    { trigger: 'tier_d', count: 1, windowDays: 30 },
    { trigger: 'refund_overdue', count: 2, windowDays: 30 },
  ],
});

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [admin, regulator, streamer, merchant, mcn, base] = await Promise.all([
    p.login('admin'),
    p.login('regulator'),
    p.login('streamer'),
    p.login('merchant'),
    p.login('mcn'),
    p.login('base'),
  ]);
  streamerId = streamer.me.user.id;
  merchantOrg = merchant.me.active?.orgId as string;
  mcnOrg = mcn.me.active?.orgId as string;
  baseOrg = base.me.active?.orgId as string;
  // the demo district's credit history voided: each mode is counted from a clean slate
  await clearCredit(p.c, [streamerId, merchantOrg, mcnOrg, baseOrg]);
  for (const id of [streamerId, merchantOrg, mcnOrg, baseOrg])
    expect((await p.c.uow.read.credit.eventsOf(id)).filter((e) => !e.voidedAt)).toEqual([]);
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('enforcement modes (包容审慎监管)', () => {
  it('首违不罚: a first minor violation costs 0 points, warns and brings a training task; completing it records training.completed', async () => {
    const eventId = await violation(streamerId, 'streamer', 1, 'absolute_claim');
    const me = await p.call(streamer, 'GET', '/api/credit/me');
    expect(me.status).toBe(200);
    expect(me.body.total).toBe(100);
    expect(me.body.contributions.find((c: Contribution) => c.eventId === eventId)).toMatchObject({ points: 0, waived: 'first_offence' });

    const tasks = await p.call(streamer, 'GET', '/api/credit/tasks');
    expect(tasks.status).toBe(200);
    expect(tasks.body.items).toHaveLength(1);
    const task = tasks.body.items[0];
    expect(task).toMatchObject({ eventId, status: 'open', hours: 2, category: 'absolute_claim' });
    expect(task.title.zh).toContain('绝对化用语');

    // someone else's task is not theirs to complete
    expect((await p.call(mcn, 'POST', `/api/credit/tasks/${task.id}/complete`)).status).toBe(404);
    const done = await p.call(streamer, 'POST', `/api/credit/tasks/${task.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed' });
    const events = await p.c.uow.read.credit.eventsOf(streamerId);
    const training = events.filter((e) => e.kind === 'training.completed');
    expect(training).toHaveLength(1);
    expect(training[0]).toMatchObject({ source: `training:${task.id}`, data: { hours: 2 } });
    const again = await p.call(streamer, 'POST', `/api/credit/tasks/${task.id}/complete`);
    expect(again.status).toBe(409);
    expect((await p.c.uow.read.credit.eventsOf(streamerId)).filter((e) => e.kind === 'training.completed')).toHaveLength(1);
  });

  it('首违不罚 per rule category: price fraud is never waived and brings no task', async () => {
    const eventId = await violation(merchantOrg, 'merchant', 1, 'price_fraud');
    const me = await p.call(merchant, 'GET', '/api/credit/me');
    const c = me.body.contributions.find((x: Contribution) => x.eventId === eventId);
    expect(c.points).toBeLessThan(0);
    expect(c.waived).toBeUndefined();
    expect((await p.call(merchant, 'GET', '/api/credit/tasks')).body.items).toEqual([]);
  });

  it('观察期: a new MCN at D gets C’s marks instead of D’s blocks, and the standing says why', async () => {
    const saved = await p.call(admin, 'PUT', '/api/credit/modes/settings', settingsBody({ merchant: 90, streamer: 90, mcn: 90 }));
    expect(saved.status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const r = await p.call(admin, 'POST', '/api/credit/events', { partyId: mcnOrg, kind: 'case.penalty', data: { severity: 3 } });
      expect(r.status).toBe(201);
    }
    const me = await p.call(mcn, 'GET', '/api/credit/me');
    expect(me.body.tier).toBe('D');
    const codes = me.body.measures.map((m: Measure) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['observation_tag', 'extra_sampling']));
    expect(codes).not.toContain('no_selection');
    expect(codes).not.toContain('prereview');
    expect(me.body.measures.find((m: Measure) => m.code === 'observation_tag').because.zh).toContain('观察期');
    const mode = me.body.modes.find((m: Mode) => m.mode === 'observation');
    expect(mode.zh).toContain('观察期');
    expect(Date.parse(mode.until)).toBe(clock.now().getTime() + 90 * 24 * HOUR);
    await expect(p.c.creditGate.assertAllowed([mcnOrg], 'no_selection')).resolves.toBeUndefined();
    // nor are its payouts held (payout_hold is one of D's blocks the period turns into marks)
    expect(codes).not.toContain('payout_hold');
    expect(await p.c.uow.read.payouts.activeHold(mcnOrg)).toBeNull();

    // no observation period for MCNs: D's measures bite, and the tick's sweep holds its payouts
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', settingsBody({ merchant: 90, streamer: 90 }))).status).toBe(200);
    const after = await p.call(mcn, 'GET', '/api/credit/me');
    expect(after.body.measures.map((m: Measure) => m.code)).toEqual(expect.arrayContaining(['no_selection', 'payout_hold']));
    expect(after.body.modes.some((m: Mode) => m.mode === 'observation')).toBe(false);
    await expect(p.c.creditGate.assertAllowed([mcnOrg], 'no_selection')).rejects.toMatchObject({ code: 'credit.measure_applies' });
    const swept = await p.c.tick();
    expect(swept.creditHoldsPlaced).toBeGreaterThanOrEqual(1);
    const hold = await p.c.uow.read.payouts.activeHold(mcnOrg);
    expect(hold?.reason).toMatch(/^信用等级 D：暂缓结算打款/);
    // idempotent: the next tick leaves the hold as it is
    await p.c.tick();
    expect((await p.c.uow.read.payouts.activeHold(mcnOrg))?.id).toBe(hold?.id);

    // a 观察期 given after the hold: the sweep releases it; taken away again: held again
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', settingsBody({ merchant: 90, streamer: 90, mcn: 90 }))).status).toBe(
      200,
    );
    expect((await p.c.tick()).creditHoldsReleased).toBeGreaterThanOrEqual(1);
    expect(await p.c.uow.read.payouts.activeHold(mcnOrg)).toBeNull();
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', settingsBody({ merchant: 90, streamer: 90 }))).status).toBe(200);
    await p.c.tick();
    expect((await p.c.uow.read.payouts.activeHold(mcnOrg))?.reason).toMatch(/^信用等级 D/);

    // the platform admin's release stands until the tier changes: the sweep does not hold the party again
    expect((await p.call(admin, 'POST', `/api/payout-holds/${mcnOrg}/release`)).status).toBe(200);
    expect((await p.c.tick()).creditHoldsPlaced).toBe(0);
    expect(await p.c.uow.read.payouts.activeHold(mcnOrg)).toBeNull();
  });

  it('监管沙盒: a cohort member’s relaxed category costs half, with extra sampling, until the end date', async () => {
    const now = clock.now().getTime();
    const cohort = await p.call(admin, 'POST', '/api/credit/cohorts', {
      name: '数字人主播',
      relax: [{ category: 'medical_claim', mode: 'halve' }],
      extraSampling: true,
      startsAt: new Date(now - 24 * HOUR).toISOString(),
      endsAt: new Date(now + HOUR).toISOString(),
    });
    expect(cohort.status).toBe(201);
    const added = await p.call(admin, 'POST', `/api/credit/cohorts/${cohort.body.id}/members`, { partyId: baseOrg });
    expect(added.status).toBe(200);
    expect(added.body.items).toEqual([expect.objectContaining({ partyId: baseOrg, partyKind: 'base', removedAt: null })]);
    expect(added.body.items[0].partyName).not.toBe('');

    const inside = await violation(baseOrg, 'base', 5, 'medical_claim');
    const me = await p.call(base, 'GET', '/api/credit/me');
    const c = me.body.contributions.find((x: Contribution) => x.eventId === inside);
    expect(c.points).toBe(-10);
    expect(c.relaxed).toMatchObject({ factor: 0.5 });
    expect(c.relaxed.zh).toContain('数字人主播');
    expect(me.body.modes.find((m: Mode) => m.mode === 'sandbox').zh).toContain('数字人主播');
    expect(me.body.measures.find((m: Measure) => m.code === 'extra_sampling').because.zh).toContain('监管沙盒');

    clock.advance(2 * HOUR); // past the end date
    const outside = await violation(baseOrg, 'base', 5, 'medical_claim');
    const later = await p.call(base, 'GET', '/api/credit/me');
    expect(later.body.contributions.find((x: Contribution) => x.eventId === outside).points).toBe(-20);
    expect(later.body.contributions.find((x: Contribution) => x.eventId === inside).relaxed).toMatchObject({ factor: 0.5 });
    expect(later.body.modes.some((m: Mode) => m.mode === 'sandbox')).toBe(false);

    expect((await p.call(regulator, 'GET', '/api/credit/cohorts')).body.items.map((x: { id: string }) => x.id)).toContain(cohort.body.id);
    expect(
      (
        await p.call(regulator, 'POST', '/api/credit/cohorts', {
          name: 'x',
          relax: [],
          startsAt: cohort.body.startsAt,
          endsAt: cohort.body.endsAt,
        })
      ).status,
    ).toBe(403);
  });

  it('触发式监管: crossing a threshold writes one credit.clue_raised outbox row, not two', async () => {
    // the streamer has one violation (the waived first offence); two more within 30 days cross "3 in 30 days"
    await violation(streamerId, 'streamer', 1, 'absolute_claim');
    expect(await clueRows(streamerId, 'violations')).toHaveLength(0);
    await violation(streamerId, 'streamer', 1, 'absolute_claim');
    const rows = await clueRows(streamerId, 'violations');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ partyKind: 'streamer', trigger: 'violations', detail: { count: 3, threshold: 3 } });
    await violation(streamerId, 'streamer', 2, 'medical_claim');
    expect(await clueRows(streamerId, 'violations')).toHaveLength(1);

    // the MCN dropped to D on its third penalty and stayed there for two more: one clue
    expect(await clueRows(mcnOrg, 'tier_d')).toHaveLength(1);

    const clues = await p.call(regulator, 'GET', `/api/credit/clues?partyId=${streamerId}`);
    expect(clues.status).toBe(200);
    expect(clues.body.items).toEqual([expect.objectContaining({ trigger: 'violations', partyKind: 'streamer' })]);
    expect(clues.body.items[0].partyName).not.toBe('');
    expect((await p.call(streamer, 'GET', '/api/credit/clues')).status).toBe(403);
  });

  it('首违不罚 after a full recompute: an offence new settings waive brings its training task, once', async () => {
    const waiveNone = settingsBody({});
    waiveNone.firstOffence.byCategory = { price_fraud: 0, absolute_claim: 0 };
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', waiveNone)).status).toBe(200);
    // the base's earlier violations (the sandbox's) voided: the next one is a first offence
    await clearCredit(p.c, [baseOrg]);
    const eventId = await violation(baseOrg, 'base', 1, 'absolute_claim');
    const contribution = async () =>
      (await p.call(base, 'GET', '/api/credit/me')).body.contributions.find((c: Contribution) => c.eventId === eventId);
    const tasks = async () => (await p.call(base, 'GET', '/api/credit/tasks')).body.items as Array<{ eventId: string }>;
    expect((await contribution()).points).toBeLessThan(0);
    expect(await tasks()).toEqual([]);

    // settings that waive it apply from the party's next rescore, or a full recompute
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', settingsBody({}))).status).toBe(200);
    await p.c.creditRecompute.recompute(SYSTEM_ACTOR);
    expect(await contribution()).toMatchObject({ points: 0, waived: 'first_offence' });
    expect(await tasks()).toEqual([expect.objectContaining({ eventId })]);
    const audited = async () =>
      (await p.c.uow.read.audit.list({ limit: 50, action: 'credit.training_assigned' })).filter((e) => e.detail.eventId === eventId);
    expect(await audited()).toHaveLength(1);
    // a second recompute finds the score unchanged and assigns nothing
    await p.c.creditRecompute.recompute(SYSTEM_ACTOR);
    expect(await tasks()).toHaveLength(1);
    expect(await audited()).toHaveLength(1);
  });

  it('触发式监管 after a full recompute: a party a new model puts at D gets its tier_d clue, once', async () => {
    // past the window of the tier_d clue 观察期's test raised for the MCN, with its history voided
    clock.advance(31 * 24 * HOUR);
    [admin, regulator, mcn] = await Promise.all([p.login('admin'), p.login('regulator'), p.login('mcn')]); // the sessions expired meanwhile
    await clearCredit(p.c, [mcnOrg]);
    const earlier = (await clueRows(mcnOrg, 'tier_d')).length;
    // a grave violation (not a first offence: severity 5) leaves the MCN at B under the current model
    await violation(mcnOrg, 'mcn', 5, 'price_fraud');
    expect((await p.call(mcn, 'GET', '/api/credit/me')).body.tier).toBe('B');
    expect(await clueRows(mcnOrg, 'tier_d')).toHaveLength(earlier);

    // a stricter model (a violation costs five times as much) is published: the recompute puts the MCN at D
    const strict = structuredClone(DEFAULT_MODEL);
    strict.version = '2026.12-strict';
    strict.changelog = [
      ...strict.changelog,
      { version: strict.version, date: '2026-06-01', zh: '违规扣分加重。', en: 'Violations weigh more.' },
    ];
    strict.rules['violation.confirmed'].points *= 5;
    expect((await p.call(admin, 'POST', '/api/credit/models', strict)).status).toBe(200);
    expect((await p.call(mcn, 'GET', '/api/credit/me')).body).toMatchObject({ tier: 'D', modelVersion: strict.version });
    const raised = await clueRows(mcnOrg, 'tier_d');
    expect(raised).toHaveLength(earlier + 1);
    expect(raised.at(-1)?.payload).toMatchObject({ partyKind: 'mcn', detail: { tier: 'D' } });
    const clues = await p.call(regulator, 'GET', `/api/credit/clues?partyId=${mcnOrg}`);
    expect(clues.body.items[0]).toMatchObject({ trigger: 'tier_d', partyKind: 'mcn', raisedAt: clock.now().toISOString() });

    // another recompute: the clue of the window stands, no second one
    await p.c.creditRecompute.recompute(SYSTEM_ACTOR);
    expect(await clueRows(mcnOrg, 'tier_d')).toHaveLength(earlier + 1);
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const cohorts = (await p.call(admin, 'GET', '/api/credit/cohorts')).body.items.length;
    const at = clock.now().getTime();
    const span = { startsAt: new Date(at).toISOString(), endsAt: new Date(at + 24 * HOUR).toISOString() };
    const noName = await p.call(admin, 'POST', '/api/credit/cohorts', { name: '', relax: [], ...span });
    expect(noName.status).toBe(400);
    expect(noName.body.error.field).toBe('name');
    const backwards = await p.call(admin, 'POST', '/api/credit/cohorts', {
      name: '新品类',
      relax: [],
      startsAt: span.endsAt,
      endsAt: span.startsAt,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ code: 'credit.invalid_cohort', field: 'endsAt' });
    expect((await p.call(admin, 'GET', '/api/credit/cohorts')).body.items).toHaveLength(cohorts);

    const cohortId = (await p.call(admin, 'GET', '/api/credit/cohorts')).body.items[0].id;
    const nobody = await p.call(admin, 'POST', `/api/credit/cohorts/${cohortId}/members`, {
      partyId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(nobody.body.error).toMatchObject({ code: 'credit.unknown_party', field: 'partyId' });
    // a user who is no streamer (the admin) is no credit party either
    const notAParty = await p.call(admin, 'POST', `/api/credit/cohorts/${cohortId}/members`, { partyId: admin.me.user.id });
    expect(notAParty.body.error).toMatchObject({ code: 'credit.unknown_party', field: 'partyId' });
    expect(nobody.status).toBe(404);
    expect((await p.call(admin, 'GET', `/api/credit/cohorts/${cohortId}/members`)).body.items).toHaveLength(1);

    const before = (await p.call(admin, 'GET', '/api/credit/modes/settings')).body;
    const badCategory = await p.call(admin, 'PUT', '/api/credit/modes/settings', {
      ...settingsBody({}),
      firstOffence: { byCategory: { bribery: 1 }, trainingHours: 2, trainingDueDays: 30 },
    });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.error.field).toContain('firstOffence');
    const badTrigger = settingsBody({});
    badTrigger.triggers[1]!.count = 2;
    const tierTwice = await p.call(admin, 'PUT', '/api/credit/modes/settings', badTrigger);
    expect(tierTwice.status).toBe(400);
    expect(tierTwice.body.error).toMatchObject({ code: 'credit.invalid_mode_settings', field: 'triggers[1].count' });
    expect((await p.call(admin, 'GET', '/api/credit/modes/settings')).body).toEqual(before);
  });

  it('观察期 ends while the party is at D: the tick’s sweep holds its payouts then, not before', async () => {
    // a streamer's period that ends ten days from now, counted from its registration
    const [user] = await p.c.uow.read.users.findByIds([streamerId]);
    const joined = user!.createdAt;
    const days = Math.ceil((clock.now().getTime() - joined.getTime()) / (24 * HOUR)) + 10;
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', settingsBody({ merchant: 90, streamer: days }))).status).toBe(200);
    await clearCredit(p.c, [streamerId]);
    // four penalties (C), then upheld complaints until the streamer is at D (its compliance is one dimension of three)
    for (let i = 0; i < 12 && (await p.c.uow.read.credit.score(streamerId))?.tier !== 'D'; i++) {
      const kind = i < 4 ? 'case.penalty' : 'complaint.upheld';
      expect((await p.call(admin, 'POST', '/api/credit/events', { partyId: streamerId, kind, data: { severity: 3 } })).status).toBe(201);
    }
    expect((await p.c.uow.read.credit.score(streamerId))?.tier).toBe('D');
    const inside = await p.c.creditGate.standing(streamerId);
    expect(inside.modes.some((m) => m.mode === 'observation')).toBe(true);
    await p.c.tick();
    expect(await p.c.uow.read.payouts.activeHold(streamerId)).toBeNull();

    clock.advance(11 * 24 * HOUR); // past the period's end, still at D
    expect((await p.c.tick()).creditHoldsPlaced).toBeGreaterThanOrEqual(1);
    expect((await p.c.uow.read.payouts.activeHold(streamerId))?.reason).toMatch(/^信用等级 D：暂缓结算打款/);
    expect((await p.c.creditGate.standing(streamerId)).measures.map((m) => m.code)).toContain('payout_hold');
  });

  it('an open case’s hold lifted while the party is at D: the tick’s sweep puts the credit hold in its place', async () => {
    admin = await p.login('admin'); // the session expired while the last test's period ran out
    // the MCN back to A (its credit hold released with the move), then held for an open case
    await clearCredit(p.c, [mcnOrg]);
    expect(await p.c.uow.read.payouts.activeHold(mcnOrg)).toBeNull();
    const caseHold = await p.call(admin, 'POST', '/api/payout-holds', { partyId: mcnOrg, reason: '立案调查：暂停提现' });
    expect(caseHold.status).toBe(201);
    // the stricter model is in force: one grave violation puts it at D, and the case's hold stays the one active
    await violation(mcnOrg, 'mcn', 5, 'price_fraud');
    expect((await p.c.uow.read.credit.score(mcnOrg))?.tier).toBe('D');
    expect((await p.c.uow.read.payouts.activeHold(mcnOrg))?.reason).toBe('立案调查：暂停提现');
    await p.c.tick();
    expect((await p.c.uow.read.payouts.activeHold(mcnOrg))?.reason).toBe('立案调查：暂停提现');

    // the case closes and its hold is lifted: the party is still at D, so the sweep holds it for its credit
    expect((await p.call(admin, 'POST', `/api/payout-holds/${mcnOrg}/release`)).status).toBe(200);
    expect((await p.c.tick()).creditHoldsPlaced).toBeGreaterThanOrEqual(1);
    expect((await p.c.uow.read.payouts.activeHold(mcnOrg))?.reason).toMatch(/^信用等级 D：暂缓结算打款/);
  });
});
