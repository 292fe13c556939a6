/** Drizzle implementation of the credit port. */
import type {
  CreditEventKind,
  CreditEventRecord,
  CreditFollowUps,
  CreditFollowUpsWanted,
  CreditPartyEvent,
  CreditPartyKind,
  CreditPartyRange,
  CreditRepository,
  CreditRescoreResult,
  CreditScoreRecord,
  CreditStoredScore,
  CreditTier,
  CreditTierMoveRecord,
  CreditTrigger,
} from '@livehub/core';
import { and, asc, count, desc, eq, gt, gte, getTableColumns, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import type { PreparedStatement, PreparedStatements } from '../prepared.ts';
import { creditEvents, creditScores, creditTierMoves } from '../schema/credit.ts';
import { AUDIT_CHAIN_LOCK, type AuditChainState } from './audit.repository.ts';
import { bulkInsert, bulkInsertSql } from './bulk-insert.ts';

const BATCH = 2_000;
const UPSERT_BATCH = 10_000;
/** An event's columns as the record has them: the scoring line is the recompute's alone (`scoringLines`). */
const { scoringLine: _line, ...EVENT } = getTableColumns(creditEvents);

export class DrizzleCreditRepository implements CreditRepository {
  /**
   * `chain`: inside a transaction, the audit chain's state shared with the audit repository. Recording events is
   * always audited, so the insert that records any takes the chain lock in the same statement, and the score's upsert
   * after it reads the head: the audit entries then cost one statement (their insert), not three.
   */
  constructor(
    private readonly db: Db,
    private readonly chain?: AuditChainState,
    /** one transaction at a time (PGlite): events read before the chain's lock cannot be stale (`rescoreChecked`) */
    private readonly exclusive = false,
    /** PGlite: an ingest's two statements run prepared (one event's insert, the score's upsert; ADR 0050) */
    private readonly statements?: PreparedStatements,
  ) {}

  async insertEvents(events: CreditEventRecord[]): Promise<CreditEventRecord[]> {
    const inserted = new Set<unknown>();
    for (let i = 0; i < events.length; i += BATCH) {
      const ids = await bulkInsert(this.db, creditEvents, events.slice(i, i + BATCH), {
        onConflictDoNothing: [creditEvents.partyId, creditEvents.source],
        returning: creditEvents.id,
      });
      for (const id of ids) inserted.add(id);
    }
    return events.filter((e) => inserted.has(e.id));
  }
  async insertEventsReading(events: CreditEventRecord[]): Promise<{ inserted: CreditEventRecord[]; partyEvents: CreditPartyEvent[] }> {
    const parties = [...new Set(events.map((e) => e.partyId))];
    if (events.length === 0 || events.length > BATCH) {
      const inserted = await this.insertEvents(events);
      const partyEvents = parties.length === 0 ? [] : await this.eventsOfParties(parties);
      return { inserted, partyEvents };
    }
    // every part of a statement sees the table as it was before it: the select reads the events stored before, and
    // the ones inserted come back through `ins`. In a transaction, when any is inserted, it takes the audit chain's
    // lock (the caller audits them next; the head is read by a later statement, see AuditChainState).
    const lock = Boolean(this.chain && !this.chain.locked);
    const row =
      this.statements && events.length === 1
        ? (await this.statements.execute<InsertedReading>(this.db, insertOneReading(lock), insertOneArgs(events[0]!)))[0]!
        : (
            (await this.db.execute(sql`with ins as (${bulkInsertSql(creditEvents, events, {
              onConflictDoNothing: [creditEvents.partyId, creditEvents.source],
              returning: creditEvents.id,
            })})
      select (select coalesce(json_agg(id), '[]') from ins)::text as inserted,
        ${lock ? sql`(select count(*) from (select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) from ins limit 1) l)::int` : sql`0`} as locked,
        (select coalesce(json_agg(json_build_array(id, party_id, party_kind, kind, floor(date_part('epoch', at) * 1000)::int8,
            data, floor(date_part('epoch', voided_at) * 1000)::int8)), '[]')
          from credit_events where party_id = any(${sql.param(parties)}::uuid[]))::text as stored`)) as unknown as {
              rows: InsertedReading[];
            }
          ).rows[0]!;
    if (this.chain && Number(row.locked) > 0) this.chain.locked = true;
    const ids = new Set(JSON.parse(row.inserted) as string[]);
    const inserted = events.filter((e) => ids.has(e.id));
    const stored = JSON.parse(row.stored) as Array<
      [string, string, CreditPartyKind, CreditEventKind, number, Record<string, unknown>, number | null]
    >;
    const partyEvents: CreditPartyEvent[] = stored.map(([id, partyId, partyKind, kind, at, data, voidedAt]) => ({
      id,
      partyId,
      partyKind,
      kind,
      at: new Date(at),
      data,
      voidedAt: voidedAt === null ? null : new Date(voidedAt),
    }));
    for (const e of inserted) partyEvents.push(e);
    partyEvents.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { inserted, partyEvents };
  }
  private async eventsOfParties(partyIds: string[]): Promise<CreditPartyEvent[]> {
    return (await this.db
      .select(EVENT)
      .from(creditEvents)
      .where(inArray(creditEvents.partyId, partyIds))
      .orderBy(asc(creditEvents.at), asc(creditEvents.id))) as CreditEventRecord[];
  }
  async findEvent(id: string, opts: { lock?: boolean } = {}): Promise<CreditEventRecord | null> {
    const q = this.db.select(EVENT).from(creditEvents).where(eq(creditEvents.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as CreditEventRecord | undefined) ?? null;
  }
  async eventsOf(partyId: string): Promise<CreditEventRecord[]> {
    return (await this.db
      .select(EVENT)
      .from(creditEvents)
      .where(eq(creditEvents.partyId, partyId))
      .orderBy(asc(creditEvents.at), asc(creditEvents.id))) as CreditEventRecord[];
  }
  async voidEvent(id: string, at: Date, reason: string): Promise<boolean> {
    const rows = await this.db
      .update(creditEvents)
      .set({ voidedAt: at, voidReason: reason })
      .where(and(eq(creditEvents.id, id), isNull(creditEvents.voidedAt)))
      .returning({ id: creditEvents.id });
    return rows.length === 1;
  }
  async eventPage(afterId: string | null, limit: number): Promise<CreditEventRecord[]> {
    return (await this.db
      .select(EVENT)
      .from(creditEvents)
      .where(afterId ? gt(creditEvents.id, afterId) : undefined)
      .orderBy(asc(creditEvents.id))
      .limit(limit)) as CreditEventRecord[];
  }
  async countEvents(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(creditEvents);
    return Number(row?.n ?? 0);
  }

  async score(partyId: string): Promise<CreditScoreRecord | null> {
    const [row] = await this.db.select().from(creditScores).where(eq(creditScores.partyId, partyId)).limit(1);
    return (row as CreditScoreRecord | undefined) ?? null;
  }
  async scoresOf(partyIds: string[]): Promise<CreditScoreRecord[]> {
    if (partyIds.length === 0) return [];
    return (await this.db.select().from(creditScores).where(inArray(creditScores.partyId, partyIds))) as CreditScoreRecord[];
  }
  /**
   * The scores travel as one JSON document per batch, expanded by the database (`jsonb_to_recordset`): a recompute
   * writes up to 100,000 of them, and as one array parameter per column each value was mapped and escaped on its own
   * (a quarter of a recompute's time in the benchmark, docs/credit.md).
   */
  async upsertScores(scores: CreditScoreRecord[]): Promise<void> {
    for (let i = 0; i < scores.length; i += UPSERT_BATCH) {
      const rows = scores.slice(i, i + UPSERT_BATCH).map((s) => ({
        party_id: s.partyId,
        party_kind: s.partyKind,
        total_centi: s.totalCenti,
        tier: s.tier,
        model_version: s.modelVersion,
        dimensions: s.dimensions,
        computed_at: s.computedAt.toISOString(),
        tier_since: s.tierSince.toISOString(),
      }));
      await this.db.execute(sql`insert into credit_scores (party_id, party_kind, total_centi, tier, model_version, dimensions,
          computed_at, tier_since)
        select party_id, party_kind, total_centi, tier, model_version, dimensions, computed_at, tier_since
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(party_id uuid, party_kind text, total_centi integer,
            tier text, model_version text, dimensions jsonb, computed_at timestamptz, tier_since timestamptz)
        on conflict (party_id) do update set party_kind = excluded.party_kind, total_centi = excluded.total_centi,
          tier = excluded.tier, model_version = excluded.model_version, dimensions = excluded.dimensions,
          computed_at = excluded.computed_at, tier_since = excluded.tier_since`);
    }
  }
  /**
   * The stored tier is read by a CTE of the upsert itself: every part of a statement sees the table as it was
   * before the statement, so `before` is the old row whichever way the upsert goes. When the transaction holds the
   * audit chain's lock from an earlier statement (recording events takes it) and has not read the head yet, the
   * upsert reads it too, for the audit entries that follow.
   */
  async rescore(s: CreditScoreRecord): Promise<CreditTier | null> {
    return (await this.rescoreChecked(s, {})).before;
  }
  async rescoreChecked(
    s: CreditScoreRecord,
    opts: { seen?: { events: number; voided: number } | undefined; followUps?: CreditFollowUpsWanted | undefined },
  ): Promise<CreditRescoreResult> {
    const head = this.chain?.locked && this.chain.head === undefined;
    const want = opts.followUps ?? {};
    if (this.statements && !(opts.seen && !this.exclusive))
      return this.rescored(
        want,
        head,
        await this.statements.execute<RescoreRow>(this.db, rescoreStatement(head, Boolean(want.trainingTasks), Boolean(want.clues)), [
          s.partyId,
          s.partyKind,
          s.totalCenti,
          s.tier,
          s.modelVersion,
          JSON.stringify(s.dimensions),
          s.computedAt.toISOString(),
          s.tierSince.toISOString(),
        ]),
      );
    const party = sql`${s.partyId}::uuid`;
    const values = sql`${party}, ${s.partyKind}, ${s.totalCenti}::int, ${s.tier}, ${s.modelVersion}, ${JSON.stringify(s.dimensions)}::jsonb,
          ${s.computedAt.toISOString()}::timestamptz, ${s.tierSince.toISOString()}::timestamptz`;
    // with a stale-read check the values go in through a select, so that a stale `seen` stores nothing (no row);
    // without one (PGlite, or no `seen`) as plain values, which PGlite plans faster
    const rows =
      opts.seen && !this.exclusive
        ? sql`select ${values} where (select count(*) = ${opts.seen.events} and count(voided_at) = ${opts.seen.voided}
            from credit_events where party_id = ${party})`
        : sql`values (${values})`;
    // the follow-ups and the head come back with the stored row: none when a stale `seen` stored nothing
    const result = (await this.db.execute(sql`with before as (select tier from credit_scores where party_id = ${party})
      insert into credit_scores as cs (party_id, party_kind, total_centi, tier, model_version, dimensions, computed_at, tier_since)
        ${rows}
        on conflict (party_id) do update set party_kind = excluded.party_kind, total_centi = excluded.total_centi,
          tier = excluded.tier, model_version = excluded.model_version, dimensions = excluded.dimensions,
          computed_at = excluded.computed_at,
          tier_since = case when cs.tier = excluded.tier then cs.tier_since else excluded.tier_since end
      returning (select tier from before) as before${
        head ? sql`, (select json_build_array(seq, hash) from audit_log order by seq desc limit 1)::text as head` : sql``
      }${
        want.trainingTasks
          ? sql`, (select coalesce(json_agg(event_id), '[]') from credit_training_tasks where party_id = ${party})::text as tasks`
          : sql``
      }${
        want.clues
          ? sql`, (select coalesce(json_agg(json_build_array(trigger, floor(date_part('epoch', last) * 1000)::int8)), '[]')
                from (select trigger, max(raised_at) as last from credit_clues where party_id = ${party} group by trigger) c)::text as clues`
          : sql``
      }`)) as unknown as { rows: RescoreRow[] };
    return this.rescored(want, head, result.rows);
  }
  /** What the score's upsert said: the tier before, and the head and follow-ups it was asked for. */
  private rescored(want: CreditFollowUpsWanted, head: boolean | undefined, rows: RescoreRow[]): CreditRescoreResult {
    const row = rows[0];
    if (!row) return { before: null, stored: false };
    if (head && this.chain) {
      const h = row.head ? (JSON.parse(row.head) as [number, string]) : null;
      this.chain.head = h ? { seq: Number(h[0]), hash: h[1] } : null;
    }
    const out: CreditRescoreResult = { before: row.before ?? null, stored: true };
    if (want.trainingTasks || want.clues) {
      const followUps: CreditFollowUps = {};
      if (want.trainingTasks) followUps.trainingEventIds = JSON.parse(row.tasks ?? '[]') as string[];
      if (want.clues) {
        const lastClues: NonNullable<CreditFollowUps['lastClues']> = {};
        for (const [trigger, ms] of JSON.parse(row.clues ?? '[]') as Array<[CreditTrigger, number]>)
          lastClues[trigger] = new Date(Number(ms));
        followUps.lastClues = lastClues;
      }
      out.followUps = followUps;
    }
    return out;
  }
  async listScores(opts: {
    tier?: CreditTier | undefined;
    partyKind?: CreditPartyKind | undefined;
    after?: { totalCenti: number; partyId: string } | undefined;
    limit: number;
  }): Promise<CreditScoreRecord[]> {
    const where: SQL[] = [];
    if (opts.tier) where.push(eq(creditScores.tier, opts.tier));
    if (opts.partyKind) where.push(eq(creditScores.partyKind, opts.partyKind));
    if (opts.after)
      where.push(
        or(
          gt(creditScores.totalCenti, opts.after.totalCenti),
          and(eq(creditScores.totalCenti, opts.after.totalCenti), gt(creditScores.partyId, opts.after.partyId)),
        )!,
      );
    return (await this.db
      .select()
      .from(creditScores)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(asc(creditScores.totalCenti), asc(creditScores.partyId))
      .limit(opts.limit)) as CreditScoreRecord[];
  }
  async allScores(): Promise<Array<Pick<CreditScoreRecord, 'partyId' | 'tier' | 'totalCenti' | 'tierSince'>>> {
    return (await this.db
      .select({
        partyId: creditScores.partyId,
        tier: creditScores.tier,
        totalCenti: creditScores.totalCenti,
        tierSince: creditScores.tierSince,
      })
      .from(creditScores)) as Array<Pick<CreditScoreRecord, 'partyId' | 'tier' | 'totalCenti' | 'tierSince'>>;
  }
  async tierCounts(): Promise<Array<{ partyKind: CreditPartyKind; tier: CreditTier; parties: number }>> {
    const rows = await this.db
      .select({ partyKind: creditScores.partyKind, tier: creditScores.tier, parties: count() })
      .from(creditScores)
      .groupBy(creditScores.partyKind, creditScores.tier)
      .orderBy(asc(creditScores.partyKind), asc(creditScores.tier));
    return rows.map((r) => ({ partyKind: r.partyKind, tier: r.tier, parties: Number(r.parties) }));
  }
  async histogram(): Promise<Array<{ band: number; parties: number }>> {
    const band = sql<number>`least(${creditScores.totalCenti} / 1000, 9)`;
    const rows = await this.db.select({ band, parties: count() }).from(creditScores).groupBy(band).orderBy(band);
    return rows.map((r) => ({ band: Number(r.band), parties: Number(r.parties) }));
  }

  async insertTierMoves(moves: CreditTierMoveRecord[]): Promise<void> {
    for (let i = 0; i < moves.length; i += BATCH) await bulkInsert(this.db, creditTierMoves, moves.slice(i, i + BATCH));
  }
  async tierMovesOf(partyId: string, limit: number): Promise<CreditTierMoveRecord[]> {
    return (await this.db
      .select()
      .from(creditTierMoves)
      .where(eq(creditTierMoves.partyId, partyId))
      .orderBy(desc(creditTierMoves.at), desc(creditTierMoves.id))
      .limit(limit)) as CreditTierMoveRecord[];
  }
  async tierMovesSince(since: Date): Promise<Array<Pick<CreditTierMoveRecord, 'fromTier' | 'toTier' | 'at'>>> {
    return (await this.db
      .select({ fromTier: creditTierMoves.fromTier, toTier: creditTierMoves.toTier, at: creditTierMoves.at })
      .from(creditTierMoves)
      .where(gte(creditTierMoves.at, since))) as Array<Pick<CreditTierMoveRecord, 'fromTier' | 'toTier' | 'at'>>;
  }

  /**
   * One statement, one row: the range's events as lines of tab-separated text (party, its kind, the event's kind,
   * at in ms, id, data) joined in the database. Read as rows, 2,000,000 events cost a protocol message and a value
   * parse per cell (on PGlite ~17 µs an event); as one text per range they cost one string and a split. Each line is
   * the event's `scoring_line`, kept with the row when it is written: built here, per event and per recompute, it was
   * ~40 % of the read on PGlite (issue #16's benchmark, docs/credit.md).
   */
  async scoringLines(range: CreditPartyRange): Promise<{ lines: string; total: number }> {
    const result = (await this.db.execute(sql`select count(*)::int as total,
        string_agg(scoring_line, ${'\n'}) filter (where voided_at is null) as lines
      from credit_events where party_id between ${range.from}::uuid and ${range.to}::uuid`)) as unknown as {
      rows: Array<{ total: number; lines: string | null }>;
    };
    const row = result.rows[0];
    return { lines: row?.lines ?? '', total: Number(row?.total ?? 0) };
  }
  /** Like `scoringLines`: one text for the range, a line per stored score. */
  async storedScores(range: CreditPartyRange): Promise<CreditStoredScore[]> {
    const result = (await this.db.execute(sql`select string_agg(concat_ws(${'\t'}, party_id, party_kind, tier, total_centi,
          floor(date_part('epoch', tier_since) * 1000)::int8, model_version, dimensions), ${'\n'}) as lines
      from credit_scores where party_id between ${range.from}::uuid and ${range.to}::uuid`)) as unknown as {
      rows: Array<{ lines: string | null }>;
    };
    const lines = result.rows[0]?.lines;
    if (!lines) return [];
    return lines.split('\n').map((line) => {
      const [partyId, partyKind, tier, total, since, modelVersion, dimensions] = line.split('\t');
      return {
        partyId: partyId!,
        partyKind: partyKind as CreditPartyKind,
        tier: tier as CreditTier,
        totalCenti: Number(total),
        tierSince: new Date(Number(since)),
        modelVersion: modelVersion!,
        dimensions: JSON.parse(dimensions!) as Array<{ key: string; score: number }>,
      };
    });
  }
}

interface InsertedReading {
  inserted: string;
  locked: number;
  stored: string;
}
interface RescoreRow {
  before: CreditTier | null;
  head?: string | null;
  tasks?: string;
  clues?: string;
}

/**
 * `insertEventsReading` for one event, prepared (PGlite): the event's insert, the audit chain's lock when `lock`,
 * and its party's events as stored before — the statement the bulk form builds, with the event's columns as
 * arguments ($1…$11, `insertOneArgs`).
 */
function insertOneReadingText(lock: boolean): PreparedStatement {
  return {
    name: lock ? 'lh_credit_insert_one_locking' : 'lh_credit_insert_one',
    text: `with ins as (insert into credit_events (id, party_id, party_kind, kind, at, data, source, voided_at, void_reason, recorded_by, created_at)
        values ($1::uuid, $2::uuid, $3, $4, $5::timestamptz, $6::jsonb, $7, $8::timestamptz, $9, $10::uuid, $11::timestamptz)
        on conflict (party_id, source) do nothing returning id)
      select (select coalesce(json_agg(id), '[]') from ins)::text as inserted,
        ${lock ? `(select count(*) from (select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) from ins limit 1) l)::int` : '0'} as locked,
        (select coalesce(json_agg(json_build_array(id, party_id, party_kind, kind, floor(date_part('epoch', at) * 1000)::int8,
            data, floor(date_part('epoch', voided_at) * 1000)::int8)), '[]')
          from credit_events where party_id = $2::uuid)::text as stored`,
  };
}
function insertOneArgs(e: CreditEventRecord): Array<string | null> {
  return [
    e.id,
    e.partyId,
    e.partyKind,
    e.kind,
    e.at.toISOString(),
    JSON.stringify(e.data),
    e.source,
    e.voidedAt ? e.voidedAt.toISOString() : null,
    e.voidReason,
    e.recordedBy,
    e.createdAt.toISOString(),
  ];
}

