/**
 * The credit model as versioned data: dimensions and weights per party kind, a rule per event kind, rate rules,
 * tiers, measures per tier, the first-offence waiver and improvement hints. A new version of the model is a new
 * value of this type with a changelog row; scoring names the version it used, so a change re-scores everyone and
 * says so.
 */
import { SCREENING_CATEGORIES } from '@livehub/contracts';
import { CREDIT_EVENT_KINDS, type CreditEventKind, type CreditIssue, PARTY_KINDS, type PartyKind } from './events.ts';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface CreditDimension extends Bilingual {
  key: string;
  /** Share of the total in basis points; a party kind's weights sum to 10,000. */
  weightBp: number;
}

/** What one event's points are multiplied by: nothing, the severity, the days late or the hours. */
export type RuleUnit = 'event' | 'severity' | 'days' | 'hours' | 'on_time';

export interface CreditRule {
  /** The dimension this kind of event moves, per party kind; a party kind not named is not affected. */
  dimensions: Partial<Record<PartyKind, string>>;
  /** Points per unit: negative for a deduction, positive for a restoration, 0 when only a rate rule counts it. */
  points: number;
  unit: RuleUnit;
  /** The most points (in absolute value, before decay) one event can move. */
  maxPerEvent?: number;
  /** Deductions fade: weight × 0.5^(age / halfLifeDays). */
  halfLifeDays?: number;
  /** Restorations count in full for this many days, then not at all. */
  windowDays?: number;
  /** Restorations: the most points this rule adds in total to one party. */
  cap?: number;
}

export interface RateThreshold {
  /** The rate must be above this (0–1) … */
  over: number;
  /** … to bring these points (≤ 0). */
  points: number;
}

/** A rate over a window, e.g. returns / completed orders over 90 days, mapped to points by thresholds. */
export interface RateRule extends Bilingual {
  key: string;
  numerator: CreditEventKind;
  denominator: CreditEventKind;
  windowDays: number;
  /** Below this many denominator events the rate is not judged (a small shop's one return is not a rate). */
  minCount: number;
  /** Ascending by `over`; the highest one crossed applies. */
  thresholds: RateThreshold[];
  dimensions: Partial<Record<PartyKind, string>>;
  hint: Bilingual;
}

export const TIERS = ['A', 'B', 'C', 'D'] as const;
export type Tier = (typeof TIERS)[number];

export interface TierBand extends Bilingual {
  tier: Tier;
  /** The lowest total in this tier; bands are listed from the highest down and the last starts at 0. */
  min: number;
}

export interface CreditMeasure extends Bilingual {
  code: string;
}

export interface FirstOffencePolicy {
  /** A violation is a first offence when the party had no other confirmed violation in this many days before it. */
  windowDays: number;
  /** Only violations at or below this severity are waived. */
  maxSeverity: number;
  /**
   * Per rule category, the highest severity waived instead of `maxSeverity` (0: never waived), e.g. `price_fraud: 0`,
   * `absolute_claim: 2`. A category not named uses `maxSeverity`.
   */
  byCategory?: Partial<Record<string, number>>;
}

