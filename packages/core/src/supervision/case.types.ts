/**
 * 案件 (cases with off-site enforcement) in the domain's words: one case about a party, opened from a clue; its
 * hash-chained evidence; its log; and the live suspensions its decisions impose (read by the live gate).
 */
import type { CaseEvidenceKind, CaseMeasure, CaseStatus } from '@livehub/contracts';

export interface CaseRecord {
  id: string;
  caseNo: string;
  clueId: string;
  status: CaseStatus;
  partyKind: 'organization' | 'user';
  partyId: string;
  /** what the clue was about when not the party itself (a product, a live session) */
  subjectKind: 'product' | 'live_session' | null;
  subjectId: string | null;
  departmentCode: string | null;
  /** 协办部门 (联合执法): they read the case and add evidence; the holder alone takes its steps */
  jointDepartments: string[];
  summary: string;
  openedByUserId: string | null;
  openedAt: Date;
  notice: { facts: string; intended: string; legalBasis: string } | null;
  notifiedAt: Date | null;
  defenceDueAt: Date | null;
  statement: { text: string; documentIds: string[] } | null;
  statedAt: Date | null;
  statementLapsed: boolean;
  decision: { measures: CaseMeasure[]; reasoning: string; legalBasis: string } | null;
  decidedAt: Date | null;
  /** the decision document (PDF) in the file store */
  documentKey: string | null;
  documentSha256: string | null;
  executedAt: Date | null;
  closedAt: Date | null;
  version: number;
}

export interface CaseEvidenceRecord {
  id: string;
  caseId: string;
  /** 1, 2, 3 … within the case */
  seq: number;
  kind: CaseEvidenceKind;
  refId: string;
  summary: string;
  note: string | null;
  /** SHA-256 of the evidence's canonical content at the time it was attached */
  contentHash: string;
  /** the previous entry's hash (the genesis hash for the first) */
  prevHash: string;
  /** SHA-256 over the previous hash and this entry (`chainHash`) */
  hash: string;
  addedAt: Date;
  addedByUserId: string | null;
}

export type CaseEntryAction =
  | 'opened'
  | 'evidence_added'
  | 'notified'
  | 'stated'
  | 'lapsed'
  | 'decided'
  | 'executed'
  | 'closed'
  | 'transferred'
  | 'joined';

export interface CaseEntryRecord {
  id: string;
  caseId: string;
  at: Date;
  action: CaseEntryAction;
  actorUserId: string | null;
  note: string | null;
  /** a transfer's from and to; a joint department's code (to) */
  fromDepartment: string | null;
  toDepartment: string | null;
}

/** 暂停直播: the streamer may not go live from `from` until `until` (the live gate reads it). */
export interface LiveSuspensionRecord {
  id: string;
  caseId: string;
  userId: string;
  from: Date;
  until: Date;
}
