/**
 * The port of supervision clues. A detector's clue is found by its key while open and moved by compare-and-set on
 * its version; its log is append-only; signals are insert-once by source. Writes run in the caller's transaction.
 */
import type { ClueRule, ClueStatus } from '@livehub/contracts';
import type { ClueEntryRecord, ClueRecord, ClueSignalRecord } from './clue.types.ts';

export interface ClueRepository {
  /** false when a signal with this source is stored already (a redelivered event) */
  insertSignal(s: ClueSignalRecord): Promise<boolean>;
  /** signals of `kind` about `subjectId` at or after `since`, newest first */
  recentSignals(kind: string, subjectId: string, since: Date, limit: number): Promise<ClueSignalRecord[]>;
  countSignals(kind: string, subjectId: string, since: Date): Promise<number>;
  insertClue(c: ClueRecord): Promise<void>;
  findClue(id: string, opts?: { lock?: boolean }): Promise<ClueRecord | null>;
  /** the open clue with this key, if any */
  findOpenClue(dedupeKey: string, opts?: { lock?: boolean }): Promise<ClueRecord | null>;
  /** writes `c` when the stored version is `expectVersion`; false otherwise */
  updateClue(c: ClueRecord, expectVersion: number): Promise<boolean>;
  /** newest signal first; `departments` undefined: every department's; `sharedWith`: also those shared with it */
  listClues(opts: {
    /** only these clues */
    ids?: readonly string[] | undefined;
    departments?: readonly (string | null)[] | undefined;
    sharedWith?: string | undefined;
    status?: ClueStatus | undefined;
    rule?: ClueRule | undefined;
    minRisk?: number | undefined;
    limit: number;
  }): Promise<ClueRecord[]>;
  appendEntry(e: ClueEntryRecord): Promise<void>;
  /** false when the clue was shared with that department already */
  insertShare(s: { clueId: string; departmentCode: string; sharedByUserId: string | null; at: Date }): Promise<boolean>;
  /** the departments each clue was shared with */
  sharesOf(clueIds: string[]): Promise<Map<string, string[]>>;
  /** log entries sent from or to the department (transfers, shares, reads), newest first; null: every department's */
  departmentEntries(departmentCode: string | null, actions: ClueEntryRecord['action'][], limit: number): Promise<ClueEntryRecord[]>;
  /** oldest first */
  listEntries(clueId: string): Promise<ClueEntryRecord[]>;
}
