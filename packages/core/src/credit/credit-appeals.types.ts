/**
 * Appeals (申诉) and credit reports (信用报告) in the domain's words. An appeal contests one of the party's own
 * credit events and is decided through the approval engine (`credit_appeal`); a report is a signed snapshot of a
 * party's credit, stored as issued so that its number and hash can be verified later.
 */
import type { PartyKind } from '@livehub/credit';

export type CreditAppealStatus = 'open' | 'upheld' | 'rejected';

export interface CreditAppealRecord {
  id: string;
  eventId: string;
  partyId: string;
  partyKind: PartyKind;
  /** the `credit_appeal` application that decides it */
  applicationId: string;
  status: CreditAppealStatus;
  reason: string;
  evidence: string | null;
  filedBy: string;
  createdAt: Date;
  decidedAt: Date | null;
  /** the reviewer's note (the void reason when upheld) */
  decisionNote: string | null;
}

/** What a report says, as signed: canonical JSON of exactly this is hashed. */
export interface CreditReportContent {
  number: string;
  party: { id: string; kind: PartyKind; name: string };
  tier: string;
  total: number;
  dimensions: Array<{ key: string; zh: string; en: string; weightBp: number; score: number }>;
  /** the counted events, newest first: kind, day and the points they moved (0 for a waived first offence) */
  events: Array<{ kind: string; day: string; points: number; waived: boolean }>;
  measures: Array<{ code: string; zh: string; en: string }>;
  modelVersion: string;
  issuedAt: string;
}

export interface CreditReportRecord {
  id: string;
  number: string;
  partyId: string;
  partyKind: PartyKind;
  /** `request`: asked for by the party or an authority; `inquiry`: base certification's 信用征询 */
  purpose: 'request' | 'inquiry';
  content: CreditReportContent;
  /** SHA-256 (hex) of the canonical JSON of `content` */
  sha256: string;
  /** HMAC-SHA-256 (hex) of `sha256` under the server's report key */
  signature: string;
  issuedBy: string | null;
  issuedAt: Date;
}
