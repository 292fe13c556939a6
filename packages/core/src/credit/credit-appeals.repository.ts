/**
 * The port of appeals and reports: appeals are inserted open and decided once (open → upheld / rejected); reports
 * are appended as issued and never changed. Writes run in the caller's transaction.
 */
import type { CreditAppealRecord, CreditAppealStatus, CreditReportRecord } from './credit-appeals.types.ts';

export interface CreditAppealRepository {
  /** fails on a second open appeal of the same event (unique), so a race cannot open two */
  insertAppeal(appeal: CreditAppealRecord): Promise<void>;
  findAppeal(id: string): Promise<CreditAppealRecord | null>;
  findByApplication(applicationId: string): Promise<CreditAppealRecord | null>;
  openAppealOf(eventId: string): Promise<CreditAppealRecord | null>;
  /** moves an open appeal to its decision; false when it was no longer open */
  decideAppeal(
    id: string,
    decision: { status: Exclude<CreditAppealStatus, 'open'>; decidedAt: Date; decisionNote: string | null },
  ): Promise<boolean>;
  /** newest first; a party's own, or every party's when `partyId` is left out */
  listAppeals(opts: {
    partyId?: string | undefined;
    status?: CreditAppealStatus | undefined;
    limit: number;
  }): Promise<CreditAppealRecord[]>;
  /** the latest appeal of each of these events (events never appealed are left out) */
  latestAppealsOf(eventIds: string[]): Promise<CreditAppealRecord[]>;

  insertReport(report: CreditReportRecord): Promise<void>;
  findReportByNumber(number: string): Promise<CreditReportRecord | null>;
}
