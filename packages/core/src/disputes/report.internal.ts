/**
 * How a report leaves the context, written once, with who may see what decided here (docs/reports.md):
 * - the reporter (我的举报, and the answer to filing): their report, the phone masked, the tracking code only once;
 * - the handlers (举报受理: platform admins, reviewers; regulators read): the report with the reporter reduced to
 *   signed in or anonymous and the phone masked — never the reporter's id, name or tracking code;
 * - the reported party: substantiated reports only, without the description, the evidence or anything of the reporter;
 * - the tracking page: the state and the outcome, nothing else.
 * Internal to the disputes context.
 */
import type { ReportCategory, ReportStatus, ReportTargetKind } from '@livehub/contracts';
import type { NameQuery, Names } from '../shared/name-directory.ts';
import type { PiiVault } from '../ports/runtime.ts';
import { maskPhone } from '../shared/masking.ts';
import type { ReportRecord } from './report.types.ts';

export interface ReportOutcomeView {
  id: string;
  target: { kind: ReportTargetKind; id: string; name: string | null };
  category: ReportCategory;
  status: ReportStatus;
  outcome: string | null;
  filedAt: Date;
  handledAt: Date | null;
}

export interface ReportTrackView {
  category: ReportCategory;
  targetKind: ReportTargetKind;
  status: ReportStatus;
  outcome: string | null;
  filedAt: Date;
  handledAt: Date | null;
}

export interface ReportReceiptView extends ReportOutcomeView {
  description: string;
  evidenceCount: number;
  trackingCode: string | null;
  contactPhone: string | null;
}

export interface ReportCaseView extends ReportOutcomeView {
  description: string;
  evidenceDocumentIds: string[];
  reporter: 'signed_in' | 'anonymous';
  contactPhone: string | null;
  reviewItemId: string | null;
  handledByName: string | null;
}

const KIND_NAMES = { live_session: 'sessions', product: 'products', organization: 'orgs', user: 'users' } as const;

/** The names a page of reports needs: its targets and who handled them (one query per kind). */
export function reportNameQuery(rows: ReportRecord[]): NameQuery {
  const q: Record<string, string[]> = { sessions: [], products: [], orgs: [], users: [] };
  for (const r of rows) {
    q[KIND_NAMES[r.targetKind]]?.push(r.targetId);
    if (r.handledBy) q.users?.push(r.handledBy);
  }
  return q;
}

export function outcomeView(r: ReportRecord, names: Names): ReportOutcomeView {
  return {
    id: r.id,
    target: { kind: r.targetKind, id: r.targetId, name: names[KIND_NAMES[r.targetKind]].get(r.targetId) ?? null },
    category: r.category,
    status: r.status,
    outcome: r.outcome,
    filedAt: r.filedAt,
    handledAt: r.handledAt,
  };
}

export function trackView(r: ReportRecord): ReportTrackView {
  return {
    category: r.category,
    targetKind: r.targetKind,
    status: r.status,
    outcome: r.outcome,
    filedAt: r.filedAt,
    handledAt: r.handledAt,
  };
}

const phoneOf = (r: ReportRecord, vault: PiiVault) => (r.contactPhoneEnc ? maskPhone(vault.decrypt(r.contactPhoneEnc)) : null);

export function receiptView(r: ReportRecord, names: Names, vault: PiiVault, trackingCode: string | null): ReportReceiptView {
  return {
    ...outcomeView(r, names),
    description: r.description,
    evidenceCount: r.evidenceDocumentIds.length,
    trackingCode,
    contactPhone: phoneOf(r, vault),
  };
}

export function caseView(r: ReportRecord, names: Names, vault: PiiVault): ReportCaseView {
  return {
    ...outcomeView(r, names),
    description: r.description,
    evidenceDocumentIds: r.evidenceDocumentIds,
    reporter: r.reporterUserId ? 'signed_in' : 'anonymous',
    contactPhone: phoneOf(r, vault),
    reviewItemId: r.reviewItemId,
    handledByName: r.handledBy ? (names.users.get(r.handledBy) ?? null) : null,
  };
}

/**
 * The outbox payload of every report event. `reporterUserId` is there for the inbox (the signed-in reporter hears of
 * the outcome); no phone, no tracking code and no description leave in an event.
 */
export function reportEvent(r: ReportRecord, action: string): Record<string, unknown> {
  return {
    reportId: r.id,
    action,
    targetKind: r.targetKind,
    targetId: r.targetId,
    subjectOrgId: r.subjectOrgId,
    subjectUserId: r.subjectUserId,
    category: r.category,
    status: r.status,
    outcome: r.outcome,
    anonymous: r.reporterUserId === null,
    reporterUserId: r.reporterUserId,
    reviewItemId: r.reviewItemId,
    /** the platform staff who handled it (never the reporter); null when the review item's decision settled it */
    handledBy: r.handledBy,
    evidenceCount: r.evidenceDocumentIds.length,
    filedAt: r.filedAt.toISOString(),
  };
}
