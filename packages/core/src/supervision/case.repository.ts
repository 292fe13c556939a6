/**
 * The port of cases (案件). A case moves by compare-and-set on its version; its evidence and log are append-only
 * (the evidence's chain head is read under the case's lock); the reads of the evidence chain's sources (transcript
 * segments, hits, recordings, orders, complaints) give the content that is hashed when attached.
 */
import type { CaseEvidenceKind, CaseStatus } from '@livehub/contracts';
import type { CaseEntryRecord, CaseEvidenceRecord, CaseRecord, LiveSuspensionRecord } from './case.types.ts';

/** One piece of the evidence chain as found at its source. */
export interface EvidenceSource {
  summary: string;
  /** what is hashed: the stored facts of the item (its text, hits, file hash, amounts…) */
  content: Record<string, unknown>;
}

export interface CaseRepository {
  insertCase(c: CaseRecord): Promise<void>;
  findCase(id: string, opts?: { lock?: boolean }): Promise<CaseRecord | null>;
  findCaseByClue(clueId: string): Promise<CaseRecord | null>;
  /** writes `c` when the stored version is `expectVersion`; false otherwise */
  updateCase(c: CaseRecord, expectVersion: number): Promise<boolean>;
  /**
   * newest first; `departments` undefined: every department's; `jointWith`: also those the department handles jointly
   * (with `departments` only); `party`: one party's cases told to it (notified on)
   */
  listCases(opts: {
    departments?: readonly (string | null)[] | undefined;
    jointWith?: string | undefined;
    party?: { kind: 'organization' | 'user'; id: string } | undefined;
    status?: CaseStatus | undefined;
    limit: number;
  }): Promise<CaseRecord[]>;
  appendEvidence(e: CaseEvidenceRecord): Promise<void>;
  /** in chain order */
  listEvidence(caseId: string): Promise<CaseEvidenceRecord[]>;
  appendEntry(e: CaseEntryRecord): Promise<void>;
  /** oldest first */
  listEntries(caseId: string): Promise<CaseEntryRecord[]>;
  insertSuspension(s: LiveSuspensionRecord): Promise<void>;
  /** the suspension in force for `userId` at `at` ending last, if any */
  activeSuspension(userId: string, at: Date): Promise<LiveSuspensionRecord | null>;
  /** the evidence chain's item, or null when there is none */
  evidenceSource(kind: CaseEvidenceKind, refId: string): Promise<EvidenceSource | null>;
  /** the merchant of a product; the streamer of a live session (who a case about them is against) */
  productMerchant(productId: string): Promise<string | null>;
  sessionStreamer(sessionId: string): Promise<string | null>;
  /** an organization's kind (merchant, mcn, live_base …) */
  orgKind(orgId: string): Promise<string | null>;
  /** who uploaded a document and for which organization (null: no such document) */
  documentOwner(id: string): Promise<{ orgId: string | null; userId: string | null } | null>;
}
