/**
 * From the other contexts' outbox events to credit events: pure, one function per topic. Each credit event names
 * its source (`violation:<id>` …), so a redelivered outbox event is recorded once. Unknown or incomplete payloads
 * give no credit event (the outbox must not stall on them).
 */
import { SCREENING_CATEGORIES } from '@livehub/contracts';
import type { CreditEventInput } from './credit.service.ts';

type Payload = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const int = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
const DAY_MS = 86_400_000;

/** 违规确认: the review queue confirmed a violation; it counts against the streamer and the merchant it names. */
export function fromViolationConfirmed(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.violationId);
  if (!id) return [];
  const known = SCREENING_CATEGORIES as readonly unknown[];
  const category = Array.isArray(p.categories) ? p.categories.find((c) => known.includes(c)) : undefined;
  if (typeof category !== 'string') return [];
  const data = { severity: int(p.severity, 1, 5, 1), category, ruleId: str(p.ruleId) ?? id };
  const out: CreditEventInput[] = [];
  const streamer = str(p.streamerUserId);
  const merchant = str(p.merchantOrgId);
  if (streamer) out.push({ partyId: streamer, partyKind: 'streamer', kind: 'violation.confirmed', at, data, source: `violation:${id}` });
  if (merchant) out.push({ partyId: merchant, partyKind: 'merchant', kind: 'violation.confirmed', at, data, source: `violation:${id}` });
  return out;
}

/** 订单完成: on-time fulfilment counts for the merchant and the streamer who sold it. */
export function fromOrderCompleted(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.orderId);
  const merchant = str(p.merchantOrgId);
  if (!id || !merchant) return [];
  const data = { onTime: p.onTime !== false };
  const out: CreditEventInput[] = [{ partyId: merchant, partyKind: 'merchant', kind: 'order.completed', at, data, source: `order:${id}` }];
  const streamer = str(p.streamerUserId);
  if (streamer) out.push({ partyId: streamer, partyKind: 'streamer', kind: 'order.completed', at, data, source: `order:${id}` });
  return out;
}

/** 退货: a return refunded (counts only through the return rate). */
export function fromOrderReturned(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.returnId) ?? str(p.orderId);
  const merchant = str(p.merchantOrgId);
  if (!id || !merchant) return [];
  const out: CreditEventInput[] = [
    { partyId: merchant, partyKind: 'merchant', kind: 'order.returned', at, data: {}, source: `return:${id}` },
  ];
  const streamer = str(p.streamerUserId);
  if (streamer) out.push({ partyId: streamer, partyKind: 'streamer', kind: 'order.returned', at, data: {}, source: `return:${id}` });
  return out;
}

/** 退款超时: the merchant did not refund a received return in time. */
export function fromRefundOverdue(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.returnId);
  const merchant = str(p.merchantOrgId);
  if (!id || !merchant) return [];
  const due = str(p.refundDueAt);
  const days = due ? int(Math.ceil((at.getTime() - new Date(due).getTime()) / DAY_MS), 1, 3650, 1) : 1;
  return [{ partyId: merchant, partyKind: 'merchant', kind: 'refund.overdue', at, data: { days }, source: `refund-overdue:${id}` }];
}

/** 发货超时: an order shipped past its 48 hours counts against the merchant's 物流, by the days it was late. */
export function fromOrderShipped(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.orderId);
  const merchant = str(p.merchantOrgId);
  const late = typeof p.daysLate === 'number' && Number.isFinite(p.daysLate) ? Math.floor(p.daysLate) : 0;
  if (!id || !merchant || late < 1) return [];
  const days = Math.min(late, 365);
  return [{ partyId: merchant, partyKind: 'merchant', kind: 'shipment.late', at, data: { days }, source: `shipment:${id}` }];
}

/** 样品逾期: a sample not returned or reviewed in time breaks the selection agreement. */
export function fromSampleOverdue(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.sampleId);
  if (!id) return [];
  const days = int(p.days, 1, 3650, 1);
  const out: CreditEventInput[] = [];
  const streamer = str(p.streamerUserId);
  if (streamer) out.push({ partyId: streamer, partyKind: 'streamer', kind: 'sample.overdue', at, data: { days }, source: `sample:${id}` });
  // the MCN answers for managing its streamers (its management dimension)
  const mcn = str(p.mcnOrgId);
  if (mcn) out.push({ partyId: mcn, partyKind: 'mcn', kind: 'sample.overdue', at, data: { days }, source: `sample:${id}` });
  return out;
}

