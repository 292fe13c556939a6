/**
 * LiveHub itself for the catalog-list benchmark: the real container and app (PGlite in a fresh data directory, or
 * PostgreSQL when DATABASE_URL is set) with the demo data, plus a large catalog for the demo merchant — PRODUCTS
 * products (2,000 by default) of SKUS_PER_PRODUCT SKUs each, every SKU with PRICE_POINTS points of price history
 * over the last 30 days, one brand in two products. The catalog is written in bulk through the catalog repository
 * (one transaction per 100 products): the benchmark measures reading the list, not the review workflow.
 *
 * Prints one line `{"ready":true,…}` with the port and the merchant's session cookie; SIGTERM stops it.
 */
import type { BrandRecord, PricePointRecord, ProductRecord, SkuRecord } from '@livehub/core';
import { buildApp, createContainer } from '@livehub/server';
import { DEMO_PASSWORD, seedDemo, syntheticProduct } from '@livehub/server/seed';
import { flashConfig, shutdownOnSignals } from './flash-process.ts';

const PRODUCTS = Number(process.env.PRODUCTS ?? 2000);
const SKUS = Number(process.env.SKUS_PER_PRODUCT ?? 3);
const POINTS = Number(process.env.PRICE_POINTS ?? 8);
const DAY = 86_400_000;
const CATEGORIES = ['home.kitchen', 'home.textile', 'food.snacks', 'food.tea', 'apparel.women', 'electronics.appliances'];

const { dataDir, config } = flashConfig('catalog');
const c = await createContainer(config, { fastHashing: true });
const tSeed = performance.now();
await seedDemo(c, { scale: 1 });
const { app } = await buildApp(c, { serveWeb: false });
shutdownOnSignals({ app, c }, dataDir);

const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'merchant', password: DEMO_PASSWORD } });
const session = login.cookies.find((k) => k.name === 'lh_session');
if (login.statusCode !== 200 || !session) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
const cookie = `lh_session=${session.value}`;
const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json() as { active: { orgId: string } | null };
const merchantOrgId = me.active?.orgId;
if (!merchantOrgId) throw new Error('the demo merchant has no organization');

const now = c.clock.now().getTime();
const brands: BrandRecord[] = Array.from({ length: 40 }, (_, i) => ({
  id: c.ids.next(),
  name: `压测品牌${i + 1}`,
  nameKey: `压测品牌${i + 1}`,
  nameEn: null,
  ownerOrgId: merchantOrgId,
  trademarkNo: null,
  protected: false,
  protectedReason: null,
  protectedAt: null,
  createdBy: merchantOrgId,
  createdAt: new Date(now - 60 * DAY),
}));
await c.uow.transaction(async (tx) => {
  for (const b of brands) await tx.catalog.insertBrand(b);
});
const STATUSES: ProductRecord['status'][] = ['approved', 'approved', 'approved', 'draft', 'in_review', 'delisted'];
for (let from = 0; from < PRODUCTS; from += 100) {
  await c.uow.transaction(async (tx) => {
    for (let i = from; i < Math.min(PRODUCTS, from + 100); i++) {
      const s = syntheticProduct(i, 12);
      const created = new Date(now - 30 * DAY + i * 60_000);
      const p: ProductRecord = {
        id: c.ids.next(),
        merchantOrgId,
        categoryId: CATEGORIES[i % CATEGORIES.length] as string,
        brandId: i % 2 === 0 ? (brands[i % brands.length] as BrandRecord).id : null,
        title: s.title,
        description: `${s.title}，压测商品 ${i + 1}`,
        claims: ['正品保障', '七天无理由退货'],
        referencePriceFen: s.priceFen + 1000,
        imageIds: [],
        qualificationDocIds: [],
        sampleAvailable: i % 3 === 0,
        sampleStock: 5,
        status: STATUSES[i % STATUSES.length] as ProductRecord['status'],
        statusReason: null,
        reviewApplicationId: null,
        checks: null,
        salesCount: i % 97,
        crossBorder: false,
        declaredValueFen: null,
        originCountry: null,
        importMode: null,
        version: 1,
        createdAt: created,
        updatedAt: created,
      };
      await tx.catalog.insertProduct(p);
      for (let k = 0; k < SKUS; k++) {
        const sku: SkuRecord = {
          id: c.ids.next(),
          productId: p.id,
          name: `规格${k + 1}`,
          code: null,
          priceFen: s.priceFen + k * 500,
          stock: s.stock,
          sort: k,
          createdAt: created,
          updatedAt: created,
        };
        await tx.catalog.insertSku(sku);
        for (let j = 0; j < POINTS; j++) {
          const point: PricePointRecord = {
            id: c.ids.next(),
            skuId: sku.id,
            priceFen: sku.priceFen + ((j * 37) % 5) * 100,
            source: j % 4 === 3 ? 'promotion' : 'list',
            validFrom: new Date(now - 30 * DAY + j * (30 / POINTS) * DAY),
            validTo: j === POINTS - 1 ? null : new Date(now - 30 * DAY + (j + 1) * (30 / POINTS) * DAY),
          };
          await tx.catalog.insertPricePoint(point);
        }
      }
    }
  });
}
const seedMs = Math.round(performance.now() - tSeed);
await c.database.refreshStatistics();

await app.listen({ port: config.port, host: config.host });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : config.port;
process.stdout.write(
  `${JSON.stringify({ ready: true, pid: process.pid, port, cookie, products: PRODUCTS, skus: PRODUCTS * SKUS, pricePoints: PRODUCTS * SKUS * POINTS, seedMs })}\n`,
);
