/**
 * Selection-search benchmark (issue: "100,000 products; p50/p95 search latency for 20 typical queries on PGlite
 * and on PostgreSQL; goal p95 ≤ 50 ms on both"). 100,000 pool listings built from the demo generator
 * (`syntheticProduct` / `syntheticMerchant`), tokenized exactly as `SelectionService.refreshListing` does and
 * bulk-inserted into the read model, then 20 typical searches (Chinese keywords, keyword + filter combinations,
 * filter-only browsing) through the real path `SelectionService.search`, as a streamer (audience filter on) and as
 * the platform (no audience filter), 30 rounds after a warm-up.
 * Side by side in the same run: the naive way without the token index — `title ILIKE '%保温杯%' AND title ILIKE
 * '%316%'` over the same table with the same filters, order, page and capped count.
 * ratio = naive p95 ÷ our p95 on PGlite (the speed-up). BENCH_DATABASE_URL adds a run on PostgreSQL in a database
 * of its own. The table is ANALYZEd before measuring; `--no-analyze` measures plans without statistics instead (an
 * embedded install: PGlite has no autovacuum). Also `--products N`, `--rounds N`, `--naive-rounds N`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Actor,
  categoryPath,
  createMemoryKv,
  defaultCategories,
  documentTokens,
  type ListingRecord,
  queryTokens,
  type SearchInput,
} from '@livehub/core';
import { type Database, listingFilterConditions, openDatabase, schema, textArray } from '@livehub/db';
import { createContainer, loadConfig } from '@livehub/server';
import { and, asc, count, gt, lte, type SQL, sql } from 'drizzle-orm';
import { syntheticMerchant, syntheticProduct } from '@livehub/server/seed';
import { withScratchDatabase } from '@livehub/testing/scratch';
import { Prng } from './lib/chinese-text.ts';
import { percentile } from './lib/load.ts';

const GOAL_P95_MS = 50;
const NOW = new Date();
const DAY = 86_400_000;

/** A deterministic UUID per (kind, index), so every run loads the same pool. */
function uuidOf(kind: number, i: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}
const STREAMERS = 500;
const MCNS = 60;
const streamerId = (i: number) => uuidOf(2, i);
const mcnId = (i: number) => uuidOf(3, i);

/** The demo generator's merchant categories → catalog categories (default-categories.ts). */
function categoryOf(category: string, title: string, r: Prng): string {
  switch (category) {
    case '服饰':
      return title.includes('女款') || (!title.includes('男') && r.next() < 0.5) ? 'apparel.women' : 'apparel.men';
    case '美妆':
      return title.includes('口红') ? 'cosmetics.makeup' : 'cosmetics.skincare';
    case '食品':
      return title.includes('茶') ? 'food.tea' : 'food.snacks';
    case '农产品':
      return /猕猴桃|丑橘/.test(title) ? 'agri.fresh' : title.includes('大米') ? 'agri.grain' : 'agri.specialty';
    case '家居':
      return /四件套|护颈枕|床垫/.test(title) ? 'home.textile' : 'home.kitchen';
    case '数码':
      return 'electronics.appliances';
    case '母婴':
      return 'baby.toys';
    case '非遗手工艺':
      return 'handicraft';
    default:
      throw new Error(`no catalog category for ${category}`);
  }
}

/** Fictional brands (name, English name), half the products carry one. */
const BRANDS: Record<string, Array<[string, string | null]>> = {
  服饰: [
    ['棉语', 'Cottonly'],
    ['北纬织造', 'North Weave'],
  ],
  美妆: [
    ['植萃源', 'Herbaroot'],
    ['水光肌', 'Aqualume'],
  ],
  食品: [
    ['蜀味坊', 'Shuwei'],
    ['川小馋', null],
  ],
  农产品: [
    ['蒲江果园', null],
    ['滩羊人家', null],
  ],
  家居: [
    ['暖居', 'Warmnest'],
    ['匠心厨房', 'Crafted Kitchen'],
  ],
  数码: [
    ['声浪', 'Soundwave'],
    ['极充', 'Hyperchg'],
  ],
  母婴: [
    ['小贝壳', 'Little Shell'],
    ['暖暖宝', 'Nuanbao'],
  ],
  非遗手工艺: [
    ['竹韵', 'Bamboo Charm'],
    ['蜀绣坊', null],
  ],
};
const CLAIMS = ['正品保障', '现货速发', '七天无理由退货', '顺丰包邮', '运费险', '品质溯源'];
const SKU_VARIANTS = ['', ' 两件装', ' 家庭装', ' 礼盒装'];

