/** Drizzle implementation of the supervision clues port. */
import type { ClueRule, ClueStatus } from '@livehub/contracts';
import type { ClueEntryRecord, ClueRecord, ClueRepository, ClueSignalRecord } from '@livehub/core';
import { and, asc, count, desc, eq, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { bulkInsert } from './bulk-insert.ts';
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
  async storedSources(sources: readonly string[]): Promise<Set<string>> {
    if (sources.length === 0) return new Set();
    const rows = await this.db
      .select({ source: clueSignals.source })
      .from(clueSignals)
      .where(inArray(clueSignals.source, [...new Set(sources)]));
    return new Set(rows.map((r) => r.source));
  }
  async signalsAbout(groups: ReadonlyArray<{ kind: string; subjectIds: readonly string[] }>, since: Date): Promise<ClueSignalRecord[]> {
    const parts = groups
      .filter((g) => g.subjectIds.length > 0)
      .map((g) => and(eq(clueSignals.kind, g.kind), inArray(clueSignals.subjectId, [...new Set(g.subjectIds)])) as SQL);
    if (parts.length === 0) return [];
    return this.db
      .select()
      .from(clueSignals)
      .where(and(gte(clueSignals.at, since), parts.length === 1 ? parts[0] : or(...parts)));
  }
  async insertSignals(s: readonly ClueSignalRecord[]): Promise<number> {
    const stored = await bulkInsert(this.db, clueSignals, s, { onConflictDoNothing: [clueSignals.source], returning: clueSignals.id });
    return stored.length;
  }
  async insertClue(c: ClueRecord): Promise<void> {
    await this.db.insert(clues).values(c);
  }
  async insertClues(c: readonly ClueRecord[]): Promise<void> {
    await bulkInsert(this.db, clues, c);
  }
  async findClue(id: string, opts: { lock?: boolean } = {}): Promise<ClueRecord | null> {
    const q = this.db.select().from(clues).where(eq(clues.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as ClueRecord | undefined) ?? null;
  }
  async findOpenClues(dedupeKeys: readonly string[], opts: { lock?: boolean } = {}): Promise<ClueRecord[]> {
    if (dedupeKeys.length === 0) return [];
    const q = this.db
      .select()
      .from(clues)
      .where(and(inArray(clues.dedupeKey, [...new Set(dedupeKeys)]), eq(clues.status, 'open')));
    return (opts.lock ? await q.for('update') : await q) as ClueRecord[];
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
  /** The rows travel as one JSON document, expanded by the database (`jsonb_to_recordset`), as credit's scores do. */
  async reinforceClues(rows: ReadonlyArray<{ clue: ClueRecord; expectVersion: number }>): Promise<number> {
    if (rows.length === 0) return 0;
    const doc = rows.map(({ clue: c, expectVersion }) => ({
      id: c.id,
      expect_version: expectVersion,
      risk_level: c.riskLevel,
      facts: c.facts,
      evidence: c.evidence,
      signals: c.signals,
      last_at: c.lastAt.toISOString(),
      version: c.version,
    }));
    const result = (await this.db.execute(sql`update clues as c set risk_level = x.risk_level, facts = x.facts, evidence = x.evidence,
        signals = x.signals, last_at = x.last_at, version = x.version
      from jsonb_to_recordset(${JSON.stringify(doc)}::jsonb) as x(id uuid, expect_version integer, risk_level integer, facts jsonb,
        evidence jsonb, signals integer, last_at timestamptz, version integer)
      where c.id = x.id and c.version = x.expect_version
      returning c.id`)) as unknown as { rows: unknown[] };
    return result.rows.length;
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
  async appendEntries(e: readonly ClueEntryRecord[]): Promise<void> {
    await bulkInsert(this.db, clueEntries, e);
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
