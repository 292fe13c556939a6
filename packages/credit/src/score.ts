/**
 * Scoring: from a party's events and a model to a score with its explanation. Pure and deterministic: the clock is
 * the `asOf` argument and events are put in a fixed order (time, then id) first, so their input order never matters.
 *
 * Points are kept in integer hundredths internally so that the explanation adds up exactly: per dimension,
 * 100 + Σ contribution points (the clamp's own contribution included) = the dimension's score.
 */
import type { CreditEvent, CreditEventKind, PartyKind } from './events.ts';
import type { Bilingual, CreditMeasure, CreditModel, CreditRule, FirstOffencePolicy, RateRule, Tier } from './model.ts';

/** A relaxation of one rule category for a span of time (a 监管沙盒 cohort): violations in it count `factor` of their points. */
export interface CategoryRelaxation {
  category: string;
  /** 0 waives, 0.5 halves; between 0 and 1 */
  factor: number;
  /** violations that happened in [from, to] are relaxed; later or earlier ones count in full */
  from: Date;
  to: Date;
  /** why, for the explanation (the cohort's name) */
  reason: Bilingual;
}

/**
 * What the enforcement modes change in one party's scoring: a first-offence policy of its own (per rule category)
 * and relaxed categories. Both can only lower a deduction, and a new violation still never raises a score.
 */
export interface PartyPolicy {
  /** replaces the model's `firstOffence` for this party */
  firstOffence?: FirstOffencePolicy;
  relax?: CategoryRelaxation[];
}

export interface CreditContribution {
  /** The event behind the points; `rate:<key>` for a rate rule, `clamp:<dimension>` for the clamp. */
  eventId: string;
  kind: CreditEventKind | 'rate' | 'clamp';
  dimension: string;
  /** Points after decay and caps, in hundredths (2 decimals). */
  points: number;
  /** When the event happened; for a rate or the clamp, the `asOf` of the score. */
  at: Date;
  /** The weight left after decay, 0–1 (1 for restorations within their window, rates and the clamp). */
  decay: number;
  waived?: 'first_offence';
  /** a relaxed category (监管沙盒): the share of the points kept and why */
  relaxed?: { factor: number } & Bilingual;
  hint?: Bilingual;
}

export interface CreditDimensionScore extends Bilingual {
  key: string;
  weightBp: number;
  score: number;
}

export interface CreditScore {
  partyId: string;
  partyKind: PartyKind;
  modelVersion: string;
  total: number;
  tier: Tier;
  dimensions: CreditDimensionScore[];
  contributions: CreditContribution[];
}

const DAY_MS = 86_400_000;
const FULL = 10_000; // 100 points in hundredths
const CLAMP_HINT: Bilingual = { zh: '维度分限定在 0–100 之间。', en: 'A dimension stays between 0 and 100.' };