/**
 * The i-th pool listing, as `refreshListing` would build it from a product, its SKUs, its brand, its category path
 * and its running plans.
 */
function listingOf(i: number, merchantCount: number, paths: Map<string, { ids: string[]; names: string[] }>): ListingRecord {
  const r = new Prng(i * 2_654_435_761 + 17);
  for (let k = 0; k < 4; k++) r.next(); // decorrelate neighbouring seeds
  const p = syntheticProduct(i, merchantCount);
  const m = syntheticMerchant(p.merchantIndex);
  const categoryId = categoryOf(p.category, p.title, r);
  const path = paths.get(categoryId);
  if (!path) throw new Error(`unknown category ${categoryId}`);
  const brand = r.next() < 0.5 ? r.pick(BRANDS[p.category] ?? []) : null;
  const claims = Array.from({ length: r.int(3) }, () => r.pick(CLAIMS));
  const spec = p.title.slice(p.title.indexOf(' ') + 1);
  const skus = Array.from({ length: 1 + r.int(3) }, (_, k) => ({
    name: `${spec}${SKU_VARIANTS[k] ?? ''}`,
    priceFen: p.priceFen * (1 + k),
  }));
  const stock = r.next() < 0.08 ? 0 : p.stock;
  const u = r.next();
  const salesCount = Math.floor(10 ** (5 * u * u)) - 1;
  const c = r.next();
  const commissionBp =
    c < 0.08 ? r.int(11) * 50 : c < 0.78 ? 500 + r.int(51) * 50 : c < 0.98 ? 3000 + r.int(61) * 50 : 6000 + r.int(61) * 50;
  // audience: most listings are under an open plan; some are targeted at streamers or MCNs (sometimes alongside)
  const a = r.next();
  const audience =
    a < 0.85
      ? ['*']
      : a < 0.92
        ? [`u:${streamerId(r.int(STREAMERS))}`]
        : a < 0.97
          ? [`o:${mcnId(r.int(MCNS))}`]
          : ['*', `u:${streamerId(r.int(STREAMERS))}`];
  const planTypes: ListingRecord['planTypes'] =
    a < 0.85 ? ['open'] : a < 0.97 ? [r.next() < 0.8 ? 'targeted' : 'exclusive'] : ['open', 'targeted'];
  // plan periods: almost all cover now; a few start later or have lapsed (not swept yet)
  const w = r.next();
  const liveFrom = new Date(NOW.getTime() + (w < 0.02 ? 1 + r.int(20) : -(1 + r.int(60))) * DAY);
  const liveUntil = new Date(
    w >= 0.02 && w < 0.03 ? NOW.getTime() - (1 + r.int(5)) * 3_600_000 : liveFrom.getTime() + (30 + r.int(90)) * DAY,
  );
  const prices = skus.map((s) => s.priceFen);
  return {
    productId: uuidOf(1, i),
    merchantOrgId: uuidOf(4, p.merchantIndex),
    merchantName: m.name,
    title: p.title,
    categoryId,
    categoryPath: path.ids,
    brandName: brand?.[0] ?? null,
    coverImageId: r.next() < 0.9 ? uuidOf(5, i) : null,
    minPriceFen: Math.min(...prices),
    maxPriceFen: Math.max(...prices),
    commissionBp,
    planTypes,
    audience,
    stock,
    salesCount,
    sampleAvailable: r.next() < 0.35,
    merchantCredit: null,
    tokens: documentTokens(p.title, brand?.[0], brand?.[1], ...path.names, ...claims, ...skus.map((s) => s.name)),
    liveFrom,
    liveUntil,
    updatedAt: NOW,
  };
}

/** `n` pool listings; 50 products per merchant. */
export function buildListings(n: number): ListingRecord[] {
  // category paths (ids, names) as CatalogService.categoryPathOf gives them
  const all = new Map(defaultCategories(NOW).map((x) => [x.id, x]));
  const paths = new Map(
    [...all.keys()].map((id) => {
      const path = categoryPath(all, id);
      return [id, { ids: path.map((x) => x.id), names: path.map((x) => x.nameZh) }];
    }),
  );
  const merchantCount = Math.max(1, Math.round(n / 50));
  return Array.from({ length: n }, (_, i) => listingOf(i, merchantCount, paths));
}

/** Bulk load: multi-row INSERTs of 1,000 rows, 10,000 rows per transaction, indexes in place. */
export async function loadListings(database: Database, rows: ListingRecord[]): Promise<void> {
  const perInsert = 1000;
  const perTx = 10_000;
  for (let i = 0; i < rows.length; i += perTx) {
    const chunk = rows.slice(i, i + perTx);
    await database.db.transaction(async (tx) => {
      for (let j = 0; j < chunk.length; j += perInsert) await tx.insert(schema.selectionListings).values(chunk.slice(j, j + perInsert));
    });
  }
}

