/**
 * The enforcement modes' port (credit context): settings (one current row), 监管沙盒 cohorts and members, training
 * tasks (one per waived violation) and clues. Writes run in the caller's transaction.
 */
import type {
  CreditClueRecord,
  CreditCohortMemberRecord,
  CreditCohortRecord,
  CreditModeSettingsRecord,
  CreditTrainingTaskRecord,
  CreditTrigger,
} from './credit-modes.types.ts';

export interface CreditModeRepository {
  settings(): Promise<CreditModeSettingsRecord | null>;
  saveSettings(record: CreditModeSettingsRecord): Promise<void>;

  insertCohort(cohort: CreditCohortRecord): Promise<void>;
  findCohort(id: string): Promise<CreditCohortRecord | null>;
  listCohorts(): Promise<CreditCohortRecord[]>;
  /** adds a party (or brings a removed one back); false when it is already a member */
  addMember(member: CreditCohortMemberRecord): Promise<boolean>;
  /** marks a member removed; false when it was not a member */
  removeMember(cohortId: string, partyId: string, at: Date): Promise<boolean>;
  /** a cohort's members, current and removed */
  membersOf(cohortId: string): Promise<CreditCohortMemberRecord[]>;
  /** every membership with its cohort (a full recompute's policies) */
  allMemberships(): Promise<Array<{ cohort: CreditCohortRecord; member: CreditCohortMemberRecord }>>;
  /** a party's memberships (current and removed) with their cohorts */
  cohortsOf(partyId: string): Promise<Array<{ cohort: CreditCohortRecord; member: CreditCohortMemberRecord }>>;

  /** inserts the tasks whose violation has none yet; returns the ones inserted */
  insertTrainingTasks(tasks: CreditTrainingTaskRecord[]): Promise<CreditTrainingTaskRecord[]>;
  findTrainingTask(id: string, opts?: { lock?: boolean }): Promise<CreditTrainingTaskRecord | null>;
  /** a party's tasks, newest first */
  trainingTasksOf(partyId: string): Promise<CreditTrainingTaskRecord[]>;
  /** open → completed; false when it was not open */
  completeTrainingTask(id: string, at: Date, completionEventId: string): Promise<boolean>;

  /** the latest clue of a party for a trigger */
  lastClue(partyId: string, trigger: CreditTrigger): Promise<CreditClueRecord | null>;
  insertClue(clue: CreditClueRecord): Promise<void>;
  /** newest first; one party's or everyone's */
  listClues(opts: { partyId?: string | undefined; limit: number }): Promise<CreditClueRecord[]>;

  /** when each party's first credit event happened (the start of its 观察期 when the directory does not know); a party without events is absent */
  firstEventsAt(partyIds: string[]): Promise<Map<string, Date>>;
}
