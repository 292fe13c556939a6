/**
 * A labelled interaction history for the matching engine (人货匹配), with a known ground truth. Each streamer has a
 * latent taste (a point in a small style space), one to three main categories, an audience (gender and age shares
 * drawn from those categories' buyers) and a usual price level; each product a category, a style, a price, a
 * commission, an intrinsic popularity (log-normal: a few hits, a long tail) and a life on the shelf (launch day and
 * weeks on sale). A streamer's true affinity for a product is
 *   β·(taste · style) + log popularity + γ·[main category] − δ·(log price − usual price level)² + audience fit,
 * and every day each streamer browses products drawn in proportion to exp(affinity) among those on sale: an
 * impression, then a click, a sample request, an agreement and sales, each step likelier the higher the affinity;
 * streamers also sell again products they sold before while those are on sale. Deterministic for a seed.
 *
 * `lines()` gives the JSON Lines file `livehub match evaluate --history` reads (catalogue first, then interactions
 * in time order); `affinity(s, p)` is the ground truth.
 */
import { mulberry32 } from '@livehub/matching';

export interface HistoryProduct {
  type: 'product';
  id: string;
  category: string;
  priceFen: number;
  commissionBp: number;
  merchant: string;
}
export interface HistoryStreamer {
  type: 'streamer';
  id: string;
  categories: string[];
  audience: Record<string, number>;
}
export interface HistoryInteraction {
  streamer: string;
  product: string;
  kind: 'impression' | 'click' | 'sample' | 'agreement' | 'sale';
  at: string;
  gmvFen?: number;
}

export interface MatchingSample {
  products: HistoryProduct[];
  streamers: HistoryStreamer[];
  interactions: HistoryInteraction[];
  /** the ground truth: the true affinity of a streamer for a product */
  affinity(streamer: string, product: string): number;
  /** the JSON Lines of the history file */
  lines(): string[];
}

export interface MatchingSampleOptions {
  seed: number;
  streamers: number;
  products: number;
  days: number;
  /** latent style dimensions */
  styles: number;
  /** products browsed per streamer per day, on average */
  browsePerDay: number;
}

export const SAMPLE_CATEGORIES: ReadonlyArray<{
  id: string;
  female: number;
  age: [number, number, number, number, number];
  priceYuan: number;
}> = [
  { id: 'cosmetics', female: 0.85, age: [0.05, 0.35, 0.4, 0.15, 0.05], priceYuan: 150 },
  { id: 'apparel', female: 0.7, age: [0.05, 0.3, 0.35, 0.2, 0.1], priceYuan: 120 },
  { id: 'food', female: 0.55, age: [0.05, 0.2, 0.3, 0.25, 0.2], priceYuan: 40 },
  { id: 'agri', female: 0.5, age: [0.02, 0.1, 0.25, 0.3, 0.33], priceYuan: 60 },
  { id: 'electronics', female: 0.3, age: [0.08, 0.35, 0.35, 0.15, 0.07], priceYuan: 600 },
  { id: 'home', female: 0.6, age: [0.02, 0.15, 0.35, 0.3, 0.18], priceYuan: 90 },
  { id: 'baby', female: 0.8, age: [0.0, 0.15, 0.6, 0.2, 0.05], priceYuan: 110 },
  { id: 'health_food', female: 0.55, age: [0.0, 0.1, 0.2, 0.3, 0.4], priceYuan: 200 },
  { id: 'sports', female: 0.35, age: [0.1, 0.4, 0.3, 0.15, 0.05], priceYuan: 250 },
  { id: 'handicraft', female: 0.6, age: [0.05, 0.25, 0.3, 0.25, 0.15], priceYuan: 80 },
  { id: 'jewelry', female: 0.8, age: [0.02, 0.3, 0.35, 0.2, 0.13], priceYuan: 400 },
  { id: 'pets', female: 0.6, age: [0.05, 0.4, 0.35, 0.15, 0.05], priceYuan: 70 },
];
const AGE_KEYS = ['under18', 'age18_24', 'age25_34', 'age35_44', 'age45plus'] as const;
const DAY = 86_400_000;

