/** Appeals, reports and report verdicts → contract shapes (pure). */
import type { CreditAppealView, CreditReport, CreditReportVerdict } from '@livehub/contracts';
import type { CreditAppealRecord, CreditReportRecord, CreditReportVerdict as Verdict } from '@livehub/core';

export function presentCreditAppeal(a: CreditAppealRecord): CreditAppealView {
  return {
    id: a.id,
    eventId: a.eventId,
    partyId: a.partyId,
    partyKind: a.partyKind,
    applicationId: a.applicationId,
    status: a.status,
    reason: a.reason,
    evidence: a.evidence,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decisionNote: a.decisionNote,
  };
}

export function presentCreditReport(r: CreditReportRecord): CreditReport {
  return { id: r.id, number: r.number, content: r.content as CreditReport['content'], sha256: r.sha256, signature: r.signature };
}

export function presentCreditVerdict(v: Verdict): CreditReportVerdict {
  return {
    genuine: v.genuine,
    number: v.number,
    problem: v.problem,
    issuedAt: v.issuedAt?.toISOString() ?? null,
    tier: v.tier as CreditReportVerdict['tier'],
    partyKind: v.partyKind,
  };
}
