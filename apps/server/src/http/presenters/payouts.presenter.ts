/** Pure presenters of payouts and deposits: records with their names → the contract shapes the API answers with. */
import type { DepositRequirementView, DepositView, PayoutHoldView, PayoutSummary, PayoutView } from '@livehub/contracts';
import type {
  DepositRequirementRecord,
  DepositView as DepositRecordView,
  PayoutHoldRecord,
  PayoutSummary as PayoutSummaryRecord,
  PayoutView as PayoutRecordView,
} from '@livehub/core';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** A payout with its account details masked (the service unsealed and masked them). */
export function presentPayout(v: PayoutRecordView): PayoutView {
  const p = v.record;
  return {
    id: p.id,
    partyId: p.partyId,
    partyKind: p.partyKind,
    partyName: v.partyName,
    amountFen: p.amountFen,
    method: p.method,
    accountName: v.accountName,
    accountNo: v.accountNo,
    bankName: p.bankName,
    status: p.status,
    failureReason: p.failureReason,
    decisionNote: p.decisionNote,
    requestedAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentHold(h: PayoutHoldRecord, partyName: string): PayoutHoldView {
  return {
    id: h.id,
    partyId: h.partyId,
    partyName,
    reason: h.reason,
    placedAt: h.placedAt.toISOString(),
    releasedAt: iso(h.releasedAt),
  };
}

export function presentPayoutSummary(s: PayoutSummaryRecord): PayoutSummary {
  return {
    partyId: s.partyId,
    partyKind: s.partyKind,
    availableFen: s.availableFen,
    inTransitFen: s.inTransitFen,
    approvalThresholdFen: s.approvalThresholdFen,
    hold: s.hold ? presentHold(s.hold, '') : null,
  };
}

export function presentRequirement(r: DepositRequirementRecord & { categoryName: string }): DepositRequirementView {
  return { categoryId: r.categoryId, categoryName: r.categoryName, amountFen: r.amountFen, updatedAt: r.updatedAt.toISOString() };
}

export function presentDeposit(v: DepositRecordView): DepositView {
  return {
    merchantOrgId: v.merchantOrgId,
    merchantName: v.merchantName,
    requiredFen: v.requiredFen,
    balanceFen: v.balanceFen,
    dueFen: v.dueFen,
    topUpRequired: v.topUpRequired,
    payments: v.payments.map((p) => ({ id: p.id, amountFen: p.amountFen, status: p.status, createdAt: p.createdAt.toISOString() })),
    deductions: v.deductions.map((d) => ({ id: d.id, amountFen: d.amountFen, reason: d.reason, createdAt: d.createdAt.toISOString() })),
  };
}
