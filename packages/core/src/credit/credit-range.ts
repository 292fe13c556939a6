/**
 * Scoring one range of parties for a full recompute, as pure functions over plain data: the range's events come in
 * as the repository's text (`cutScoringLines`), every party is scored by the engine, and what comes out is only what
 * the recompute writes — the scores that changed, the parties scored differently from before (for the hooks) and
 * the tier moves. Plain data in and out, so the same function runs on the recompute's own thread
 * (`InlineCreditRangeScorer`) or on another one (an adapter of the `CreditRangeScorer` port) while the database
 * reads the next range.
 *
 * This module imports only the engine and types: a worker can load it without the rest of core
 * (`@livehub/core/credit-range`).
 */
import { type CreditEvent, type CreditModel, type CreditScore, type PartyPolicy, scoreParty } from '@livehub/credit';
import type { CreditRecomputed } from './credit.service.ts';
import type { CreditScoringEvent, CreditStoredScore } from './credit.repository.ts';
import type { CreditEventKind, CreditPartyKind, CreditScoreRecord, CreditTierMoveRecord } from './credit.types.ts';

/**
 * Every party's scoring policy (the enforcement modes) as data: the parties with one of their own (cohort
 * members) and the policy of everyone else.
 */
export interface CreditPolicyTable {
  fallback: PartyPolicy;
  parties: Map<string, PartyPolicy>;
}

/** What stays the same for every range of one recompute. */
export interface CreditRangeContext {
  model: CreditModel;
  now: Date;
  /** none: the model's own policy for everyone */
  policies?: CreditPolicyTable | undefined;
}

/** One range: its events as the repository's text (see `CreditRepository.scoringLines`) and its stored scores. */
export interface CreditRangeJob {
  lines: string;
  stored: CreditStoredScore[];
}

/** A tier move before the recompute gives it its id. */
export type CreditRangeMove = Omit<CreditTierMoveRecord, 'id'>;

export interface CreditRangeScored {
  /** parties scored (one per party and kind) */
  parties: number;
  /** the scores to write: new ones and the ones that changed */
  records: CreditScoreRecord[];
  /** parties with a stored score that scored differently now, with the events scored (for the hooks' follow-ups) */
  rescored: CreditRecomputed[];
  moves: CreditRangeMove[];
}

/** Scores ranges; `open` once per recompute, `score` per range (in order or not), `close` at the end. */
export interface CreditRangeScorer {
  open(context: CreditRangeContext): CreditRangeSession;
}
export interface CreditRangeSession {
  score(job: CreditRangeJob): Promise<CreditRangeScored>;
  close(): Promise<void>;
}

/** Scores on the caller's thread. */
export class InlineCreditRangeScorer implements CreditRangeScorer {
  open(context: CreditRangeContext): CreditRangeSession {
    return {
      score: async (job) => scoreRange(context, job),
      close: async () => {},
    };
  }
}

/**
 * Cuts the repository's scoring text into events: one line per event, its fields separated by tabs —
 * party id, party kind, event kind, time (ms since the epoch), event id, data (JSON, last: it may hold tabs only
 * escaped). Cut at the tabs by hand: a third faster than split() on 2,000,000 lines, and no array per line.
 */
export function cutScoringLines(text: string): CreditScoringEvent[] {
  const events: CreditScoringEvent[] = [];
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const t1 = text.indexOf('\t', from);
    const t2 = text.indexOf('\t', t1 + 1);
    const t3 = text.indexOf('\t', t2 + 1);
    const t4 = text.indexOf('\t', t3 + 1);
    const t5 = text.indexOf('\t', t4 + 1);
    events.push({
      id: text.slice(t4 + 1, t5),
      partyId: text.slice(from, t1),
      partyKind: text.slice(t1 + 1, t2) as CreditPartyKind,
      kind: text.slice(t2 + 1, t3) as CreditEventKind,
      at: new Date(Number(text.slice(t3 + 1, t4))),
      data: JSON.parse(text.slice(t5 + 1, end)) as Record<string, unknown>,
    });
    from = end + 1;
  }
  return events;
}

