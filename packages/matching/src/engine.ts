/**
 * The matching engine (人货在线匹配): compiled once from a catalogue (and, when there is one, an interaction history),
 * then asked "which products for this streamer" or "which streamers for this product".
 *
 * Score = learned part (ALS factors, or a category centroid for a new streamer or product: the cold start)
 *       + category affinity (the streamer's share of past interactions per category, else the declared categories)
 *       + audience fit (dot product of the streamer's viewers and the product's intended buyers)
 *       + price band (the streamer's usual price range, in log fen)
 *       + the product's static merits (in-category sales rank, commission and conversion vs the category median,
 *         return and complaint rates, the merchant's credit tier)
 *       + the streamer's own recent interactions with the product.
 * Everything the hot path touches is a typed array; the hard constraints are compiled alongside and tested before a
 * pair is scored, so an ineligible pair never enters the top-K (partial selection by a k-sized heap).
 * The non-personalised ranking (电子商务法 第十八条) uses only the product's static merits, under the same constraints.
 */
import { ALS_DEFAULTS, type AlsOptions, cholSolve, csr, type Factors, trainAls } from './als.ts';
import { MINOR_SHARE_LIMIT, pairViolations, productViolations, streamerViolations, type Violation } from './constraints.ts';
import { explainPair, type Reason } from './signals.ts';
import { TopK } from './topk.ts';
import {
  AGE_KEYS,
  type Audience,
  type Interaction,
  type InteractionKind,
  type MatchCatalog,
  type MatchMerchant,
  type MatchProduct,
  type MatchStreamer,
} from './types.ts';

export const DAY_MS = 86_400_000;

