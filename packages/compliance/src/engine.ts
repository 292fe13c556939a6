/**
 * The screening engine: compiles a rule pack once into one automaton (terms, generated evasion spellings and
 * exemptions together) plus detectors, then screens events synchronously. Pure: no I/O, no clock, no globals
 * beyond its own scratch buffers.
 */
import { Automaton, MatchBuffer } from './automaton.ts';
import { DETECTOR_ANCHORS, type DetectorContext, type ProductCard, runDetector } from './detectors.ts';
import { BOUNDARY, decodeUnits, gapBeforeOf, isLatinUnit, type Normalized, Normalizer, normalizeTerm, srcEndOf } from './normalize.ts';
import {
  type Action,
  type Category,
  type EventKind,
  PRODUCT_CATEGORIES,
  type ProductCategory,
  type RuleDef,
  type RulePack,
} from './rule-pack.ts';
import { generateVariants } from './variants.ts';

export interface ScreenInput {
  text: string;
  kind?: EventKind;
  productCategory?: ProductCategory;
  card?: ProductCard;
}

export interface Hit {
  rule: string;
  category: Category;
  severity: number;
  action: Action;
  /** offsets in the ORIGINAL text, UTF-16 units, end exclusive */
  start: number;
  end: number;
  /** the original text that matched */
  matched: string;
  /** its normalized form */
  normalized: string;
  /** "law article", e.g. 中华人民共和国广告法 第九条第（三）项 */
  basis: string;
  explanation: { zh: string; en: string };
  /** how it was found */
  via: 'term' | 'variant' | 'detector';
}

export interface ScreenResult {
  decision: Action;
  hits: Hit[];
}

export interface EngineStats {
  rules: number;
  terms: number;
  patterns: number;
  states: number;
  packId: string;
  packVersion: string;
}

const ACTION_RANK: Record<Action, number> = { allow: 0, warn: 1, review: 2, block: 3 };
const KIND_INDEX: Record<EventKind, number> = { transcript: 0, chat: 1, product_copy: 2, overlay: 3 };
const CATEGORY_INDEX = new Map<string, number>(PRODUCT_CATEGORIES.map((c, i) => [c, i]));

enum Via {
  Term = 0,
  Variant = 1,
  Exempt = 2,
  /** a word a detector needs before its regular expression is worth running */
  Anchor = 3,
}

interface Entry {
  rule: number; // -1 = global exemption
  via: Via;
  latinStart: boolean;
  latinEnd: boolean;
}

/** What presenting a hit of a rule needs, computed once at compile time. */
interface RuleView {
  basis: string;
  zh: (matched: string) => string;
  en: (matched: string) => string;
}

/** An explanation with `{matched}` placeholders, as a function of the matched text. */
function template(t: string): (matched: string) => string {
  const parts = t.split('{matched}');
  if (parts.length === 1) return () => t;
  const [a = '', b = ''] = parts;
  return parts.length === 2 ? (m) => a + m + b : (m) => parts.join(m);
}

/** Candidate hits, column by column. */
interface Candidates {
  rule: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** 0 term, 1 variant, 2 detector */
  via: Uint8Array;
  /** the pattern that matched, or -1 for detector hits */
  pattern: Int32Array;
}

function newCandidates(n: number, from?: Candidates): Candidates {
  const c: Candidates = {
    rule: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    via: new Uint8Array(n),
    pattern: new Int32Array(n),
  };
  if (from) {
    c.rule.set(from.rule.subarray(0, n));
    c.start.set(from.start.subarray(0, n));
    c.end.set(from.end.subarray(0, n));
    c.via.set(from.via.subarray(0, n));
    c.pattern.set(from.pattern.subarray(0, n));
  }
  return c;
}

const VIA_NAMES: Array<Hit['via']> = ['term', 'variant', 'detector'];

export class ScreeningEngine {
  private readonly normalizer = new Normalizer(4096);
  private readonly matches = new MatchBuffer(1024);
  private readonly detectorRules: number[];
  private readonly views: RuleView[];
  /** per pattern: the rule index when its only entry is a plain term of one rule (the common case), else -1 */
  private readonly fastRule: Int32Array;
  /** the most entries any pattern has: a match yields at most this many candidates */
  private readonly maxEntries: number;
  private readonly okCache: Array<Uint8Array | undefined> = [];
  private readonly anchored: Uint8Array;
  /** candidates (rule, span, via, pattern) in reusable typed arrays: a long transcript can produce many */
  private c = newCandidates(256);

