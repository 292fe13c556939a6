/**
 * Chinese search without a Chinese tokenizer in the database: text is folded (full-width, case, traditional →
 * simplified) and cut into runs of Chinese characters and runs of letters/digits. A document is indexed by every
 * Chinese character and every pair of adjacent characters (unigrams + bigrams), and by its Latin/number words
 * (and, for mixed words such as 316l, their digit and letter parts). A query needs all of its tokens: its
 * bigrams (or the single character of a one-character run) and its words. "保温杯 316" → 保温, 温杯, 316; a
 * title "316不锈钢真空保温杯 500ml" holds all three. PostgreSQL and PGlite answer it from one GIN index on a
 * text[] column (`tokens @> query`), with no extension — see docs/adr/0007-selection-search.md.
 */
import { foldForSearch } from '@livehub/compliance';

const MAX_WORD = 24;

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c > 0x7f && !isCjk(c) && /\p{L}/u.test(String.fromCharCode(c)));
}

interface Run {
  cjk: boolean;
  text: string;
}

function runs(text: string): Run[] {
  const folded = foldForSearch(text);
  const out: Run[] = [];
  let cur = '';
  let curCjk = false;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const cjk = isCjk(c);
    const word = !cjk && isWordChar(c);
    if (!cjk && !word) {
      if (cur) out.push({ cjk: curCjk, text: cur });
      cur = '';
      continue;
    }
    if (cur && cjk !== curCjk) {
      out.push({ cjk: curCjk, text: cur });
      cur = '';
    }
    curCjk = cjk;
    cur += folded[i];
  }
  if (cur) out.push({ cjk: curCjk, text: cur });
  return out;
}

/** The parts of a mixed word: "316l" → ["316", "l"]; "500ml" → ["500", "ml"]. */
function wordParts(w: string): string[] {
  return w.match(/[0-9]+|[^0-9]+/g) ?? [];
}

/** Every token a document is found by. */
export function documentTokens(...texts: Array<string | null | undefined>): string[] {
  const set = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const r of runs(t)) {
      if (r.cjk) {
        for (let i = 0; i < r.text.length; i++) {
          set.add(r.text[i] as string);
          if (i + 1 < r.text.length) set.add(r.text.slice(i, i + 2));
        }
      } else if (r.text.length <= MAX_WORD) {
        set.add(r.text);
        const parts = wordParts(r.text);
        if (parts.length > 1) for (const p of parts) set.add(p);
      }
    }
  }
  return [...set];
}

/** The tokens a query needs, all of them (AND). Empty for a query with nothing searchable in it. */
export function queryTokens(q: string): string[] {
  const set = new Set<string>();
  for (const r of runs(q)) {
    if (r.cjk) {
      if (r.text.length === 1) set.add(r.text);
      for (let i = 0; i + 1 < r.text.length; i++) set.add(r.text.slice(i, i + 2));
    } else set.add(r.text.slice(0, MAX_WORD));
  }
  return [...set].slice(0, 16);
}
