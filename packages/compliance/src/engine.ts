/**
 * The screening engine: compiles a rule pack once into one automaton (terms, generated evasion spellings and
 * exemptions together) plus detectors, then screens events synchronously. Pure: no I/O, no clock, no globals
 * beyond its own scratch buffers.
 */
import { Automaton } from './automaton.ts';
import { type DetectorContext, type ProductCard, runDetector } from './detectors.ts';
import { BOUNDARY, decodeUnits, isLatinUnit, Normalizer, normalizeTerm } from './normalize.ts';
import type { Action, Category, EventKind, ProductCategory, RuleDef, RulePack } from './rule-pack.ts';
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
const ALL_KINDS: EventKind[] = ['transcript', 'chat', 'product_copy', 'overlay'];

const enum Via {
  Term = 0,
  Variant = 1,
  Exempt = 2,
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
}

export class ScreeningEngine {
  private readonly normalizer = new Normalizer(4096);
  private readonly detectorRules: number[];
  private readonly views: RuleView[];

  private constructor(
    private readonly pack: RulePack,
    private readonly rules: RuleDef[],
    private readonly automaton: Automaton,
    private readonly entries: Entry[][],
    private readonly cues: Array<string[] | null>,
    readonly stats: EngineStats,
  ) {
    this.detectorRules = rules.flatMap((r, i) => (r.detector ? [i] : []));
    this.views = rules.map((r) => ({ basis: `${r.basis.law} ${r.basis.article}`, zh: r.explain.zh.split('{matched}'), en: r.explain.en.split('{matched}') }));
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
    // A generated spelling that is itself a plain term of the same rule stays a term; drop the duplicate variant.
    for (const list of entries) {
      for (let i = list.length - 1; i >= 0; i--) {
        const e = list[i] as Entry;
        if (e.via === Via.Variant && list.some((o) => o.rule === e.rule && o.via === Via.Term)) list.splice(i, 1);
      }
    }
    const automaton = Automaton.build(patterns);
    const cues = rules.map((r) => (r.requiresContext ? r.requiresContext.anyOf.map(normalizeTerm) : null));
    return new ScreeningEngine(pack, rules, automaton, entries, cues, {
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
    const kind: EventKind = input.kind && ALL_KINDS.includes(input.kind) ? input.kind : 'transcript';
    const n = this.normalizer.run(text);
    const { codes, length, gapBefore } = n;
    const candidates: Candidate[] = [];
    const exempt: Array<{ rule: number; start: number; end: number }> = [];
    const entries = this.entries;

    this.automaton.scan(codes, length, (p, start, end) => {
      for (const e of entries[p] as Entry[]) {
        if (e.via === Via.Exempt) {
          exempt.push({ rule: e.rule, start, end });
          continue;
        }
        // A Latin spelling must stand as its own word: "vx" is a hit, the "vx" inside "vxe" is not.
        if (e.latinStart && start > 0 && isLatinUnit(codes[start - 1] as number) && !gapBefore[start]) continue;
        if (e.latinEnd && end < length && isLatinUnit(codes[end] as number) && !gapBefore[end]) continue;
        candidates.push({ rule: e.rule, start, end, via: e.via === Via.Term ? 'term' : 'variant' });
      }
    });

    let normText: string | null = null;
    const normalized = () => {
      normText ??= decodeUnits(codes, length);
      return normText;
    };

    const accepted: Candidate[] = [];
    for (const c of candidates) {
      const rule = this.rules[c.rule] as RuleDef;
      if (!applies(rule, kind, input.productCategory)) continue;
      if (exempt.some((x) => (x.rule === c.rule || x.rule === -1) && x.start <= c.start && c.end <= x.end && x.end - x.start > c.end - c.start)) continue;
      const cues = this.cues[c.rule];
      if (cues) {
        const w = rule.requiresContext?.window ?? 0;
        const around = normalized().slice(Math.max(0, c.start - w), Math.min(length, c.end + w));
        if (!cues.some((cue) => around.includes(cue))) continue;
      }
      accepted.push(c);
    }

    if (this.detectorRules.length > 0) {
      const ctx: DetectorContext = {
        text: normalized(),
        gapBefore,
        hasDigit: n.hasDigit,
        kind,
        productCategory: input.productCategory,
        card: input.card,
      };
      for (const ri of this.detectorRules) {
        const rule = this.rules[ri] as RuleDef;
        if (!rule.detector || !applies(rule, kind, input.productCategory)) continue;
        for (const h of runDetector(rule.detector, ctx)) accepted.push({ rule: ri, start: h.start, end: h.end, via: 'detector' });
      }
    }

    const hits = this.present(dedupe(accepted), text, n.src, n.srcEnd, codes);
    let decision: Action = 'allow';
    for (const h of hits) if (ACTION_RANK[h.action] > ACTION_RANK[decision]) decision = h.action;
    return { decision, hits };
  }

  private present(cands: Candidate[], text: string, src: Int32Array, srcEnd: Int32Array, codes: Uint16Array): Hit[] {
    return cands.map((c) => {
      const rule = this.rules[c.rule] as RuleDef;
      const view = this.views[c.rule] as RuleView;
      const start = c.end > c.start ? (src[c.start] as number) : 0;
      const end = c.end > c.start ? (srcEnd[c.end - 1] as number) : 0;
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
        normalized: len <= 256 ? String.fromCharCode.apply(null, codes.subarray(c.start, c.end) as unknown as number[]) : decodeUnits(codes.subarray(c.start, c.end), len),
        basis: view.basis,
        explanation: { zh: view.zh.join(matched), en: view.en.join(matched) },
        via: c.via,
      };
    });
  }

  ruleById(id: string): RuleDef | undefined {
    return this.rules.find((r) => r.id === id);
  }
}

function applies(rule: RuleDef, kind: EventKind, category: ProductCategory | undefined): boolean {
  const a = rule.appliesTo;
  if (a.kinds && !a.kinds.includes(kind)) return false;
  if (a.productCategories && (!category || !a.productCategories.includes(category))) return false;
  if (a.exceptProductCategories && category && a.exceptProductCategories.includes(category)) return false;
  return true;
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
    out.push({ ...c });
  }
  return out.sort((a, b) => a.start - b.start || a.rule - b.rule);
}
