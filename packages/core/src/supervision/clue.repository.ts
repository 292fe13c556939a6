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
  /** which of these sources are stored already (one read for a batch of events) */
  storedSources(sources: readonly string[]): Promise<Set<string>>;
  /** the signals of each kind about any of its subjects at or after `since`, in one read (a batch's windows) */
  signalsAbout(groups: ReadonlyArray<{ kind: string; subjectIds: readonly string[] }>, since: Date): Promise<ClueSignalRecord[]>;
  /** many signals in one statement; the number stored (one whose source is stored already is skipped) */
  insertSignals(s: readonly ClueSignalRecord[]): Promise<number>;
  insertClue(c: ClueRecord): Promise<void>;
  /** many clues in one statement */
  insertClues(c: readonly ClueRecord[]): Promise<void>;
  findClue(id: string, opts?: { lock?: boolean }): Promise<ClueRecord | null>;
  /** the open clue with this key, if any */
  findOpenClue(dedupeKey: string, opts?: { lock?: boolean }): Promise<ClueRecord | null>;
  /** the open clues with these keys, in one read */
  findOpenClues(dedupeKeys: readonly string[], opts?: { lock?: boolean }): Promise<ClueRecord[]>;
  /** writes `c` when the stored version is `expectVersion`; false otherwise */
  updateClue(c: ClueRecord, expectVersion: number): Promise<boolean>;
  /**
   * Detectors' reinforcements in one statement: each clue's risk, facts, evidence, signal count, last signal and
   * version, where its stored version is `expectVersion`; the number written.
   */
  reinforceClues(rows: ReadonlyArray<{ clue: ClueRecord; expectVersion: number }>): Promise<number>;
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
  /** many log entries in one statement */
  appendEntries(e: readonly ClueEntryRecord[]): Promise<void>;
  /** false when the clue was shared with that department already */
  insertShare(s: { clueId: string; departmentCode: string; sharedByUserId: string | null; at: Date }): Promise<boolean>;
  /** the departments each clue was shared with */
  sharesOf(clueIds: string[]): Promise<Map<string, string[]>>;
  /** log entries sent from or to the department (transfers, shares, reads), newest first; null: every department's */
  departmentEntries(departmentCode: string | null, actions: ClueEntryRecord['action'][], limit: number): Promise<ClueEntryRecord[]>;
  /** oldest first */
  listEntries(clueId: string): Promise<ClueEntryRecord[]>;
}
