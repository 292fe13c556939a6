/**
 * Pure rules of the catalog: brand-name folding, the strictest live-sale rule along a category path, which edits
 * send an approved product back to review, and the 7-day reference-price window. No I/O.
 */
import type { CategoryRecord, CrossBorderDeclaration, EffectiveRule, LiveRule, ProductRecord } from './catalog.types.ts';

export const DAY_MS = 86_400_000;
/** The reference-price rule looks at the 7 days before (明码标价和禁止价格欺诈规定 Art. 16). */
export const REFERENCE_WINDOW_MS = 7 * DAY_MS;
const LIVE_RULE_RANK: Record<LiveRule, number> = { allowed: 0, restricted: 1, prohibited: 2 };

/**
 * Categories sold to adults only, by their screening (`screenAs`): alcohol and tobacco (未成年人保护法 第五十九条).
 * The matching engine keeps such products from audiences with minors; checkout refuses them to a buyer not verified
 * as 18 or older (ADR 0041).
 */
export const ADULT_ONLY_SCREENS: ReadonlySet<string> = new Set(['tobacco', 'alcohol']);

/** Whether a product in this category path (any order) is sold to adults only: any category on it screened so. */
export function adultOnlyCategory(path: ReadonlyArray<{ screenAs: string } | null | undefined>): boolean {
  return path.some((c) => c != null && ADULT_ONLY_SCREENS.has(c.screenAs));
}

/** Folds a brand name for uniqueness: width, case and spaces do not make a new brand. */
export function brandKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The rule of a category path (root first): the strictest live rule along it, every qualification, the last statement. */
export function strictestRule(path: CategoryRecord[]): EffectiveRule {
  let liveRule: LiveRule = 'allowed';
  let ruleFrom: CategoryRecord | null = null;
  const quals = new Set<string>();
  let disclaimer: string | null = null;
  for (const c of path) {
    if (LIVE_RULE_RANK[c.liveRule] >= LIVE_RULE_RANK[liveRule]) {
      liveRule = c.liveRule;
      ruleFrom = c;
    }
    for (const q of c.requiredQualifications) quals.add(q);
    disclaimer = c.requiredDisclaimer ?? disclaimer;
  }
  return { path, liveRule, ruleFrom, qualifications: [...quals], disclaimer, screenAs: path.at(-1)?.screenAs ?? 'other' };
}

/** Fields whose change sends an approved product back through review. */
const CONTENT_FIELDS = [
  'title',
  'description',
  'claims',
  'categoryId',
  'brandId',
  'referencePriceFen',
  'imageIds',
  'qualificationDocIds',
  // the customs declaration is reviewed content too: a changed declared value or origin goes back to review
  'crossBorder',
  'declaredValueFen',
  'originCountry',
  'importMode',
] as const;

/** Whether `changes` alter a product's reviewed content (an approved product would go back to review). */
export function contentChanged(p: ProductRecord, changes: Partial<ProductRecord>): boolean {
  return CONTENT_FIELDS.some((f) => f in changes && JSON.stringify(changes[f]) !== JSON.stringify(p[f]));
}

/** The window [at − 7 days, at) the lowest price is taken over. */
export function referenceWindow(at: Date): { from: Date; to: Date } {
  return { from: new Date(at.getTime() - REFERENCE_WINDOW_MS), to: at };
}

/** The flat record fields of a cross-border declaration (all null for a domestic product). */
export function crossBorderFields(
  d: CrossBorderDeclaration | null,
): Pick<ProductRecord, 'crossBorder' | 'declaredValueFen' | 'originCountry' | 'importMode'> {
  return d
    ? { crossBorder: true, declaredValueFen: d.declaredValueFen, originCountry: d.originCountry, importMode: d.importMode }
    : { crossBorder: false, declaredValueFen: null, originCountry: null, importMode: null };
}

export function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function pick(o: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}
