/**
 * The enforcement modes' pure rules: settings validation, the per-party policy (first offence per category,
 * sandbox spans), the observation period's lighter measures, the sandbox's extra sampling, the triggers and the
 * one-clue-per-window rule, and which waived violations need a training task.
 */
import { type CreditEvent, DEFAULT_MODEL as M, scoreParty } from '@livehub/credit';
import { describe, expect, it } from 'vitest';
import type { CreditStanding } from './credit-gate.service.ts';
import {
  activeCohorts,
  applySandbox,
  categoryZh,
  clueDue,
  crossedTriggers,
  DEFAULT_MODE_SETTINGS as S,
  lightenForObservation,
  type Membership,
  observationUntil,
  partyPolicy,
  validateCohort,
  validateModeSettings,
  waivedFirstOffences,
} from './credit-modes.rules.ts';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const v = (id: string, days: number, severity = 1, category = 'absolute_claim'): CreditEvent =>
  ({
    id,
    partyId: 'p',
    partyKind: 'streamer',
    kind: 'violation.confirmed',
    at: ago(days),
    data: { severity, category, ruleId: 'R' },
  }) as CreditEvent;
const standingAt = (tier: 'C' | 'D'): CreditStanding => ({
  partyId: 'p',
  partyKind: 'streamer',
  tier,
  total: tier === 'D' ? 50 : 65,
  measures: M.measures[tier].map((m) => ({ ...m, because: { zh: `信用等级 ${tier}`, en: `tier ${tier}` } })),
  modes: [],
});
const membership = (start: number, end: number, added: number, removed: number | null = null): Membership => ({
  cohort: {
    id: 'c',
    name: '数字人主播',
    description: null,
    relax: [{ category: 'medical_claim', mode: 'halve' }],
    extraSampling: true,
    startsAt: ago(start),
    endsAt: ago(end),
    createdBy: null,
    createdAt: ago(start),
  },
  member: {
    cohortId: 'c',
    partyId: 'p',
    partyKind: 'streamer',
    addedAt: ago(added),
    addedBy: null,
    removedAt: removed === null ? null : ago(removed),
  },
});

describe('settings', () => {
  it('the defaults validate; each broken field is named', () => {
    expect(validateModeSettings(S, M)).toEqual([]);
    const broken = {
      firstOffence: { byCategory: { price_fraud: 7 }, trainingHours: 0, trainingDueDays: 30 },
      observation: { days: { robot: 3 } },
      triggers: [
        { trigger: 'violations', count: 3, windowDays: 30 },
        { trigger: 'violations', count: 0, windowDays: 0 },
        { trigger: 'tier_d', count: 2, windowDays: 30 },
      ],
    } as unknown as typeof S;
    expect(validateModeSettings(broken, M).map((i) => `${i.path}:${i.code}`)).toEqual([
      'firstOffence.byCategory.price_fraud:out_of_range',
      'firstOffence.trainingHours:out_of_range',
      'observation.days.robot:unknown_party_kind',
      'triggers[1].trigger:duplicate',
      'triggers[1].count:out_of_range',
      'triggers[1].windowDays:out_of_range',
      'triggers[2].count:out_of_range',
    ]);
  });

  it('a cohort needs a name and an end after its start', () => {
    expect(validateCohort({ name: ' ', startsAt: now, endsAt: ago(1), relax: [] }).map((i) => i.path)).toEqual(['name', 'endsAt']);
    expect(validateCohort({ name: 'x', startsAt: ago(1), endsAt: now, relax: [{ category: 'a' }, { category: 'a' }] })).toEqual([
      { path: 'relax[1].category', code: 'duplicate' },
    ]);
  });
});

