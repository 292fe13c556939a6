/**
 * Reports (举报) in the domain's words: anyone's report about a live room, a product, an organization or a user;
 * who is reported (the subject) resolved at filing; the reporter kept apart — a user id when signed in, a tracking
 * code's hash when anonymous, a sealed phone — and never part of what the reported party or the tracking page sees.
 */
import type { ReportCategory, ReportStatus, ReportTargetKind, SCREENING_CATEGORIES } from '@livehub/contracts';

export interface ReportRecord {
  id: string;
  targetKind: ReportTargetKind;
  targetId: string;
  /** who the report is about, resolved at filing: the organization (merchant, MCN, …) and the person (streamer, user) */
  subjectOrgId: string | null;
  subjectUserId: string | null;
  category: ReportCategory;
  description: string;
  /** documents of the document store the (signed-in) reporter uploaded */
  evidenceDocumentIds: string[];
  /** null for an anonymous reporter */
  reporterUserId: string | null;
  /** sealed by the PII vault */
  contactPhoneEnc: string | null;
  /** SHA-256 of the anonymous reporter's tracking code; the code itself is never stored */
  trackingCodeHash: string | null;
  status: ReportStatus;
  /** the handling's reason (substantiated, unsubstantiated, referred) */
  outcome: string | null;
  handledBy: string | null;
  handledAt: Date | null;
  /** the compliance review item opened for a live session or a product */
  reviewItemId: string | null;
  filedAt: Date;
  updatedAt: Date;
  version: number;
}

/** What filing needs to know about a target, read through the contexts that own it (`ReportTargetReader`). */
export interface ReportTargetFacts {
  kind: ReportTargetKind;
  id: string;
  name: string;
  subjectOrgId: string | null;
  subjectUserId: string | null;
  /** for live sessions and products: what the review item names */
  sessionRef: string | null;
  productRef: string | null;
  streamerUserId: string | null;
  merchantOrgId: string | null;
}

/** What a review item opened for a report carries: the target and the report's words, never the reporter. */
export interface ReportReviewInput {
  reportId: string;
  targetKind: 'live_session' | 'product';
  /** the screening categories the report's category stands for (report.rules.ts) */
  categories: Array<(typeof SCREENING_CATEGORIES)[number]>;
  severity: number;
  text: string;
  sessionRef: string | null;
  productRef: string | null;
  streamerUserId: string | null;
  merchantOrgId: string | null;
  at: Date;
}
