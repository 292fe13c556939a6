/**
 * Valid example data for each event kind, strong enough to move a score: used by the tests and handy for the
 * docs and a demo seed. Not part of the scoring path.
 */
import type { CreditEventData, CreditEventKind } from './events.ts';

export const SAMPLE_EVENT_DATA: { readonly [K in CreditEventKind]: CreditEventData[K] } = {
  'violation.confirmed': { severity: 4, category: 'medical_claim', ruleId: 'MED-001' },
  'complaint.upheld': { severity: 2 },
  'compensation.advanced': { severity: 2 },
  'order.completed': { onTime: true },
  'order.returned': {},
  'refund.overdue': { days: 4 },
  'shipment.late': { days: 5 },
  'sample.overdue': { days: 3 },
  'certification.lapsed': {},
  'case.penalty': { severity: 2 },
  'training.completed': { hours: 2 },
  'streaming.clean': { hours: 20 },
};