describe('the per-party policy', () => {
  it('takes the settings’ first-offence limits per category over the model’s', () => {
    const policy = partyPolicy(S, M, []);
    expect(policy.firstOffence?.byCategory).toMatchObject({ price_fraud: 0, absolute_claim: 2 });
    expect(scoreParty('p', 'streamer', [v('a', 0, 1, 'price_fraud')], M, now, policy).total).toBeLessThan(100);
    expect(scoreParty('p', 'streamer', [v('a', 0, 1, 'absolute_claim')], M, now, policy).total).toBe(100);
  });

  it('relaxes from the later of start and joining to the earlier of end and leaving', () => {
    const [r] = partyPolicy(S, M, [membership(30, 5, 20, 10)]).relax!;
    expect(r).toMatchObject({ category: 'medical_claim', factor: 0.5, from: ago(20), to: ago(10) });
    expect(partyPolicy(S, M, [membership(30, 25, 20)]).relax).toEqual([]); // joined after the end
  });

  it('a cohort is active between its start and end for a current member', () => {
    expect(activeCohorts([membership(10, -10, 5)], now)).toHaveLength(1);
    expect(activeCohorts([membership(10, 1, 5)], now)).toHaveLength(0);
    expect(activeCohorts([membership(10, -10, 5, 1)], now)).toHaveLength(0);
  });
});

describe('standing adjustments', () => {
  it('观察期 turns D’s blocks into C’s marks and says until when', () => {
    const until = observationUntil(S, 'streamer', ago(10))!;
    expect(until).toEqual(new Date(ago(10).getTime() + 90 * DAY));
    expect(observationUntil(S, 'base', ago(10))).toBeNull();
    expect(observationUntil(S, 'streamer', null)).toBeNull();
    const s = lightenForObservation(standingAt('D'), until, M);
    expect(s.measures.map((m) => m.code).sort()).toEqual(['extra_sampling', 'observation_tag']);
    expect(s.measures.every((m) => m.because.zh.includes('观察期'))).toBe(true);
    expect(s.modes).toEqual([expect.objectContaining({ mode: 'observation', until })]);
    expect(s.modes[0]!.zh).toContain('暂停选品中心使用');
  });

  it('观察期 leaves C’s marks as they are', () => {
    const s = lightenForObservation(standingAt('C'), now, M);
    expect(s.measures.map((m) => m.code)).toEqual(['observation_tag', 'extra_sampling']);
    expect(s.measures[0]!.because.zh).toBe('信用等级 C');
  });

  it('监管沙盒 adds extra sampling once and names the cohort and its relaxed categories', () => {
    const s = applySandbox({ ...standingAt('C'), measures: [] }, [membership(1, -1, 1).cohort], categoryZh);
    expect(s.measures.map((m) => m.code)).toEqual(['extra_sampling']);
    expect(s.modes[0]).toMatchObject({ mode: 'sandbox', zh: '监管沙盒「数字人主播」：医疗功效宣传减半，加强监测' });
  });
});

describe('触发式监管', () => {
  const refund = (id: string, days: number): CreditEvent =>
    ({ id, partyId: 'p', partyKind: 'merchant', kind: 'refund.overdue', at: ago(days), data: { days: 3 } }) as CreditEvent;

  it('counts unvoided events inside the window and a tier of D', () => {
    const events = [v('a', 1), v('b', 2), { ...v('c', 3), voided: true }, v('d', 40), refund('r1', 1), refund('r2', 29)] as CreditEvent[];
    expect(crossedTriggers(S, events, { tier: 'B', total: 80 }, now).map((t) => t.trigger)).toEqual(['refund_overdue']);
    expect(crossedTriggers(S, [...events, v('e', 0)], { tier: 'D', total: 50 }, now).map((t) => t.trigger)).toEqual([
      'violations',
      'tier_d',
      'refund_overdue',
    ]);
  });

  it('one clue per party and trigger per window', () => {
    expect(clueDue(null, 30, now)).toBe(true);
    expect(clueDue(ago(29), 30, now)).toBe(false);
    expect(clueDue(ago(30), 30, now)).toBe(true);
  });
});

it('a waived first offence needs a training task; a deducted one does not', () => {
  const events = [v('a', 100), v('b', 10)];
  const score = scoreParty('p', 'streamer', events, M, now);
  expect(waivedFirstOffences(score, events)).toEqual([{ eventId: 'a', category: 'absolute_claim', severity: 1 }]);
});
