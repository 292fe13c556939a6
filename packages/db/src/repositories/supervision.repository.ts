/** Drizzle implementation of the supervision clues port. */
import type { ClueRule, ClueStatus } from '@livehub/contracts';
import type { ClueEntryRecord, ClueRecord, ClueRepository, ClueSignalRecord } from '@livehub/core';
import { and, asc, count, desc, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { clueEntries, clueShares, clueSignals, clues } from '../schema/supervision.ts';

export class DrizzleClueRepository implements ClueRepository {
  constructor(private readonly db: Db) {}

  async insertSignal(s: ClueSignalRecord): Promise<boolean> {
    const rows = await this.db
      .insert(clueSignals)
      .values(s)
      .onConflictDoNothing({ target: clueSignals.source })
      .returning({ id: clueSignals.id });
    return rows.length === 1;
  }
  async recentSignals(kind: string, subjectId: string, since: Date, limit: number): Promise<ClueSignalRecord[]> {
    return this.db
      .select()
      .from(clueSignals)
      .where(and(eq(clueSignals.kind, kind), eq(clueSignals.subjectId, subjectId), gte(clueSignals.at, since)))
      .orderBy(desc(clueSignals.at), desc(clueSignals.id))
      .limit(limit);
  }
  async countSignals(kind: string, subjectId: string, since: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(clueSignals)
      .where(and(eq(clueSignals.kind, kind), eq(clueSignals.subjectId, subjectId), gte(clueSignals.at, since)));
    return Number(row?.n ?? 0);
  }
  async insertClue(c: ClueRecord): Promise<void> {
    await this.db.insert(clues).values(c);
  }
  async findClue(id: string, opts: { lock?: boolean } = {}): Promise<ClueRecord | null> {
    const q = this.db.select().from(clues).where(eq(clues.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as ClueRecord | undefined) ?? null;
  }
  async findOpenClue(dedupeKey: string, opts: { lock?: boolean } = {}): Promise<ClueRecord | null> {
    const q = this.db
      .select()
      .from(clues)
      .where(and(eq(clues.dedupeKey, dedupeKey), eq(clues.status, 'open')))
      .limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as ClueRecord | undefined) ?? null;
  }
  async updateClue(c: ClueRecord, expectVersion: number): Promise<boolean> {
    const { id, ...rest } = c;
    const rows = await this.db
      .update(clues)
      .set(rest)
      .where(and(eq(clues.id, id), eq(clues.version, expectVersion)))
      .returning({ id: clues.id });
    return rows.length === 1;
  }
  async listClues(opts: {
    ids?: readonly string[] | undefined;
    departments?: readonly (string | null)[] | undefined;
    sharedWith?: string | undefined;
    status?: ClueStatus | undefined;
    rule?: ClueRule | undefined;
    minRisk?: number | undefined;
    limit: number;
  }): Promise<ClueRecord[]> {
    const where: SQL[] = [];
    if (opts.ids) {
      if (opts.ids.length === 0) return [];
      where.push(inArray(clues.id, [...opts.ids]));
    }
    if (opts.departments) {
      const codes = opts.departments.filter((d): d is string => d !== null);
      const parts: SQL[] = [];
      if (codes.length > 0) parts.push(inArray(clues.departmentCode, codes));
      if (opts.departments.includes(null)) parts.push(isNull(clues.departmentCode));
      if (opts.sharedWith)
        parts.push(
          inArray(
            clues.id,
            this.db.select({ id: clueShares.clueId }).from(clueShares).where(eq(clueShares.departmentCode, opts.sharedWith)),
          ),
        );
      if (parts.length === 0) return [];
      where.push(parts.length === 1 ? (parts[0] as SQL) : (or(...parts) as SQL));
    }
    if (opts.status) where.push(eq(clues.status, opts.status));
    if (opts.rule) where.push(eq(clues.rule, opts.rule));
    if (opts.minRisk) where.push(gte(clues.riskLevel, opts.minRisk));
    return (await this.db
      .select()
      .from(clues)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(clues.lastAt), desc(clues.id))
      .limit(opts.limit)) as ClueRecord[];
  }
  async appendEntry(e: ClueEntryRecord): Promise<void> {
    await this.db.insert(clueEntries).values(e);
  }
  async insertShare(s: { clueId: string; departmentCode: string; sharedByUserId: string | null; at: Date }): Promise<boolean> {
    const rows = await this.db.insert(clueShares).values(s).onConflictDoNothing().returning({ id: clueShares.clueId });
    return rows.length === 1;
  }
  async sharesOf(clueIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (clueIds.length === 0) return out;
    const rows = await this.db
      .select()
      .from(clueShares)
      .where(inArray(clueShares.clueId, [...new Set(clueIds)]))
      .orderBy(asc(clueShares.at));
    for (const r of rows) out.set(r.clueId, [...(out.get(r.clueId) ?? []), r.departmentCode]);
    return out;
  }
  async departmentEntries(departmentCode: string | null, actions: ClueEntryRecord['action'][], limit: number): Promise<ClueEntryRecord[]> {
    const where: SQL[] = [inArray(clueEntries.action, actions)];
    if (departmentCode !== null)
      where.push(or(eq(clueEntries.fromDepartment, departmentCode), eq(clueEntries.toDepartment, departmentCode)) as SQL);
    return (await this.db
      .select()
      .from(clueEntries)
      .where(and(...where))
      .orderBy(desc(clueEntries.at), desc(clueEntries.id))
      .limit(limit)) as ClueEntryRecord[];
  }
  async listEntries(clueId: string): Promise<ClueEntryRecord[]> {
    return (await this.db
      .select()
      .from(clueEntries)
      .where(eq(clueEntries.clueId, clueId))
      .orderBy(asc(clueEntries.at), asc(clueEntries.id))) as ClueEntryRecord[];
  }
}