/** `rescoreChecked`'s upsert without a stale-read check, prepared (PGlite), per the parts it returns ($1…$8). */
function rescoreStatementText(head: boolean, tasks: boolean, clues: boolean): PreparedStatement {
  return {
    name: `lh_credit_rescore_${head ? 1 : 0}${tasks ? 1 : 0}${clues ? 1 : 0}`,
    text: `with before as (select tier from credit_scores where party_id = $1::uuid)
      insert into credit_scores as cs (party_id, party_kind, total_centi, tier, model_version, dimensions, computed_at, tier_since)
        values ($1::uuid, $2, $3::int, $4, $5, $6::jsonb, $7::timestamptz, $8::timestamptz)
        on conflict (party_id) do update set party_kind = excluded.party_kind, total_centi = excluded.total_centi,
          tier = excluded.tier, model_version = excluded.model_version, dimensions = excluded.dimensions,
          computed_at = excluded.computed_at,
          tier_since = case when cs.tier = excluded.tier then cs.tier_since else excluded.tier_since end
      returning (select tier from before) as before${
        head ? ', (select json_build_array(seq, hash) from audit_log order by seq desc limit 1)::text as head' : ''
      }${tasks ? `, (select coalesce(json_agg(event_id), '[]') from credit_training_tasks where party_id = $1::uuid)::text as tasks` : ''}${
        clues
          ? `, (select coalesce(json_agg(json_build_array(trigger, floor(date_part('epoch', last) * 1000)::int8)), '[]')
                from (select trigger, max(raised_at) as last from credit_clues where party_id = $1::uuid group by trigger) c)::text as clues`
          : ''
      }`,
  };
}

/** Each variant's statement built once, at load: an ingest only picks one. */
const INSERT_ONE = [insertOneReadingText(false), insertOneReadingText(true)] as const;
const RESCORE = Array.from({ length: 8 }, (_, i) => rescoreStatementText(Boolean(i & 4), Boolean(i & 2), Boolean(i & 1)));
function insertOneReading(lock: boolean): PreparedStatement {
  return INSERT_ONE[lock ? 1 : 0];
}
function rescoreStatement(head: boolean | undefined, tasks: boolean, clues: boolean): PreparedStatement {
  return RESCORE[(head ? 4 : 0) + (tasks ? 2 : 0) + (clues ? 1 : 0)]!;
}