/** 资质失效: a certification lapsed while the party kept operating. */
export function fromCertificationLapsed(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.qualificationId) ?? str(p.documentId);
  const party = str(p.partyId);
  const kind = p.partyKind;
  if (!id || !party || (kind !== 'merchant' && kind !== 'streamer' && kind !== 'mcn' && kind !== 'base')) return [];
  return [{ partyId: party, partyKind: kind, kind: 'certification.lapsed', at, data: {}, source: `lapsed:${id}` }];
}

/** 清朗直播: a session that ended with no confirmed violation restores the streamer's compliance slowly. */
export function fromLiveEnded(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.sessionId);
  const streamer = str(p.streamerUserId);
  const started = str(p.startedAt);
  if (!id || !streamer || !started || p.violations !== 0) return [];
  const hours = Math.round(((at.getTime() - new Date(started).getTime()) / 3_600_000) * 100) / 100;
  if (!(hours > 0)) return [];
  return [
    {
      partyId: streamer,
      partyKind: 'streamer',
      kind: 'streaming.clean',
      at,
      data: { hours: Math.min(hours, 24) },
      source: `session:${id}`,
    },
  ];
}

/**
 * 投诉成立: a complaint resolved for the consumer by a platform mediation decision (`upheld`) counts against the
 * merchant and the streamer the order is attributed to; one settled by negotiation, dismissed or withdrawn does not.
 */
export function fromComplaintResolved(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.complaintId);
  const merchant = str(p.merchantOrgId);
  if (!id || !merchant || p.upheld !== true) return [];
  const data = { severity: int(p.severity, 1, 3, 1) };
  const out: CreditEventInput[] = [
    { partyId: merchant, partyKind: 'merchant', kind: 'complaint.upheld', at, data, source: `complaint:${id}` },
  ];
  const streamer = str(p.streamerUserId);
  if (streamer) out.push({ partyId: streamer, partyKind: 'streamer', kind: 'complaint.upheld', at, data, source: `complaint:${id}` });
  return out;
}

/**
 * 先行赔付: the merchant did not pay a complaint's compensation by its deadline and the platform's fund paid the
 * consumer. A credit event for the merchant (it owed the money), weighing more than the upheld complaint.
 */
export function fromCompensationAdvanced(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.obligationId);
  const merchant = str(p.merchantOrgId);
  if (!id || !merchant) return [];
  const data = { severity: int(p.severity, 1, 3, 1) };
  return [{ partyId: merchant, partyKind: 'merchant', kind: 'compensation.advanced', at, data, source: `compensation:${id}` }];
}

const CASE_PARTY_KINDS = ['merchant', 'streamer', 'mcn', 'base'] as const;

/** 行政处罚: a case's decision (supervision) counts against its party, weighted by its heaviest measure. */
export function fromCaseDecided(p: Payload, at: Date): CreditEventInput[] {
  const id = str(p.caseId);
  const party = str(p.partyId);
  const kind = CASE_PARTY_KINDS.find((k) => k === p.creditPartyKind);
  if (!id || !party || !kind) return [];
  return [
    { partyId: party, partyKind: kind, kind: 'case.penalty', at, data: { severity: int(p.severity, 1, 3, 1) }, source: `case:${id}` },
  ];
}

/** The topics the credit context listens to and how each becomes credit events. */
export const CREDIT_FEED: Record<string, (p: Payload, at: Date) => CreditEventInput[]> = {
  'compliance.violation_confirmed': fromViolationConfirmed,
  'order.shipped': fromOrderShipped,
  'order.completed': fromOrderCompleted,
  'return.refunded': fromOrderReturned,
  'return.refund_overdue': fromRefundOverdue,
  'selection.sample_overdue': fromSampleOverdue,
  'registry.certification_lapsed': fromCertificationLapsed,
  'live.ended': fromLiveEnded,
  'disputes.complaint_resolved': fromComplaintResolved,
  'disputes.compensation_advanced': fromCompensationAdvanced,
  'supervision.case_decided': fromCaseDecided,
};