  private constructor(
    private readonly pack: RulePack,
    private readonly rules: RuleDef[],
    private readonly automaton: Automaton,
    private readonly patterns: string[],
    private readonly entries: Entry[][],
    /** per rule: the context words it needs near a term (normalized units), or null */
    private readonly cues: Array<Uint16Array[] | null>,
    readonly stats: EngineStats,
  ) {
    this.detectorRules = rules.flatMap((r, i) => (r.detector ? [i] : []));
    this.anchored = new Uint8Array(rules.length);
    this.fastRule = Int32Array.from(entries, (list) => {
      const e = list[0];
      return list.length === 1 && e && e.via === Via.Term && !e.latinStart && !e.latinEnd ? e.rule : -1;
    });
    this.maxEntries = entries.reduce((m, list) => Math.max(m, list.length), 1);
    this.views = rules.map((r) => ({ basis: `${r.basis.law} ${r.basis.article}`, zh: template(r.explain.zh), en: template(r.explain.en) }));
  }

  static compile(pack: RulePack): ScreeningEngine {
    const rules = pack.rules;
    const index = new Map<string, number>();
    const patterns: string[] = [];
    const entries: Entry[][] = [];
    let terms = 0;
    const add = (raw: string, rule: number, via: Via) => {
      const norm = normalizeTerm(raw);
      if (norm.length === 0 || norm.includes(String.fromCharCode(BOUNDARY))) return;
      let p = index.get(norm);
      if (p === undefined) {
        p = patterns.length;
        index.set(norm, p);
        patterns.push(norm);
        entries.push([]);
      }
      const list = entries[p] as Entry[];
      if (list.some((e) => e.rule === rule && e.via === via)) return;
      list.push({ rule, via, latinStart: isLatinUnit(norm.charCodeAt(0)), latinEnd: isLatinUnit(norm.charCodeAt(norm.length - 1)) });
    };
    rules.forEach((r, ri) => {
      for (const t of r.terms) {
        terms++;
        add(t, ri, Via.Term);
        if (r.variants) for (const v of generateVariants(t, pack.homophones)) add(v, ri, Via.Variant);
      }
      for (const v of r.extraVariants) add(v, ri, Via.Variant);
      for (const x of r.exemptions) add(x, ri, Via.Exempt);
    });
    for (const x of pack.globalExemptions) add(x, -1, Via.Exempt);
    rules.forEach((r, ri) => {
      for (const a of (r.detector && DETECTOR_ANCHORS[r.detector]) || []) add(a, ri, Via.Anchor);
    });
    // A generated spelling that is itself a plain term of the same rule stays a term; drop the duplicate variant.
    for (const list of entries) {
      for (let i = list.length - 1; i >= 0; i--) {
        const e = list[i] as Entry;
        if (e.via === Via.Variant && list.some((o) => o.rule === e.rule && o.via === Via.Term)) list.splice(i, 1);
      }
    }
    const automaton = Automaton.build(patterns);
    const cues = rules.map((r) =>
      r.requiresContext ? r.requiresContext.anyOf.map(normalizeTerm).map((c) => Uint16Array.from(c, (ch) => ch.charCodeAt(0))) : null,
    );
    return new ScreeningEngine(pack, rules, automaton, patterns, entries, cues, {
      rules: rules.length,
      terms,
      patterns: patterns.length,
      states: automaton.stateCount,
      packId: pack.id,
      packVersion: pack.version,
    });
  }

  get packInfo(): { id: string; version: string } {
    return { id: this.pack.id, version: this.pack.version };
  }

