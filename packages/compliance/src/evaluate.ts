/**
 * Precision and recall of an engine over a labeled corpus, per category: the measure the quality gate and rule
 * editors use. An utterance counts as a positive for a category when the engine reports at least one hit of it.
 */
import type { ProductCard } from './detectors.ts';
import type { ScreeningEngine } from './engine.ts';
import { CATEGORIES, type Category, type EventKind, type ProductCategory } from './rule-pack.ts';

export interface LabeledUtterance {
  id: string;
  text: string;
  kind: EventKind;
  expect: Category[];
  evasion?: string | null;
  productCategory?: ProductCategory;
  card?: ProductCard;
}

export interface CategoryScore {
  category: Category;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  scores: CategoryScore[];
  /** wrongly flagged (category not expected) and missed (expected, not found) */
  falsePositives: Array<{ id: string; category: Category; text: string; matched: string[] }>;
  falseNegatives: Array<{ id: string; category: Category; text: string; evasion: string | null }>;
  byEvasion: Record<string, { total: number; caught: number }>;
}

export function parseCorpus(jsonl: string): LabeledUtterance[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabeledUtterance);
}

export function evaluate(engine: ScreeningEngine, corpus: LabeledUtterance[]): Evaluation {
  const counts = new Map<Category, { tp: number; fp: number; fn: number }>(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const falsePositives: Evaluation['falsePositives'] = [];
  const falseNegatives: Evaluation['falseNegatives'] = [];
  const byEvasion: Evaluation['byEvasion'] = {};
  for (const u of corpus) {
    const r = engine.screen({
      text: u.text,
      kind: u.kind,
      ...(u.productCategory ? { productCategory: u.productCategory } : {}),
      ...(u.card ? { card: u.card } : {}),
    });
    const found = new Set(r.hits.map((h) => h.category));
    for (const cat of CATEGORIES) {
      const c = counts.get(cat) as { tp: number; fp: number; fn: number };
      const want = u.expect.includes(cat);
      const got = found.has(cat);
      if (want && got) c.tp++;
      else if (!want && got) {
        c.fp++;
        falsePositives.push({
          id: u.id,
          category: cat,
          text: u.text,
          matched: r.hits.filter((h) => h.category === cat).map((h) => `${h.rule}:${h.matched}`),
        });
      } else if (want && !got) {
        c.fn++;
        falseNegatives.push({ id: u.id, category: cat, text: u.text, evasion: u.evasion ?? null });
      }
    }
    if (u.evasion && u.expect.length > 0) {
      byEvasion[u.evasion] ??= { total: 0, caught: 0 };
      const e = byEvasion[u.evasion] as { total: number; caught: number };
      e.total++;
      if (u.expect.every((cat) => found.has(cat))) e.caught++;
    }
  }
  const scores = CATEGORIES.map((category) => {
    const c = counts.get(category) as { tp: number; fp: number; fn: number };
    return {
      category,
      ...c,
      precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
      recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
    };
  });
  return { scores, falsePositives, falseNegatives, byEvasion };
}
