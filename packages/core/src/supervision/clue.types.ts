/**
 * Supervision clues (监管线索) in the domain's words: one clue about a party, product or session; its log; and the
 * signals detectors count over windows.
 */
import type { ClueEvidence, ClueRule, ClueStatus, ClueSubjectKind } from '@livehub/contracts';

export interface ClueRecord {
  id: string;
  rule: ClueRule;
  subjectKind: ClueSubjectKind;
  subjectId: string;
  /** 1 低 · 2 中 · 3 高 */
  riskLevel: number;
  status: ClueStatus;
  /** the department it is routed to (null: the joint office as a whole) */
  departmentCode: string | null;
  facts: Record<string, unknown>;
  evidence: ClueEvidence[];
  signals: number;
  /** one open clue per key (a detector's rule and subject); null for a regulator's own clue */
  dedupeKey: string | null;
  createdByUserId: string | null;
  closingReason: string | null;
  firstAt: Date;
  lastAt: Date;
  version: number;
}

export type ClueEntryAction = 'raised' | 'reinforced' | 'transferred' | 'dismissed' | 'reopened' | 'filed' | 'shared' | 'viewed';

export interface ClueEntryRecord {
  id: string;
  clueId: string;
  at: Date;
  action: ClueEntryAction;
  actorUserId: string | null;
  fromDepartment: string | null;
  toDepartment: string | null;
  note: string | null;
}

/** One fact a detector counts (a complaint filed against a merchant…), unique by its source. */
export interface ClueSignalRecord {
  id: string;
  kind: string;
  subjectId: string;
  at: Date;
  source: string;
}
