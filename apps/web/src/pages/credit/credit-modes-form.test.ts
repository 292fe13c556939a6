/**
 * The 执法模式设置 form's pure parts: settings make form values and come back unchanged as the body, a switched-off
 * trigger is not sent and an emptied number is sent for the API to refuse; an API refusal lands on the field it names
 * (a trigger's sent index mapped to its row), with the bounds in words; an edit names the fields it changed.
 */
import type { CreditModeSettingsView } from '@livehub/contracts';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/index.ts';
import { changedPaths, rangeMessage, refusalTarget, toBody, toValues } from './credit-modes-form.ts';

const settings: CreditModeSettingsView['settings'] = {
  firstOffence: { byCategory: { price_fraud: 0, absolute_claim: 2 }, trainingHours: 2, trainingDueDays: 30 },
  observation: { days: { merchant: 90, streamer: 0 } },
  triggers: [
    { trigger: 'violations', count: 3, windowDays: 30 },
    { trigger: 'refund_overdue', count: 2, windowDays: 14 },
  ],
};
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('the enforcement mode settings form', () => {
  it('turns the settings into form values and back into the same body', () => {
    const values = toValues(settings);
    expect(values.triggers.map((x) => [x.trigger, x.enabled])).toEqual([
      ['violations', true],
      ['tier_d', false],
      ['refund_overdue', true],
    ]);
    expect(values.firstOffence.byCategory.medical_claim).toBeNull();
    const { body, sentTriggers } = toBody(values);
    expect(body).toEqual(settings);
    expect(sentTriggers).toEqual(['violations', 'refund_overdue']);
  });

  it('sends a switched-on trigger and an emptied number as they are, for the API to judge', () => {
    const values = toValues(settings);
    const tierD = values.triggers[1];
    if (!tierD) throw new Error('no tier_d row');
    tierD.enabled = true;
    tierD.count = 2;
    tierD.windowDays = 30;
    values.firstOffence.trainingHours = null;
    const { body, sentTriggers } = toBody(values);
    expect(sentTriggers).toEqual(['violations', 'tier_d', 'refund_overdue']);
    expect(body.triggers[1]).toEqual({ trigger: 'tier_d', count: 2, windowDays: 30 });
    expect(Number.isNaN(body.firstOffence.trainingHours)).toBe(true);
    expect(JSON.parse(JSON.stringify(body)).firstOffence.trainingHours).toBeNull();
  });

  it('puts a refusal on the field it names, a trigger on its row, and says the bounds', () => {
    const sent = ['violations', 'refund_overdue'] as const;
    expect(refusalTarget('triggers[1].count', sent)).toEqual({ path: ['triggers', 2, 'count'], trigger: 'refund_overdue' });
    expect(refusalTarget('triggers[0]', sent)).toEqual({ path: ['triggers', 0, 'count'], trigger: 'violations' });
    expect(refusalTarget('observation.days.streamer', sent)).toEqual({ path: ['observation', 'days', 'streamer'], trigger: undefined });
    expect(refusalTarget('firstOffence.byCategory.price_fraud', sent)?.path).toEqual(['firstOffence', 'byCategory', 'price_fraud']);
    expect(refusalTarget('triggers[2].count', sent)).toBeNull();
    expect(refusalTarget('triggers', sent)).toBeNull();
    expect(refusalTarget('name', sent)).toBeNull();

    expect(rangeMessage(t, ['observation', 'days', 'streamer'], undefined)).toBe('须为 0–3650 的整数');
    expect(rangeMessage(t, ['firstOffence', 'byCategory', 'price_fraud'], undefined)).toBe('须为 0–5 的整数');
    expect(rangeMessage(t, ['firstOffence', 'trainingHours'], undefined)).toBe('须为 1–40 的整数');
    expect(rangeMessage(t, ['triggers', 1, 'count'], 'tier_d')).toBe('信用等级降为 D 的阈值只能为 1');
    expect(rangeMessage(t, ['triggers', 0, 'count'], 'violations')).toBe('须为 1–1000 的整数');
    expect(rangeMessage(t, ['triggers', 0, 'trigger'], 'violations')).toBeNull();
  });

  it('names the fields an edit changed, inside the triggers list too', () => {
    expect(changedPaths({ observation: { days: { streamer: 60 } } })).toEqual([['observation', 'days', 'streamer']]);
    const triggers: unknown[] = [];
    triggers[1] = { count: 2 };
    expect(changedPaths({ triggers })).toEqual([['triggers', 1, 'count']]);
    expect(changedPaths({ firstOffence: { byCategory: { absolute_claim: null } } })).toEqual([
      ['firstOffence', 'byCategory', 'absolute_claim'],
    ]);
  });
});
