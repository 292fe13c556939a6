/**
 * The demo's stock comes from suppliers (docs/supply.md § In the demo, issue #20 "every unit of stock in the demo can
 * be traced from receipt to the buyer"): in a freshly seeded demo no `opening` movement remains, every receipt refers
 * to a purchase order received from a supplier, every SKU's on hand is its receipts less what left plus what came back,
 * and a buyer's shipped order leads, through the SKU's trace, back to the purchase order its units arrived on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
});
afterAll(async () => p?.close());

describe('the seeded demo stock', () => {
  it('has no opening movement: every SKU on hand is receipts from purchase orders − shipments ± the rest', async () => {
    const read = p.c.uow.read;
    const { rows, total } = await read.inventory.listMovements({ limit: 100_000, offset: 0 });
    expect(rows.length).toBe(total);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((m) => m.kind === 'opening')).toEqual([]);

    // every receipt refers to a purchase order (or a pre-sale's production order), received from a supplier
    const receipts = rows.filter((m) => m.kind === 'receipt');
    expect(receipts.length).toBeGreaterThan(0);
    expect(receipts.filter((m) => m.refType !== 'purchase_order' && m.refType !== 'production_order')).toEqual([]);
    const poIds = [...new Set(receipts.filter((m) => m.refType === 'purchase_order').map((m) => m.refId as string))];
    for (const id of poIds) {
      const po = await read.supply.findPurchaseOrder(id);
      expect(po?.status).toBe('received');
      const supplier = (await read.orgs.findByIds([po?.supplierOrgId ?? '']))[0];
      expect(supplier?.name).toBe('上海云链供应链管理有限公司');
      const accepted = new Map(po?.lines.map((l) => [l.skuId, l.received]));
      for (const m of receipts.filter((r) => r.refId === id)) {
        expect(m.merchantOrgId).toBe(po?.merchantOrgId);
        expect(m.qty).toBe(accepted.get(m.skuId));
      }
    }

    // per SKU: on hand (the projection, all warehouses) = Σ receipts − Σ shipments ± adjustments, transfers, returns, samples
    const levels = await read.inventory.levels({});
    const onHand = new Map<string, number>();
    for (const l of levels) onHand.set(l.skuId, (onHand.get(l.skuId) ?? 0) + l.onHand);
    const bySku = new Map<string, { receipts: number; shipments: number; rest: number }>();
    for (const m of rows) {
      const t = bySku.get(m.skuId) ?? { receipts: 0, shipments: 0, rest: 0 };
      if (m.kind === 'receipt') t.receipts += m.qty;
      else if (m.kind === 'shipment') t.shipments += -m.qty;
      else t.rest += m.qty;
      bySku.set(m.skuId, t);
    }
    for (const [skuId, t] of bySku) {
      expect(t.receipts, skuId).toBeGreaterThan(0);
      expect(onHand.get(skuId) ?? 0, skuId).toBe(t.receipts - t.shipments + t.rest);
    }
    // and every SKU of an approved demo product got its stock that way
    const approved = await read.catalog.listProducts({ status: ['approved'], limit: 1000 });
    const skus = await read.catalog.listSkus(approved.map((x) => x.id));
    expect(skus.length).toBeGreaterThan(20);
    expect(skus.filter((k) => !bySku.has(k.id)).map((k) => k.name)).toEqual([]);
  });

  it('a buyer’s shipped order traces back to the purchase order its SKU arrived on', async () => {
    const merchant = await p.login('merchant');
    const read = p.c.uow.read;
    const shipment = (
      await read.inventory.listMovements({ kind: 'shipment', merchantOrgId: merchant.me.active?.orgId ?? '', limit: 50, offset: 0 })
    ).rows.find((m) => m.refType === 'order');
    expect(shipment).toBeDefined();
    const trace = await p.call(merchant, 'GET', `/api/inventory/skus/${shipment?.skuId}/trace`);
    expect(trace.status).toBe(200);
    const movements: Array<{ kind: string; refType: string | null; refId: string | null; warehouseId: string }> = trace.body.movements;
    const at = movements.findIndex((m) => m.kind === 'shipment' && m.refId === shipment?.refId);
    expect(at).toBeGreaterThan(0);
    // oldest first: the receipt of a purchase order into the warehouse the order left from comes before the shipment
    const receipt = movements
      .slice(0, at)
      .find((m) => m.kind === 'receipt' && m.refType === 'purchase_order' && m.warehouseId === shipment?.warehouseId);
    expect(receipt).toBeDefined();
    const po = await p.call(merchant, 'GET', `/api/supply/purchase-orders/${receipt?.refId}`);
    expect(po.status).toBe(200);
    expect(po.body.status).toBe('received');
    expect(po.body.supplierName).toBe('上海云链供应链管理有限公司');
    const order = await read.orders.findOrder(shipment?.refId ?? '');
    expect(order?.status).toMatch(/shipped|delivered|completed/);
  });
});
