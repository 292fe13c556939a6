/** Complaints and their timelines → contract shapes (pure). The phone arrives masked from the disputes context. */
import type { CompensationObligation, ComplaintDetail, ComplaintView } from '@livehub/contracts';
import type { CompensationObligationView, ComplaintDetailView, ComplaintEntryRecord, ComplaintView as ComplaintRead } from '@livehub/core';

export function presentComplaint(c: ComplaintRead): ComplaintView {
  return {
    id: c.id,
    orderId: c.orderId,
    merchantOrgId: c.merchantOrgId,
    streamerUserId: c.streamerUserId,
    liveSessionId: c.liveSessionId,
    category: c.category,
    claim: { kind: c.claimKind, amountFen: c.claimAmountFen },
    description: c.description,
    evidenceDocumentIds: c.evidenceDocumentIds,
    contactPhone: c.contactPhone,
    paidFen: c.paidFen,
    status: c.status,
    dueAt: c.dueAt?.toISOString() ?? null,
    overdue: c.overdue,
    answer:
      c.answer === null
        ? null
        : {
            answer: c.answer,
            offer: c.offerKind !== null && c.offerAmountFen !== null ? { kind: c.offerKind, amountFen: c.offerAmountFen } : null,
          },
    outcome:
      c.outcomeRemedy !== null && c.outcomeAmountFen !== null
        ? { remedy: c.outcomeRemedy, amountFen: c.outcomeAmountFen, upheld: c.upheld === true }
        : null,
    closingReason: c.closingReason,
    filedAt: c.filedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    merchantName: c.names?.merchantName ?? null,
    streamerName: c.names?.streamerName ?? null,
    orderNo: c.names?.orderNo ?? null,
  };
}

function presentEntry(e: ComplaintEntryRecord): ComplaintDetail['timeline'][number] {
  return {
    id: e.id,
    at: e.at.toISOString(),
    role: e.role,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    data: e.data,
  };
}

export function presentComplaintDetail(d: ComplaintDetailView): ComplaintDetail {
  return {
    ...presentComplaint(d.complaint),
    timeline: d.timeline.map(presentEntry),
    obligation: d.obligation ? presentObligation(d.obligation) : null,
  };
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function presentObligation(o: CompensationObligationView): CompensationObligation {
  return {
    id: o.id,
    remedy: o.remedy,
    amountFen: o.amountFen,
    dueAt: o.dueAt.toISOString(),
    status: o.status,
    paidByMerchantFen: o.paidByMerchantFen,
    advancedFen: o.advancedFen,
    recoveredFromDepositFen: o.recoveredFromDepositFen,
    recoveredFromBalanceFen: o.recoveredFromBalanceFen,
    outstandingFen: o.outstandingFen,
    paidAt: iso(o.paidAt),
    advancedAt: iso(o.advancedAt),
    recoveredAt: iso(o.recoveredAt),
  };
}
