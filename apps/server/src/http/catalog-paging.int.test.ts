/**
 * The product list a page at a time (issue #13 item 6): newest first by (createdAt, id), keyset cursors as the order
 * lists use them (`before` + `beforeId` of the last product shown), no product twice or missed across pages even
 * when products share their creation instant or are edited between pages, a page's look-ups done once per page (not
 * once per product), and a bad cursor or page size refused with a field-level 400.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.parse('2026-06-01T02:00:00Z'));
let p: TestPlatform;
let merchant: TestSession;
let admin: TestSession;
const created: string[] = [];

interface Row {
  id: string;
  title: string;
  createdAt: string;
  merchantName: string;
  brand: { name: string } | null;
  categoryPath: Array<{ id: string }>;
  skus: Array<{ priceFen: number; lowest7dPriceFen: number | null }>;
}

async function get(s: TestSession, url: string) {
  const res = await p.app.inject({ method: 'GET', url, headers: s.headers(false) });
  return { status: res.statusCode, body: res.json() };
}

/** Every page of `url` (limit `size`), following the cursor of each page's last product. */
async function allPages(s: TestSession, url: string, size: number): Promise<Row[][]> {
  const pages: Row[][] = [];
  let cursor = '';
  for (;;) {
    const r = await get(s, `${url}${url.includes('?') ? '&' : '?'}limit=${size}${cursor}`);
    expect(r.status).toBe(200);
    const page = r.body as Row[];
    pages.push(page);
    const tail = page.at(-1);
    if (page.length < size || !tail) return pages;
    cursor = `&before=${encodeURIComponent(tail.createdAt)}&beforeId=${tail.id}`;
  }
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [merchant, admin] = await Promise.all([p.login('merchant'), p.login('admin')]);
  const brand = await p.app.inject({
    method: 'POST',
    url: '/api/catalog/brands',
    headers: merchant.headers(true),
    payload: { name: '分页测试品牌', owned: true },
  });
  expect(brand.statusCode).toBe(201);
  // 12 products: four at each of three instants, so pages must break ties between equal creation times by id
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) clock.advance(60_000);
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/catalog/products',
      headers: merchant.headers(true),
      payload: {
        title: `分页测试商品 第${i + 1}号 保温杯`,
        description: '双层真空，保温12小时。',
        claims: ['316不锈钢内胆'],
        categoryId: 'home.kitchen',
        ...(i % 2 === 0 ? { brandId: brand.json().id } : {}),
        sampleAvailable: false,
        sampleStock: 0,
        skus: [
          { name: '500ml', priceFen: 8900 + i, stock: 10 },
          { name: '750ml', priceFen: 9900 + i, stock: 10 },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    created.push(res.json().id);
  }
  clock.advance(60_000);
});
afterAll(async () => p?.close());