export function matchingHistorySample(options: Partial<MatchingSampleOptions> = {}): MatchingSample {
  const o: MatchingSampleOptions = { seed: 1, streamers: 1500, products: 4000, days: 90, styles: 6, browsePerDay: 3, ...options };
  const rnd = mulberry32(o.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const poisson = (lambda: number) => {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rnd();
    } while (p > l && k < 1000);
    return k - 1;
  };
  // category popularity: a Zipf-like skew
  const catW = SAMPLE_CATEGORIES.map((_, i) => 1 / (i + 1) ** 0.7);
  const catTotal = catW.reduce((a, b) => a + b, 0);
  const pickCat = () => {
    let x = rnd() * catTotal;
    for (let i = 0; i < catW.length; i++) {
      x -= catW[i] as number;
      if (x <= 0) return i;
    }
    return catW.length - 1;
  };
  const L = o.styles;
  const start = Date.parse('2026-06-01T00:00:00Z');
  // category style centres: products of a category share part of their style
  const catStyle = SAMPLE_CATEGORIES.map(() => Array.from({ length: L }, () => gauss() * 0.5));

  const merchants = Math.max(5, Math.round(o.products / 12));
  const products: HistoryProduct[] = [];
  const pCat: number[] = [];
  const pStyle: Float64Array[] = [];
  const pLogPop: number[] = [];
  const pLogPrice: number[] = [];
  const pLaunch: number[] = [];
  const pEnd: number[] = [];
  for (let i = 0; i < o.products; i++) {
    const ci = pickCat();
    const c = SAMPLE_CATEGORIES[ci]!;
    const style = Float64Array.from({ length: L }, (_, q) => (catStyle[ci]![q] as number) + gauss() * 0.8);
    const logPrice = Math.log(c.priceYuan * 100) + gauss() * 0.5 + 0.15 * (style[0] as number);
    const launch = Math.floor(rnd() * (o.days + 30)) - 30;
    const life = 25 + Math.floor(rnd() * 50);
    products.push({
      type: 'product',
      id: `p${(i + 1).toString().padStart(5, '0')}`,
      category: c.id,
      priceFen: Math.max(100, Math.round(Math.exp(logPrice) / 10) * 10),
      commissionBp: 500 + Math.floor(rnd() * 30) * 100,
      merchant: `m${(Math.floor(rnd() * merchants) + 1).toString().padStart(4, '0')}`,
    });
    pCat.push(ci);
    pStyle.push(style);
    pLogPop.push(gauss() * 1.0);
    pLogPrice.push(logPrice);
    pLaunch.push(launch);
    pEnd.push(launch + life);
  }

  const streamers: HistoryStreamer[] = [];
  const sCats: Set<number>[] = [];
  const sTaste: Float64Array[] = [];
  const sActivity: number[] = [];
  const sPrice: number[] = [];
  const sFemale: number[] = [];
  const sAges: number[][] = [];
  for (let j = 0; j < o.streamers; j++) {
    const n = 1 + Math.floor(rnd() * 3);
    const cats = new Set<number>();
    while (cats.size < n) cats.add(pickCat());
    const list = [...cats];
    const taste = Float64Array.from(
      { length: L },
      (_, q) => list.reduce((a, ci) => a + (catStyle[ci]![q] as number), 0) / list.length + gauss() * 0.9,
    );
    let female = list.reduce((a, ci) => a + SAMPLE_CATEGORIES[ci]!.female, 0) / list.length + gauss() * 0.08;
    female = Math.min(0.97, Math.max(0.03, female));
    const ages = AGE_KEYS.map((_, b) =>
      Math.max(0, list.reduce((a, ci) => a + SAMPLE_CATEGORIES[ci]!.age[b]!, 0) / list.length + gauss() * 0.04),
    );
    const sum = ages.reduce((a, b) => a + b, 0) || 1;
    const audience: Record<string, number> = { female: Math.round(female * 100) / 100 };
    AGE_KEYS.forEach((k, b) => {
      audience[k] = Math.round(((ages[b] as number) / sum) * 100) / 100;
    });
    const price = list.reduce((a, ci) => a + Math.log(SAMPLE_CATEGORIES[ci]!.priceYuan * 100), 0) / list.length + gauss() * 0.3;
    streamers.push({
      type: 'streamer',
      id: `s${(j + 1).toString().padStart(5, '0')}`,
      categories: list.map((ci) => SAMPLE_CATEGORIES[ci]!.id),
      audience,
    });
    sCats.push(cats);
    sTaste.push(taste);
    sActivity.push(Math.exp(gauss() * 0.6));
    sPrice.push(price);
    sFemale.push(female);
    sAges.push(ages.map((a) => a / sum));
  }

  const BETA = 1.2;
  const GAMMA = 2.0;
  const DELTA = 0.6;
  const trueAffinity = (j: number, i: number) => {
    const t = sTaste[j]!;
    const v = pStyle[i]!;
    let dot = 0;
    for (let q = 0; q < L; q++) dot += (t[q] as number) * (v[q] as number);
    const c = SAMPLE_CATEGORIES[pCat[i] as number]!;
    const gender = sFemale[j]! * c.female + (1 - sFemale[j]!) * (1 - c.female);
    let age = 0;
    for (let b = 0; b < 5; b++) age += (sAges[j]![b] as number) * (c.age[b] as number);
    const dp = (pLogPrice[i] as number) - (sPrice[j] as number);
    return BETA * dot + (pLogPop[i] as number) + (sCats[j]!.has(pCat[i] as number) ? GAMMA : 0) - DELTA * dp * dp + 1.5 * gender + 2 * age;
  };

  // per-streamer cumulative weights over all products; the products not on sale that day are redrawn
  const interactions: Array<HistoryInteraction & { t: number }> = [];
  const cum = new Float64Array(o.products);
  const iso = (t: number) => new Date(t).toISOString();
  const push = (j: number, i: number, kind: HistoryInteraction['kind'], t: number) => {
    const e: HistoryInteraction & { t: number } = { streamer: streamers[j]!.id, product: products[i]!.id, kind, at: iso(t), t };
    if (kind === 'sale') e.gmvFen = products[i]!.priceFen * (1 + poisson(20));
    interactions.push(e);
  };
  for (let j = 0; j < o.streamers; j++) {
    let total = 0;
    const aff = new Float64Array(o.products);
    for (let i = 0; i < o.products; i++) {
      aff[i] = trueAffinity(j, i);
      total += Math.exp(aff[i] as number);
      cum[i] = total;
    }
    const draw = () => {
      const x = rnd() * total;
      let lo = 0;
      let hi = o.products - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cum[mid] as number) < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const sold = new Set<number>();
    for (let day = 0; day < o.days; day++) {
      const browse = poisson(o.browsePerDay * (sActivity[j] as number));
      for (let b = 0; b < browse; b++) {
        let i = -1;
        for (let tries = 0; tries < 20; tries++) {
          const c = draw();
          if ((pLaunch[c] as number) <= day && day < (pEnd[c] as number)) {
            i = c;
            break;
          }
        }
        if (i < 0) continue;
        const t = start + day * DAY + Math.floor(rnd() * DAY * 0.9);
        push(j, i, 'impression', t);
        const lift = 1 / (1 + Math.exp(-((aff[i] as number) - 3)));
        if (rnd() > 0.1 + 0.4 * lift) continue;
        push(j, i, 'click', t + 60_000);
        if (rnd() > 0.1 + 0.5 * lift) continue;
        push(j, i, 'sample', t + 3_600_000);
        if (rnd() > 0.3 + 0.5 * lift) continue;
        const agreedAt = t + DAY + Math.floor(rnd() * 2 * DAY);
        push(j, i, 'agreement', agreedAt);
        const saleDay = Math.floor((agreedAt - start) / DAY) + 1 + Math.floor(rnd() * 4);
        if (saleDay < o.days && saleDay < (pEnd[i] as number)) {
          push(j, i, 'sale', start + saleDay * DAY + Math.floor(rnd() * DAY * 0.9));
          sold.add(i);
        }
      }
      // selling again what sold before, while it is on sale
      for (const i of sold)
        if (day < (pEnd[i] as number) && rnd() < 0.03) push(j, i, 'sale', start + day * DAY + Math.floor(rnd() * DAY * 0.9));
    }
  }
  interactions.sort((a, b) => a.t - b.t);
  const out: HistoryInteraction[] = interactions.map(({ t: _t, ...e }) => e);
  const sIdx = new Map(streamers.map((s, j) => [s.id, j]));
  const pIdx = new Map(products.map((p, i) => [p.id, i]));
  return {
    products,
    streamers,
    interactions: out,
    affinity: (s, p) => trueAffinity(sIdx.get(s) as number, pIdx.get(p) as number),
    lines: () => [
      ...products.map((p) => JSON.stringify(p)),
      ...streamers.map((s) => JSON.stringify(s)),
      ...out.map((e) => JSON.stringify(e)),
    ],
  };
}
