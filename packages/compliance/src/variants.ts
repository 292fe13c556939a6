/**
 * Spellings evaders use for a term: full pinyin (weixin), initials (wx), characters mixed with pinyin (wei信, 微xin)
 * and homophone characters from the pack's table (薇信, 威信). Generated at compile time with pinyin-pro; the
 * automaton then matches them like any other term.
 */
import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const MAX_PER_TERM = 96;

export function generateVariants(term: string, homophones: Readonly<Record<string, readonly string[]>>): string[] {
  const chars = [...term];
  const cjkCount = chars.filter((c) => CJK.test(c)).length;
  if (cjkCount === 0) return [];
  const syllables = pinyin(term, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  // pinyin-pro returns one entry per Chinese character and one per run of other characters
  const parts: Array<{ ch: string; py: string | null }> = [];
  let si = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (CJK.test(ch)) {
      parts.push({ ch, py: (syllables[si++] ?? '').toLowerCase() || null });
    } else {
      // consume the run of non-Chinese characters as one syllable entry
      let run = ch;
      while (i + 1 < chars.length && !CJK.test(chars[i + 1] as string)) run += chars[++i] as string;
      si++;
      parts.push({ ch: run, py: null });
    }
  }
  const out = new Set<string>();
  // full pinyin and initials
  if (parts.every((p) => p.py !== null || !CJK.test(p.ch))) {
    out.add(parts.map((p) => p.py ?? p.ch.toLowerCase()).join(''));
    if (cjkCount >= 2) out.add(parts.map((p) => (p.py ? p.py[0] : p.ch.toLowerCase())).join(''));
  }
  // characters mixed with pinyin: every proper subset of Chinese positions spelled out
  const cjkIdx = parts.map((p, i) => (p.py ? i : -1)).filter((i) => i >= 0);
  if (cjkIdx.length <= 5) {
    for (let mask = 1; mask < (1 << cjkIdx.length) - 1; mask++) {
      out.add(parts.map((p, i) => (p.py && mask & (1 << cjkIdx.indexOf(i)) ? p.py : p.ch)).join(''));
    }
  }
  // homophone characters, position by position (bounded cartesian product)
  let combos: string[] = [''];
  for (const p of parts) {
    const alts = p.py ? [p.ch, ...(homophones[p.ch] ?? [])] : [p.ch];
    const next: string[] = [];
    for (const c of combos) for (const a of alts) if (next.length < MAX_PER_TERM) next.push(c + a);
    combos = next;
  }
  for (const c of combos) out.add(c);
  out.delete(term);
  return [...out].slice(0, MAX_PER_TERM * 2);
}
