/**
 * The enforcement modes' pure rules: default settings and their validation, the per-party scoring policy
 * (首违不罚 per category, 监管沙盒 relaxations), the lighter measures of 观察期 and the sandbox's extra sampling on a
 * standing, the thresholds of 触发式监管, and which waived violations need a training task. No I/O.
 */
import { type CreditEvent, type CreditModel, type CreditScore, type PartyPolicy, validateFirstOffence } from '@livehub/credit';
import type { CreditStanding, CreditStandingMeasure } from './credit-gate.service.ts';
import {
  CREDIT_TRIGGERS,
  type CreditCohortMemberRecord,
  type CreditCohortRecord,
  type CreditModeSettings,
  type CreditTrigger,
} from './credit-modes.types.ts';
import type { CreditPartyKind } from './credit.types.ts';

const DAY_MS = 86_400_000;
const PARTY_KINDS: readonly CreditPartyKind[] = ['merchant', 'streamer', 'mcn', 'base'];

export interface ModeIssue {
  path: string;
  code: string;
}

/** The defaults until a platform admin saves settings: strict on price fraud and prohibited goods, 90 days' observation. */
export const DEFAULT_MODE_SETTINGS: CreditModeSettings = {
  firstOffence: { byCategory: { price_fraud: 0, prohibited_goods: 0, absolute_claim: 2 }, trainingHours: 2, trainingDueDays: 30 },
  observation: { days: { merchant: 90, streamer: 90 } },
  triggers: [
    { trigger: 'violations', count: 3, windowDays: 30 },
    { trigger: 'tier_d', count: 1, windowDays: 30 },
    { trigger: 'refund_overdue', count: 2, windowDays: 30 },
  ],
};

const intIn = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Every problem of a settings value, each with its path (`observation.days.streamer`, `triggers[1].count`…). */
export function validateModeSettings(s: CreditModeSettings, model: CreditModel): ModeIssue[] {
  const issues: ModeIssue[] = [];
  const fo = s.firstOffence;
  for (const issue of validateFirstOffence({ ...model.firstOffence, byCategory: fo.byCategory }, 'firstOffence'))
    if (issue.path.startsWith('firstOffence.byCategory')) issues.push(issue);
  if (!intIn(fo.trainingHours, 1, 40)) issues.push({ path: 'firstOffence.trainingHours', code: 'out_of_range' });
  if (!intIn(fo.trainingDueDays, 1, 365)) issues.push({ path: 'firstOffence.trainingDueDays', code: 'out_of_range' });
  for (const [kind, days] of Object.entries(s.observation.days)) {
    if (!PARTY_KINDS.includes(kind as CreditPartyKind)) issues.push({ path: `observation.days.${kind}`, code: 'unknown_party_kind' });
    else if (!intIn(days, 0, 3650)) issues.push({ path: `observation.days.${kind}`, code: 'out_of_range' });
  }
  const seen = new Set<string>();
  s.triggers.forEach((t, i) => {
    const path = `triggers[${i}]`;
    if (!(CREDIT_TRIGGERS as readonly string[]).includes(t.trigger)) issues.push({ path: `${path}.trigger`, code: 'unknown_trigger' });
    else if (seen.has(t.trigger)) issues.push({ path: `${path}.trigger`, code: 'duplicate' });
    seen.add(t.trigger);
    if (!intIn(t.count, 1, 1000) || (t.trigger === 'tier_d' && t.count !== 1)) issues.push({ path: `${path}.count`, code: 'out_of_range' });
    if (!intIn(t.windowDays, 1, 3650)) issues.push({ path: `${path}.windowDays`, code: 'out_of_range' });
  });
  return issues;
}

/** Problems of a new cohort: a name, an end after its start, no category twice. */
export function validateCohort(input: { name: string; startsAt: Date; endsAt: Date; relax: Array<{ category: string }> }): ModeIssue[] {
  const issues: ModeIssue[] = [];
  if (input.name.trim().length === 0) issues.push({ path: 'name', code: 'missing' });
  if (Number.isNaN(input.startsAt.getTime())) issues.push({ path: 'startsAt', code: 'not_date' });
  if (Number.isNaN(input.endsAt.getTime())) issues.push({ path: 'endsAt', code: 'not_date' });
  else if (!(input.endsAt.getTime() > input.startsAt.getTime())) issues.push({ path: 'endsAt', code: 'not_after_start' });
  const seen = new Set<string>();
  input.relax.forEach((r, i) => {
    if (seen.has(r.category)) issues.push({ path: `relax[${i}].category`, code: 'duplicate' });
    seen.add(r.category);
  });
  return issues;
}

