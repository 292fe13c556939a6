/**
 * The 发布新版本 form's pure parts (信用模型): the form's values from the model in force (the next version suggested,
 * today as the date it takes effect, the weights in percent), the new model the API takes from them (everything the
 * form does not edit — names, hints, measures, rate rules — carried over as it is, the change written into the
 * changelog), the weights' sum per party kind, and where an API refusal goes on the form and what it says there.
 */
import { CREDIT_PARTY_KINDS, type CreditPartyKind } from '@livehub/contracts';
import type { CreditModelView } from '../../queries/credit.ts';

/** The rule fields the form edits, where the rule has them (a restoration has a window and a cap, a deduction a half-life). */
export const RULE_FIELDS = ['points', 'halfLifeDays', 'windowDays', 'maxPerEvent', 'cap'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
/** The tiers whose lower bound the form edits (the lowest starts at 0). */
export const EDITED_TIERS = ['A', 'B', 'C'] as const;

export interface ModelFormValues {
  version: string;
  effectiveFrom: string;
  changeZh: string;
  changeEn: string;
  /** per party kind, each dimension's weight in percent, in the model's order */
  weights: Record<CreditPartyKind, Array<number | null>>;
  rules: Record<string, Partial<Record<RuleField, number | null>>>;
  tiers: Record<(typeof EDITED_TIERS)[number], number | null>;
  firstOffence: { windowDays: number | null; maxSeverity: number | null };
}

/** The version after this one: its last number plus one (`2026.12-1` → `2026.12-2`), else `-2` appended. */
export function nextVersion(version: string): string {
  const m = /^(.*?)(\d+)$/.exec(version);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${version}-2`;
}

/** Today in China (Asia/Shanghai, UTC+8 all year) as YYYY-MM-DD. */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function toValues(model: CreditModelView, now: Date): ModelFormValues {
  const rules: ModelFormValues['rules'] = {};
  for (const [kind, rule] of Object.entries(model.rules)) {
    const fields: Partial<Record<RuleField, number | null>> = {};
    for (const f of RULE_FIELDS) if (rule[f] !== undefined) fields[f] = rule[f];
    rules[kind] = fields;
  }
  const minOf = (tier: string) => model.tiers.find((b) => b.tier === tier)?.min ?? null;
  return {
    version: nextVersion(model.version),
    effectiveFrom: todayInChina(now),
    changeZh: '',
    changeEn: '',
    weights: Object.fromEntries(
      CREDIT_PARTY_KINDS.map((k) => [k, (model.dimensions[k] ?? []).map((d) => d.weightBp / 100)]),
    ) as ModelFormValues['weights'],
    rules,
    tiers: { A: minOf('A'), B: minOf('B'), C: minOf('C') },
    firstOffence: { ...model.firstOffence },
  };
}

/** A number as typed: the API judges it (a field left empty is sent as null, and refused). */
const num = (v: number | null | undefined): number | null => (typeof v === 'number' ? v : null);

/** The weights of a party kind add up to (in percent, to two decimals). */
export function weightSum(weights: ReadonlyArray<number | null | undefined>): number {
  return Math.round(weights.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0) * 100) / 100;
}

/**
 * The model the API takes: the one in force (`model`, as the API returned it, with every part the form does not
 * show) with the form's edits, the new version and its changelog line first.
 */
export function toModel(model: CreditModelView & Record<string, unknown>, v: ModelFormValues): Record<string, unknown> {
  const dimensions = Object.fromEntries(
    Object.entries(model.dimensions).map(([kind, dims]) => [
      kind,
      dims.map((d, i) => {
        const pct = v.weights[kind as CreditPartyKind]?.[i];
        return { ...d, weightBp: typeof pct === 'number' ? Math.round(pct * 100) : null };
      }),
    ]),
  );
  const rules = Object.fromEntries(
    Object.entries(model.rules).map(([kind, rule]) => {
      const edited = { ...rule } as Record<string, unknown>;
      for (const f of RULE_FIELDS) if (rule[f] !== undefined) edited[f] = num(v.rules[kind]?.[f]);
      return [kind, edited];
    }),
  );
  const tiers = model.tiers.map((b) => (b.tier in v.tiers ? { ...b, min: num(v.tiers[b.tier as keyof ModelFormValues['tiers']]) } : b));
  return {
    ...model,
    version: v.version.trim(),
    effectiveFrom: v.effectiveFrom,
    changelog: [{ version: v.version.trim(), date: v.effectiveFrom, zh: v.changeZh.trim(), en: v.changeEn.trim() }, ...model.changelog],
    dimensions,
    rules,
    tiers,
    firstOffence: { ...model.firstOffence, windowDays: num(v.firstOffence.windowDays), maxSeverity: num(v.firstOffence.maxSeverity) },
  };
}

/**
 * Where the API's refusal of `field` (a path into the model: `rules.case.penalty.halfLifeDays`, `tiers[1].min`,
 * `dimensions.streamer[0].weightBp`) goes on the form; null when the form has no such field.
 */
export function refusalTarget(field: string, model: CreditModelView): Array<string | number> | null {
  if (field === 'version' || field === 'effectiveFrom') return [field];
  if (field === 'changelog' || field.startsWith('changelog[0]')) return [field.endsWith('.en') ? 'changeEn' : 'changeZh'];
  const dim = /^dimensions\.([a-z_]+)(?:\[(\d+)\])?/.exec(field);
  if (dim && (CREDIT_PARTY_KINDS as readonly string[]).includes(dim[1]!)) return ['weights', dim[1]!, Number(dim[2] ?? 0)];
  if (field.startsWith('rules.')) {
    const kind = Object.keys(model.rules)
      .filter((k) => field.startsWith(`rules.${k}.`) || field === `rules.${k}`)
      .sort((a, b) => b.length - a.length)[0];
    if (!kind) return null;
    const leaf = field.slice(`rules.${kind}.`.length);
    return (RULE_FIELDS as readonly string[]).includes(leaf) ? ['rules', kind, leaf] : null;
  }
  const tier = /^tiers\[(\d+)\]\.min$/.exec(field);
  if (tier) {
    const band = model.tiers[Number(tier[1])];
    return band && band.tier in { A: 1, B: 1, C: 1 } ? ['tiers', band.tier] : null;
  }
  if (field === 'firstOffence.windowDays' || field === 'firstOffence.maxSeverity') return field.split('.');
  return null;
}

/** The API's words for a refusal without the model path it starts with (`rules.x.points：须为数字` → `须为数字`). */
export function refusalWords(issue: string, field: string): string {
  for (const sep of ['：', ': ']) if (issue.startsWith(`${field}${sep}`)) return issue.slice(field.length + sep.length);
  return issue;
}
