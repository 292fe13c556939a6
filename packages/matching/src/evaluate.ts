/**
 * Offline evaluation (离线评估) of the engine on an interaction history it has never seen, against two baselines:
 * popularity (the products sold most) and a blend (each streamer's own past interactions plus the popularity of the
 * products in the streamer's declared categories). The history is split by time: the last 20 % of sales are the
 * test set, everything before the first of them is training. For each (streamer, product) pair sold in the test
 * period, a hit is the product being in the streamer's top k; NDCG@k is averaged over the test streamers.
 * Pure: the command (`livehub match evaluate`) reads the file and hands the parsed lines here.
 */
import { MatchingEngine, type EngineOptions } from './engine.ts';
import { TopK } from './topk.ts';
import {
  AUDIENCE_KEYS,
  type Audience,
  INTERACTION_KINDS,
  type Interaction,
  type InteractionKind,
  type MatchProduct,
  type MatchStreamer,
} from './types.ts';

export type HistoryLine =
  | { type: 'product'; product: MatchProduct }
  | { type: 'streamer'; streamer: MatchStreamer }
  | { type: 'interaction'; interaction: Interaction };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** One line of a history file, parsed; `error` names the field. */
export function parseHistoryLine(v: unknown): { ok: true; line: HistoryLine } | { ok: false; error: string } {
  if (!isObj(v)) return { ok: false, error: 'not a JSON object' };
  if (v.type === 'product') {
    if (!str(v.id)) return { ok: false, error: 'id: a non-empty string' };
    if (!str(v.category)) return { ok: false, error: 'category: a non-empty string' };
    if (!str(v.merchant)) return { ok: false, error: 'merchant: a non-empty string' };
    if (!Number.isInteger(v.priceFen) || (v.priceFen as number) < 1) return { ok: false, error: 'priceFen: a positive integer' };
    if (!Number.isInteger(v.commissionBp) || (v.commissionBp as number) < 0 || (v.commissionBp as number) > 9000)
      return { ok: false, error: 'commissionBp: an integer 0–9000' };
    return {
      ok: true,
      line: {
        type: 'product',
        product: {
          id: v.id as string,
          category: v.category as string,
          merchant: v.merchant as string,
          priceFen: v.priceFen as number,
          commissionBp: v.commissionBp as number,
        },
      },
    };
  }
  if (v.type === 'streamer') {
    if (!str(v.id)) return { ok: false, error: 'id: a non-empty string' };
    if (!Array.isArray(v.categories) || !v.categories.every(str)) return { ok: false, error: 'categories: an array of strings' };
    const audience: Audience = {};
    if (v.audience !== undefined) {
      if (!isObj(v.audience)) return { ok: false, error: 'audience: an object of shares' };
      for (const [key, share] of Object.entries(v.audience)) {
        if (typeof share !== 'number' || !(share >= 0 && share <= 1)) return { ok: false, error: `audience.${key}: a share from 0 to 1` };
        if ((AUDIENCE_KEYS as readonly string[]).includes(key)) audience[key as keyof Audience] = share;
      }
    }
    return { ok: true, line: { type: 'streamer', streamer: { id: v.id as string, categories: v.categories as string[], audience } } };
  }
  if (v.type !== undefined) return { ok: false, error: 'type: "product", "streamer", or absent for an interaction' };
  if (!str(v.streamer)) return { ok: false, error: 'streamer: a non-empty string' };
  if (!str(v.product)) return { ok: false, error: 'product: a non-empty string' };
  if (!(INTERACTION_KINDS as readonly unknown[]).includes(v.kind))
    return { ok: false, error: `kind: one of ${INTERACTION_KINDS.join(', ')}` };
  const at = typeof v.at === 'number' ? v.at : typeof v.at === 'string' ? Date.parse(v.at) : Number.NaN;
  if (!Number.isFinite(at)) return { ok: false, error: 'at: an ISO 8601 time or epoch milliseconds' };
  if (v.gmvFen !== undefined && (!Number.isInteger(v.gmvFen) || (v.gmvFen as number) < 0))
    return { ok: false, error: 'gmvFen: a non-negative integer' };
  const interaction: Interaction = { streamer: v.streamer as string, product: v.product as string, kind: v.kind as InteractionKind, at };
  if (v.gmvFen !== undefined) interaction.gmvFen = v.gmvFen as number;
  return { ok: true, line: { type: 'interaction', interaction } };
}

export interface EvaluationInput {
  products: MatchProduct[];
  streamers: MatchStreamer[];
  interactions: Interaction[];
}

export interface EvaluationResult {
  hit_rate_at_k: number;
  ndcg_at_k: number;
  popularity_hit_rate_at_k: number;
  popularity_ndcg_at_k: number;
  blend_hit_rate_at_k: number;
  blend_ndcg_at_k: number;
  ratio: number;
  ratio_vs_blend: number;
  k: number;
  train_interactions: number;
  test_sales: number;
  test_pairs: number;
  test_streamers: number;
  products: number;
  streamers: number;
}

export class EvaluationError extends Error {}

/** Hit rate and NDCG@k of ranked lists against the test pairs (per streamer: the set of products sold). */
export function metrics(
  ranked: Map<string, readonly string[]>,
  test: Map<string, Set<string>>,
  k: number,
): { hitRate: number; ndcg: number } {
  let hits = 0;
  let pairs = 0;
  let ndcgSum = 0;
  for (const [s, truth] of test) {
    const list = (ranked.get(s) ?? []).slice(0, k);
    let dcg = 0;
    list.forEach((p, i) => {
      if (truth.has(p)) {
        hits++;
        dcg += 1 / Math.log2(i + 2);
      }
    });
    let idcg = 0;
    for (let i = 0; i < Math.min(k, truth.size); i++) idcg += 1 / Math.log2(i + 2);
    ndcgSum += idcg > 0 ? dcg / idcg : 0;
    pairs += truth.size;
  }
  return { hitRate: pairs ? hits / pairs : 0, ndcg: test.size ? ndcgSum / test.size : 0 };
}

