/** Event validation: every known kind with good data passes; unknown kinds and bad data are refused with the field. */
import { describe, expect, it } from 'vitest';
import { CREDIT_EVENT_KINDS, validateEvent } from './events.ts';
import { SAMPLE_EVENT_DATA } from './sample-events.ts';

const at = new Date('2026-11-01T00:00:00Z');
const goodData: Record<string, unknown> = SAMPLE_EVENT_DATA;
const event = (kind: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'e1',
  partyId: 'p1',
  partyKind: 'streamer',
  kind,
  at,
  data,
  ...extra,
});

describe('validateEvent', () => {
  it('knows exactly the eleven kinds and accepts each with good data', () => {
    expect(Object.keys(goodData).sort()).toEqual([...CREDIT_EVENT_KINDS].sort());
    for (const kind of CREDIT_EVENT_KINDS) expect(validateEvent(event(kind, goodData[kind])), kind).toEqual([]);
  });

  it('refuses an unknown kind, naming the field', () => {
    expect(validateEvent(event('order.teleported', {}))).toEqual([{ path: 'kind', code: 'unknown_kind' }]);
  });

  it.each([
    ['violation.confirmed', { severity: 6, category: 'absolute_claim', ruleId: 'R' }, 'data.severity', 'out_of_range'],
    ['violation.confirmed', { severity: 2.5, category: 'absolute_claim', ruleId: 'R' }, 'data.severity', 'not_integer'],
    ['violation.confirmed', { severity: 2, category: 'gossip', ruleId: 'R' }, 'data.category', 'unknown_category'],
    ['violation.confirmed', { severity: 2, category: 'price_fraud' }, 'data.ruleId', 'required'],
    ['complaint.upheld', { severity: 4 }, 'data.severity', 'out_of_range'],
    ['case.penalty', { severity: '2' }, 'data.severity', 'not_number'],
    ['order.completed', { onTime: 'yes' }, 'data.onTime', 'not_boolean'],
    ['refund.overdue', { days: 0 }, 'data.days', 'out_of_range'],
    ['shipment.late', {}, 'data.days', 'required'],
    ['sample.overdue', { days: Number.NaN }, 'data.days', 'not_number'],
    ['training.completed', { hours: -1 }, 'data.hours', 'out_of_range'],
    ['streaming.clean', { hours: 20_000 }, 'data.hours', 'out_of_range'],
  ])('refuses bad data of %s at its field', (kind, data, path, code) => {
    expect(validateEvent(event(kind, data))).toEqual([{ path, code }]);
  });

  it('refuses bad envelope fields, each with its path', () => {
    const issues = validateEvent({
      id: '',
      partyId: 3,
      partyKind: 'buyer',
      kind: 'order.returned',
      at: 'yesterday',
      voided: 'no',
      data: {},
    });
    expect(issues.map((i) => i.path)).toEqual(['id', 'partyId', 'partyKind', 'at', 'voided']);
    expect(validateEvent(event('order.returned', null))).toEqual([{ path: 'data', code: 'not_object' }]);
    expect(validateEvent('event')).toEqual([{ path: '(event)', code: 'not_object' }]);
    expect(validateEvent(event('order.returned', {}, { at: new Date('nonsense') }))).toEqual([{ path: 'at', code: 'not_date' }]);
  });
});