export interface Membership {
  cohort: CreditCohortRecord;
  member: CreditCohortMemberRecord;
}

/** The span a membership relaxes: from the later of the cohort's start and the joining, to the earlier of its end and the leaving. */
function spanOf({ cohort, member }: Membership): { from: Date; to: Date } | null {
  const from = Math.max(cohort.startsAt.getTime(), member.addedAt.getTime());
  const to = Math.min(cohort.endsAt.getTime(), member.removedAt?.getTime() ?? Number.POSITIVE_INFINITY);
  return to >= from ? { from: new Date(from), to: new Date(to) } : null;
}

/** The engine policy for one party: the platform's first-offence limits per category and its cohorts' relaxations. */
export function partyPolicy(settings: CreditModeSettings, model: CreditModel, memberships: Membership[]): PartyPolicy {
  const relax: NonNullable<PartyPolicy['relax']> = [];
  for (const m of memberships) {
    const span = spanOf(m);
    if (!span) continue;
    for (const r of m.cohort.relax) {
      relax.push({
        category: r.category,
        factor: r.mode === 'waive' ? 0 : 0.5,
        ...span,
        reason: {
          zh: `监管沙盒「${m.cohort.name}」：${r.mode === 'waive' ? '该类违规不扣分' : '该类违规减半扣分'}`,
          en: `regulatory sandbox "${m.cohort.name}": ${r.mode === 'waive' ? 'this category is waived' : 'this category costs half'}`,
        },
      });
    }
  }
  return {
    firstOffence: { ...model.firstOffence, byCategory: { ...model.firstOffence.byCategory, ...settings.firstOffence.byCategory } },
    relax,
  };
}

/** The cohorts a party is in now (a member, not removed, between start and end). */
export function activeCohorts(memberships: Membership[], now: Date): CreditCohortRecord[] {
  const t = now.getTime();
  return memberships
    .filter(({ cohort, member }) => member.removedAt === null && cohort.startsAt.getTime() <= t && t < cohort.endsAt.getTime())
    .map((m) => m.cohort);
}

/** When a party's 观察期 ends, or null when its kind has none or it has no credit event yet. */
export function observationUntil(settings: CreditModeSettings, kind: CreditPartyKind, firstAt: Date | null): Date | null {
  const days = settings.observation.days[kind] ?? 0;
  if (!firstAt || days <= 0) return null;
  return new Date(firstAt.getTime() + days * DAY_MS);
}

const BLOCKING = new Set(['prereview', 'no_selection', 'no_flash_sale', 'payout_hold']);
const dateZh = (d: Date) => d.toISOString().slice(0, 10);

/**
 * 观察期: D's blocking measures become C's marks (the model's C measures), with the reason; the mode is listed with
 * its end. A standing without blocking measures is left as it is (nothing to lighten), but the mode is still shown.
 */
export function lightenForObservation(standing: CreditStanding, until: Date, model: CreditModel): CreditStanding {
  const because = { zh: `观察期（至 ${dateZh(until)}）：较轻措施`, en: `observation period (until ${dateZh(until)}): lighter measures` };
  const blocking = standing.measures.filter((m) => BLOCKING.has(m.code));
  const measures: CreditStandingMeasure[] = standing.measures.filter((m) => !BLOCKING.has(m.code));
  if (blocking.length > 0) {
    for (const m of model.measures.C ?? [])
      if (!measures.some((x) => x.code === m.code)) measures.push({ code: m.code, zh: m.zh, en: m.en, because });
  }
  if (!measures.some((m) => m.code === 'extra_sampling'))
    measures.push({ code: 'extra_sampling', zh: '审核队列加大抽检比例', en: 'more sampling in the review queue', because });
  const changed = blocking.length > 0 ? `；已将 ${blocking.map((m) => m.zh).join('、')} 改为标记观察` : '';
  const changedEn = blocking.length > 0 ? `; ${blocking.map((m) => m.en).join(', ')} replaced by marks` : '';
  return {
    ...standing,
    measures,
    modes: [
      ...standing.modes,
      {
        mode: 'observation',
        zh: `观察期：新主体较轻措施、加强抽检${changed}`,
        en: `observation period: lighter measures and closer review for a new party${changedEn}`,
        until,
      },
    ],
  };
}