  screen(input: ScreenInput): ScreenResult {
    const text = typeof input.text === 'string' ? input.text : '';
    const kind: EventKind = input.kind !== undefined && Object.hasOwn(KIND_INDEX, input.kind) ? input.kind : 'transcript';
    const ok = this.applicable(kind, input.productCategory);
    const n = this.normalizer.run(text);
    const { codes, length } = n;
    const automaton = this.automaton;
    const found = automaton.scan(codes, length, this.matches);
    const mPat = this.matches.pattern;
    const mEnd = this.matches.end;

    // 1. candidates: every match of a pattern, for each rule it stands for that applies here
    if (this.c.rule.length < found * this.maxEntries + 16) this.c = newCandidates(found * this.maxEntries * 2 + 16);
    const c = this.c;
    const { rule: cRule, start: cStart, end: cEnd, via: cVia, pattern: cPat } = c;
    const entries = this.entries;
    const fast = this.fastRule;
    let nc = 0;
    const exempt: number[] = []; // rule, start, end triples (rare)
    const anchorHits: number[] = []; // rule, start, end triples of detector anchor words
    const anchored = this.anchored;
    anchored.fill(0);
    for (let k = 0; k < found; k++) {
      const p = mPat[k] as number;
      const end = mEnd[k] as number;
      const start = end - automaton.lengthOf(p);
      const f = fast[p] as number;
      if (f >= 0) {
        if (ok[f] === 0) continue;
        cRule[nc] = f;
        cStart[nc] = start;
        cEnd[nc] = end;
        cVia[nc] = 0;
        cPat[nc] = p;
        nc++;
        continue;
      }
      for (const e of entries[p] as Entry[]) {
        if (e.via === Via.Exempt) {
          exempt.push(e.rule, start, end);
          continue;
        }
        if (e.via === Via.Anchor) {
          anchored[e.rule] = 1;
          anchorHits.push(e.rule, start, end);
          continue;
        }
        if (ok[e.rule] === 0) continue;
        // A Latin spelling must stand as its own word: "vx" is a hit, the "vx" inside "vxe" is not.
        if (e.latinStart && start > 0 && isLatinUnit(codes[start - 1] as number) && !gapBeforeOf(n, start)) continue;
        if (e.latinEnd && end < length && isLatinUnit(codes[end] as number) && !gapBeforeOf(n, end)) continue;
        cRule[nc] = e.rule;
        cStart[nc] = start;
        cEnd[nc] = end;
        cVia[nc] = e.via === Via.Term ? 0 : 1;
        cPat[nc] = p;
        nc++;
      }
    }

    let normText: string | null = null;
    const normalized = () => {
      normText ??= decodeUnits(codes, length);
      return normText;
    };

    // 2. exemptions and context cues drop candidates (kept ones move to the front)
    let na = 0;
    for (let i = 0; i < nc; i++) {
      const rule = cRule[i] as number;
      const start = cStart[i] as number;
      const end = cEnd[i] as number;
      if (exempt.length > 0 && isExempt(exempt, rule, start, end)) continue;
      const cues = this.cues[rule];
      if (cues) {
        const w = (this.rules[rule] as RuleDef).requiresContext?.window ?? 0;
        if (!anyCueWithin(codes, Math.max(0, start - w), Math.min(length, end + w), cues)) continue;
      }
      if (na !== i) {
        cRule[na] = rule;
        cStart[na] = start;
        cEnd[na] = end;
        cVia[na] = cVia[i] as number;
        cPat[na] = cPat[i] as number;
      }
      na++;
    }

    // 3. detectors, on text where their anchor words occurred
    if (this.detectorRules.length > 0) {
      let ctx: DetectorContext | null = null;
      for (const ri of this.detectorRules) {
        const rule = this.rules[ri] as RuleDef;
        if (!rule.detector || ok[ri] === 0) continue;
        const needsAnchor = DETECTOR_ANCHORS[rule.detector] !== null;
        if (needsAnchor && anchored[ri] === 0) continue;
        ctx ??= {
          get text() {
            return normalized();
          },
          gapBefore: (k: number) => gapBeforeOf(n, k),
          maxDigitRun: n.maxDigitRun,
          kind,
          productCategory: input.productCategory,
          card: input.card,
        };
        ctx.anchors = needsAnchor ? anchorsOf(anchorHits, ri) : undefined;
        for (const h of runDetector(rule.detector, ctx)) {
          if (na === this.c.rule.length) this.c = newCandidates(na * 2, this.c);
          const d = this.c;
          d.rule[na] = ri;
          d.start[na] = h.start;
          d.end[na] = h.end;
          d.via[na] = 2;
          d.pattern[na] = -1;
          na++;
        }
      }
    }

    if (na === 0) return { decision: 'allow', hits: [] };
    const hits = this.present(this.c, dedupe(this.c, na), n);
    let decision: Action = 'allow';
    for (const h of hits) if (ACTION_RANK[h.action] > ACTION_RANK[decision]) decision = h.action;
    return { decision, hits };
  }

  /** Which rules apply to an event of this kind and product category (cached per combination). */
  private applicable(kind: EventKind, category: ProductCategory | undefined): Uint8Array {
    const key = KIND_INDEX[kind] * 32 + (category ? (CATEGORY_INDEX.get(category) ?? 31) : 30);
    let ok = this.okCache[key];
    if (!ok) {
      ok = Uint8Array.from(this.rules, (r) => (applies(r, kind, category) ? 1 : 0));
      this.okCache[key] = ok;
    }
    return ok;
  }

