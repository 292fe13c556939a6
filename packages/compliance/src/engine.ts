/**
 * The screening engine: compiles a rule pack once into one automaton (terms, generated evasion spellings and
 * exemptions together) plus detectors, then screens events synchronously. Pure: no I/O, no clock, no globals
 * beyond its own scratch buffers.
 */
import { Automaton } from './automaton.ts';
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
  zh: string[];
  en: string[];
}

interface Candidate {
  rule: number;
  start: number;
  end: number;
  via: Hit['via'];
  /** the pattern that matched (its normalized form), or -1 for detector hits */
  pattern: number;
}

export class ScreeningEngine {
  private readonly normalizer = new Normalizer(4096);
  private readonly detectorRules: number[];
  private readonly views: RuleView[];
  /** per pattern: the rule index when its only entry is a plain term of one rule (the common case), else -1 */
  private readonly fastRule: Int32Array;
  private readonly okCache: Array<Uint8Array | undefined> = [];
  private readonly anchored: Uint8Array;
  private cRule = new Int32Array(256);
  private cStart = new Int32Array(256);
  private cEnd = new Int32Array(256);
  private cVia = new Uint8Array(256);
  private cPat = new Int32Array(256);

  private constructor(
    private readonly pack: RulePack,
    private readonly rules: RuleDef[],
    private readonly automaton: Automaton,
    private readonly patterns: string[],
    private readonly entries: Entry[][],
    private readonly cues: Array<string[] | null>,
    readonly stats: EngineStats,
  ) {
    this.detectorRules = rules.flatMap((r, i) => (r.detector ? [i] : []));
    this.anchored = new Uint8Array(rules.length);
    this.fastRule = Int32Array.from(entries, (list) => {
      const e = list[0];
      return list.length === 1 && e && e.via === Via.Term && !e.latinStart && !e.latinEnd ? e.rule : -1;
    });
    this.views = rules.map((r) => ({
      basis: `${r.basis.law} ${r.basis.article}`,
      zh: r.explain.zh.split('{matched}'),
      en: r.explain.en.split('{matched}'),
    }));
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
    const cues = rules.map((r) => (r.requiresContext ? r.requiresContext.anyOf.map(normalizeTerm) : null));
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
    const entries = this.entries;
    const fast = this.fastRule;

    // Candidates go into reusable typed arrays, not objects: a scan of a long transcript can produce many.
    let cRule = this.cRule;
    let cStart = this.cStart;
    let cEnd = this.cEnd;
    let cVia = this.cVia;
    let cPat = this.cPat;
    let nc = 0;
    const exempt: number[] = []; // rule, start, end triples (rare)
    const anchored = this.anchored;
    anchored.fill(0);
    const push = (rule: number, start: number, end: number, via: number, pattern: number) => {
      if (ok[rule] === 0) return;
      if (nc === cRule.length) {
        this.growCandidates();
        cRule = this.cRule;
        cStart = this.cStart;
        cEnd = this.cEnd;
        cVia = this.cVia;
        cPat = this.cPat;
      }
      cRule[nc] = rule;
      cStart[nc] = start;
      cEnd[nc] = end;
      cVia[nc] = via;
      cPat[nc] = pattern;
      nc++;
    };
    this.automaton.scan(codes, length, (p, start, end) => {
      const f = fast[p] as number;
      if (f >= 0) {
        push(f, start, end, 0, p);
        return;
      }
      for (const e of entries[p] as Entry[]) {
        if (e.via === Via.Exempt) {
          exempt.push(e.rule, start, end);
          continue;
        }
        if (e.via === Via.Anchor) {
          anchored[e.rule] = 1;
          continue;
        }
        // A Latin spelling must stand as its own word: "vx" is a hit, the "vx" inside "vxe" is not.
        if (e.latinStart && start > 0 && isLatinUnit(codes[start - 1] as number) && !gapBeforeOf(n, start)) continue;
        if (e.latinEnd && end < length && isLatinUnit(codes[end] as number) && !gapBeforeOf(n, end)) continue;
        push(e.rule, start, end, e.via === Via.Term ? 0 : 1, p);
      }
    });

    let normText: string | null = null;
    const normalized = () => {
      normText ??= decodeUnits(codes, length);
      return normText;
    };

    const accepted: Candidate[] = [];
    for (let i = 0; i < nc; i++) {
      const rule = cRule[i] as number;
      const start = cStart[i] as number;
      const end = cEnd[i] as number;
      if (exempt.length > 0 && isExempt(exempt, rule, start, end)) continue;
      const cues = this.cues[rule];
      if (cues) {
        const w = (this.rules[rule] as RuleDef).requiresContext?.window ?? 0;
        const around = normalized().slice(Math.max(0, start - w), Math.min(length, end + w));
        if (!cues.some((cue) => around.includes(cue))) continue;
      }
      accepted.push({ rule, start, end, via: cVia[i] === 0 ? 'term' : 'variant', pattern: cPat[i] as number });
    }

    if (this.detectorRules.length > 0) {
      let ctx: DetectorContext | null = null;
      for (const ri of this.detectorRules) {
        const rule = this.rules[ri] as RuleDef;
        if (!rule.detector || ok[ri] === 0) continue;
        if (DETECTOR_ANCHORS[rule.detector] && anchored[ri] === 0) continue;
        ctx ??= {
          text: normalized(),
          gapBefore: (k: number) => gapBeforeOf(n, k),
          maxDigitRun: n.maxDigitRun,
          kind,
          productCategory: input.productCategory,
          card: input.card,
        };
        for (const h of runDetector(rule.detector, ctx))
          accepted.push({ rule: ri, start: h.start, end: h.end, via: 'detector', pattern: -1 });
      }
    }

    const hits = accepted.length === 0 ? [] : this.present(dedupe(accepted), n);
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

  private growCandidates(): void {
    const n = this.cRule.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.cRule = grow(this.cRule, (k) => new Int32Array(k));
    this.cStart = grow(this.cStart, (k) => new Int32Array(k));
    this.cEnd = grow(this.cEnd, (k) => new Int32Array(k));
    this.cVia = grow(this.cVia, (k) => new Uint8Array(k));
    this.cPat = grow(this.cPat, (k) => new Int32Array(k));
  }

  private present(cands: Candidate[], n: Normalized): Hit[] {
    const { text, src, codes } = n;
    return cands.map((c) => {
      const rule = this.rules[c.rule] as RuleDef;
      const view = this.views[c.rule] as RuleView;
      const start = c.end > c.start ? (src[c.start] as number) : 0;
      const end = c.end > c.start ? srcEndOf(n, c.end - 1) : 0;
      const matched = text.slice(start, end);
      const len = c.end - c.start;
      return {
        rule: rule.id,
        category: rule.category,
        severity: rule.severity,
        action: rule.action,
        start,
        end,
        matched,
        normalized:
          c.pattern >= 0 && (this.patterns[c.pattern] as string).length === len
            ? (this.patterns[c.pattern] as string)
            : len <= 256
              ? String.fromCharCode.apply(null, codes.subarray(c.start, c.end) as unknown as number[])
              : decodeUnits(codes.subarray(c.start, c.end), len),
        basis: view.basis,
        explanation: { zh: view.zh.join(matched), en: view.en.join(matched) },
        via: c.via,
      };
    });
  }
}

function applies(rule: RuleDef, kind: EventKind, category: ProductCategory | undefined): boolean {
  const a = rule.appliesTo;
  if (a.kinds && !a.kinds.includes(kind)) return false;
  if (a.productCategories && (!category || !a.productCategories.includes(category))) return false;
  if (a.exceptProductCategories && category && a.exceptProductCategories.includes(category)) return false;
  return true;
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

/** One hit per rule per place: overlapping hits of the same rule collapse into the longest. */
function dedupe(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.rule - b.rule || a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && last.rule === c.rule && c.start < last.end) {
      if (c.end > last.end) last.end = c.end;
      if (last.via !== 'term' && c.via === 'term') last.via = 'term';
      continue;
    }
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start || a.rule - b.rule);
}
