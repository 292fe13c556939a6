/** Drizzle implementation of the enforcement modes' port (credit context). */
import type {
  CreditClueRecord,
  CreditCohortMemberRecord,
  CreditCohortRecord,
  CreditModeRepository,
  CreditModeSettings,
  CreditModeSettingsRecord,
  CreditTrainingTaskRecord,
  CreditTrigger,
} from '@livehub/core';
import { and, asc, desc, eq, inArray, isNotNull, isNull, min } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { creditEvents } from '../schema/credit.ts';
import { creditClues, creditCohortMembers, creditCohorts, creditModeSettings, creditTrainingTasks } from '../schema/credit-modes.ts';

const SETTINGS_KEY = 'current';

export class DrizzleCreditModeRepository implements CreditModeRepository {
  constructor(private readonly db: Db) {}

  async settings(): Promise<CreditModeSettingsRecord | null> {
    const [row] = await this.db.select().from(creditModeSettings).where(eq(creditModeSettings.key, SETTINGS_KEY)).limit(1);
    return row ? { settings: row.settings as unknown as CreditModeSettings, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : null;
  }
  async saveSettings(r: CreditModeSettingsRecord): Promise<void> {
    const values = {
      key: SETTINGS_KEY,
      settings: r.settings as unknown as Record<string, unknown>,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
    };
    await this.db
      .insert(creditModeSettings)
      .values(values)
      .onConflictDoUpdate({
        target: creditModeSettings.key,
        set: { settings: values.settings, updatedAt: values.updatedAt, updatedBy: values.updatedBy },
      });
  }

  async insertCohort(cohort: CreditCohortRecord): Promise<void> {
    await this.db.insert(creditCohorts).values(cohort);
  }
  async findCohort(id: string): Promise<CreditCohortRecord | null> {
    const [row] = await this.db.select().from(creditCohorts).where(eq(creditCohorts.id, id)).limit(1);
    return (row as CreditCohortRecord | undefined) ?? null;
  }
  async listCohorts(): Promise<CreditCohortRecord[]> {
    return (await this.db
      .select()
      .from(creditCohorts)
      .orderBy(desc(creditCohorts.createdAt), asc(creditCohorts.id))) as CreditCohortRecord[];
  }
  async addMember(m: CreditCohortMemberRecord): Promise<boolean> {
    const rows = await this.db
      .insert(creditCohortMembers)
      .values(m)
      .onConflictDoUpdate({
        target: [creditCohortMembers.cohortId, creditCohortMembers.partyId],
        set: { addedAt: m.addedAt, addedBy: m.addedBy, removedAt: null },
        setWhere: isNotNull(creditCohortMembers.removedAt),
      })
      .returning({ partyId: creditCohortMembers.partyId });
    return rows.length === 1;
  }
  async removeMember(cohortId: string, partyId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(creditCohortMembers)
      .set({ removedAt: at })
      .where(
        and(eq(creditCohortMembers.cohortId, cohortId), eq(creditCohortMembers.partyId, partyId), isNull(creditCohortMembers.removedAt)),
      )
      .returning({ partyId: creditCohortMembers.partyId });
    return rows.length === 1;
  }
  async membersOf(cohortId: string): Promise<CreditCohortMemberRecord[]> {
    return (await this.db
      .select()
      .from(creditCohortMembers)
      .where(eq(creditCohortMembers.cohortId, cohortId))
      .orderBy(asc(creditCohortMembers.addedAt), asc(creditCohortMembers.partyId))) as CreditCohortMemberRecord[];
  }
  private async memberships(partyId?: string): Promise<Array<{ cohort: CreditCohortRecord; member: CreditCohortMemberRecord }>> {
    const rows = await this.db
      .select({ cohort: creditCohorts, member: creditCohortMembers })
      .from(creditCohortMembers)
      .innerJoin(creditCohorts, eq(creditCohorts.id, creditCohortMembers.cohortId))
      .where(partyId ? eq(creditCohortMembers.partyId, partyId) : undefined);
    return rows as Array<{ cohort: CreditCohortRecord; member: CreditCohortMemberRecord }>;
  }
  allMemberships(): Promise<Array<{ cohort: CreditCohortRecord; member: CreditCohortMemberRecord }>> {
    return this.memberships();
  }
  cohortsOf(partyId: string): Promise<Array<{ cohort: CreditCohortRecord; member: CreditCohortMemberRecord }>> {
    return this.memberships(partyId);
  }

  async insertTrainingTasks(tasks: CreditTrainingTaskRecord[]): Promise<CreditTrainingTaskRecord[]> {
    if (tasks.length === 0) return [];
    const rows = await this.db
      .insert(creditTrainingTasks)
      .values(tasks)
      .onConflictDoNothing({ target: creditTrainingTasks.eventId })
      .returning({ id: creditTrainingTasks.id });
    const ids = new Set(rows.map((r) => r.id));
    return tasks.filter((t) => ids.has(t.id));
  }
  async findTrainingTask(id: string, opts: { lock?: boolean } = {}): Promise<CreditTrainingTaskRecord | null> {
    const q = this.db.select().from(creditTrainingTasks).where(eq(creditTrainingTasks.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as CreditTrainingTaskRecord | undefined) ?? null;
  }
  async trainingTasksOf(partyId: string): Promise<CreditTrainingTaskRecord[]> {
    return (await this.db
      .select()
      .from(creditTrainingTasks)
      .where(eq(creditTrainingTasks.partyId, partyId))
      .orderBy(desc(creditTrainingTasks.createdAt), desc(creditTrainingTasks.id))) as CreditTrainingTaskRecord[];
  }
  async completeTrainingTask(id: string, at: Date, completionEventId: string): Promise<boolean> {
    const rows = await this.db
      .update(creditTrainingTasks)
      .set({ status: 'completed', completedAt: at, completionEventId })
      .where(and(eq(creditTrainingTasks.id, id), eq(creditTrainingTasks.status, 'open')))
      .returning({ id: creditTrainingTasks.id });
    return rows.length === 1;
  }

  async lastClue(partyId: string, trigger: CreditTrigger): Promise<CreditClueRecord | null> {
    const [row] = await this.db
      .select()
      .from(creditClues)
      .where(and(eq(creditClues.partyId, partyId), eq(creditClues.trigger, trigger)))
      .orderBy(desc(creditClues.raisedAt))
      .limit(1);
    return (row as CreditClueRecord | undefined) ?? null;
  }
  async insertClue(clue: CreditClueRecord): Promise<void> {
    await this.db.insert(creditClues).values(clue);
  }
  async listClues(opts: { partyId?: string | undefined; limit: number }): Promise<CreditClueRecord[]> {
    return (await this.db
      .select()
      .from(creditClues)
      .where(opts.partyId ? eq(creditClues.partyId, opts.partyId) : undefined)
      .orderBy(desc(creditClues.raisedAt), desc(creditClues.id))
      .limit(opts.limit)) as CreditClueRecord[];
  }

  async firstEventsAt(partyIds: string[]): Promise<Map<string, Date>> {
    const out = new Map<string, Date>();
    if (partyIds.length === 0) return out;
    const rows = await this.db
      .select({ partyId: creditEvents.partyId, at: min(creditEvents.at) })
      .from(creditEvents)
      .where(inArray(creditEvents.partyId, [...new Set(partyIds)]))
      .groupBy(creditEvents.partyId);
    for (const r of rows) if (r.at) out.set(r.partyId, r.at);
    return out;
  }
}