interface Query {
  label: string;
  input: SearchInput;
}

const base = { sort: 'relevance', page: 1, pageSize: 20 } as const;
const text = (q: string): Query => ({ label: q, input: { ...base, q } });
/** 20 typical searches: keywords (one to two words), keywords with filters, and filter-only browsing. */
const QUERIES: Query[] = [
  text('保温杯 316'),
  text('羊毛 开衫'),
  text('面膜'),
  text('纯棉 T恤'),
  text('猕猴桃'),
  text('婴儿 湿巾'),
  text('竹刻'),
  text('蓝牙 耳机'),
  text('防晒'),
  text('茶叶'),
  text('推车'),
  text('精华液'),
  text('丝巾'),
  text('牛仔裤'),
  {
    label: '收纳 · home · ≤¥80 · in stock · price↑',
    input: { ...base, q: '收纳', category: 'home', priceMaxFen: 8000, inStock: true, sort: 'price_asc' },
  },
  {
    label: '火锅底料 · food · commission≥20% · by commission',
    input: { ...base, q: '火锅底料', category: 'food', commissionMinBp: 2000, sort: 'commission' },
  },
  {
    label: '充电器 · electronics · ¥50–150 · in stock · sample · by commission',
    input: {
      ...base,
      q: '充电器',
      category: 'electronics',
      priceMinFen: 5000,
      priceMaxFen: 15000,
      inStock: true,
      sampleAvailable: true,
      sort: 'commission',
    },
  },
  {
    label: '口红 · commission≥30% · sample · by sales',
    input: { ...base, q: '口红', commissionMinBp: 3000, sampleAvailable: true, sort: 'sales' },
  },
  {
    label: '(browse) cosmetics · commission≥20% · in stock · sample · by commission',
    input: { ...base, category: 'cosmetics', commissionMinBp: 2000, inStock: true, sampleAvailable: true, sort: 'commission' },
  },
  { label: '(browse) all · price↓', input: { ...base, sort: 'price_desc' } },
];

// ---- the naive way: substring match on the title, no token index ------------------------------------------------

const L = schema.selectionListings;
/** The repository's LISTING_ORDER, word for word (so both sides walk the same order indexes). */
const ORDER: Record<SearchInput['sort'], SQL> = {
  relevance: sql`${L.salesCount} DESC NULLS LAST, ${L.commissionBp} DESC NULLS LAST`,
  sales: sql`${L.salesCount} DESC NULLS LAST`,
  commission: sql`${L.commissionBp} DESC NULLS LAST, ${L.salesCount} DESC NULLS LAST`,
  price_asc: sql`${L.minPriceFen} ASC`,
  price_desc: sql`${L.minPriceFen} DESC NULLS LAST`,
  newest: sql`${L.liveFrom} DESC NULLS LAST`,
};

/** The search's filters other than the words and the time window: the repository's own conditions. */
const filters = (input: SearchInput) => listingFilterConditions({ ...input, categoryId: input.category });

/** `searchListings` (same SQL: filters, order, page, capped count) with `title ILIKE '%word%'` per word of the query instead of `tokens @> …`. */
async function naiveSearch(db: Database['db'], input: SearchInput, audience: string[] | null) {
  const words = (input.q ?? '').split(/\s+/).filter(Boolean);
  const where = and(
    lte(L.liveFrom, NOW),
    gt(L.liveUntil, NOW),
    ...words.map((w) => sql`${L.title} ILIKE ${`%${w.replace(/[\\%_]/g, (x) => `\\${x}`)}%`}`),
    audience ? sql`${L.audience} && ${textArray(audience)}` : undefined,
    ...filters(input),
  );
  const offset = (input.page - 1) * input.pageSize;
  const items = await db.select().from(L).where(where).orderBy(ORDER[input.sort], asc(L.productId)).limit(input.pageSize).offset(offset);
  let total = offset + items.length;
  if (items.length === input.pageSize) {
    const matches = db.select({ one: sql`1` }).from(L).where(where);
    const [row] = await db
      .select({ n: count() })
      .from(sql`(WITH matches AS MATERIALIZED (${matches}) SELECT 1 FROM matches LIMIT 1000) AS capped`);
    total = row?.n ?? total;
  }
  return { items, total };
}

