/**
 * Normalization with a map back to the original text. Evaders write 最.好, 最❤好, ＶＸ, 𝐕𝐗, 最低價, 一三八…, ①③⑧;
 * this folds all of them into one canonical form the automaton matches, while every normalized character keeps the
 * offsets of the original characters it came from, so a hit can be shown exactly where it was said.
 *
 * Per character: NFKC (full-width → half-width, ① → 1, 𝐕 → V), lower case, traditional → simplified (character
 * level, so lengths never change), Chinese and financial numerals → Arabic digits. Content characters are CJK,
 * Latin letters, digits and %; sentence punctuation becomes one boundary mark ('|') that no pattern contains;
 * everything else (spaces, symbols, emoji, zero-width, control characters, lone surrogates) is removed, and the next
 * kept character remembers that something was removed before it (Latin word boundaries use that).
 */
import { Converter } from 'opencc-js/t2cn';

export const BOUNDARY = 0x7c; // '|'

export interface Normalized {
  /** normalized UTF-16 code units, length `length` */
  codes: Uint16Array;
  length: number;
  /**
   * original index of the first code unit each normalized unit came from. Where it ends in the original and whether
   * removed characters stood before it are derived from this when needed (`srcEndOf`, `gapBeforeOf`), so the scan
   * writes two arrays per character, not four.
   */
  src: Int32Array;
  /** the original text */
  text: string;
  /** the longest run of consecutive digits */
  maxDigitRun: number;
}