export interface MatchWeights {
  learned: number;
  affinity: number;
  audience: number;
  price: number;
  popularity: number;
  commission: number;
  conversion: number;
  returns: number;
  complaints: number;
  credit: number;
  own: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = {
  learned: 1,
  affinity: 0.35,
  audience: 0.1,
  price: 0.05,
  popularity: 0.15,
  commission: 0.03,
  conversion: 0.03,
  returns: 0.03,
  complaints: 0.03,
  credit: 0.02,
  own: 0.6,
};

/** How much one interaction of each kind says about a streamer's interest. */
export const KIND_WEIGHTS: Record<InteractionKind, number> = { impression: 0.05, click: 0.3, sample: 1, agreement: 2, sale: 3 };

export interface EngineOptions {
  /** interactions to learn from (ALS, affinity, popularity, own history) */
  history?: readonly Interaction[];
  /** "now" for the decay of interactions (default: the latest interaction) */
  asOf?: number;
  /** half-life of an interaction's weight, days */
  halfLifeDays?: number;
  weights?: Partial<MatchWeights>;
  als?: Partial<AlsOptions>;
  /** precomputed factors instead of training (rows: streamers, cols: products, in catalogue order) */
  factors?: Factors;
}

export interface Ranked<T> {
  id: string;
  score: number;
  item: T;
}

export interface RankOptions {
  k: number;
  /** false: the non-personalised ranking (电子商务法 第十八条) */
  personalised?: boolean;
  /** add reasons in words (costs a little per result) */
  explain?: boolean;
}

export interface ProductMatch extends Ranked<MatchProduct> {
  reasons?: Reason[];
}
export interface StreamerMatch extends Ranked<MatchStreamer> {
  reasons?: Reason[];
}

const AUD_DIM = 7; // female, male, five age buckets
const FLAG_ADULT = 1;
const FLAG_PLAN = 2;
const FLAG_SLOW = 4;

function audienceVector(a: Audience | undefined, out: Float32Array, at: number): void {
  const female = a?.female ?? 0.5;
  out[at] = female;
  out[at + 1] = 1 - female;
  let sum = 0;
  for (const k of AGE_KEYS) sum += a?.[k] ?? 0;
  for (let i = 0; i < AGE_KEYS.length; i++) {
    const v = a?.[AGE_KEYS[i] as (typeof AGE_KEYS)[number]] ?? 0;
    out[at + 2 + i] = sum > 0 ? v / sum : 1 / AGE_KEYS.length;
  }
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export interface CategoryStats {
  medianCommissionBp: number;
  medianConversion: number;
  medianReturn: number;
  medianComplaint: number;
  medianLogPrice: number;
}

export class MatchingEngine {
  readonly products: readonly MatchProduct[];
  readonly streamers: readonly MatchStreamer[];
  readonly merchants: Map<string, MatchMerchant>;
  readonly productIndex = new Map<string, number>();
  readonly streamerIndex = new Map<string, number>();
  readonly categories: string[] = [];
  readonly categoryIndex = new Map<string, number>();
  readonly categoryStats: CategoryStats[] = [];
  readonly weights: MatchWeights;
  /** f: learned dims; d = f + AUD_DIM: the vector length of the hot path */
  readonly f: number;
  readonly d: number;
  /** streamers × d: learned factors × w.learned, then audience × w.audience */
  readonly sVec: Float32Array;
  /** products × d */
  readonly pVec: Float32Array;
  readonly pCat: Int32Array;
  readonly pLogPrice: Float32Array;
  /** the product's static merits, already weighted */
  readonly pStatic: Float32Array;
  /** weighted popularity alone (the non-personalised ranking adds the other static merits) */
  readonly pPopularity: Float32Array;
  /** in-category percentile 0–1 of the last 30 days' sales GMV (1 = the best seller; 0 = no sale) */
  readonly pPopPct: Float32Array;
  /** streamers × categories, already weighted */
  readonly sAffinity: Float32Array;
  readonly sAffinityRaw: Float32Array;
  readonly sPriceMu: Float32Array;
  readonly sPriceInvVar: Float32Array;
  /** own interactions, CSR by streamer: product index and weight (already weighted) */
  ownPtr: Int32Array;
  ownIdx: Int32Array;
  ownVal: Float32Array;
  /** raw decayed kind-weighted sums per own pair (what fresh events add to) */
  private ownW: Float32Array;
  private readonly asOf: number;
  private readonly halfLife: number;
  private readonly als: AlsOptions;
  private gram: Float64Array | null = null;
  /** compiled constraints */
  readonly pOk: Uint8Array;
  readonly pLic: Uint32Array;
  readonly pFlags: Uint8Array;
  readonly pStock: Float64Array;
  readonly pSample: Uint8Array;
  readonly pPartners: Array<Set<string> | null>;
  readonly sOk: Uint8Array;
  readonly sLic: Uint32Array;
  readonly sYoung: Uint8Array;
  readonly sNeedSample: Uint8Array;
  readonly sUnits: Float64Array;
  readonly learned: boolean;
  /** 1 when the product has interactions in the history (0: a new product, ranked by the cold start) */
  readonly pWarm: Uint8Array;
  /** distinct (streamer, product) pairs learned from */
  readonly historyPairs: number;
  private readonly bonus: Float32Array;

  static build(catalog: MatchCatalog, options: EngineOptions = {}): MatchingEngine {
    return new MatchingEngine(catalog, options);
  }

  private constructor(catalog: MatchCatalog, options: EngineOptions) {
    const w = { ...DEFAULT_WEIGHTS, ...options.weights };
    this.weights = w;
    this.products = catalog.products;
    this.streamers = catalog.streamers;
    this.merchants = new Map((catalog.merchants ?? []).map((m) => [m.id, m]));
    const P = this.products.length;
    const S = this.streamers.length;
    this.products.forEach((p, i) => {
      this.productIndex.set(p.id, i);
    });
    this.streamers.forEach((s, i) => {
      this.streamerIndex.set(s.id, i);
    });
    const cat = (c: string) => {
      let i = this.categoryIndex.get(c);
      if (i === undefined) {
        i = this.categories.length;
        this.categories.push(c);
        this.categoryIndex.set(c, i);
      }
      return i;
    };
    this.pCat = new Int32Array(P);
    this.pLogPrice = new Float32Array(P);
    for (let i = 0; i < P; i++) {
      const p = this.products[i] as MatchProduct;
      this.pCat[i] = cat(p.category);
      this.pLogPrice[i] = Math.log(Math.max(1, p.priceFen));
    }
    for (const s of this.streamers) for (const c of s.categories) cat(c);
    const C = this.categories.length;

    // ---- constraints, compiled ----
    const licBit = new Map<string, number>();
    const bitOf = (l: string) => {
      let b = licBit.get(l);
      if (b === undefined) {
        b = licBit.size;
        licBit.set(l, b);
      }
      return b;
    };
    this.pOk = new Uint8Array(P);
    this.pLic = new Uint32Array(P);
    this.pFlags = new Uint8Array(P);
    this.pStock = new Float64Array(P);
    this.pSample = new Uint8Array(P);
    this.pPartners = new Array(P).fill(null);
    for (let i = 0; i < P; i++) {
      const p = this.products[i] as MatchProduct;
      this.pOk[i] = productViolations(p, this.merchants.get(p.merchant)).length === 0 ? 1 : 0;
      let flags = p.adultOnly ? FLAG_ADULT : 0;
      let mask = 0;
      for (const l of p.requiredLicences ?? []) {
        const b = bitOf(l);
        if (b >= 32) flags |= FLAG_SLOW;
        else mask |= 1 << b;
      }
      this.pLic[i] = mask >>> 0;
      if (p.plan && p.plan.type !== 'open') {
        flags |= FLAG_PLAN;
        this.pPartners[i] = new Set(p.plan.partners);
      }
      this.pFlags[i] = flags;
      this.pStock[i] = p.stock ?? Number.POSITIVE_INFINITY;
      this.pSample[i] = p.sampleAvailable ? 1 : 0;
    }
    this.sOk = new Uint8Array(S);
    this.sLic = new Uint32Array(S);
    this.sYoung = new Uint8Array(S);
    this.sNeedSample = new Uint8Array(S);
    this.sUnits = new Float64Array(S);
    for (let j = 0; j < S; j++) {
      const s = this.streamers[j] as MatchStreamer;
      this.sOk[j] = streamerViolations(s).length === 0 ? 1 : 0;
      let mask = 0;
      for (const l of s.licences ?? []) {
        const b = licBit.get(l);
        if (b !== undefined && b < 32) mask |= 1 << b;
      }
      this.sLic[j] = mask >>> 0;
      this.sYoung[j] = (s.audience.under18 ?? 0) >= MINOR_SHARE_LIMIT ? 1 : 0;
      this.sNeedSample[j] = s.requiresSample ? 1 : 0;
      this.sUnits[j] = s.expectedUnits ?? 0;
    }

    // ---- history: decayed kind-weighted pairs ----
    const history = options.history ?? [];
    let asOf = options.asOf ?? 0;
    if (options.asOf === undefined) for (const e of history) if (e.at > asOf) asOf = e.at;
    const halfLife = (options.halfLifeDays ?? 21) * DAY_MS;
    const pairs = new Map<number, number>();
    const popularity = new Float64Array(P);
    const gmv30 = new Float64Array(P);
    for (const e of history) {
      const si = this.streamerIndex.get(e.streamer);
      const pi = this.productIndex.get(e.product);
      if (si === undefined || pi === undefined) continue;
      const wt = KIND_WEIGHTS[e.kind] * 0.5 ** (Math.max(0, asOf - e.at) / halfLife);
      const key = si * P + pi;
      pairs.set(key, (pairs.get(key) ?? 0) + wt);
      popularity[pi] = (popularity[pi] as number) + wt;
      if (e.kind === 'sale' && e.at > asOf - 30 * DAY_MS && e.at <= asOf)
        gmv30[pi] = (gmv30[pi] as number) + (e.gmvFen ?? (this.products[pi] as MatchProduct).priceFen);
    }
    this.pWarm = new Uint8Array(P);
    for (let i = 0; i < P; i++) this.pWarm[i] = (popularity[i] as number) > 0 ? 1 : 0;
    const n = pairs.size;
    this.historyPairs = n;
    this.asOf = asOf;
    this.halfLife = halfLife;
    this.als = { ...ALS_DEFAULTS, ...options.als };
    const r = new Int32Array(n);
    const c = new Int32Array(n);
    const v = new Float32Array(n);
    const raw = new Float32Array(n);
    let k = 0;
    for (const [key, wt] of pairs) {
      r[k] = Math.floor(key / P);
      c[k] = key % P;
      v[k] = Math.log1p(wt * 4);
      raw[k] = wt;
      k++;
    }
    const byS = csr(S, { r, c, w: v });
    this.ownW = csr(S, { r, c, w: raw }).val;
    this.ownPtr = byS.ptr;
    this.ownIdx = byS.idx;
    this.ownVal = new Float32Array(byS.val.length);
    for (let i = 0; i < byS.val.length; i++) this.ownVal[i] = w.own * Math.min(1, (byS.val[i] as number) / 3);

    let factors = options.factors ?? null;
    if (!factors && n > 0) factors = trainAls(byS, csr(P, { r: c, c: r, w: v }), options.als);
    this.learned = factors !== null;
    const f = factors?.dim ?? 0;
    this.f = f;
    this.d = Math.ceil((f + AUD_DIM) / 4) * 4; // padded for the unrolled dot product
    const d = this.d;

    // ---- category statistics and affinities ----
    const perCat: Array<{ com: number[]; conv: number[]; ret: number[]; comp: number[]; price: number[]; members: number[] }> = [];
    for (let ci = 0; ci < C; ci++) perCat.push({ com: [], conv: [], ret: [], comp: [], price: [], members: [] });
    for (let i = 0; i < P; i++) {
      const p = this.products[i] as MatchProduct;
      const g = perCat[this.pCat[i] as number]!;
      g.members.push(i);
      g.com.push(p.commissionBp);
      g.price.push(this.pLogPrice[i] as number);
      if (p.conversionRate !== undefined) g.conv.push(p.conversionRate);
      if (p.returnRate !== undefined) g.ret.push(p.returnRate);
      if (p.complaintRate !== undefined) g.comp.push(p.complaintRate);
    }
    for (const g of perCat)
      this.categoryStats.push({
        medianCommissionBp: median(g.com),
        medianConversion: median(g.conv),
        medianReturn: median(g.ret),
        medianComplaint: median(g.comp),
        medianLogPrice: median(g.price),
      });

    // popularity: from history if any, else the catalogue's 30-day GMV; percentile within category
    const hasHistory = n > 0;
    this.pPopPct = new Float32Array(P);
    this.pPopularity = new Float32Array(P);
    let maxPop = 0;
    const popOf = (i: number) => (hasHistory ? (popularity[i] as number) : ((this.products[i] as MatchProduct).gmv30dFen ?? 0));
    for (let i = 0; i < P; i++) maxPop = Math.max(maxPop, popOf(i));
    for (const g of perCat) {
      // 近30天同类目成交: the GMV of the sales of the 30 days before asOf (the catalogue's gmv30dFen without a history)
      const recent = (i: number) => (hasHistory ? (gmv30[i] as number) : ((this.products[i] as MatchProduct).gmv30dFen ?? 0));
      const sorted = [...g.members].sort((a, b) => recent(a) - recent(b));
      sorted.forEach((pi, rank) => {
        this.pPopPct[pi] = recent(pi) > 0 ? (rank + 1) / sorted.length : 0;
      });
    }
    this.pStatic = new Float32Array(P);
    for (let i = 0; i < P; i++) {
      const p = this.products[i] as MatchProduct;
      const st = this.categoryStats[this.pCat[i] as number]!;
      const pop = maxPop > 0 ? Math.log1p(popOf(i)) / Math.log1p(maxPop) : 0;
      this.pPopularity[i] = w.popularity * pop;
      let s = this.pPopularity[i] as number;
      if (st.medianCommissionBp > 0) s += w.commission * Math.max(-1, Math.min(1, p.commissionBp / st.medianCommissionBp - 1));
      if (p.conversionRate !== undefined && st.medianConversion > 0)
        s += w.conversion * Math.max(-1, Math.min(1, p.conversionRate / st.medianConversion - 1));
      if (p.returnRate !== undefined && st.medianReturn > 0) s -= w.returns * Math.max(-1, Math.min(1, p.returnRate / st.medianReturn - 1));
      if (p.complaintRate !== undefined && st.medianComplaint > 0)
        s -= w.complaints * Math.max(-1, Math.min(1, p.complaintRate / st.medianComplaint - 1));
      const tier = this.merchants.get(p.merchant)?.creditTier;
      if (tier) s += w.credit * ({ A: 1, B: 0.5, C: -0.5, D: -1 } as const)[tier];
      this.pStatic[i] = s;
    }

    // affinity: share of the streamer's weighted interactions per category, blended with the declared categories
    this.sAffinityRaw = new Float32Array(S * C);
    this.sAffinity = new Float32Array(S * C);
    this.sPriceMu = new Float32Array(S);
    this.sPriceInvVar = new Float32Array(S);
    for (let j = 0; j < S; j++) this.profile(j, byS.idx, byS.val, byS.ptr[j] as number, byS.ptr[j + 1] as number);

    // ---- vectors: learned factors (with cold start by category centroid) and audience ----
    this.sVec = new Float32Array(S * d);
    this.pVec = new Float32Array(P * d);
    if (factors) {
      const catCentroidP = new Float32Array(C * f);
      const catCountP = new Float32Array(C);
      const warmP = new Uint8Array(P);
      for (let i = 0; i < P; i++) {
        let norm = 0;
        for (let q = 0; q < f; q++) norm += Math.abs(factors.cols[i * f + q] as number);
        if (norm === 0 || (byS.n > 0 && popularity[i] === 0 && !options.factors)) continue;
        warmP[i] = 1;
        const ci = this.pCat[i] as number;
        catCountP[ci] = (catCountP[ci] as number) + 1;
        for (let q = 0; q < f; q++) catCentroidP[ci * f + q] = (catCentroidP[ci * f + q] as number) + (factors.cols[i * f + q] as number);
      }
      for (let ci = 0; ci < C; ci++)
        if (catCountP[ci])
          for (let q = 0; q < f; q++) catCentroidP[ci * f + q] = (catCentroidP[ci * f + q] as number) / (catCountP[ci] as number);
      for (let i = 0; i < P; i++) {
        const src = warmP[i]
          ? factors.cols.subarray(i * f, i * f + f)
          : catCentroidP.subarray((this.pCat[i] as number) * f, (this.pCat[i] as number) * f + f);
        this.pVec.set(src, i * d);
      }
      // a streamer without history: the mean of the warm streamers' factors weighted by their declared-category overlap
      const warmS = new Uint8Array(S);
      for (let j = 0; j < S; j++) warmS[j] = (byS.ptr[j + 1] as number) > (byS.ptr[j] as number) || options.factors ? 1 : 0;
      const catCentroidS = new Float32Array(C * f);
      const catCountS = new Float32Array(C);
      for (let j = 0; j < S; j++) {
        if (!warmS[j]) continue;
        for (let ci = 0; ci < C; ci++) {
          const a = this.sAffinityRaw[j * C + ci] as number;
          if (a <= 0) continue;
          catCountS[ci] = (catCountS[ci] as number) + a;
          for (let q = 0; q < f; q++)
            catCentroidS[ci * f + q] = (catCentroidS[ci * f + q] as number) + a * (factors.rows[j * f + q] as number);
        }
      }
      for (let ci = 0; ci < C; ci++)
        if (catCountS[ci])
          for (let q = 0; q < f; q++) catCentroidS[ci * f + q] = (catCentroidS[ci * f + q] as number) / (catCountS[ci] as number);
      for (let j = 0; j < S; j++) {
        const o = j * d;
        if (warmS[j]) for (let q = 0; q < f; q++) this.sVec[o + q] = w.learned * (factors.rows[j * f + q] as number);
        else
          for (let ci = 0; ci < C; ci++) {
            const a = this.sAffinityRaw[j * C + ci] as number;
            if (a > 0)
              for (let q = 0; q < f; q++)
                this.sVec[o + q] = (this.sVec[o + q] as number) + w.learned * a * (catCentroidS[ci * f + q] as number);
          }
      }
    }
    const tmp = new Float32Array(AUD_DIM);
    for (let j = 0; j < S; j++) {
      audienceVector((this.streamers[j] as MatchStreamer).audience, tmp, 0);
      for (let q = 0; q < AUD_DIM; q++) this.sVec[j * d + f + q] = w.audience * (tmp[q] as number);
    }
    for (let i = 0; i < P; i++) audienceVector((this.products[i] as MatchProduct).audience, this.pVec, i * d + f);
    this.bonus = new Float32Array(P);
  }

  /** A streamer's category affinities and price band from its own pairs `idx[from…to)` with weights r. */
  private profile(j: number, idx: Int32Array, val: Float32Array, from: number, to: number): void {
    const w = this.weights;
    const C = this.categories.length;
    const s = this.streamers[j] as MatchStreamer;
    const row = j * C;
    this.sAffinityRaw.fill(0, row, row + C);
    let total = 0;
    let pw = 0;
    let pm = 0;
    let pm2 = 0;
    for (let q = from; q < to; q++) {
      const pi = idx[q] as number;
      const wt = val[q] as number;
      this.sAffinityRaw[row + (this.pCat[pi] as number)] = (this.sAffinityRaw[row + (this.pCat[pi] as number)] as number) + wt;
      total += wt;
      const lp = this.pLogPrice[pi] as number;
      pw += wt;
      pm += wt * lp;
      pm2 += wt * lp * lp;
    }
    const declared = s.categories.length;
    for (let ci = 0; ci < C; ci++) {
      const hist = total > 0 ? (this.sAffinityRaw[row + ci] as number) / total : 0;
      const decl = declared > 0 && s.categories.includes(this.categories[ci] as string) ? 1 / declared : 0;
      const a = total > 0 ? 0.8 * hist + 0.2 * decl : decl;
      this.sAffinityRaw[row + ci] = a;
      this.sAffinity[row + ci] = w.affinity * a;
    }
    if (pw > 0) {
      const mu = pm / pw;
      const variance = Math.max(0.25, pm2 / pw - mu * mu);
      this.sPriceMu[j] = mu;
      this.sPriceInvVar[j] = 1 / (4 * variance);
    } else {
      const meds = s.categories
        .map((c2) => this.categoryStats[this.categoryIndex.get(c2) as number]?.medianLogPrice ?? 0)
        .filter((x) => x > 0);
      this.sPriceMu[j] = meds.length ? meds.reduce((a, b) => a + b, 0) / meds.length : 0;
      this.sPriceInvVar[j] = meds.length ? 1 / (4 * 1) : 0;
    }
  }

  /**
   * Fresh events (新事件) for one streamer, folded in without retraining: its own pairs gain the events' weights,
   * its learned vector is re-solved against the fixed product factors (one small least-squares system, as in an
   * ALS half-step), its category affinities and price band are recomputed. The next query ranks with them; the
   * products' factors change only at the next full training (on demand or on a schedule).
   */
  foldIn(streamerId: string, events: readonly Interaction[]): void {
    const si = this.streamerIndex.get(streamerId);
    if (si === undefined) throw new RangeError(`unknown streamer ${streamerId}`);
    const weights = new Map<number, number>();
    for (let q = this.ownPtr[si] as number; q < (this.ownPtr[si + 1] as number); q++)
      weights.set(this.ownIdx[q] as number, this.ownW[q] as number);
    for (const e of events) {
      if (e.streamer !== streamerId) continue;
      const pi = this.productIndex.get(e.product);
      if (pi === undefined) continue;
      const wt = KIND_WEIGHTS[e.kind] * 0.5 ** (Math.max(0, this.asOf - e.at) / this.halfLife);
      weights.set(pi, (weights.get(pi) ?? 0) + wt);
    }
    const items = [...weights.keys()].sort((a, b) => a - b);
    const from = this.ownPtr[si] as number;
    const to = this.ownPtr[si + 1] as number;
    const grow = items.length - (to - from);
    const ptr = Int32Array.from(this.ownPtr);
    for (let j = si + 1; j < ptr.length; j++) ptr[j] = (ptr[j] as number) + grow;
    const idx = new Int32Array(this.ownIdx.length + grow);
    const val = new Float32Array(idx.length);
    const raw = new Float32Array(idx.length);
    idx.set(this.ownIdx.subarray(0, from));
    val.set(this.ownVal.subarray(0, from));
    raw.set(this.ownW.subarray(0, from));
    idx.set(this.ownIdx.subarray(to), from + items.length);
    val.set(this.ownVal.subarray(to), from + items.length);
    raw.set(this.ownW.subarray(to), from + items.length);
    const r = new Float32Array(items.length);
    items.forEach((pi, q) => {
      const wt = weights.get(pi) as number;
      r[q] = Math.log1p(wt * 4);
      idx[from + q] = pi;
      raw[from + q] = wt;
      val[from + q] = this.weights.own * Math.min(1, (r[q] as number) / 3);
    });
    this.ownPtr = ptr;
    this.ownIdx = idx;
    this.ownVal = val;
    this.ownW = raw;
    this.profile(si, Int32Array.from(items), r, 0, items.length);
    const f = this.f;
    if (f === 0 || items.length === 0) return;
    const d = this.d;
    if (!this.gram) {
      const g = new Float64Array(f * f);
      for (let pi = 0; pi < this.products.length; pi++) {
        const o = pi * d;
        for (let a = 0; a < f; a++) {
          const ya = this.pVec[o + a] as number;
          if (ya !== 0) for (let b = a; b < f; b++) g[a * f + b] = (g[a * f + b] as number) + ya * (this.pVec[o + b] as number);
        }
      }
      for (let a = 0; a < f; a++) for (let b = 0; b < a; b++) g[a * f + b] = g[b * f + a] as number;
      this.gram = g;
    }
    const A = Float64Array.from(this.gram);
    for (let q = 0; q < f; q++) A[q * f + q] = (A[q * f + q] as number) + this.als.lambda;
    const B = new Float64Array(f);
    items.forEach((pi, q) => {
      const c = this.als.alpha * (r[q] as number);
      const o = pi * d;
      for (let a = 0; a < f; a++) {
        const ya = this.pVec[o + a] as number;
        B[a] = (B[a] as number) + (1 + c) * ya;
        for (let b = 0; b < f; b++) A[a * f + b] = (A[a * f + b] as number) + c * ya * (this.pVec[o + b] as number);
      }
    });
    const u = new Float32Array(f);
    cholSolve(A, B, f, u, 0);
    for (let q = 0; q < f; q++) this.sVec[si * d + q] = this.weights.learned * (u[q] as number);
  }

  /** Whether the pair passes every hard constraint (the compiled form of `violations`). */
  allowed(si: number, pi: number): boolean {
    if (!this.pOk[pi] || !this.sOk[si]) return false;
    if (((this.pLic[pi] as number) & ~(this.sLic[si] as number)) !== 0) return false;
    if ((this.pStock[pi] as number) < (this.sUnits[si] as number)) return false;
    if (this.sNeedSample[si] && !this.pSample[pi]) return false;
    const flags = this.pFlags[pi] as number;
    if (flags === 0) return true;
    if (flags & FLAG_ADULT && this.sYoung[si]) return false;
    if (flags & FLAG_PLAN) {
      const s = this.streamers[si] as MatchStreamer;
      const partners = this.pPartners[pi] as Set<string>;
      if (!partners.has(s.id) && !(s.mcn !== undefined && partners.has(s.mcn))) return false;
    }
    if (flags & FLAG_SLOW) return pairViolations(this.streamers[si] as MatchStreamer, this.products[pi] as MatchProduct).length === 0;
    return true;
  }

  /** The personalised score of an eligible pair (no constraint check). */
  score(si: number, pi: number): number {
    const d = this.d;
    const so = si * d;
    const po = pi * d;
    let s = 0;
    for (let q = 0; q < d; q++) s += (this.sVec[so + q] as number) * (this.pVec[po + q] as number);
    s += this.sAffinity[si * this.categories.length + (this.pCat[pi] as number)] as number;
    const inv = this.sPriceInvVar[si] as number;
    if (inv > 0) {
      const dx = (this.pLogPrice[pi] as number) - (this.sPriceMu[si] as number);
      s += this.weights.price * Math.max(-1, 1 - dx * dx * inv);
    }
    s += this.pStatic[pi] as number;
    for (let q = this.ownPtr[si] as number; q < (this.ownPtr[si + 1] as number); q++)
      if (this.ownIdx[q] === pi) s += this.ownVal[q] as number;
    return s;
  }

  /** The top-k eligible products for a streamer, best first. */
  rankProducts(streamerId: string, options: RankOptions): ProductMatch[] {
    const si = this.streamerIndex.get(streamerId);
    if (si === undefined) throw new RangeError(`unknown streamer ${streamerId}`);
    const heap = new TopK(Math.max(1, options.k));
    this.rankProductsInto(si, heap, options.personalised !== false);
    return heap.sorted().map(({ id, score }) => {
      const item = this.products[id] as MatchProduct;
      const out: ProductMatch = { id: item.id, score, item };
      if (options.explain) out.reasons = this.explain(si, id, options.personalised !== false);
      return out;
    });
  }

  /** The hot path: fills `heap` with the best eligible products of streamer `si`. */
  rankProductsInto(si: number, heap: TopK, personalised = true): void {
    heap.reset();
    const P = this.products.length;
    if (!this.sOk[si]) return;
    if (!personalised) {
      for (let pi = 0; pi < P; pi++) {
        const s = (this.pStatic[pi] as number) + (this.pPopularity[pi] as number);
        if (s > heap.floor && this.allowed(si, pi)) heap.offer(pi, s);
      }
      return;
    }
    const { d, sVec, pVec, pCat, pLogPrice, pStatic, bonus, pOk, pLic, pStock, pFlags, pSample } = this;
    const C = this.categories.length;
    const so = si * d;
    const own0 = this.ownPtr[si] as number;
    const own1 = this.ownPtr[si + 1] as number;
    for (let q = own0; q < own1; q++) bonus[this.ownIdx[q] as number] = this.ownVal[q] as number;
    const aff = this.sAffinity.subarray(si * C, si * C + C);
    const sv = Float64Array.from(sVec.subarray(so, so + d));
    const mu = this.sPriceMu[si] as number;
    const inv = this.sPriceInvVar[si] as number;
    const wPrice = this.weights.price;
    const lic = ~(this.sLic[si] as number);
    const units = this.sUnits[si] as number;
    const needSample = this.sNeedSample[si] as number;
    for (let pi = 0; pi < P; pi++) {
      if (!pOk[pi] || ((pLic[pi] as number) & lic) !== 0 || (pStock[pi] as number) < units || (needSample && !pSample[pi])) continue;
      let s = (pStatic[pi] as number) + (aff[pCat[pi] as number] as number) + (bonus[pi] as number);
      let po = pi * d;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let q = 0; q < d; q += 4, po += 4) {
        a0 += (sv[q] as number) * (pVec[po] as number);
        a1 += (sv[q + 1] as number) * (pVec[po + 1] as number);
        a2 += (sv[q + 2] as number) * (pVec[po + 2] as number);
        a3 += (sv[q + 3] as number) * (pVec[po + 3] as number);
      }
      s += a0 + a1 + a2 + a3;
      if (inv > 0) {
        const dx = (pLogPrice[pi] as number) - mu;
        const pf = 1 - dx * dx * inv;
        s += wPrice * Math.max(-1, pf);
      }
      if (s > heap.floor && (pFlags[pi] === 0 || this.allowed(si, pi))) heap.offer(pi, s);
    }
    for (let q = own0; q < own1; q++) bonus[this.ownIdx[q] as number] = 0;
  }

  /**
   * The batch form: the top products of streamers `s0` … `s1 − 1` into `heaps` (one per streamer), scanning the
   * products once for the whole block so that each product vector is read from memory once per block rather than
   * once per streamer. The same scores and constraints as `rankProductsInto`.
   */
  rankBlockInto(s0: number, s1: number, heaps: TopK[]): void {
    const B = s1 - s0;
    const { d, sVec, pVec, pCat, pLogPrice, pStatic, pOk, pLic, pStock, pFlags, pSample } = this;
    const C = this.categories.length;
    const P = this.products.length;
    const sv = new Float64Array(B * d);
    const lic = new Int32Array(B);
    const units = new Float64Array(B);
    const need = new Uint8Array(B);
    const ok = new Uint8Array(B);
    const mu = new Float64Array(B);
    const inv = new Float64Array(B);
    const marked = this.bonus; // scratch: 1 where some streamer of the block has its own interactions
    for (let b = 0; b < B; b++) {
      const si = s0 + b;
      (heaps[b] as TopK).reset();
      sv.set(sVec.subarray(si * d, si * d + d), b * d);
      lic[b] = ~(this.sLic[si] as number);
      units[b] = this.sUnits[si] as number;
      need[b] = this.sNeedSample[si] as number;
      ok[b] = this.sOk[si] as number;
      mu[b] = this.sPriceMu[si] as number;
      inv[b] = this.sPriceInvVar[si] as number;
      for (let q = this.ownPtr[si] as number; q < (this.ownPtr[si + 1] as number); q++) marked[this.ownIdx[q] as number] = 1;
    }
    const wPrice = this.weights.price;
    for (let pi = 0; pi < P; pi++) {
      if (!pOk[pi]) continue;
      if (marked[pi]) {
        for (let b = 0; b < B; b++) {
          const heap = heaps[b] as TopK;
          if (ok[b] && this.allowed(s0 + b, pi)) heap.offer(pi, this.score(s0 + b, pi));
        }
        continue;
      }
      const plic = pLic[pi] as number;
      const stock = pStock[pi] as number;
      const sample = pSample[pi] as number;
      const base = pStatic[pi] as number;
      const ci = pCat[pi] as number;
      const lp = pLogPrice[pi] as number;
      const po = pi * d;
      for (let b = 0; b < B; b++) {
        if (!ok[b] || (plic & (lic[b] as number)) !== 0 || stock < (units[b] as number) || (need[b] && !sample)) continue;
        let s = base + (this.sAffinity[(s0 + b) * C + ci] as number);
        const so = b * d;
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let q = 0; q < d; q += 4) {
          a0 += (sv[so + q] as number) * (pVec[po + q] as number);
          a1 += (sv[so + q + 1] as number) * (pVec[po + q + 1] as number);
          a2 += (sv[so + q + 2] as number) * (pVec[po + q + 2] as number);
          a3 += (sv[so + q + 3] as number) * (pVec[po + q + 3] as number);
        }
        s += a0 + a1 + a2 + a3;
        const iv = inv[b] as number;
        if (iv > 0) {
          const dx = lp - (mu[b] as number);
          s += wPrice * Math.max(-1, 1 - dx * dx * iv);
        }
        const heap = heaps[b] as TopK;
        if (s > heap.floor && (pFlags[pi] === 0 || this.allowed(s0 + b, pi))) heap.offer(pi, s);
      }
    }
    for (let b = 0; b < B; b++) {
      const si = s0 + b;
      for (let q = this.ownPtr[si] as number; q < (this.ownPtr[si + 1] as number); q++) marked[this.ownIdx[q] as number] = 0;
    }
  }

