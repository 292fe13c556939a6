/**
 * Test helpers for orders through the API: `demoSkuInStock` finds an approved SKU of the demo merchant with stock to
 * spare, and `placeAndPay` places one unit of it for a consumer and pays it on the simulated pay page, waiting until
 * the order reads `paid`.
 */
import { expect } from 'vitest';
import type { TestPlatform, TestSession } from './test-platform.ts';

const ADDRESS = { name: '王五', phone: '13712345678', region: '四川省 成都市', detail: '高新区天府大道 999 号' };

export async function demoSkuInStock(p: TestPlatform): Promise<string> {
  const merchant = await p.login('merchant');
  const merchantOrg = merchant.me.active?.orgId as string;
  const products = await p.c.uow.read.catalog.listProducts({ merchantOrgId: merchantOrg, status: ['approved'], limit: 20 });
  const skus = await p.c.uow.read.catalog.listSkus(products.map((x) => x.id));
  const sku = skus.find((k) => k.stock > 5);
  expect(sku, 'the demo merchant has an approved SKU in stock').toBeTruthy();
  return sku?.id as string;
}

export async function placeAndPay(p: TestPlatform, consumer: TestSession, skuId: string): Promise<string> {
  const o = await p.call(consumer, 'POST', '/api/orders', { lines: [{ skuId, qty: 1 }], address: ADDRESS });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  const pay = await p.call(consumer, 'POST', `/api/orders/${o.body.id}/pay`, {});
  expect(pay.status).toBe(200);
  const url = new URL(pay.body.payUrl);
  const confirm = await p.call(null, 'POST', `${url.pathname}/confirm`, { t: url.searchParams.get('t'), outcome: 'succeed' });
  expect(confirm.status).toBe(200);
  for (let i = 0; i < 100; i++) {
    if ((await p.call(consumer, 'GET', `/api/orders/${o.body.id}`)).body.status === 'paid') return o.body.id as string;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the order was not paid');
}
