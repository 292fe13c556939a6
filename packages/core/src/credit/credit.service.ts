/**
 * 信用: records credit events, keeps every party's score current, and explains it. An event is recorded once per
 * source (the same violation or order never counts twice, so outbox deliveries may repeat); recording rescores its
 * party in the same transaction, writes a tier move when the tier changes and lets the tier listeners act on it
 * (the payout hold of tier D). The score itself comes from the pure engine `@livehub/credit`.
 */
import {
  type CreditEvent,
  type CreditModel,
  type CreditScore,
  measuresFor,
  type PartyPolicy,
  scoreParty,
  validateEvent,
} from '@livehub/credit';
import type { AuditInput, AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import type { CreditModelSource } from './credit-model.source.ts';
import type { CreditFollowUps, CreditFollowUpsWanted, CreditPartyEvent, CreditRescoreResult } from './credit.repository.ts';
import { issueText } from './credit-issue.ts';
import { centi, scoreRecord } from './credit-range.ts';
import type {
  CreditEventKind,
  CreditEventRecord,
  CreditPartyKind,
  CreditScoreRecord,
  CreditTier,
  CreditTierMoveRecord,
  TierMoveReason,
} from './credit.types.ts';

/** A credit transaction; `payouts` is only handed to the tier listeners (the payout hold), never used here. */
export type CreditTx = Pick<Repositories, 'credit' | 'audit' | 'payouts'>;

/** Who a party is: its kind and the name screens show. Implemented over identity's tables in the container. */
export interface CreditPartyDirectory {
  /** each known party's kind, name and, where known, since when it is on the platform (its registration) */
  resolve(ids: string[]): Promise<Map<string, { kind: CreditPartyKind; name: string; since?: Date }>>;
}

/** Acts on a tier change in the same transaction (the payout hold of tier D is one). */
export interface CreditTierListener {
  tierChanged(tx: CreditTx, move: CreditTierMoveRecord): Promise<void>;
  /** many moves at once (a recompute); without it each move goes through `tierChanged` */
  tierChangedMany?(tx: CreditTx, moves: CreditTierMoveRecord[]): Promise<void>;
}

/**
 * The enforcement modes' hook into rescoring, in the same transaction: `policyFor` gives the party's scoring policy
 * (首违不罚 per category, 监管沙盒 relaxations) before the engine runs; `afterRescore` acts on the stored score
 * (training tasks, 触发式监管's clues). The modes' own tables come with the transaction when the unit of work has
 * them (the hook says so when they are missing).
 */
export type CreditHookTx = CreditTx & Partial<Pick<Repositories, 'creditModes' | 'outbox'>>;
export interface CreditRescoreHook {
  policyFor?(tx: CreditHookTx, partyId: string, partyKind: CreditPartyKind, now: Date): Promise<PartyPolicy | undefined>;
  /**
   * What `afterRescore` will need read for this score (training tasks, last clues): the score's statement reads it
   * and hands it over as `known`, instead of a statement each after it
   */
  followUpsFor?(
    tx: CreditHookTx,
    partyId: string,
    partyKind: CreditPartyKind,
    score: CreditScore,
    events: CreditEvent[],
  ): Promise<CreditFollowUpsWanted | undefined>;
  /** `known`: the party's follow-ups as the score's statement read them (after the chain lock), when it did */
  afterRescore?(
    tx: CreditHookTx,
    partyId: string,
    partyKind: CreditPartyKind,
    score: CreditScore,
    events: CreditEvent[],
    known?: CreditFollowUps,
  ): Promise<void>;
  /** after a full recompute, in its transaction: the parties it scored differently (see `CreditRecomputed`) */
  afterRecompute?(tx: CreditHookTx, scored: CreditRecomputed[]): Promise<void>;
}

/** A party a full recompute scored differently from its stored score, with the events it scored. */
export interface CreditRecomputed {
  partyId: string;
  partyKind: CreditPartyKind;
  score: CreditScore;
  events: CreditEvent[];
}

export interface CreditEventInput {
  partyId: string;
  partyKind: CreditPartyKind;
  kind: CreditEventKind;
  at: Date;
  data: Record<string, unknown>;
  source: string;
}

export interface CreditDeps {
  uow: ScopedUnitOfWork<'credit' | 'audit' | 'payouts'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  parties: CreditPartyDirectory;
  model: CreditModelSource;
  listeners?: CreditTierListener[];
  hooks?: CreditRescoreHook[];
}

export const toEngineEvent = (r: CreditPartyEvent): CreditEvent =>
  ({
    id: r.id,
    partyId: r.partyId,
    partyKind: r.partyKind,
    kind: r.kind,
    at: r.at,
    voided: r.voidedAt !== null,
    data: r.data,
  }) as CreditEvent;

/** how many times a rescore reads the party's events again when another writer changed them meanwhile */
const MAX_RESCORE_ATTEMPTS = 4;
const seenOf = (events: CreditEvent[]) => ({ events: events.length, voided: events.reduce((n, e) => n + (e.voided ? 1 : 0), 0) });
const TIER_RANK: Record<CreditTier, number> = { A: 0, B: 1, C: 2, D: 3 };
/** whether a move goes down (A → D is down) */
export const isDowngrade = (from: CreditTier | null, to: CreditTier): boolean => TIER_RANK[to] > TIER_RANK[from ?? 'A'];

export class CreditService {
  constructor(private readonly d: CreditDeps) {}

  get model(): CreditModel {
    return this.d.model.current();
  }

  /**
   * Records events from other contexts (the outbox feed) and rescores their parties, in one transaction. Events
   * already recorded (same party and source) are skipped; returns how many were new.
   */
  async ingest(inputs: CreditEventInput[]): Promise<{ recorded: number }> {
    if (inputs.length === 0) return { recorded: 0 };
    for (const input of inputs) this.check(input);
    return this.d.uow.transaction(async (tx) => {
      const inserted = await this.recordIn(tx, inputs, SYSTEM_ACTOR);
      return { recorded: inserted.length };
    });
  }

  /** The in-transaction form: records, audits and rescores. Events must have passed `check`. */
  async recordIn(tx: CreditTx, inputs: CreditEventInput[], actor: Actor): Promise<CreditEventRecord[]> {
    const now = this.d.clock.now();
    const records: CreditEventRecord[] = inputs.map((i) => ({
      id: this.d.ids.next(),
      partyId: i.partyId,
      partyKind: i.partyKind,
      kind: i.kind,
      at: i.at,
      data: i.data,
      source: i.source,
      voidedAt: null,
      voidReason: null,
      recordedBy: actor.userId,
      createdAt: now,
    }));
    // in a transaction the insert also takes the audit chain's lock, and the rescore's upsert reads its head: the
    // event's audit entry is then written with the tier move's, in one statement (docs/credit.md)
    const { inserted, partyEvents } = await tx.credit.insertEventsReading(records);
    const audits = inserted.map((e) => ({
      actor,
      input: {
        action: 'credit.event',
        targetType: 'credit_event',
        targetId: e.id,
        detail: { partyId: e.partyId, kind: e.kind, source: e.source },
      },
    }));
    const parties = new Map(inserted.map((e) => [e.partyId, e.partyKind]));
    if (parties.size > 1) await this.d.audit.recordMany(tx, audits.splice(0));
    for (const [partyId, kind] of parties)
      await this.rescoreIn(
        tx,
        partyId,
        kind,
        'event',
        partyEvents.filter((e) => e.partyId === partyId),
        audits.splice(0),
      );
    return inserted;
  }

  /** A platform admin records an event by hand (an administrative penalty, a completed training). */
  async record(
    actor: Actor,
    input: { partyId: string; kind: CreditEventKind; data: Record<string, unknown>; at?: Date | undefined; note?: string | undefined },
  ): Promise<CreditEventRecord> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    const party = (await this.d.parties.resolve([input.partyId])).get(input.partyId);
    if (!party) throw new AppError('credit.unknown_party', { field: 'partyId' });
    const at = input.at ?? this.d.clock.now();
    if (at.getTime() > this.d.clock.now().getTime() + 60_000)
      throw new AppError('credit.invalid_event', {
        field: 'at',
        details: { issue: { zh: 'at：不能晚于当前时间', en: 'at: in the future' } },
      });
    const event: CreditEventInput = {
      partyId: input.partyId,
      partyKind: party.kind,
      kind: input.kind,
      at,
      data: input.data,
      source: `manual:${this.d.ids.next()}`,
    };
    this.check(event);
    return this.d.uow.transaction(async (tx) => {
      const [inserted] = await this.recordIn(tx, [event], actor);
      return inserted!;
    });
  }

  /** Refuses an event the engine cannot score, naming the field. */
  check(input: CreditEventInput): void {
    const issues = validateEvent({
      id: 'check',
      partyId: input.partyId,
      partyKind: input.partyKind,
      kind: input.kind,
      at: input.at,
      data: input.data,
    });
    const first = issues[0];
    if (first) {
      throw new AppError('credit.invalid_event', { field: first.path, details: { issue: issueText(first.path, first.code) } });
    }
  }

  /**
   * Recomputes one party's score from all its events and stores it; writes a tier move (and tells the listeners)
   * when the tier changed. Returns the fresh score with its explanation.
   */
  async rescoreIn(
    tx: CreditTx,
    partyId: string,
    partyKind: CreditPartyKind,
    reason: TierMoveReason,
    /** the party's events when the caller has just read them (recording does, in the statement that inserts) */
    read?: CreditPartyEvent[],
    /** audit entries the caller still owes (recording's, for the events), written first with the tier move's */
    audits: Array<{ actor: Actor; input: AuditInput }> = [],
  ): Promise<CreditScore> {
    const now = this.d.clock.now();
    const model = this.model;
    let policy: PartyPolicy | undefined;
    for (const h of this.d.hooks ?? []) policy = (await h.policyFor?.(tx, partyId, partyKind, now)) ?? policy;
    // one statement stores the score, says the tier before (its tier-since is kept when the tier is) and what the
    // hooks act on next. It stores only if the party's events are still the ones scored: the events may have been
    // read before this transaction held the audit chain's lock (recording reads them in the statement that takes
    // it), and a writer for the same party may have committed meanwhile — then they are read again (PostgreSQL; on
    // PGlite transactions do not overlap). The last attempt stores unconditionally.
    let events = (read ?? (await tx.credit.eventsOf(partyId))).map(toEngineEvent);
    let score: CreditScore;
    let result: CreditRescoreResult;
    for (let attempt = 1; ; attempt++) {
      score = scoreParty(partyId, partyKind, events, model, now, policy);
      const followUps = await this.followUpsFor(tx, partyId, partyKind, score, events);
      const seen = attempt < MAX_RESCORE_ATTEMPTS ? seenOf(events) : undefined;
      result = await tx.credit.rescoreChecked(this.toRecord(score, now, now), { seen, followUps });
      if (result.stored) break;
      events = (await tx.credit.eventsOf(partyId)).map(toEngineEvent);
    }
    const before = result.before;
    const changed = before !== score.tier;
    const entries = [...audits];
    // a party's first score in tier A is no move: everyone starts there
    let move: CreditTierMoveRecord | undefined;
    if (changed && (before !== null || score.tier !== 'A')) {
      move = {
        id: this.d.ids.next(),
        partyId,
        partyKind,
        fromTier: before,
        toTier: score.tier,
        totalCenti: centi(score.total),
        modelVersion: model.version,
        reason,
        at: now,
      };
      entries.push({
        actor: SYSTEM_ACTOR,
        input: {
          action: 'credit.tier_changed',
          targetType: 'credit_party',
          targetId: partyId,
          detail: { from: move.fromTier, to: move.toTier, total: score.total, reason, modelVersion: model.version },
        },
      });
    }
    await this.d.audit.recordMany(tx, entries);
    if (move) {
      await tx.credit.insertTierMoves([move]);
      await this.notifyTierChange(tx, move);
    }
    for (const h of this.d.hooks ?? []) await h.afterRescore?.(tx, partyId, partyKind, score, events, result.followUps);
    return score;
  }

  /** What the hooks will act on after this score, read by the score's own statement (nothing when they act on nothing). */
  private async followUpsFor(
    tx: CreditTx,
    partyId: string,
    partyKind: CreditPartyKind,
    score: CreditScore,
    events: CreditEvent[],
  ): Promise<CreditFollowUpsWanted | undefined> {
    let want: CreditFollowUpsWanted | undefined;
    for (const h of this.d.hooks ?? []) {
      const w = await h.followUpsFor?.(tx, partyId, partyKind, score, events);
      if (w) want = { trainingTasks: Boolean(want?.trainingTasks || w.trainingTasks), clues: Boolean(want?.clues || w.clues) };
    }
    return want;
  }

  /** Runs the tier listeners for a move (in the caller's transaction). */
  async notifyTierChange(tx: CreditTx, move: CreditTierMoveRecord): Promise<void> {
    for (const l of this.d.listeners ?? []) await l.tierChanged(tx, move);
  }

  /** Runs the tier listeners for many moves (a recompute), in batches where a listener can take them. */
  /** A full recompute's changed scores, handed to the hooks in the recompute's transaction. */
  async afterRecompute(tx: CreditTx, scored: CreditRecomputed[]): Promise<void> {
    if (scored.length === 0) return;
    for (const h of this.d.hooks ?? []) await h.afterRecompute?.(tx as CreditHookTx, scored);
  }

  async notifyTierChanges(tx: CreditTx, moves: CreditTierMoveRecord[]): Promise<void> {
    if (moves.length === 0) return;
    for (const l of this.d.listeners ?? []) {
      if (l.tierChangedMany) await l.tierChangedMany(tx, moves);
      else for (const m of moves) await l.tierChanged(tx, m);
    }
  }

  toRecord(score: CreditScore, computedAt: Date, tierSince: Date): CreditScoreRecord {
    return scoreRecord(score, computedAt, tierSince);
  }

  /** The tier and measures in force for a party (tier A and no measures when it has no score yet). */
  async standing(partyId: string): Promise<{ tier: CreditTier; measures: Array<{ code: string; zh: string; en: string }> }> {
    const s = await this.d.uow.read.credit.score(partyId);
    const tier = s?.tier ?? 'A';
    return { tier, measures: measuresFor(tier, this.model) };
  }

  /** Who the caller is as a credit party: a streamer is their user, a merchant / MCN / base its organization. */
  partyOf(actor: Actor): string {
    if (actor.role === 'streamer' && actor.userId) return actor.userId;
    if ((actor.role === 'merchant_staff' || actor.role === 'mcn_manager' || actor.role === 'base_operator') && actor.orgId)
      return actor.orgId;
    throw new AppError('credit.not_a_party');
  }

  /** May the actor read this party's credit: its own, or the platform's and the regulators' view of all. */
  assertMayRead(actor: Actor, partyId: string): void {
    if (actor.role === 'platform_admin' || actor.role === 'reviewer' || actor.role === 'regulator' || actor.role === 'system') return;
    if (actor.userId === partyId || actor.orgId === partyId) return;
    throw new AppError('auth.forbidden');
  }
}
