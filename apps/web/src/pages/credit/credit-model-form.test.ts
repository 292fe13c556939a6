/**
 * The 发布新版本 form's pure parts: the model in force makes form values (the next version, today in China, weights in
 * percent) and, unedited, a model the engine accepts with only the version, date and changelog new; edits land where
 * they belong and everything the form does not show is carried over; an API refusal lands on the field it names, in
 * words without the model path. (The web app does not import the engine: the model here is a small one of the same
 * shape; that the unedited default model publishes is checked in e2e/browser/credit.browser.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { CreditModelView } from '../../queries/credit.ts';
import { nextVersion, refusalTarget, refusalWords, todayInChina, toModel, toValues, weightSum } from './credit-model-form.ts';

const dim = (key: string, weightBp: number) => ({ key, weightBp, zh: key, en: key });
const DEFAULT_MODEL = {
  version: '2026.12-1',
  effectiveFrom: '2026-12-01',
  changelog: [{ version: '2026.12-1', date: '2026-12-01', zh: '第一版', en: 'First version' }],
  dimensions: {
    merchant: [dim('product', 3000), dim('service', 2500), dim('logistics', 2000), dim('compliance', 2500)],
    streamer: [dim('reputation', 4000), dim('compliance', 4000), dim('fulfilment', 2000)],
    mcn: [dim('compliance', 6000), dim('fulfilment', 4000)],
    base: [dim('compliance', 10000)],
  },
  rules: {
    'violation.confirmed': { dimensions: { streamer: 'compliance' }, points: -6, unit: 'severity', halfLifeDays: 180, maxPerEvent: 30 },
    'case.penalty': { dimensions: { streamer: 'compliance' }, points: -8, unit: 'severity', halfLifeDays: 365 },
    'training.completed': { dimensions: { streamer: 'compliance' }, points: 1, unit: 'hours', windowDays: 365, cap: 6 },
  },
  hints: { 'case.penalty': { zh: '落实整改要求', en: 'Carry out the corrections' } },
  rateRules: [],
  tiers: [
    { tier: 'A', min: 90, zh: '优', en: 'A' },
    { tier: 'B', min: 75, zh: '良', en: 'B' },
    { tier: 'C', min: 60, zh: '中', en: 'C' },
    { tier: 'D', min: 0, zh: '差', en: 'D' },
  ],
  measures: { A: [], B: [], C: [], D: [{ code: 'payout_hold', zh: '暂停结算', en: 'payouts held' }] },
  firstOffence: { windowDays: 365, maxSeverity: 1 },
};
const model = structuredClone(DEFAULT_MODEL) as unknown as CreditModelView & Record<string, unknown>;
const now = new Date('2026-12-07T17:30:00Z'); // 01:30 on the 8th in Beijing

describe('the credit model form', () => {
  it('suggests the next version, today in China and the weights in percent', () => {
    expect(nextVersion('2026.12-1')).toBe('2026.12-2');
    expect(nextVersion('v9')).toBe('v10');
    expect(nextVersion('first')).toBe('first-2');
    expect(todayInChina(now)).toBe('2026-12-08');
    const v = toValues(model, now);
    expect(v.version).toBe(nextVersion(DEFAULT_MODEL.version));
    expect(v.effectiveFrom).toBe('2026-12-08');
    expect(weightSum(v.weights.streamer)).toBe(100);
    expect(v.weights.merchant).toEqual(DEFAULT_MODEL.dimensions.merchant.map((d) => d.weightBp / 100));
    // a deduction has a half-life and no cap; a restoration a window and a cap
    expect(Object.keys(v.rules['violation.confirmed']!).sort()).toEqual(
      Object.keys(DEFAULT_MODEL.rules['violation.confirmed'])
        .filter((k) => ['points', 'halfLifeDays', 'windowDays', 'maxPerEvent', 'cap'].includes(k))
        .sort(),
    );
    expect(v.rules['training.completed']).toMatchObject({ points: 1, windowDays: 365, cap: 6 });
  });

  it('turns unedited values into the same model with the new version logged first', () => {
    const v = { ...toValues(model, now), changeZh: ' 调整说明 ', changeEn: 'What changed' };
    const next = toModel(model, v);
    expect(next.changelog).toEqual([
      { version: v.version, date: '2026-12-08', zh: '调整说明', en: 'What changed' },
      ...DEFAULT_MODEL.changelog,
    ]);
    const { version: _v, effectiveFrom: _e, changelog: _c, ...rest } = next;
    const { version: _v2, effectiveFrom: _e2, changelog: _c2, ...before } = DEFAULT_MODEL;
    expect(rest).toEqual(before);
  });

  it('carries the edits into the model, and what is left empty as null for the API to refuse', () => {
    const v = toValues(model, now);
    v.weights.streamer = [50, 30, 20];
    v.rules['violation.confirmed']!.points = -7;
    v.rules['case.penalty']!.halfLifeDays = null;
    v.tiers.B = 70;
    v.firstOffence.maxSeverity = 2;
    const next = toModel(model, v) as unknown as typeof DEFAULT_MODEL & {
      rules: Record<string, { points: number; halfLifeDays: number | null }>;
    };
    expect(next.dimensions.streamer.map((d) => [d.key, d.weightBp])).toEqual(
      DEFAULT_MODEL.dimensions.streamer.map((d, i) => [d.key, [5000, 3000, 2000][i]]),
    );
    expect(next.rules['violation.confirmed'].points).toBe(-7);
    expect(next.rules['case.penalty'].halfLifeDays).toBeNull();
    expect(next.tiers.find((b) => b.tier === 'B')?.min).toBe(70);
    expect(next.tiers.find((b) => b.tier === 'D')?.min).toBe(0);
    expect(next.firstOffence.maxSeverity).toBe(2);
    expect(next.hints).toEqual(DEFAULT_MODEL.hints);
    expect(next.measures).toEqual(DEFAULT_MODEL.measures);
  });

  it('puts a refusal on the field it names, in words', () => {
    expect(refusalTarget('version', model)).toEqual(['version']);
    expect(refusalTarget('changelog[0].en', model)).toEqual(['changeEn']);
    expect(refusalTarget('dimensions.streamer', model)).toEqual(['weights', 'streamer', 0]);
    expect(refusalTarget('dimensions.merchant[2].weightBp', model)).toEqual(['weights', 'merchant', 2]);
    // an event kind with a dot in its name
    expect(refusalTarget('rules.case.penalty.halfLifeDays', model)).toEqual(['rules', 'case.penalty', 'halfLifeDays']);
    expect(refusalTarget('rules.case.penalty.dimensions.streamer', model)).toBeNull();
    const bIndex = DEFAULT_MODEL.tiers.findIndex((b) => b.tier === 'B');
    expect(refusalTarget(`tiers[${bIndex}].min`, model)).toEqual(['tiers', 'B']);
    expect(refusalTarget(`tiers[${DEFAULT_MODEL.tiers.length - 1}].min`, model)).toBeNull();
    expect(refusalTarget('firstOffence.maxSeverity', model)).toEqual(['firstOffence', 'maxSeverity']);
    expect(refusalTarget('measures.D[0].code', model)).toBeNull();
    expect(refusalWords('rules.case.penalty.halfLifeDays：须大于 0', 'rules.case.penalty.halfLifeDays')).toBe('须大于 0');
    expect(refusalWords('version: same as the model in force', 'version')).toBe('same as the model in force');
  });
});