/** The original index just past the character normalized unit k came from (a surrogate pair is two units). */
export function srcEndOf(n: Normalized, k: number): number {
  const j = n.src[k] as number;
  const c = n.text.charCodeAt(j);
  if (c >= 0xd800 && c <= 0xdbff) {
    const lo = n.text.charCodeAt(j + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return j + 2;
  }
  return j + 1;
}

/**
 * Whether removed characters (spaces, symbols, emoji…) or a boundary stood between normalized unit k and the one
 * before it; Latin word boundaries use this ("vx" set apart from an id, not the "vx" inside "vxe").
 */
export function gapBeforeOf(n: Normalized, k: number): boolean {
  const { src, codes } = n;
  if (k <= 0) return k === 0 && (src[0] as number) > 0;
  if (codes[k - 1] === BOUNDARY) return true;
  const at = src[k] as number;
  // units of one character's expansion (⑽ → 10) stand together
  if (at === src[k - 1]) return false;
  return at > srcEndOf(n, k - 1);
}

const t2s = Converter({ from: 'tw', to: 'cn' });

// Table for the Basic Multilingual Plane, filled lazily: -1 unknown, -2 remove, -3 boundary,
// -4 expands to several units (see `multi`), otherwise the single normalized code unit.
const UNKNOWN = -1;
const REMOVE = -2;
const BOUND = -3;
const MULTI = -4;
const table = new Int32Array(0x10000).fill(UNKNOWN);
const multi = new Map<number, Uint16Array>();

const NUMERALS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  壹: '1',
  幺: '1',
  二: '2',
  贰: '2',
  貳: '2',
  两: '2',
  兩: '2',
  三: '3',
  叁: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

const BOUNDARY_CHARS = new Set([...'。！？!?；;，,\n\r、…']);

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isContentAscii(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x25;
}

/** The normalized form of one code point, as code units; empty = remove; [BOUNDARY] = boundary. */
function normalizeCodePoint(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  if (BOUNDARY_CHARS.has(ch)) return [BOUNDARY];
  if (cp >= 0x41 && cp <= 0x5a) return [cp + 32];
  // "+v", "+微" read 加V, 加微 in Chinese chat: the plus sign is the verb.
  if (cp === 0x2b) return ['加'.charCodeAt(0)];
  if (cp < 0x80) return isContentAscii(cp) ? [cp] : [];
  let s = ch.normalize('NFKC');
  if (s !== ch) {
    // NFKC may turn one character into several (⑴ → "(1)"): normalize each of those again.
    const out: number[] = [];
    for (const part of s) {
      const cpp = part.codePointAt(0) ?? 0;
      if (cpp === cp) continue;
      out.push(...normalizeCodePoint(cpp));
    }
    return out;
  }
  const numeral = NUMERALS[ch];
  if (numeral) return [numeral.charCodeAt(0)];
  if (isCjk(cp)) {
    s = t2s(ch);
    const simplified = s.length === 1 ? s : ch;
    const n = NUMERALS[simplified];
    return [(n ?? simplified).charCodeAt(0)];
  }
  const lower = ch.toLowerCase();
  if (lower.length === 1 && lower !== ch) return normalizeCodePoint(lower.charCodeAt(0));
  // Letters of other scripts are kept (they may be part of a term one day); symbols and marks go.
  if (/\p{L}/u.test(ch) && cp < 0x10000) return [cp];
  return [];
}

function classify(cp: number): number {
  const units = normalizeCodePoint(cp);
  if (units.length === 0) return REMOVE;
  if (units.length === 1 && units[0] === BOUNDARY) return BOUND;
  if (units.length === 1) return units[0] ?? REMOVE;
  multi.set(cp, Uint16Array.from(units.filter((u) => u !== BOUNDARY)));
  return MULTI;
}

const astral = new Map<number, number>();

/** Reusable output buffers: screening is synchronous, so one set per engine is enough. */
export class Normalizer {
  private cap = 0;
  private out!: Normalized;

  constructor(initialCapacity = 1024) {
    this.grow(initialCapacity);
  }

  private grow(n: number): void {
    this.cap = Math.max(n, this.cap * 2);
    this.out = { codes: new Uint16Array(this.cap), length: 0, src: new Int32Array(this.cap), text: '', maxDigitRun: 0 };
  }

  /** Normalizes `text`. The returned object is reused by the next call. */
  run(text: string): Normalized {
    // NFKC expansions are rare and short; 2× the input length always suffices after boundary collapsing.
    const need = text.length * 2 + 4;
    if (need > this.cap) this.grow(need);
    const o = this.out;
    const { codes, src } = o;
    let n = 0;
    // a digit run is counted from where the last digit was written: other units need no bookkeeping
    let lastDigit = -2;
    let run = 0;
    let maxRun = 0;
    const len = text.length;
    for (let i = 0; i < len; i++) {
      const start = i;
      let cp = text.charCodeAt(i);
      let v = table[cp] as number;
      if (v < 0) {
        // not a known single unit: a surrogate, a character seen for the first time, or a remove/boundary/expansion
        if (cp >= 0xd800 && cp <= 0xdfff) {
          const lo = cp <= 0xdbff && i + 1 < len ? text.charCodeAt(i + 1) : 0;
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
            i++;
            v = astral.get(cp) ?? UNKNOWN;
            if (v === UNKNOWN) {
              v = classify(cp);
              astral.set(cp, v);
            }
          } else v = REMOVE; // a lone surrogate
        } else if (v === UNKNOWN) {
          v = classify(cp);
          table[cp] = v;
        }
      }
      if (v === BOUND) {
        if (n > 0 && codes[n - 1] !== BOUNDARY) {
          codes[n] = BOUNDARY;
          src[n] = start;
          n++;
        }
        continue;
      }
      // one unit, or the units of an expansion (⑽ → 1, 0), each from this character
      const units = v === MULTI ? multi.get(cp) : undefined;
      // REMOVE (or an expansion to nothing): nothing is written; gapBeforeOf sees the hole in `src`
      if (v < 0 && !units?.length) continue;
      for (let k = 0; ; ) {
        const u = units ? (units[k] as number) : v;
        codes[n] = u;
        src[n] = start;
        if (u <= 0x39 && u >= 0x30) {
          run = lastDigit === n - 1 ? run + 1 : 1;
          lastDigit = n;
          if (run > maxRun) maxRun = run;
        }
        n++;
        if (!units || ++k === units.length) break;
      }
    }
    o.length = n;
    o.text = text;
    o.maxDigitRun = maxRun;
    return o;
  }
}

/**
 * The same per-character folding (width, case, traditional → simplified, numerals) for search text: what the
 * screening normalizer removes or treats as a boundary becomes a space, so words stay apart.
 */
export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x20;
    const units = cp === 0x2b ? [] : normalizeCodePoint(cp);
    if (units.length === 0 || units[0] === BOUNDARY) out += ' ';
    else out += String.fromCharCode(...units.filter((u) => u !== BOUNDARY));
  }
  return out;
}

const termNormalizer = new Normalizer(64);

/** The normalized form of a term, as a string (used when compiling patterns). */
export function normalizeTerm(term: string): string {
  const r = termNormalizer.run(term);
  let s = '';
  for (let i = 0; i < r.length; i++) s += String.fromCharCode(r.codes[i] ?? 0);
  return s;
}

export function normalizedString(n: Normalized): string {
  return decodeUnits(n.codes, n.length);
}

const decoder = new TextDecoder('utf-16le');

export function decodeUnits(codes: Uint16Array, length: number): string {
  return decoder.decode(new Uint8Array(codes.buffer, codes.byteOffset, length * 2));
}

export function isLatinUnit(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}