  /** The top-k eligible streamers for a product, best first. */
  rankStreamers(productId: string, options: RankOptions): StreamerMatch[] {
    const pi = this.productIndex.get(productId);
    if (pi === undefined) throw new RangeError(`unknown product ${productId}`);
    const heap = new TopK(Math.max(1, options.k));
    const personalised = options.personalised !== false;
    for (let si = 0; si < this.streamers.length; si++) {
      if (!this.allowed(si, pi)) continue;
      heap.offer(si, personalised ? this.score(si, pi) : this.nonPersonalisedStreamerScore(si));
    }
    return heap.sorted().map(({ id, score }) => {
      const item = this.streamers[id] as MatchStreamer;
      const out: StreamerMatch = { id: item.id, score, item };
      if (options.explain) out.reasons = this.explain(id, pi, personalised);
      return out;
    });
  }

  /**
   * The top-k eligible streamers for a merchant: each streamer scored by its best eligible product of the merchant,
   * with that product named (`product`); a streamer who may take none of them is left out.
   */
  rankStreamersForMerchant(merchantId: string, options: RankOptions): Array<StreamerMatch & { product: string }> {
    const mine: number[] = [];
    for (let pi = 0; pi < this.products.length; pi++) if ((this.products[pi] as MatchProduct).merchant === merchantId) mine.push(pi);
    if (mine.length === 0) throw new RangeError(`unknown merchant ${merchantId} (no product in the catalogue)`);
    const heap = new TopK(Math.max(1, options.k));
    const personalised = options.personalised !== false;
    const best = new Int32Array(this.streamers.length).fill(-1);
    for (let si = 0; si < this.streamers.length; si++) {
      let top = Number.NEGATIVE_INFINITY;
      for (const pi of mine) {
        if (!this.allowed(si, pi)) continue;
        const sc = personalised ? this.score(si, pi) : (this.pStatic[pi] as number) + this.nonPersonalisedStreamerScore(si);
        if (sc > top) {
          top = sc;
          best[si] = pi;
        }
      }
      if (best[si] !== -1) heap.offer(si, top);
    }
    return heap.sorted().map(({ id, score }) => {
      const item = this.streamers[id] as MatchStreamer;
      const pi = best[id] as number;
      const out: StreamerMatch & { product: string } = { id: item.id, score, item, product: (this.products[pi] as MatchProduct).id };
      if (options.explain) out.reasons = this.explain(id, pi, personalised);
      return out;
    });
  }

  /** Non-personalised order of streamers for a product: by activity (their share of history), the same for everyone. */
  private nonPersonalisedStreamerScore(si: number): number {
    return (this.ownPtr[si + 1] as number) - (this.ownPtr[si] as number);
  }

  /** Why a streamer may not take a product ("why not"): every violated constraint; empty when allowed. */
  whyNot(streamerId: string, productId: string): Violation[] {
    const si = this.streamerIndex.get(streamerId);
    const pi = this.productIndex.get(productId);
    if (si === undefined) throw new RangeError(`unknown streamer ${streamerId}`);
    if (pi === undefined) throw new RangeError(`unknown product ${productId}`);
    const s = this.streamers[si] as MatchStreamer;
    const p = this.products[pi] as MatchProduct;
    return [...streamerViolations(s), ...productViolations(p, this.merchants.get(p.merchant)), ...pairViolations(s, p)];
  }

  /** The reasons in words for a pair, strongest first. */
  explain(si: number, pi: number, personalised = true): Reason[] {
    return explainPair(this, si, pi, personalised);
  }
}

export const defaultAls = ALS_DEFAULTS;
export type { Violation };