function byTimeThenId(a: CreditEvent, b: CreditEvent): number {
  const d = a.at.getTime() - b.at.getTime();
  if (d !== 0) return d;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

/** The multiplier an event brings to its rule's points. */
function unitsOf(rule: CreditRule, event: CreditEvent): number {
  switch (rule.unit) {
    case 'event':
      return 1;
    case 'severity':
      return 'severity' in event.data ? event.data.severity : 1;
    case 'days':
      return 'days' in event.data ? event.data.days : 1;
    case 'hours':
      return 'hours' in event.data ? event.data.hours : 0;
    case 'on_time':
      return 'onTime' in event.data && event.data.onTime ? 1 : 0;
  }
}

/** The first tier whose lower bound the total reaches (bands go from the highest down). */
export function tierOf(total: number, model: CreditModel): Tier {
  for (const band of model.tiers) if (total >= band.min) return band.tier;
  return model.tiers[model.tiers.length - 1]?.tier ?? 'D';
}

export function measuresFor(tier: Tier, model: CreditModel): CreditMeasure[] {
  return model.measures[tier] ?? [];
}

/**
 * Which violations are first offences: one at or below the policy's severity with no other (unvoided) violation
 * in the window before it. Events must already be in time order.
 */
function firstOffences(sorted: CreditEvent[], policy: FirstOffencePolicy): Set<CreditEvent> {
  const waived = new Set<CreditEvent>();
  const { windowDays, maxSeverity, byCategory } = policy;
  let previous: number | null = null;
  for (const e of sorted) {
    if (e.kind !== 'violation.confirmed') continue;
    const at = e.at.getTime();
    const first = previous === null || at - previous > windowDays * DAY_MS;
    if (first && e.data.severity <= (byCategory?.[e.data.category] ?? maxSeverity)) waived.add(e);
    previous = at;
  }
  return waived;
}

function rateContribution(rate: RateRule, dimension: string, sorted: CreditEvent[], asOf: Date): CreditContribution | null {
  const from = asOf.getTime() - rate.windowDays * DAY_MS;
  let num = 0;
  let den = 0;
  for (const e of sorted) {
    if (e.at.getTime() <= from) continue;
    if (e.kind === rate.numerator) num++;
    if (e.kind === rate.denominator) den++;
  }
  if (den < rate.minCount) return null;
  const value = num / den;
  let points = 0;
  for (const t of rate.thresholds) if (value > t.over) points = t.points;
  if (points === 0) return null;
  return { eventId: `rate:${rate.key}`, kind: 'rate', dimension, points: Math.round(points * 100), at: asOf, decay: 1, hint: rate.hint };
}

/** Score one party. Events of other parties, voided events and events after `asOf` are ignored. */
export function scoreParty(
  partyId: string,
  partyKind: PartyKind,
  events: Iterable<CreditEvent>,
  model: CreditModel,
  asOf: Date,
  policy?: PartyPolicy,
): CreditScore {
  const now = asOf.getTime();
  const sorted: CreditEvent[] = [];
  for (const e of events) {
    if (e.partyId === partyId && e.partyKind === partyKind && !e.voided && e.at.getTime() <= now) sorted.push(e);
  }
  sorted.sort(byTimeThenId);
  return scoreSorted(partyId, partyKind, sorted, model, asOf, policy);
}

/** The relaxation of a violation: the smallest factor among the relaxations of its category in force when it happened. */
function relaxationOf(e: CreditEvent, relax: CategoryRelaxation[] | undefined): ({ factor: number } & Bilingual) | null {
  if (!relax || e.kind !== 'violation.confirmed') return null;
  let best: CategoryRelaxation | null = null;
  const at = e.at.getTime();
  for (const r of relax) {
    if (r.category !== e.data.category || at < r.from.getTime() || at > r.to.getTime()) continue;
    if (!best || r.factor < best.factor) best = r;
  }
  // a factor outside [0, 1] would let a violation restore points or cost more: clamp it
  return best ? { factor: Math.min(1, Math.max(0, best.factor)), zh: best.reason.zh, en: best.reason.en } : null;
}

function scoreSorted(
  partyId: string,
  partyKind: PartyKind,
  sorted: CreditEvent[],
  model: CreditModel,
  asOf: Date,
  policy?: PartyPolicy,
): CreditScore {
  const now = asOf.getTime();
  const waived = firstOffences(sorted, policy?.firstOffence ?? model.firstOffence);
  // Contributions in hundredths of a point, per dimension.
  const raw: CreditContribution[] = [];
  const usedCap = new Map<CreditEventKind, number>();
  for (const e of sorted) {
    const rule = model.rules[e.kind];
    const dimension = rule?.dimensions[partyKind];
    if (!rule || !dimension) continue;
    const hint = model.hints[e.kind];
    if (waived.has(e)) {
      raw.push({ eventId: e.id, kind: e.kind, dimension, points: 0, at: e.at, decay: 1, waived: 'first_offence', hint });
      continue;
    }
    let base = rule.points * unitsOf(rule, e);
    if (base === 0) continue;
    if (rule.maxPerEvent !== undefined && Math.abs(base) > rule.maxPerEvent) base = Math.sign(base) * rule.maxPerEvent;
    const relaxed = relaxationOf(e, policy?.relax);
    if (relaxed) {
      base *= relaxed.factor;
      if (base === 0) {
        raw.push({ eventId: e.id, kind: e.kind, dimension, points: 0, at: e.at, decay: 1, relaxed, hint });
        continue;
      }
    }
    const ageDays = (now - e.at.getTime()) / DAY_MS;
    let decay = 1;
    if (base < 0) {
      if (rule.halfLifeDays !== undefined) decay = 0.5 ** (ageDays / rule.halfLifeDays);
    } else if (rule.windowDays !== undefined && ageDays > rule.windowDays) {
      continue;
    }
    let points = Math.round(base * decay * 100) || 0;
    if (points > 0 && rule.cap !== undefined) {
      // Restorations are capped in total: the earliest take the room first (a fixed order, so input order is moot).
      const used = usedCap.get(e.kind) ?? 0;
      points = Math.max(0, Math.min(points, Math.round(rule.cap * 100) - used));
      usedCap.set(e.kind, used + points);
    }
    raw.push({ eventId: e.id, kind: e.kind, dimension, points, at: e.at, decay, ...(relaxed ? { relaxed } : {}), hint });
  }
  for (const rate of model.rateRules) {
    const dimension = rate.dimensions[partyKind];
    if (!dimension) continue;
    const c = rateContribution(rate, dimension, sorted, asOf);
    if (c) raw.push(c);
  }

  // Gather per dimension in the model's order; points turn from hundredths into points only once summed.
  const dims = model.dimensions[partyKind];
  const perDimension: CreditContribution[][] = dims.map(() => []);
  for (const c of raw) {
    const i = dims.findIndex((d) => d.key === c.dimension);
    if (i >= 0) perDimension[i]!.push(c);
  }
  const contributions: CreditContribution[] = [];
  const dimensions: CreditDimensionScore[] = [];
  let weighted = 0;
  dims.forEach((dim, i) => {
    let sum = FULL;
    for (const c of perDimension[i]!) {
      sum += c.points;
      c.points /= 100;
      contributions.push(c);
    }
    const clamped = Math.min(FULL, Math.max(0, sum));
    if (clamped !== sum) {
      contributions.push({
        eventId: `clamp:${dim.key}`,
        kind: 'clamp',
        dimension: dim.key,
        points: (clamped - sum) / 100,
        at: asOf,
        decay: 1,
        hint: CLAMP_HINT,
      });
    }
    dimensions.push({ key: dim.key, zh: dim.zh, en: dim.en, weightBp: dim.weightBp, score: clamped / 100 });
    weighted += clamped * dim.weightBp;
  });
  const total = Math.round(weighted / FULL) / 100;
  return { partyId, partyKind, modelVersion: model.version, total, tier: tierOf(total, model), dimensions, contributions };
}

/**
 * Score every party that has events (voided events and events after `asOf` left out), in one pass: events are
 * grouped by party, each group sorted once. A party whose only events are voided or later than `asOf` is not
 * listed (it would score 100 in every dimension).
 */
export function scoreAll(
  events: Iterable<CreditEvent>,
  model: CreditModel,
  asOf: Date,
  policyOf?: (partyId: string, partyKind: PartyKind) => PartyPolicy | undefined,
): CreditScore[] {
  const now = asOf.getTime();
  const groups = new Map<string, CreditEvent[]>();
  for (const e of events) {
    if (e.voided || e.at.getTime() > now) continue;
    const key = `${e.partyKind}\u0000${e.partyId}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const scores: CreditScore[] = [];
  // Parties in key order, so the output does not depend on the order events came in.
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    group.sort(byTimeThenId);
    const first = group[0]!;
    scores.push(scoreSorted(first.partyId, first.partyKind, group, model, asOf, policyOf?.(first.partyId, first.partyKind)));
  }
  return scores;
}
