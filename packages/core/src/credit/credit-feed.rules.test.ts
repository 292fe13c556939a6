import { validateEvent } from '@livehub/credit';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_FEED,
  fromCertificationLapsed,
  fromCaseDecided,
  fromCompensationAdvanced,
  fromComplaintResolved,
  fromLiveEnded,
  fromOrderCompleted,
  fromOrderReturned,
  fromOrderShipped,
  fromRefundOverdue,
  fromSampleOverdue,
  fromViolationConfirmed,
} from './credit-feed.rules.ts';
import type { CreditEventInput } from './credit.service.ts';

const AT = new Date('2026-12-01T12:00:00.000Z');
const scorable = (events: CreditEventInput[]) =>
  events.map((e) => validateEvent({ id: 'x', partyId: e.partyId, partyKind: e.partyKind, kind: e.kind, at: e.at, data: e.data }));

describe('credit feed: outbox topics to credit events', () => {
  it('listens to the topics the other contexts write', () => {
    expect(Object.keys(CREDIT_FEED).sort()).toEqual([
      'compliance.violation_confirmed',
      'disputes.compensation_advanced',
      'disputes.complaint_resolved',
      'live.ended',
      'order.completed',
      'order.shipped',
      'registry.certification_lapsed',
      'return.refund_overdue',
      'return.refunded',
      'selection.sample_overdue',
      'supervision.case_decided',
    ]);
  });

  it('a case’s decision (行政处罚) counts against its party with the decision’s severity; an unknown party kind is nothing', () => {
    const p = { caseId: 'k1', partyKind: 'organization', partyId: 'm1', creditPartyKind: 'merchant', severity: 2 };
    expect(fromCaseDecided(p, AT)).toEqual([
      { partyId: 'm1', partyKind: 'merchant', kind: 'case.penalty', at: AT, data: { severity: 2 }, source: 'case:k1' },
    ]);
    expect(fromCaseDecided({ ...p, creditPartyKind: 'streamer', partyId: 'u1', severity: 9 }, AT)[0]).toMatchObject({
      partyKind: 'streamer',
      data: { severity: 3 },
    });
    expect(fromCaseDecided({ ...p, creditPartyKind: null }, AT)).toEqual([]);
    expect(fromCaseDecided({ ...p, caseId: undefined }, AT)).toEqual([]);
  });

  it('a late shipment counts against the merchant by its days late; one in time, or without a merchant, is nothing', () => {
    const out = fromOrderShipped({ orderId: 'o1', merchantOrgId: 'm1', streamerUserId: 's1', daysLate: 2 }, AT);
    expect(out).toEqual([
      { partyId: 'm1', partyKind: 'merchant', kind: 'shipment.late', at: AT, data: { days: 2 }, source: 'shipment:o1' },
    ]);
    expect(scorable(out)).toEqual([[]]);
    expect(fromOrderShipped({ orderId: 'o1', merchantOrgId: 'm1', daysLate: 0 }, AT)).toEqual([]);
    expect(fromOrderShipped({ orderId: 'o1', merchantOrgId: 'm1' }, AT)).toEqual([]);
    expect(fromOrderShipped({ orderId: 'o1', daysLate: 3 }, AT)).toEqual([]);
    expect(fromOrderShipped({ orderId: 'o1', merchantOrgId: 'm1', daysLate: 9999 }, AT)[0]?.data).toEqual({ days: 365 });
  });

  it('a confirmed violation counts against the streamer and the merchant, with its severity, category and rule', () => {
    const out = fromViolationConfirmed(
      {
        violationId: 'v1',
        severity: 4,
        categories: ['not-a-category', 'absolute_claim'],
        ruleId: 'r-9',
        streamerUserId: 's1',
        merchantOrgId: 'm1',
      },
      AT,
    );
    expect(out.map((e) => [e.partyId, e.partyKind, e.kind, e.source])).toEqual([
      ['s1', 'streamer', 'violation.confirmed', 'violation:v1'],
      ['m1', 'merchant', 'violation.confirmed', 'violation:v1'],
    ]);
    expect(out[0]?.data).toEqual({ severity: 4, category: 'absolute_claim', ruleId: 'r-9' });
    expect(out[0]?.at).toBe(AT);
    expect(scorable(out)).toEqual([[], []]);
  });

  it('a violation: severity clamped to 1–5, rule id defaults to the violation, no known category → nothing', () => {
    expect(
      fromViolationConfirmed({ violationId: 'v2', severity: 9, categories: ['absolute_claim'], streamerUserId: 's1' }, AT)[0]?.data,
    ).toEqual({ severity: 5, category: 'absolute_claim', ruleId: 'v2' });
    expect(fromViolationConfirmed({ violationId: 'v3', categories: ['nonsense'], streamerUserId: 's1' }, AT)).toEqual([]);
    expect(fromViolationConfirmed({ categories: ['absolute_claim'], streamerUserId: 's1' }, AT)).toEqual([]);
  });

  it('a completed order counts for the merchant and the streamer, on time unless it says otherwise', () => {
    const out = fromOrderCompleted({ orderId: 'o1', merchantOrgId: 'm1', streamerUserId: 's1', onTime: true }, AT);
    expect(out.map((e) => [e.partyId, e.partyKind, e.kind, e.source, e.data])).toEqual([
      ['m1', 'merchant', 'order.completed', 'order:o1', { onTime: true }],
      ['s1', 'streamer', 'order.completed', 'order:o1', { onTime: true }],
    ]);
    expect(scorable(out)).toEqual([[], []]);
    expect(fromOrderCompleted({ orderId: 'o2', merchantOrgId: 'm1', onTime: false }, AT).map((e) => e.data)).toEqual([{ onTime: false }]);
    // a shelf order (no streamer) counts for the merchant only; without its merchant, nothing
    expect(fromOrderCompleted({ orderId: 'o3', merchantOrgId: 'm1', streamerUserId: null }, AT)).toHaveLength(1);
    expect(fromOrderCompleted({ orderId: 'o4' }, AT)).toEqual([]);
  });

  it('a refunded return counts once per return for the merchant and the streamer', () => {
    const out = fromOrderReturned({ returnId: 'r1', orderId: 'o1', merchantOrgId: 'm1', streamerUserId: 's1' }, AT);
    expect(out.map((e) => [e.partyId, e.kind, e.source])).toEqual([
      ['m1', 'order.returned', 'return:r1'],
      ['s1', 'order.returned', 'return:r1'],
    ]);
    expect(scorable(out)).toEqual([[], []]);
    expect(fromOrderReturned({ returnId: 'r2' }, AT)).toEqual([]);
  });

  it('an overdue refund costs the merchant the days past its due date (at least one)', () => {
    const due = new Date(AT.getTime() - 3.5 * 86_400_000).toISOString();
    const out = fromRefundOverdue({ returnId: 'r1', orderId: 'o1', merchantOrgId: 'm1', refundDueAt: due }, AT);
    expect(out).toEqual([
      { partyId: 'm1', partyKind: 'merchant', kind: 'refund.overdue', at: AT, data: { days: 4 }, source: 'refund-overdue:r1' },
    ]);
    expect(scorable(out)).toEqual([[]]);
    expect(fromRefundOverdue({ returnId: 'r1', merchantOrgId: 'm1', refundDueAt: null }, AT)[0]?.data).toEqual({ days: 1 });
    expect(fromRefundOverdue({ returnId: 'r1' }, AT)).toEqual([]);
  });

  it('an overdue sample counts against the streamer and their MCN, with its days', () => {
    const out = fromSampleOverdue({ sampleId: 'x1', streamerUserId: 's1', merchantOrgId: 'm1', mcnOrgId: 'n1', days: 3 }, AT);
    expect(out.map((e) => [e.partyId, e.partyKind, e.kind, e.data, e.source])).toEqual([
      ['s1', 'streamer', 'sample.overdue', { days: 3 }, 'sample:x1'],
      ['n1', 'mcn', 'sample.overdue', { days: 3 }, 'sample:x1'],
    ]);
    expect(scorable(out)).toEqual([[], []]);
    expect(fromSampleOverdue({ sampleId: 'x2', streamerUserId: 's1' }, AT)[0]?.data).toEqual({ days: 1 });
    expect(fromSampleOverdue({ sampleId: 'x3' }, AT)).toEqual([]);
  });

  it('a lapsed certification counts against its holder, of any party kind', () => {
    for (const kind of ['merchant', 'streamer', 'mcn', 'base'] as const) {
      const out = fromCertificationLapsed({ partyId: 'p1', partyKind: kind, qualificationId: 'q1' }, AT);
      expect(out).toEqual([{ partyId: 'p1', partyKind: kind, kind: 'certification.lapsed', at: AT, data: {}, source: 'lapsed:q1' }]);
      expect(scorable(out)).toEqual([[]]);
    }
    expect(fromCertificationLapsed({ partyId: 'p1', partyKind: 'buyer', qualificationId: 'q1' }, AT)).toEqual([]);
    expect(fromCertificationLapsed({ partyKind: 'merchant', qualificationId: 'q1' }, AT)).toEqual([]);
  });

  it('a session that ended clean gives the streamer its hours (at most 24); one with violations gives nothing', () => {
    const startedAt = new Date(AT.getTime() - 2.5 * 3_600_000).toISOString();
    const out = fromLiveEnded({ sessionId: 'l1', streamerUserId: 's1', startedAt, violations: 0 }, AT);
    expect(out).toEqual([
      { partyId: 's1', partyKind: 'streamer', kind: 'streaming.clean', at: AT, data: { hours: 2.5 }, source: 'session:l1' },
    ]);
    expect(scorable(out)).toEqual([[]]);
    const long = new Date(AT.getTime() - 30 * 3_600_000).toISOString();
    expect(fromLiveEnded({ sessionId: 'l2', streamerUserId: 's1', startedAt: long, violations: 0 }, AT)[0]?.data).toEqual({ hours: 24 });
    expect(fromLiveEnded({ sessionId: 'l3', streamerUserId: 's1', startedAt, violations: 1 }, AT)).toEqual([]);
    // not known whether it was clean: nothing
    expect(fromLiveEnded({ sessionId: 'l4', streamerUserId: 's1', startedAt }, AT)).toEqual([]);
    expect(fromLiveEnded({ sessionId: 'l5', streamerUserId: 's1', startedAt: null, violations: 0 }, AT)).toEqual([]);
  });

  it('an upheld complaint counts against the merchant and the attributed streamer; a settled one does not', () => {
    const out = fromComplaintResolved(
      { complaintId: 'c1', merchantOrgId: 'm1', streamerUserId: 's1', upheld: true, severity: 3, category: 'fraud' },
      AT,
    );
    expect(out.map((e) => [e.partyId, e.partyKind, e.kind, e.source])).toEqual([
      ['m1', 'merchant', 'complaint.upheld', 'complaint:c1'],
      ['s1', 'streamer', 'complaint.upheld', 'complaint:c1'],
    ]);
    expect(out[0]?.data).toEqual({ severity: 3 });
    expect(scorable(out)).toEqual([[], []]);
    expect(fromComplaintResolved({ complaintId: 'c2', merchantOrgId: 'm1', upheld: true, severity: 9 }, AT).map((e) => e.data)).toEqual([
      { severity: 3 },
    ]);
    expect(fromComplaintResolved({ complaintId: 'c3', merchantOrgId: 'm1', upheld: false, severity: 2 }, AT)).toEqual([]);
    expect(fromComplaintResolved({ merchantOrgId: 'm1', upheld: true }, AT)).toEqual([]);
  });

  it('先行赔付 counts against the merchant only, once per obligation, heavier than an upheld complaint', async () => {
    const { DEFAULT_MODEL } = await import('@livehub/credit');
    const out = fromCompensationAdvanced({ obligationId: 'ob1', complaintId: 'c1', merchantOrgId: 'm1', severity: 2, amountFen: 5000 }, AT);
    expect(out).toEqual([
      { partyId: 'm1', partyKind: 'merchant', kind: 'compensation.advanced', at: AT, data: { severity: 2 }, source: 'compensation:ob1' },
    ]);
    expect(scorable(out)).toEqual([[]]);
    expect(fromCompensationAdvanced({ obligationId: 'ob1' }, AT)).toEqual([]);
    expect(fromCompensationAdvanced({ merchantOrgId: 'm1' }, AT)).toEqual([]);
    expect(DEFAULT_MODEL.rules['compensation.advanced'].points).toBeLessThan(DEFAULT_MODEL.rules['complaint.upheld'].points);
  });
});
