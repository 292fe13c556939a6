/**
 * The quality gate: precision and recall of the default rule pack over the labeled corpus
 * (corpus/utterances.jsonl), per category, must each be at least 0.95.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultEngine } from './default-pack.ts';
import { evaluate, parseCorpus } from './evaluate.ts';

const corpus = parseCorpus(readFileSync(new URL('../corpus/utterances.jsonl', import.meta.url), 'utf8'));
const result = evaluate(defaultEngine(), corpus);

describe('quality corpus', () => {
  it('is large and covers every category, every evasion and hard negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(600);
    for (const s of result.scores) expect(s.tp + s.fn, s.category).toBeGreaterThanOrEqual(40);
    for (const e of ['pinyin', 'initials', 'homophone', 'traditional', 'fullwidth', 'symbols', 'digits', 'mixed']) {
      expect(result.byEvasion[e]?.total ?? 0, e).toBeGreaterThanOrEqual(10);
    }
    expect(corpus.filter((u) => u.expect.length === 0).length).toBeGreaterThanOrEqual(150);
  });

  it('reaches precision ≥ 0.95 and recall ≥ 0.95 in every category', () => {
    const table = result.scores.map(
      (s) => `${s.category.padEnd(24)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    );
    const misses = [
      ...result.falsePositives.map((f) => `FP ${f.category} ${f.id} ${f.text} ← ${f.matched.join(', ')}`),
      ...result.falseNegatives.map((f) => `FN ${f.category} ${f.id} [${f.evasion ?? '-'}] ${f.text}`),
    ];
    console.log(`${table.join('\n')}\n${misses.slice(0, 60).join('\n')}`);
    for (const s of result.scores) {
      expect(s.precision, `${s.category} precision`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${s.category} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

/**
 * A held-out set written after the pack and never used to tune it: a check that the pack generalizes rather than
 * memorizes the corpus. Small, so it is held to micro-averaged scores, not per-category ones.
 */
describe('held-out utterances', () => {
  const holdout = parseCorpus(readFileSync(new URL('../corpus/holdout.jsonl', import.meta.url), 'utf8'));
  const r = evaluate(defaultEngine(), holdout);
  it('keeps micro-averaged precision and recall at or above 0.9', () => {
    const tp = r.scores.reduce((n, s) => n + s.tp, 0);
    const fp = r.scores.reduce((n, s) => n + s.fp, 0);
    const fn = r.scores.reduce((n, s) => n + s.fn, 0);
    console.log(`held-out: P=${(tp / (tp + fp)).toFixed(3)} R=${(tp / (tp + fn)).toFixed(3)}`, [...r.falsePositives, ...r.falseNegatives]);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });
});