describe('GET /api/catalog/products, a page at a time', () => {
  it('pages newest first by (createdAt, id), with no product twice and none missed', async () => {
    const whole = (await get(merchant, '/api/catalog/products?limit=100')).body as Row[];
    expect(whole.length).toBeGreaterThanOrEqual(12);
    expect(whole.length).toBeLessThan(100);
    for (const id of created) expect(whole.map((r) => r.id)).toContain(id);
    // the order: createdAt descending, then id descending
    for (let i = 1; i < whole.length; i++) {
      const [a, b] = [whole[i - 1] as Row, whole[i] as Row];
      expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
    }
    for (const size of [1, 3, 5]) {
      const pages = await allPages(merchant, '/api/catalog/products', size);
      const ids = pages.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(whole.map((r) => r.id));
      for (const page of pages.slice(0, -1)) expect(page).toHaveLength(size);
    }
  });

  it('keeps its place while products are edited between pages (the order is by creation, not by the last edit)', async () => {
    const first = (await get(merchant, '/api/catalog/products?limit=4')).body as Row[];
    const tail = first.at(-1) as Row;
    const whole = (await get(merchant, '/api/catalog/products?limit=100')).body as Row[];
    // a product of a later page is edited: it must neither jump onto the page already read nor vanish
    const later = whole[6] as Row;
    const edit = await p.app.inject({
      method: 'PATCH',
      url: `/api/catalog/products/${later.id}`,
      headers: merchant.headers(true),
      payload: { title: `${later.title} 新款` },
    });
    expect(edit.statusCode).toBe(200);
    const rest = (await get(merchant, `/api/catalog/products?limit=100&before=${encodeURIComponent(tail.createdAt)}&beforeId=${tail.id}`))
      .body as Row[];
    expect([...first, ...rest].map((r) => r.id)).toEqual(whole.map((r) => r.id));
  });

  it('presents every row in full: merchant name, brand, category path, SKUs with their 7-day lowest price', async () => {
    const page = (await get(merchant, '/api/catalog/products?limit=12')).body as Row[];
    const mine = page.filter((r) => created.includes(r.id));
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(r.merchantName).not.toBe('');
      expect(r.categoryPath.map((c) => c.id)).toEqual(['home', 'home.kitchen']);
      expect(r.skus).toHaveLength(2);
      for (const s of r.skus) expect(s.lowest7dPriceFen).toBe(s.priceFen);
      const i = created.indexOf(r.id);
      expect(r.brand?.name ?? null).toBe(i % 2 === 0 ? '分页测试品牌' : null);
    }
  });

  it('looks up SKUs, prices, brands and merchants once per page, not once per product', async () => {
    const read = p.c.uow.read;
    const spies = [
      vi.spyOn(read.catalog, 'listSkus'),
      vi.spyOn(read.catalog, 'lowestPrice'),
      vi.spyOn(read.catalog, 'findBrand'),
      vi.spyOn(read.orgs, 'findById'),
    ];
    try {
      const page = (await get(admin, '/api/catalog/products?limit=12')).body as Row[];
      expect(page).toHaveLength(12);
      const [skus, prices, brand, org] = spies.map((s) => s.mock.calls.length);
      expect(skus).toBe(1);
      expect(prices).toBe(1);
      expect(brand).toBe(0);
      expect(org).toBe(0);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('pages a merchant filter and a status filter for the platform too', async () => {
    const me = (await p.app.inject({ method: 'GET', url: '/api/auth/me', headers: merchant.headers(false) })).json();
    const orgId = me.active.orgId as string;
    const pages = await allPages(admin, `/api/catalog/products?merchantOrgId=${orgId}&status=draft`, 5);
    const ids = pages.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of created) expect(ids).toContain(id);
  });

  it('counts the list by status for its tabs (the merchant its own, the platform any merchant’s)', async () => {
    const mine = await get(merchant, '/api/catalog/products/counts');
    expect(mine.status).toBe(200);
    const whole = (await get(merchant, '/api/catalog/products?limit=100')).body as Array<Row & { status: string }>;
    const expected: Record<string, number> = { draft: 0, in_review: 0, returned: 0, approved: 0, rejected: 0, delisted: 0 };
    for (const r of whole) expected[r.status] = (expected[r.status] ?? 0) + 1;
    expect(mine.body).toEqual(expected);
    expect(mine.body.draft).toBeGreaterThanOrEqual(12);
    const me = (await p.app.inject({ method: 'GET', url: '/api/auth/me', headers: merchant.headers(false) })).json();
    expect((await get(admin, `/api/catalog/products/counts?merchantOrgId=${me.active.orgId}`)).body).toEqual(expected);
    const bad = await get(admin, '/api/catalog/products/counts?merchantOrgId=x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('merchantOrgId');
    const consumer = await p.login('consumer');
    expect((await get(consumer, '/api/catalog/products/counts')).status).toBe(403);
  });

  it.each([
    ['before=yesterday&beforeId=0196f0a0-0000-7000-8000-000000000000', 'before'],
    ['before=2026-06-01T02:00:00.000Z', 'beforeId'],
    ['beforeId=0196f0a0-0000-7000-8000-000000000000', 'before'],
    ['before=2026-06-01T02:00:00.000Z&beforeId=not-a-uuid', 'beforeId'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
  ])('refuses %s with 400 naming the field %s', async (query, field) => {
    for (const lang of ['zh-CN', 'en-US']) {
      const res = await p.app.inject({
        method: 'GET',
        url: `/api/catalog/products?${query}`,
        headers: { ...merchant.headers(false), 'accept-language': lang },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'request.invalid', field });
      expect(res.json().error.message).toMatch(lang === 'zh-CN' ? /请求参数无效/ : /Invalid request/);
    }
  });
});