/** 监管沙盒: each active cohort adds extra sampling and names its relaxed categories. */
export function applySandbox(standing: CreditStanding, cohorts: CreditCohortRecord[], categoryZh: (c: string) => string): CreditStanding {
  if (cohorts.length === 0) return standing;
  const measures = [...standing.measures];
  const modes = [...standing.modes];
  for (const c of cohorts) {
    if (c.extraSampling && !measures.some((m) => m.code === 'extra_sampling'))
      measures.push({
        code: 'extra_sampling',
        zh: '审核队列加大抽检比例',
        en: 'more sampling in the review queue',
        because: { zh: `监管沙盒「${c.name}」加强监测`, en: `regulatory sandbox "${c.name}": extra monitoring` },
      });
    const relaxed = c.relax.map((r) => `${categoryZh(r.category)}${r.mode === 'waive' ? '不扣分' : '减半'}`).join('、');
    modes.push({
      mode: 'sandbox',
      zh: `监管沙盒「${c.name}」${relaxed ? `：${relaxed}` : ''}${c.extraSampling ? '，加强监测' : ''}`,
      en: `regulatory sandbox "${c.name}"${c.relax.length ? `: ${c.relax.map((r) => `${r.category} ${r.mode === 'waive' ? 'waived' : 'halved'}`).join(', ')}` : ''}${c.extraSampling ? ', extra monitoring' : ''}`,
      until: c.endsAt,
    });
  }
  return { ...standing, measures, modes };
}

/** The thresholds a party is over now, each with what crossed it. Voided events do not count. */
export function crossedTriggers(
  settings: CreditModeSettings,
  events: CreditEvent[],
  score: Pick<CreditScore, 'tier' | 'total'>,
  now: Date,
): Array<{ trigger: CreditTrigger; windowDays: number; detail: Record<string, unknown> }> {
  const out: Array<{ trigger: CreditTrigger; windowDays: number; detail: Record<string, unknown> }> = [];
  const countIn = (kind: CreditEvent['kind'], windowDays: number) => {
    const from = now.getTime() - windowDays * DAY_MS;
    return events.filter((e) => e.kind === kind && !e.voided && e.at.getTime() > from && e.at.getTime() <= now.getTime()).length;
  };
  for (const t of settings.triggers) {
    if (t.trigger === 'tier_d') {
      if (score.tier === 'D') out.push({ trigger: t.trigger, windowDays: t.windowDays, detail: { tier: 'D', total: score.total } });
      continue;
    }
    const kind = t.trigger === 'violations' ? 'violation.confirmed' : 'refund.overdue';
    const n = countIn(kind, t.windowDays);
    if (n >= t.count)
      out.push({ trigger: t.trigger, windowDays: t.windowDays, detail: { count: n, threshold: t.count, windowDays: t.windowDays } });
  }
  return out;
}

/** Whether a clue may be raised: none for this party and trigger inside the window yet. */
export function clueDue(last: Date | null, windowDays: number, now: Date): boolean {
  return last === null || now.getTime() - last.getTime() >= windowDays * DAY_MS;
}

/** The waived first offences of a score, with their violation's category and severity (each needs a training task). */
export function waivedFirstOffences(
  score: CreditScore,
  events: CreditEvent[],
): Array<{ eventId: string; category: string; severity: number }> {
  const byId = new Map(events.map((e) => [e.id, e]));
  const out: Array<{ eventId: string; category: string; severity: number }> = [];
  for (const c of score.contributions) {
    if (c.waived !== 'first_offence') continue;
    const e = byId.get(c.eventId);
    if (e?.kind === 'violation.confirmed') out.push({ eventId: e.id, category: e.data.category, severity: e.data.severity });
  }
  return out;
}

/** The rule categories' Chinese names, for the modes' texts and the training tasks' titles. */
export const CATEGORY_ZH: Record<string, string> = {
  absolute_claim: '绝对化用语',
  medical_claim: '医疗功效宣传',
  efficacy_guarantee: '功效保证',
  off_platform_diversion: '站外引流',
  fake_review_incentive: '虚假好评诱导',
  prohibited_goods: '禁售商品',
  price_fraud: '价格欺诈',
  false_scarcity: '虚假稀缺',
};
export const categoryZh = (c: string): string => CATEGORY_ZH[c] ?? c;