/** Every listing the platform would find for `input`, without the count cap. */
async function allMatches(db: Database['db'], input: SearchInput): Promise<number> {
  const tokens = input.q ? queryTokens(input.q) : [];
  const [row] = await db
    .select({ n: count() })
    .from(L)
    .where(
      and(
        lte(L.liveFrom, NOW),
        gt(L.liveUntil, NOW),
        tokens.length > 0 ? sql`${L.tokens} @> ${textArray(tokens)}` : undefined,
        ...filters(input),
      ),
    );
  return row?.n ?? 0;
}

// ---- one driver ---------------------------------------------------------------------------------------------------

interface Stats {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { p50_ms: percentile(s, 50), p95_ms: percentile(s, 95), p99_ms: percentile(s, 99) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function measureDriver(
  label: string,
  url: string | undefined,
  opts: { products: number; rounds: number; naiveRounds: number; analyze: boolean },
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'livehub-bench-search-'));
  const database = await openDatabase({ url, poolSize: 4 });
  const c = await createContainer(loadConfig({ LIVEHUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), { database, kv: createMemoryKv() });
  try {
    process.stderr.write(`[${label}] building ${opts.products} listings …\n`);
    let t = performance.now();
    const rows = buildListings(opts.products);
    const tokenizeS = (performance.now() - t) / 1000;
    const tokensPerRow = rows.reduce((n, x) => n + x.tokens.length, 0) / rows.length;

    process.stderr.write(`[${label}] loading …\n`);
    t = performance.now();
    await loadListings(database, rows);
    const loadS = (performance.now() - t) / 1000;
    t = performance.now();
    if (opts.analyze) await database.exec('ANALYZE selection_listings');
    const analyzeS = (performance.now() - t) / 1000;
    const [size] = await database.exec(
      `select pg_total_relation_size('selection_listings') as total, pg_relation_size('selection_listings') as heap, pg_relation_size('selection_listings_tokens_gin') as gin`,
    );
    process.stderr.write(`[${label}] ${rows.length} rows in ${loadS.toFixed(1)} s (tokenize ${tokenizeS.toFixed(1)} s)\n`);

    const streamer: Actor = {
      userId: streamerId(0),
      label: 'bench-streamer',
      orgId: mcnId(0),
      membershipId: null,
      role: 'streamer',
      via: 'session',
    };
    const platform: Actor = {
      userId: uuidOf(6, 0),
      label: 'bench-admin',
      orgId: null,
      membershipId: null,
      role: 'platform_admin',
      via: 'session',
    };
    const streamerAudience = ['*', `u:${streamerId(0)}`, `o:${mcnId(0)}`];
    const actors = [
      { name: 'streamer', actor: streamer, audience: streamerAudience },
      { name: 'platform', actor: platform, audience: null },
    ] as const;

    // hits per query: the capped count the API reports, and every match (platform, no cap) — and a warm-up
    const hits: Record<string, Record<string, number>> = {};
    for (const q of QUERIES) {
      const h: Record<string, number> = { all_matches: await allMatches(database.db, q.input) };
      for (const a of actors) {
        h[a.name] = (await c.selection.search(a.actor, q.input)).total;
        h[`naive_${a.name}`] = (await naiveSearch(database.db, q.input, a.audience)).total;
      }
      hits[q.label] = h;
    }
    for (let w = 0; w < 3; w++) for (const q of QUERIES) for (const a of actors) await c.selection.search(a.actor, q.input);

    process.stderr.write(`[${label}] ours: ${opts.rounds} rounds × ${QUERIES.length} queries × ${actors.length} actors …\n`);
    const ours: Record<string, Record<string, number[]>> = { streamer: {}, platform: {} };
    for (let round = 0; round < opts.rounds; round++)
      for (const q of QUERIES)
        for (const a of actors) {
          const ms = await timed(() => c.selection.search(a.actor, q.input));
          (ours[a.name] as Record<string, number[]>)[q.label] ??= [];
          ours[a.name]?.[q.label]?.push(ms);
        }

    process.stderr.write(`[${label}] naive: ${opts.naiveRounds} rounds …\n`);
    for (const q of QUERIES) for (const a of actors) await naiveSearch(database.db, q.input, a.audience);
    const naive: Record<string, Record<string, number[]>> = { streamer: {}, platform: {} };
    for (let round = 0; round < opts.naiveRounds; round++)
      for (const q of QUERIES)
        for (const a of actors) {
          const ms = await timed(() => naiveSearch(database.db, q.input, a.audience));
          (naive[a.name] as Record<string, number[]>)[q.label] ??= [];
          naive[a.name]?.[q.label]?.push(ms);
        }

    const flat = (m: Record<string, Record<string, number[]>>, actor?: string) =>
      Object.entries(m)
        .filter(([k]) => !actor || k === actor)
        .flatMap(([, byQuery]) => Object.values(byQuery).flat());
    const perQuery = (m: Record<string, Record<string, number[]>>) =>
      Object.fromEntries(QUERIES.map((q) => [q.label, stats([...(m.streamer?.[q.label] ?? []), ...(m.platform?.[q.label] ?? [])]).p95_ms]));
    const result = {
      products: rows.length,
      load_s: Math.round(loadS * 10) / 10,
      tokenize_s: Math.round(tokenizeS * 10) / 10,
      analyze_s: Math.round(analyzeS * 100) / 100,
      tokens_per_listing: Math.round(tokensPerRow * 10) / 10,
      table_mb: Math.round((Number(size?.total) / 1048576) * 10) / 10,
      tokens_gin_mb: Math.round((Number(size?.gin) / 1048576) * 10) / 10,
      ...stats(flat(ours)),
      streamer: stats(flat(ours, 'streamer')),
      platform: stats(flat(ours, 'platform')),
      per_query_p95_ms: perQuery(ours),
      naive: { ...stats(flat(naive)), per_query_p95_ms: perQuery(naive) },
      hits,
      queries_with_hits: QUERIES.filter((q) => (hits[q.label]?.streamer ?? 0) > 0).length,
    };
    process.stderr.write(
      `[${label}] ours p50 ${result.p50_ms} p95 ${result.p95_ms} p99 ${result.p99_ms} ms | naive p50 ${result.naive.p50_ms} p95 ${result.naive.p95_ms} ms\n`,
    );
    return result;
  } finally {
    await c.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const arg = (name: string) => Number(args[args.indexOf(name) + 1]) || undefined;
  const opts = {
    products: arg('--products') ?? 100_000,
    rounds: arg('--rounds') ?? 30,
    naiveRounds: arg('--naive-rounds') ?? 10,
    // --no-analyze: plans without statistics, as on an embedded (PGlite) install where nothing runs ANALYZE
    analyze: !args.includes('--no-analyze'),
  };

  const embedded = await measureDriver('pglite', undefined, opts);
  let cluster: Awaited<ReturnType<typeof measureDriver>> | null = null;
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) {
    // Its own database, dropped afterwards: the machine's PostgreSQL outlives the run.
    const name = `livehub_bench_${Date.now().toString(36)}`;
    cluster = await withScratchDatabase(adminUrl, name, (url) => measureDriver('postgres', url, opts));
  }

  const ratio = Math.round((embedded.naive.p95_ms / embedded.p95_ms) * 100) / 100;
  const goalMet = embedded.p95_ms <= GOAL_P95_MS && (cluster === null || cluster.p95_ms <= GOAL_P95_MS);
  process.stderr.write(
    `\npglite p95 ${embedded.p95_ms} ms${cluster ? ` | postgres p95 ${cluster.p95_ms} ms` : ''} | naive (pglite) p95 ${embedded.naive.p95_ms} ms | ratio ${ratio} | goal ${GOAL_P95_MS} ms ${goalMet ? 'met' : 'MISSED'}\n`,
  );
  return {
    ratio,
    ratio_basis:
      'naive p95 (title ILIKE per query word, no token index; same table, filters, order, page and capped count) ÷ our p95 (SelectionService.search, GIN on tokens), PGlite, same run',
    p50_ms: embedded.p50_ms,
    p95_ms: embedded.p95_ms,
    p99_ms: embedded.p99_ms,
    goal_p95_ms: GOAL_P95_MS,
    goal_met: goalMet,
    goal_basis: cluster ? 'p95 ≤ goal on PGlite and on PostgreSQL' : 'p95 ≤ goal on PGlite (PostgreSQL not run: BENCH_DATABASE_URL unset)',
    load_s: embedded.load_s,
    products: opts.products,
    queries: QUERIES.length,
    rounds: opts.rounds,
    naive_rounds: opts.naiveRounds,
    page_size: 20,
    samples_basis:
      'each query as a streamer (audience filter) and as the platform (none), sequentially, one connection; after 3 warm-up rounds',
    ...(cluster
      ? {
          postgres_p50_ms: cluster.p50_ms,
          postgres_p95_ms: cluster.p95_ms,
          postgres_p99_ms: cluster.p99_ms,
          postgres_load_s: cluster.load_s,
          postgres_ratio: Math.round((cluster.naive.p95_ms / cluster.p95_ms) * 100) / 100,
        }
      : {}),
    drivers: { pglite: embedded, ...(cluster ? { postgres: cluster } : {}) },
  };
}
