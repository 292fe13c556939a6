/**
 * The rule pack: versioned data (rules/*.json, reviewed like code) that says what to catch, why it is unlawful,
 * and what to do. This module owns its format and validation; an invalid pack is refused at load with the rule
 * id and the field at fault.
 */
import { EVENT_KINDS, PRODUCT_CATEGORIES, SCREENING_CATEGORIES } from '@livehub/contracts';
import { z } from 'zod';

// The vocabularies are the API's: one list, in packages/contracts.
export { EVENT_KINDS, PRODUCT_CATEGORIES, SCREENING_CATEGORIES as CATEGORIES } from '@livehub/contracts';
export type Category = (typeof SCREENING_CATEGORIES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const ACTIONS = ['allow', 'warn', 'review', 'block'] as const;
export type Action = (typeof ACTIONS)[number];

/** Pattern detectors for what a dictionary cannot express (src/detectors.ts). */
export const DETECTORS = [
  'phone_number', // mainland mobile numbers in Arabic, full-width or Chinese numerals, with separators
  'contact_id', // a WeChat/QQ/other id after a contact cue: 加微 abc123, qq 12345678
  'n_days_effect', // N天见效 / N天瘦N斤 / N周根治
  'percent_effective', // 百分之百 / 100% / 百分百 + efficacy word
  'scarcity_claim', // 最后N单 / 仅剩N件 / 只剩N份: a hit without stock data, or when the card's stock is ample
  'reference_price', // product card: reference ("original") price above the lowest price of the previous 7 days
  'gift_value', // product card: a gift valued above its current selling price
  'health_food_disclaimer', // product copy of health food without 本品不能代替药物
] as const;
export type DetectorName = (typeof DETECTORS)[number];

const nonEmpty = z.string().trim().min(1);

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,6}-\d{3}$/, { error: 'rule id like ABS-001' }),
  category: z.enum(SCREENING_CATEGORIES),
  /** 1 low · 2 medium · 3 high · 4 critical */
  severity: z.number().int().min(1).max(4),
  action: z.enum(ACTIONS),
  basis: z.strictObject({
    law: nonEmpty,
    article: nonEmpty,
    summaryZh: nonEmpty,
    summaryEn: nonEmpty,
  }),
  /** one-line explanations; {matched} is replaced by the matched original text */
  explain: z.strictObject({ zh: nonEmpty, en: nonEmpty }),
  terms: z.array(nonEmpty).default([]),
  /** generate pinyin, initials, mixed and homophone spellings of each term (for terms evaders respell) */
  variants: z.boolean().default(false),
  /** explicit evasion spellings that generation would not find */
  extraVariants: z.array(nonEmpty).default([]),
  /** words containing a term that are not hits (最近 contains 最) */
  exemptions: z.array(nonEmpty).default([]),
  detector: z.enum(DETECTORS).optional(),
  appliesTo: z
    .strictObject({
      kinds: z.array(z.enum(EVENT_KINDS)).min(1).optional(),
      productCategories: z.array(z.enum(PRODUCT_CATEGORIES)).min(1).optional(),
      exceptProductCategories: z.array(z.enum(PRODUCT_CATEGORIES)).min(1).optional(),
    })
    .default({}),
  /** the term counts only with one of these cue words within `window` characters before or after */
  requiresContext: z.strictObject({ anyOf: z.array(nonEmpty).min(1), window: z.number().int().min(1).max(30) }).optional(),
});
export type RuleDef = z.infer<typeof ruleSchema>;

export const rulePackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/, { error: 'version like 2026.11.1' }),
  publishedAt: z.iso.date(),
  description: z.string().optional(),
  /** characters evaders substitute for a character, by sound or shape: {"微": ["薇", "威"]} */
  homophones: z.record(z.string().length(1), z.array(z.string().length(1)).min(1)).default({}),
  /** exemptions that apply to every rule */
  globalExemptions: z.array(nonEmpty).default([]),
  rules: z.array(ruleSchema).min(1),
});
export type RulePack = z.infer<typeof rulePackSchema>;

export class RulePackError extends Error {
  constructor(
    message: string,
    readonly ruleId: string | null,
    readonly field: string,
  ) {
    super(message);
    this.name = 'RulePackError';
  }
}

/** Validates a parsed pack; throws RulePackError naming the rule id and field at fault. */
export function parseRulePack(input: unknown): RulePack {
  const r = rulePackSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path ?? [];
    let ruleId: string | null = null;
    if (path[0] === 'rules' && typeof path[1] === 'number' && input && typeof input === 'object') {
      const rules = (input as { rules?: Array<{ id?: unknown }> }).rules;
      const id = rules?.[path[1]]?.id;
      ruleId = typeof id === 'string' ? id : `rules[${path[1]}]`;
    }
    const field = (path[0] === 'rules' ? path.slice(2) : path).join('.') || '(pack)';
    throw new RulePackError(
      `invalid rule pack: ${ruleId ? `rule ${ruleId}: ` : ''}${field}: ${issue?.message ?? 'invalid'}`,
      ruleId,
      field,
    );
  }
  const seen = new Set<string>();
  for (const rule of r.data.rules) {
    if (seen.has(rule.id)) throw new RulePackError(`invalid rule pack: rule ${rule.id}: id: duplicate rule id`, rule.id, 'id');
    seen.add(rule.id);
    if (rule.terms.length === 0 && !rule.detector) {
      throw new RulePackError(`invalid rule pack: rule ${rule.id}: terms: a rule needs terms or a detector`, rule.id, 'terms');
    }
  }
  return r.data;
}