  /** The kept candidates `order` (indices into `c`) as hits, in offsets of the original text. */
  private present(c: Candidates, order: number[], n: Normalized): Hit[] {
    const { text, src, codes } = n;
    const hits: Hit[] = new Array(order.length);
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const ruleIndex = c.rule[i] as number;
      const cs = c.start[i] as number;
      const ce = c.end[i] as number;
      const p = c.pattern[i] as number;
      const rule = this.rules[ruleIndex] as RuleDef;
      const view = this.views[ruleIndex] as RuleView;
      const start = ce > cs ? (src[cs] as number) : 0;
      const end = ce > cs ? srcEndOf(n, ce - 1) : 0;
      const matched = text.slice(start, end);
      const len = ce - cs;
      const pattern = p >= 0 ? (this.patterns[p] as string) : null;
      hits[k] = {
        rule: rule.id,
        category: rule.category,
        severity: rule.severity,
        action: rule.action,
        start,
        end,
        matched,
        normalized:
          pattern !== null && pattern.length === len
            ? pattern
            : len <= 256
              ? String.fromCharCode.apply(null, codes.subarray(cs, ce) as unknown as number[])
              : decodeUnits(codes.subarray(cs, ce), len),
        basis: view.basis,
        explanation: { zh: view.zh(matched), en: view.en(matched) },
        via: VIA_NAMES[c.via[i] as number] as Hit['via'],
      };
    }
    return hits;
  }
}

function applies(rule: RuleDef, kind: EventKind, category: ProductCategory | undefined): boolean {
  const a = rule.appliesTo;
  if (a.kinds && !a.kinds.includes(kind)) return false;
  if (a.productCategories && (!category || !a.productCategories.includes(category))) return false;
  if (a.exceptProductCategories && category && a.exceptProductCategories.includes(category)) return false;
  return true;
}

/** The start/end pairs of one rule's anchor words. */
function anchorsOf(x: number[], rule: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i += 3) if (x[i] === rule) out.push(x[i + 1] as number, x[i + 2] as number);
  return out;
}

/** Whether one of the cues occurs wholly within codes[lo..hi) (searched in place: no string is made). */
function anyCueWithin(codes: Uint16Array, lo: number, hi: number, cues: Uint16Array[]): boolean {
  for (const cue of cues) {
    if (cue.length === 0) return true;
    const first = cue[0] as number;
    const last = hi - cue.length;
    for (let i = lo; i <= last; i++) {
      if (codes[i] !== first) continue;
      let j = 1;
      while (j < cue.length && codes[i + j] === cue[j]) j++;
      if (j === cue.length) return true;
    }
  }
  return false;
}

/** Whether an exemption span of the same rule (or a global one) strictly contains [start, end). */
function isExempt(x: number[], rule: number, start: number, end: number): boolean {
  for (let i = 0; i < x.length; i += 3) {
    const r = x[i] as number;
    const s = x[i + 1] as number;
    const e = x[i + 2] as number;
    if ((r === rule || r === -1) && s <= start && end <= e && e - s > end - start) return true;
  }
  return false;
}

/**
 * One hit per rule per place: overlapping candidates of the same rule collapse into one that spans them (a term
 * beats a variant). Returns the indices of the kept candidates of c[0..count), by start then rule; a kept one's
 * end and via are updated in place.
 */
function dedupe(c: Candidates, count: number): number[] {
  const { rule, start, end, via } = c;
  const idx: number[] = [];
  for (let i = 0; i < count; i++) idx.push(i);
  // by rule, start, longest first; candidates arrive by end, so this is close to sorted already
  insertionSort(
    idx,
    (a, b) =>
      (rule[a] as number) - (rule[b] as number) || (start[a] as number) - (start[b] as number) || (end[b] as number) - (end[a] as number),
  );
  let kept = 0;
  let last = -1;
  for (let k = 0; k < count; k++) {
    const i = idx[k] as number;
    if (last >= 0 && rule[last] === rule[i] && (start[i] as number) < (end[last] as number)) {
      if ((end[i] as number) > (end[last] as number)) end[last] = end[i] as number;
      if (via[last] !== 0 && via[i] === 0) via[last] = 0;
      continue;
    }
    idx[kept++] = i;
    last = i;
  }
  idx.length = kept;
  return insertionSort(idx, (a, b) => (start[a] as number) - (start[b] as number) || (rule[a] as number) - (rule[b] as number));
}

/**
 * Stable sort in place. The candidates of one text are few and nearly in order, where insertion sort does about one
 * comparison per element; long inputs go to the built-in merge sort.
 */
function insertionSort(a: number[], cmp: (x: number, y: number) => number): number[] {
  if (a.length > 64) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= 0 && cmp(a[j] as number, v) > 0) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}
