/**
 * Complaints (投诉) in the domain's words: one consumer's complaint about one of their orders, the merchant (and
 * the streamer the order is attributed to) it is against, the claim, the current step of the ODR path with its
 * deadline, and the timeline both sides see.
 */
import type { CompensationObligationView } from './compensation-payment.types.ts';
import type { ClaimKind, ComplaintCategory, ComplaintRemedy, ComplaintRole, ComplaintStatus } from '@livehub/contracts';

export interface ComplaintClaim {
  kind: ClaimKind;
  amountFen: number;
}

export interface ComplaintRecord {
  id: string;
  orderId: string;
  consumerUserId: string;
  merchantOrgId: string;
  /** the streamer the order is attributed to (带货主播), if any */
  streamerUserId: string | null;
  liveSessionId: string | null;
  category: ComplaintCategory;
  claimKind: ClaimKind;
  claimAmountFen: number;
  description: string;
  /** documents of the document store the consumer uploaded */
  evidenceDocumentIds: string[];
  /** sealed by the PII vault */
  contactPhoneEnc: string | null;
  /** the price paid and refunded when the complaint was filed: the bounds of claims and decisions */
  paidFen: number;
  refundedFen: number;
  status: ComplaintStatus;
  statusSince: Date;
  /** the current step's deadline (null when it has none) */
  dueAt: Date | null;
  answer: 'accept' | 'counter' | 'reject' | null;
  offerKind: ClaimKind | null;
  offerAmountFen: number | null;
  outcomeRemedy: ComplaintRemedy | null;
  outcomeAmountFen: number | null;
  /** resolved for the consumer by a decision (a credit event for the merchant) */
  upheld: boolean | null;
  /** the dismissal's, refusal's or withdrawal's reason */
  closingReason: string | null;
  filedAt: Date;
  updatedAt: Date;
  version: number;
}

/** One line of the timeline (both sides see it). */
export interface ComplaintEntryRecord {
  id: string;
  complaintId: string;
  at: Date;
  role: ComplaintRole;
  actorUserId: string | null;
  action: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  note: string | null;
  data: Record<string, unknown>;
}

/** The order facts filing needs, read through the orders context (`ComplaintOrderReader`). */
export interface ComplaintOrderFacts {
  id: string;
  buyerUserId: string;
  merchantOrgId: string;
  streamerUserId: string | null;
  sessionId: string | null;
  totalFen: number;
  refundedFen: number;
  paidAt: Date | null;
  createdAt: Date;
}

/** The names screens show for a complaint's parties and order (null when not found; never the raw id). */
export interface ComplaintNames {
  merchantName: string | null;
  streamerName: string | null;
  orderNo: string | null;
}

/**
 * A complaint as it leaves the context: no sealed phone (masked instead), whether its step is overdue, and the
 * names of its parties when the view was read with them (the lists and the detail; a step's answer has none).
 */
export type ComplaintView = Omit<ComplaintRecord, 'contactPhoneEnc'> & {
  contactPhone: string | null;
  overdue: boolean;
  names: ComplaintNames | null;
};

export interface ComplaintDetailView {
  complaint: ComplaintView;
  timeline: ComplaintEntryRecord[];
  /** the 赔付义务 of a resolution with an amount */
  obligation: CompensationObligationView | null;
}