export interface CreditModel {
  version: string;
  /** ISO date (YYYY-MM-DD) from which this version applies. */
  effectiveFrom: string;
  changelog: Array<{ version: string; date: string } & Bilingual>;
  dimensions: Record<PartyKind, CreditDimension[]>;
  rules: Record<CreditEventKind, CreditRule>;
  rateRules: RateRule[];
  tiers: TierBand[];
  measures: Record<Tier, CreditMeasure[]>;
  firstOffence: FirstOffencePolicy;
  hints: Record<CreditEventKind, Bilingual>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

function checkBilingual(value: Bilingual | undefined, path: string, issues: CreditIssue[]): void {
  if (!value || !hasText(value.zh)) issues.push({ path: `${path}.zh`, code: 'missing_text' });
  if (!value || !hasText(value.en)) issues.push({ path: `${path}.en`, code: 'missing_text' });
}

function checkDimensionRefs(refs: Partial<Record<PartyKind, string>>, model: CreditModel, path: string, issues: CreditIssue[]): void {
  for (const [kind, key] of Object.entries(refs)) {
    if (!(PARTY_KINDS as readonly string[]).includes(kind)) {
      issues.push({ path: `${path}.${kind}`, code: 'unknown_party_kind' });
      continue;
    }
    if (!(model.dimensions[kind as PartyKind] ?? []).some((d) => d.key === key))
      issues.push({ path: `${path}.${kind}`, code: 'unknown_dimension' });
  }
}

function checkDimensions(model: CreditModel, issues: CreditIssue[]): void {
  for (const kind of PARTY_KINDS) {
    const dims = model.dimensions[kind];
    const path = `dimensions.${kind}`;
    if (!dims || dims.length === 0) {
      issues.push({ path, code: 'missing' });
      continue;
    }
    const seen = new Set<string>();
    dims.forEach((d, i) => {
      if (!hasText(d.key)) issues.push({ path: `${path}[${i}].key`, code: 'missing' });
      else if (seen.has(d.key)) issues.push({ path: `${path}[${i}].key`, code: 'duplicate' });
      seen.add(d.key);
      checkBilingual(d, `${path}[${i}]`, issues);
      if (!Number.isInteger(d.weightBp) || d.weightBp < 0) issues.push({ path: `${path}[${i}].weightBp`, code: 'invalid_weight' });
    });
    if (dims.reduce((s, d) => s + d.weightBp, 0) !== 10_000) issues.push({ path: `${path}`, code: 'weights_not_10000' });
  }
}

function checkRule(rule: CreditRule, model: CreditModel, path: string, issues: CreditIssue[]): void {
  checkDimensionRefs(rule.dimensions ?? {}, model, `${path}.dimensions`, issues);
  if (!isFiniteNumber(rule.points)) issues.push({ path: `${path}.points`, code: 'not_number' });
  if (!['event', 'severity', 'days', 'hours', 'on_time'].includes(rule.unit)) issues.push({ path: `${path}.unit`, code: 'unknown_unit' });
  if (rule.maxPerEvent !== undefined && !(isFiniteNumber(rule.maxPerEvent) && rule.maxPerEvent > 0))
    issues.push({ path: `${path}.maxPerEvent`, code: 'not_positive' });
  if (rule.halfLifeDays !== undefined && !(isFiniteNumber(rule.halfLifeDays) && rule.halfLifeDays > 0))
    issues.push({ path: `${path}.halfLifeDays`, code: 'not_positive' });
  if (rule.windowDays !== undefined && !(isFiniteNumber(rule.windowDays) && rule.windowDays > 0))
    issues.push({ path: `${path}.windowDays`, code: 'not_positive' });
  if (rule.cap !== undefined && !(isFiniteNumber(rule.cap) && rule.cap > 0)) issues.push({ path: `${path}.cap`, code: 'not_positive' });
  // Restorations do not decay (a window bounds them instead) and must be bounded, so good deeds cannot bank credit.
  if (rule.points > 0) {
    if (rule.halfLifeDays !== undefined) issues.push({ path: `${path}.halfLifeDays`, code: 'decay_on_positive' });
    if (rule.windowDays === undefined) issues.push({ path: `${path}.windowDays`, code: 'missing' });
    if (rule.cap === undefined) issues.push({ path: `${path}.cap`, code: 'missing' });
  }
  if (rule.points < 0 && rule.cap !== undefined) issues.push({ path: `${path}.cap`, code: 'cap_on_negative' });
}

function checkRateRule(rate: RateRule, model: CreditModel, path: string, issues: CreditIssue[]): void {
  if (!hasText(rate.key)) issues.push({ path: `${path}.key`, code: 'missing' });
  checkBilingual(rate, path, issues);
  checkBilingual(rate.hint, `${path}.hint`, issues);
  if (!CREDIT_EVENT_KINDS.includes(rate.numerator)) issues.push({ path: `${path}.numerator`, code: 'unknown_kind' });
  if (!CREDIT_EVENT_KINDS.includes(rate.denominator)) issues.push({ path: `${path}.denominator`, code: 'unknown_kind' });
  if (!(isFiniteNumber(rate.windowDays) && rate.windowDays > 0)) issues.push({ path: `${path}.windowDays`, code: 'not_positive' });
  if (!(Number.isInteger(rate.minCount) && rate.minCount >= 1)) issues.push({ path: `${path}.minCount`, code: 'not_positive' });
  checkDimensionRefs(rate.dimensions ?? {}, model, `${path}.dimensions`, issues);
  rate.thresholds.forEach((t, i) => {
    const tp = `${path}.thresholds[${i}]`;
    if (!(isFiniteNumber(t.over) && t.over >= 0 && t.over < 1)) issues.push({ path: `${tp}.over`, code: 'out_of_range' });
    if (!(isFiniteNumber(t.points) && t.points <= 0)) issues.push({ path: `${tp}.points`, code: 'not_deduction' });
    const prev = rate.thresholds[i - 1];
    if (prev && !(t.over > prev.over)) issues.push({ path: `${tp}.over`, code: 'not_ascending' });
    // A higher rate must never cost less, or a worse shop would score better.
    if (prev && !(t.points <= prev.points)) issues.push({ path: `${tp}.points`, code: 'not_descending' });
  });
}

function checkTiers(model: CreditModel, issues: CreditIssue[]): void {
  const tiers = model.tiers ?? [];
  if (tiers.length === 0) issues.push({ path: 'tiers', code: 'missing' });
  const seen = new Set<string>();
  tiers.forEach((band, i) => {
    const path = `tiers[${i}]`;
    if (!(TIERS as readonly string[]).includes(band.tier)) issues.push({ path: `${path}.tier`, code: 'unknown_tier' });
    else if (seen.has(band.tier)) issues.push({ path: `${path}.tier`, code: 'duplicate' });
    seen.add(band.tier);
    checkBilingual(band, path, issues);
    if (!(isFiniteNumber(band.min) && band.min >= 0 && band.min <= 100)) issues.push({ path: `${path}.min`, code: 'out_of_range' });
    const prev = tiers[i - 1];
    if (prev && !(band.min < prev.min)) issues.push({ path: `${path}.min`, code: 'not_descending' });
  });
  const last = tiers[tiers.length - 1];
  if (last && last.min !== 0) issues.push({ path: `tiers[${tiers.length - 1}].min`, code: 'lowest_not_zero' });
  for (const tier of Object.keys(model.measures ?? {})) {
    if (!(TIERS as readonly string[]).includes(tier)) {
      issues.push({ path: `measures.${tier}`, code: 'unknown_tier' });
      continue;
    }
    (model.measures[tier as Tier] ?? []).forEach((m, i) => {
      if (!hasText(m.code)) issues.push({ path: `measures.${tier}[${i}].code`, code: 'missing' });
      checkBilingual(m, `measures.${tier}[${i}]`, issues);
    });
  }
}

/** Every problem of a model, each with its path (`dimensions.merchant`, `rules.case.penalty.halfLifeDays`…). */
export function validateModel(model: CreditModel): CreditIssue[] {
  const issues: CreditIssue[] = [];
  if (!hasText(model.version)) issues.push({ path: 'version', code: 'missing' });
  if (!ISO_DATE.test(model.effectiveFrom ?? '') || Number.isNaN(Date.parse(model.effectiveFrom)))
    issues.push({ path: 'effectiveFrom', code: 'not_iso_date' });
  if (!(model.changelog ?? []).some((c) => c.version === model.version)) issues.push({ path: 'changelog', code: 'version_not_logged' });
  for (const [i, c] of (model.changelog ?? []).entries()) checkBilingual(c, `changelog[${i}]`, issues);
  checkDimensions(model, issues);
  for (const kind of CREDIT_EVENT_KINDS) {
    const rule = model.rules?.[kind];
    if (!rule) issues.push({ path: `rules.${kind}`, code: 'missing' });
    else checkRule(rule, model, `rules.${kind}`, issues);
    checkBilingual(model.hints?.[kind], `hints.${kind}`, issues);
  }
  for (const kind of Object.keys(model.rules ?? {})) {
    if (!CREDIT_EVENT_KINDS.includes(kind as CreditEventKind)) issues.push({ path: `rules.${kind}`, code: 'unknown_kind' });
  }
  for (const [i, r] of (model.rateRules ?? []).entries()) checkRateRule(r, model, `rateRules[${i}]`, issues);
  checkTiers(model, issues);
  issues.push(...validateFirstOffence(model.firstOffence, 'firstOffence'));
  return issues;
}

/** Every problem of a first-offence policy (the model's, or one the enforcement modes set for a party). */
export function validateFirstOffence(fo: FirstOffencePolicy | undefined, path: string): CreditIssue[] {
  const issues: CreditIssue[] = [];
  const severityOk = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 5;
  if (!(fo && isFiniteNumber(fo.windowDays) && fo.windowDays > 0)) issues.push({ path: `${path}.windowDays`, code: 'not_positive' });
  if (!(fo && severityOk(fo.maxSeverity))) issues.push({ path: `${path}.maxSeverity`, code: 'out_of_range' });
  for (const [category, max] of Object.entries(fo?.byCategory ?? {})) {
    if (!(SCREENING_CATEGORIES as readonly string[]).includes(category))
      issues.push({ path: `${path}.byCategory.${category}`, code: 'unknown_category' });
    else if (!severityOk(max)) issues.push({ path: `${path}.byCategory.${category}`, code: 'out_of_range' });
  }
  return issues;
}

/**
 * A model published before an event kind existed, with the kinds it does not know scored as `defaults` scores them
 * (rule and hint): a kind added later must not make an earlier published version unusable.
 */
export function withNewKinds(model: CreditModel, defaults: CreditModel): CreditModel {
  const rules = { ...model.rules };
  const hints = { ...model.hints };
  for (const kind of CREDIT_EVENT_KINDS) {
    if (!rules[kind]) rules[kind] = defaults.rules[kind];
    if (!hints[kind]) hints[kind] = defaults.hints[kind];
  }
  return { ...model, rules, hints };
}
