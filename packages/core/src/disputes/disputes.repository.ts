/**
 * The port of complaints: a complaint is inserted awaiting the merchant and moved by compare-and-set on its version;
 * its timeline is append-only. One open complaint per order and consumer. Writes run in the caller's transaction.
 */
import type { ComplaintStatus, ReportStatus, ReportTargetKind } from '@livehub/contracts';
import type { Repositories } from '../ports/repositories.ts';
import type { ComplaintEntryRecord, ComplaintOrderFacts, ComplaintRecord } from './disputes.types.ts';
import type { ReportRecord, ReportReviewInput, ReportTargetFacts } from './report.types.ts';

export interface ComplaintRepository {
  /** fails on a second open complaint about the same order (unique), so a race cannot file two */
  insertComplaint(c: ComplaintRecord): Promise<void>;
  findComplaint(id: string, opts?: { lock?: boolean }): Promise<ComplaintRecord | null>;
  /** writes `c` when the stored version is `expectVersion`; false otherwise */
  updateComplaint(c: ComplaintRecord, expectVersion: number): Promise<boolean>;
  /** the open (not final, not mediation_failed) complaint about this order, if any */
  openComplaintOf(orderId: string): Promise<ComplaintRecord | null>;
  /** newest first, narrowed by consumer, merchant and statuses */
  listComplaints(opts: {
    consumerUserId?: string | undefined;
    merchantOrgId?: string | undefined;
    statuses?: readonly ComplaintStatus[] | undefined;
    /** about one of these live sessions (an empty list: none) */
    liveSessionIds?: readonly string[] | undefined;
    /** filed at or after `filedFrom` and strictly before `filedBefore` */
    filedFrom?: Date | undefined;
    filedBefore?: Date | undefined;
    limit: number;
  }): Promise<ComplaintRecord[]>;
  /** the complaints that name `documentId` among their evidence (so their parties may read it), at most `limit` */
  listByEvidence(documentId: string, limit: number): Promise<ComplaintRecord[]>;
  /** complaints in `statuses` whose deadline is strictly before `now` (and not before `notBefore`), oldest deadline first */
  listDue(statuses: readonly ComplaintStatus[], now: Date, limit: number, notBefore?: Date): Promise<ComplaintRecord[]>;
  appendEntry(e: ComplaintEntryRecord): Promise<void>;
  /** oldest first */
  listEntries(complaintId: string): Promise<ComplaintEntryRecord[]>;
}

/** The orders context's facts about an order (wired in the container over the orders repository). */
export interface ComplaintOrderReader {
  orderFacts(orderId: string): Promise<ComplaintOrderFacts | null>;
  /** the products of each order (its lines'), for the statistics per product */
  productsOf(orderIds: readonly string[]): Promise<Map<string, string[]>>;
}

/** Who uploaded a document of the document store (wired over the registry's documents). */
export interface EvidenceReader {
  uploaderOf(documentId: string): Promise<string | null>;
}

/** The port of reports (举报): inserted received, moved by compare-and-set on the version. */
export interface ReportRepository {
  insertReport(r: ReportRecord): Promise<void>;
  findReport(id: string, opts?: { lock?: boolean }): Promise<ReportRecord | null>;
  findReportByTrackingHash(hash: string): Promise<ReportRecord | null>;
  updateReport(r: ReportRecord, expectVersion: number): Promise<boolean>;
  /** newest first, narrowed by reporter, subject (organization or person) and statuses */
  listReports(opts: {
    reporterUserId?: string | undefined;
    subjectOrgId?: string | undefined;
    subjectUserId?: string | undefined;
    statuses?: readonly ReportStatus[] | undefined;
    /** filed at or after `filedFrom` and strictly before `filedBefore` */
    filedFrom?: Date | undefined;
    filedBefore?: Date | undefined;
    limit: number;
  }): Promise<ReportRecord[]>;
  /** how many reports about this subject are in `status` */
  countReports(subject: { subjectOrgId?: string | undefined; subjectUserId?: string | undefined }, status: ReportStatus): Promise<number>;
}

/** Resolves a report's target through the contexts that own it (wired in the container); null when there is none. */
export interface ReportTargetReader {
  targetOf(kind: ReportTargetKind, id: string): Promise<ReportTargetFacts | null>;
}

/** The compliance context's in-transaction form that opens a review item for a report (source `report`). */
export interface ReportReviewPort {
  openReportItemIn(tx: Pick<Repositories, 'compliance'>, input: ReportReviewInput): Promise<string>;
}
