/** Reports (举报) → contract shapes (pure). Who sees which fields is decided in the disputes context (report.internal.ts). */
import type { ReportCase, ReportOutcome, ReportReceipt, ReportTrack } from '@livehub/contracts';
import type { ReportCaseView, ReportOutcomeView, ReportReceiptView, ReportTrackView } from '@livehub/core';

export function presentReportOutcome(r: ReportOutcomeView): ReportOutcome {
  return {
    id: r.id,
    target: r.target,
    category: r.category,
    status: r.status,
    outcome: r.outcome,
    filedAt: r.filedAt.toISOString(),
    handledAt: r.handledAt?.toISOString() ?? null,
  };
}

export function presentReportReceipt(r: ReportReceiptView): ReportReceipt {
  return {
    ...presentReportOutcome(r),
    description: r.description,
    evidenceCount: r.evidenceCount,
    trackingCode: r.trackingCode,
    contactPhone: r.contactPhone,
  };
}

export function presentReportCase(r: ReportCaseView): ReportCase {
  return {
    ...presentReportOutcome(r),
    description: r.description,
    evidenceDocumentIds: r.evidenceDocumentIds,
    reporter: r.reporter,
    contactPhone: r.contactPhone,
    reviewItemId: r.reviewItemId,
    handledByName: r.handledByName,
  };
}

export function presentReportTrack(r: ReportTrackView): ReportTrack {
  return {
    category: r.category,
    targetKind: r.targetKind,
    status: r.status,
    outcome: r.outcome,
    filedAt: r.filedAt.toISOString(),
    handledAt: r.handledAt?.toISOString() ?? null,
  };
}
