/**
 * A large synthetic catalogue for the matching benchmark (100,000 products, 10,000 streamers by default) with
 * precomputed factors, deterministic for a seed so that worker threads can rebuild exactly the same engine. The
 * constraints are live: licences, review states, plans, adult-only products, stock, samples, merchant tiers.
 */
import {
  type MatchCatalog,
  MatchingEngine,
  type MatchMerchant,
  type MatchProduct,
  type MatchStreamer,
  mulberry32,
} from '@livehub/matching';

const CATEGORIES = [
  'cosmetics',
  'apparel',
  'food',
  'agri',
  'electronics',
  'home',
  'baby',
  'health_food',
  'sports',
  'handicraft',
  'jewelry',
  'pets',
  'liquor',
  'drug',
];

export interface BenchCatalogOptions {
  products: number;
  streamers: number;
  factors: number;
  seed: number;
}

export function benchCatalog(o: BenchCatalogOptions): {
  catalog: MatchCatalog;
  factors: { dim: number; rows: Float32Array; cols: Float32Array };
} {
  const rnd = mulberry32(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const merchants: MatchMerchant[] = Array.from({ length: Math.ceil(o.products / 20) }, (_, i) => ({
    id: `m${i}`,
    admitted: rnd() > 0.02,
    creditTier: pick(['A', 'A', 'B', 'B', 'B', 'C', 'D'] as const),
  }));
  const products: MatchProduct[] = [];
  for (let i = 0; i < o.products; i++) {
    const category = pick(CATEGORIES);
    const r = rnd();
    products.push({
      id: `p${i}`,
      category,
      merchant: `m${Math.floor(rnd() * merchants.length)}`,
      priceFen: Math.round(Math.exp(7 + rnd() * 5)),
      commissionBp: Math.floor(rnd() * 40) * 100,
      status: r < 0.95 ? 'approved' : pick(['in_review', 'delisted', 'rejected'] as const),
      requiredLicences: category === 'drug' ? ['pharmacist'] : category === 'health_food' && rnd() < 0.3 ? ['nutritionist'] : [],
      adultOnly: category === 'liquor',
      stock: rnd() < 0.8 ? Math.floor(rnd() * 5000) : undefined,
      sampleAvailable: rnd() < 0.7,
      plan:
        rnd() < 0.05 ? { type: 'targeted', partners: [`s${Math.floor(rnd() * o.streamers)}`, `mcn${Math.floor(rnd() * 50)}`] } : undefined,
      audience: { female: rnd(), age18_24: rnd(), age25_34: rnd(), age35_44: rnd() },
      conversionRate: rnd() * 0.1,
      returnRate: rnd() * 0.3,
      complaintRate: rnd() * 0.05,
      gmv30dFen: Math.floor(Math.exp(rnd() * 15)),
    });
  }
  const streamers: MatchStreamer[] = [];
  for (let j = 0; j < o.streamers; j++)
    streamers.push({
      id: `s${j}`,
      categories: [pick(CATEGORIES), pick(CATEGORIES)],
      audience: { female: rnd(), under18: rnd() < 0.1 ? 0.2 : 0.01, age18_24: rnd(), age25_34: rnd() },
      certified: rnd() > 0.01,
      licences: rnd() < 0.05 ? ['pharmacist'] : rnd() < 0.1 ? ['nutritionist'] : [],
      mcn: rnd() < 0.6 ? `mcn${Math.floor(rnd() * 50)}` : undefined,
      expectedUnits: Math.floor(rnd() * 800),
      requiresSample: rnd() < 0.2,
    });
  const f = o.factors;
  const rows = new Float32Array(o.streamers * f);
  const cols = new Float32Array(o.products * f);
  for (let i = 0; i < rows.length; i++) rows[i] = (rnd() - 0.5) * 0.6;
  for (let i = 0; i < cols.length; i++) cols[i] = (rnd() - 0.5) * 0.6;
  return { catalog: { products, streamers, merchants }, factors: { dim: f, rows, cols } };
}

export function benchEngine(o: BenchCatalogOptions): MatchingEngine {
  const { catalog, factors } = benchCatalog(o);
  return MatchingEngine.build(catalog, { factors });
}
