/** Model validation: the default model is clean; each way of breaking a model is reported at its path. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from './default-model.ts';
import { type CreditModel, validateModel } from './model.ts';

/** A deep copy of the default model, changed by `edit`. */
/** Assigns a field (an assignment inside an arrow expression would hide a typo of `===`). */
function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  target[key] = value;
}

function broken(edit: (m: CreditModel) => void): CreditModel {
  const m = structuredClone(DEFAULT_MODEL);
  edit(m);
  return m;
}

describe('validateModel', () => {
  it('finds nothing wrong with the default model', () => {
    expect(validateModel(DEFAULT_MODEL)).toEqual([]);
  });

  it.each<[string, (m: CreditModel) => void, string, string]>([
    ['weights not summing to 10,000', (m) => set(m.dimensions.merchant[0]!, 'weightBp', 2_999), 'dimensions.merchant', 'weights_not_10000'],
    ['a negative weight', (m) => set(m.dimensions.mcn[0]!, 'weightBp', -1), 'dimensions.mcn[0].weightBp', 'invalid_weight'],
    ['a duplicate dimension', (m) => set(m.dimensions.base[1]!, 'key', 'compliance'), 'dimensions.base[1].key', 'duplicate'],
    ['a tier order that is not descending', (m) => set(m.tiers[2]!, 'min', 80), 'tiers[2].min', 'not_descending'],
    ['a lowest tier above 0', (m) => set(m.tiers[3]!, 'min', 10), 'tiers[3].min', 'lowest_not_zero'],
    [
      'a rule naming an unknown dimension',
      (m) => {
        m.rules['shipment.late'].dimensions.streamer = 'speed';
      },
      'rules.shipment.late.dimensions.streamer',
      'unknown_dimension',
    ],
    ['a negative half-life', (m) => set(m.rules['case.penalty'], 'halfLifeDays', -30), 'rules.case.penalty.halfLifeDays', 'not_positive'],
    [
      'decay on a restoration',
      (m) => {
        m.rules['training.completed'].halfLifeDays = 90;
      },
      'rules.training.completed.halfLifeDays',
      'decay_on_positive',
    ],
    [
      'an uncapped restoration',
      (m) => {
        delete m.rules['streaming.clean'].cap;
      },
      'rules.streaming.clean.cap',
      'missing',
    ],
    [
      'a missing rule',
      (m) => {
        delete (m.rules as Partial<CreditModel['rules']>)['order.returned'];
      },
      'rules.order.returned',
      'missing',
    ],
    ['a missing hint', (m) => set(m.hints['refund.overdue'], 'en', ''), 'hints.refund.overdue.en', 'missing_text'],
    [
      'rate thresholds out of order',
      (m) => {
        m.rateRules[0]!.thresholds[1]!.over = 0.01;
      },
      'rateRules[0].thresholds[1].over',
      'not_ascending',
    ],
    [
      'a rate costing less when higher',
      (m) => {
        m.rateRules[0]!.thresholds[2]!.points = -1;
      },
      'rateRules[0].thresholds[2].points',
      'not_descending',
    ],
    ['a version missing from the changelog', (m) => set(m, 'version', '2027.01-1'), 'changelog', 'version_not_logged'],
    ['a bad effective date', (m) => set(m, 'effectiveFrom', '1 Dec 2026'), 'effectiveFrom', 'not_iso_date'],
    ['a measure without text', (m) => set(m.measures.D[0]!, 'zh', ' '), 'measures.D[0].zh', 'missing_text'],
    ['a first-offence window of 0', (m) => set(m.firstOffence, 'windowDays', 0), 'firstOffence.windowDays', 'not_positive'],
  ])('reports %s at its path', (_name, edit, path, code) => {
    expect(validateModel(broken(edit))).toContainEqual({ path, code });
  });

  it('reports a rule for an unknown event kind', () => {
    const m = broken((x) => Object.assign(x.rules, { 'order.teleported': { dimensions: {}, points: 0, unit: 'event' } }));
    expect(validateModel(m)).toEqual([{ path: 'rules.order.teleported', code: 'unknown_kind' }]);
  });
});

describe('withNewKinds', () => {
  it('gives a model published before a kind existed that kind’s default rule and hint, and keeps its own', async () => {
    const { DEFAULT_MODEL } = await import('./default-model.ts');
    const { validateModel, withNewKinds } = await import('./model.ts');
    const old = structuredClone(DEFAULT_MODEL);
    delete (old.rules as Partial<typeof old.rules>)['compensation.advanced'];
    delete (old.hints as Partial<typeof old.hints>)['compensation.advanced'];
    old.rules['complaint.upheld'] = { ...old.rules['complaint.upheld'], points: -1 };
    expect(validateModel(old).map((i) => i.path)).toContain('rules.compensation.advanced');
    const filled = withNewKinds(old, DEFAULT_MODEL);
    expect(validateModel(filled)).toEqual([]);
    expect(filled.rules['compensation.advanced']).toEqual(DEFAULT_MODEL.rules['compensation.advanced']);
    expect(filled.rules['complaint.upheld'].points).toBe(-1);
  });
});