/** Splits by time: the test set is the last `testShare` of sales; training is every interaction before the first. */
export function splitByTime(
  interactions: readonly Interaction[],
  testShare = 0.2,
): { train: Interaction[]; test: Interaction[]; cutAt: number } {
  const sales = interactions.filter((e) => e.kind === 'sale').sort((a, b) => a.at - b.at);
  if (sales.length < 2) throw new EvaluationError('the history needs at least two sales to split into training and test');
  const first = Math.min(sales.length - 1, Math.max(1, Math.floor(sales.length * (1 - testShare))));
  const cutAt = (sales[first] as Interaction).at;
  const test = sales.filter((e) => e.at >= cutAt);
  const train = interactions.filter((e) => e.at < cutAt);
  return { train, test, cutAt };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function evaluate(input: EvaluationInput, k: number, options: EngineOptions = {}): EvaluationResult {
  if (!Number.isInteger(k) || k <= 0) throw new EvaluationError('k must be a positive whole number');
  if (input.products.length === 0) throw new EvaluationError('the history has no product lines');
  if (input.streamers.length === 0) throw new EvaluationError('the history has no streamer lines');
  if (input.interactions.length === 0) throw new EvaluationError('the history has no interactions');
  const { train, test, cutAt } = splitByTime(input.interactions);
  const truth = new Map<string, Set<string>>();
  for (const e of test) {
    const set = truth.get(e.streamer) ?? new Set<string>();
    truth.set(e.streamer, set);
    set.add(e.product);
  }
  const catalog = {
    products: input.products,
    streamers: input.streamers,
    merchants: [...new Set(input.products.map((p) => p.merchant))].map((id) => ({ id, admitted: true })),
  };
  const engine = MatchingEngine.build(catalog, { ...options, history: train, asOf: cutAt });
  const ours = new Map<string, string[]>();
  const heap = new TopK(k);
  for (const s of truth.keys()) {
    const si = engine.streamerIndex.get(s) as number;
    engine.rankProductsInto(si, heap, true);
    ours.set(
      s,
      heap.sorted().map((r) => (input.products[r.id] as MatchProduct).id),
    );
  }

  // baselines
  const P = input.products.length;
  const pIndex = new Map(input.products.map((p, i) => [p.id, i]));
  const sold = new Float64Array(P);
  const seen = new Float64Array(P);
  const own = new Map<string, Map<number, number>>();
  const KW: Record<InteractionKind, number> = { impression: 0.05, click: 0.3, sample: 1, agreement: 2, sale: 3 };
  for (const e of train) {
    const pi = pIndex.get(e.product) as number;
    if (e.kind === 'sale') sold[pi] = (sold[pi] as number) + 1;
    seen[pi] = (seen[pi] as number) + KW[e.kind];
    const m = own.get(e.streamer) ?? new Map<number, number>();
    own.set(e.streamer, m);
    m.set(pi, (m.get(pi) ?? 0) + KW[e.kind]);
  }
  let maxPop = 0;
  const pop = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    pop[i] = (sold[i] as number) + 1e-6 * (seen[i] as number);
    maxPop = Math.max(maxPop, pop[i] as number);
  }
  const popHeap = new TopK(k);
  for (let i = 0; i < P; i++) popHeap.offer(i, pop[i] as number);
  const popList = popHeap.sorted().map((r) => (input.products[r.id] as MatchProduct).id);
  const popular = new Map<string, string[]>();
  for (const s of truth.keys()) popular.set(s, popList);

  const sIndex = new Map(input.streamers.map((s) => [s.id, s]));
  const blend = new Map<string, string[]>();
  for (const s of truth.keys()) {
    const cats = new Set(sIndex.get(s)?.categories ?? []);
    const mine = own.get(s) ?? new Map<number, number>();
    let maxOwn = 0;
    for (const w of mine.values()) maxOwn = Math.max(maxOwn, w);
    heap.reset();
    for (let i = 0; i < P; i++) {
      const p = input.products[i] as MatchProduct;
      const score = (maxOwn > 0 ? (mine.get(i) ?? 0) / maxOwn : 0) + (cats.has(p.category) && maxPop > 0 ? (pop[i] as number) / maxPop : 0);
      if (score > 0) heap.offer(i, score);
    }
    blend.set(
      s,
      heap.sorted().map((r) => (input.products[r.id] as MatchProduct).id),
    );
  }
  const m = metrics(ours, truth, k);
  const mp = metrics(popular, truth, k);
  const mb = metrics(blend, truth, k);
  let pairs = 0;
  for (const t of truth.values()) pairs += t.size;
  return {
    hit_rate_at_k: round(m.hitRate),
    ndcg_at_k: round(m.ndcg),
    popularity_hit_rate_at_k: round(mp.hitRate),
    popularity_ndcg_at_k: round(mp.ndcg),
    blend_hit_rate_at_k: round(mb.hitRate),
    blend_ndcg_at_k: round(mb.ndcg),
    ratio: round(mp.hitRate > 0 ? m.hitRate / mp.hitRate : m.hitRate > 0 ? Number.POSITIVE_INFINITY : 0),
    ratio_vs_blend: round(mb.hitRate > 0 ? m.hitRate / mb.hitRate : m.hitRate > 0 ? Number.POSITIVE_INFINITY : 0),
    k,
    train_interactions: train.length,
    test_sales: test.length,
    test_pairs: pairs,
    test_streamers: truth.size,
    products: P,
    streamers: input.streamers.length,
  };
}