/** Points in hundredths, as scores and moves store them. */
export const centi = (points: number): number => Math.round(points * 100);

/** A score as stored: its total in hundredths and each dimension's score. */
export function scoreRecord(score: CreditScore, computedAt: Date, tierSince: Date): CreditScoreRecord {
  return {
    partyId: score.partyId,
    partyKind: score.partyKind,
    totalCenti: centi(score.total),
    tier: score.tier,
    modelVersion: score.modelVersion,
    dimensions: score.dimensions.map((x) => ({ key: x.key, score: x.score })),
    computedAt,
    tierSince,
  };
}

/** Whether a fresh score says the same as the stored one (then it is not written again). */
function sameScore(a: CreditScoreRecord, b: CreditStoredScore): boolean {
  return (
    a.totalCenti === b.totalCenti &&
    a.tier === b.tier &&
    a.modelVersion === b.modelVersion &&
    a.partyKind === b.partyKind &&
    a.tierSince.getTime() === b.tierSince.getTime() &&
    a.dimensions.length === b.dimensions.length &&
    a.dimensions.every((d, i) => d.key === b.dimensions[i]?.key && d.score === b.dimensions[i]?.score)
  );
}

/**
 * Scores every party of a range from its own events (what the engine's `scoreAll` does, without its keys and their
 * sort): the scoring events carry what the engine reads, none is voided, and one later than now does not count yet.
 * A party with a stored score but no counted event left goes back to full marks. A party whose tier changed gets a
 * move: reason `model` when it was last scored by another version of the model, `recompute` otherwise; a party's
 * first score in tier A is no move.
 */
export function scoreRange(context: CreditRangeContext, job: CreditRangeJob): CreditRangeScored {
  const { model, now, policies } = context;
  const policyOf = (partyId: string): PartyPolicy | undefined =>
    policies ? (policies.parties.get(partyId) ?? policies.fallback) : undefined;
  const stored = new Map(job.stored.map((s) => [s.partyId, s]));
  const out: CreditRangeScored = { parties: 0, records: [], rescored: [], moves: [] };
  const seen = new Set<string>();
  const add = (score: CreditScore, scoredEvents: CreditEvent[]) => {
    seen.add(score.partyId);
    out.parties++;
    const before = stored.get(score.partyId);
    const changed = before !== undefined ? before.tier !== score.tier : score.tier !== 'A';
    const record = scoreRecord(score, now, changed || !before ? now : before.tierSince);
    if (!before || !sameScore(record, before)) {
      out.records.push(record);
      if (before) out.rescored.push({ partyId: score.partyId, partyKind: score.partyKind, score, events: scoredEvents });
    }
    if (changed)
      out.moves.push({
        partyId: score.partyId,
        partyKind: score.partyKind,
        fromTier: before?.tier ?? null,
        toTier: score.tier,
        totalCenti: record.totalCenti,
        modelVersion: model.version,
        reason: before && before.modelVersion !== model.version ? 'model' : 'recompute',
        at: now,
      });
  };
  const groups = new Map<string, CreditEvent[]>();
  const nowMs = now.getTime();
  for (const e of cutScoringLines(job.lines) as CreditEvent[]) {
    if (e.at.getTime() > nowMs) continue;
    const group = groups.get(e.partyId);
    if (group) group.push(e);
    else groups.set(e.partyId, [e]);
  }
  for (const [partyId, group] of groups) {
    const kinds = new Set(group.map((e) => e.partyKind));
    for (const kind of kinds) add(scoreParty(partyId, kind, group, model, now, policyOf(partyId)), group);
  }
  for (const before of job.stored)
    if (!seen.has(before.partyId)) add(scoreParty(before.partyId, before.partyKind, [], model, now, policyOf(before.partyId)), []);
  return out;
}
