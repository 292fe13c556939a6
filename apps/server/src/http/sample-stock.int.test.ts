/**
 * Samples move stock through the same path as orders (issue #20 item 3, docs/supply.md § Samples): the merchant's
 * 发货 of a sample posts a `sample_out` of one unit from a warehouse (on hand and sellable −1), the merchant's 确认归还
 * a `sample_return` into the same warehouse (both back); shipping from a warehouse without the SKU is a 409 on
 * `warehouseId` with nothing written. On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, openWarehouse, type TestPlatform, type TestSession } from '@livehub/server/testing';

let p: TestPlatform;
let merchant: TestSession;
let streamer: TestSession;
let sampleId: string;
let skuId: string;

const stockOf = async (id: string) => {
  const levels = await p.c.uow.read.inventory.levels({ skuIds: [id] });
  const byWarehouse = new Map(levels.map((l) => [l.warehouseId, l.onHand]));
  return { byWarehouse, sellable: (await p.c.uow.read.inventory.skuFacts(id))?.sellable ?? -1 };
};
const movementsOf = async (refId: string) => (await p.c.uow.read.inventory.listMovements({ refId, limit: 10, offset: 0 })).rows;
const auditCount = () => p.c.uow.read.audit.count();

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  merchant = await p.login('merchant');
  // the seed's request from another streamer, waiting for the demo merchant (seed-catalog.ts)
  const waiting = await p.call(merchant, 'GET', '/api/samples?status=requested');
  const req = waiting.body[0];
  sampleId = req.id;
  const who = (await p.c.uow.read.users.findByIds([req.streamerUserId]))[0];
  streamer = await p.login(who?.username ?? '');
  skuId = (await p.c.uow.read.catalog.listSkus([req.productId]))[0]?.id ?? '';
  expect((await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, { action: 'approve' })).status).toBe(200);
});
afterAll(async () => p?.close());

describe('samples through the stock ledger', () => {
  it('shipping from a warehouse without the SKU is 409 on warehouseId, nothing written', async () => {
    const emptyId = await openWarehouse(p, merchant, '样品空仓', '上海市 嘉定区', '云谷路 1 号');
    const before = await stockOf(skuId);
    const audits = await auditCount();
    const r = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '顺丰速运',
      trackingNo: 'SF1402238899',
      warehouseId: emptyId,
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'inventory.insufficient', field: 'warehouseId' });
    expect(r.body.error.message).toBeTruthy();
    expect((await p.call(merchant, 'GET', `/api/samples/${sampleId}`)).body.status).toBe('approved');
    expect(await movementsOf(sampleId)).toEqual([]);
    expect(await stockOf(skuId)).toEqual(before);
    expect(await auditCount()).toBe(audits);

    // someone else's warehouse: 404 on warehouseId
    const other = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '顺丰速运',
      trackingNo: 'SF1402238899',
      warehouseId: '00000000-0000-7000-8000-000000000000',
    });
    expect(other.status).toBe(404);
    expect(other.body.error).toMatchObject({ code: 'inventory.warehouse_not_found', field: 'warehouseId' });
  });

  it('ships a unit out (sample_out, audited) and takes it back on 确认归还 (sample_return) into the same warehouse', async () => {
    const before = await stockOf(skuId);
    const shipped = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '顺丰速运',
      trackingNo: 'SF1402238899',
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('shipped');
    const [out] = await movementsOf(sampleId);
    expect(out).toMatchObject({ kind: 'sample_out', qty: -1, skuId, refType: 'sample', refId: sampleId });
    const during = await stockOf(skuId);
    expect(during.sellable).toBe(before.sellable - 1);
    expect(during.byWarehouse.get(out?.warehouseId ?? '')).toBe((before.byWarehouse.get(out?.warehouseId ?? '') ?? 0) - 1);
    const audit = (await p.c.uow.read.audit.list({ limit: 50, action: 'sample.ship' })).find((a) => a.targetId === sampleId);
    expect(audit?.detail).toMatchObject({ warehouseId: out?.warehouseId });

    expect((await p.call(streamer, 'POST', `/api/samples/${sampleId}/actions`, { action: 'receive' })).status).toBe(200);
    expect(
      (
        await p.call(streamer, 'POST', `/api/samples/${sampleId}/actions`, {
          action: 'ship_return',
          carrier: '顺丰速运',
          trackingNo: 'SF9902238899',
        })
      ).status,
    ).toBe(200);
    // the streamer's return shipment moves nothing yet: the unit is on its way back
    expect(await movementsOf(sampleId)).toHaveLength(1);
    const back = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, { action: 'confirm_return' });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('returned');
    const rows = await movementsOf(sampleId);
    expect(rows.map((m) => [m.kind, m.qty, m.warehouseId]).sort()).toEqual(
      [
        ['sample_out', -1, out?.warehouseId],
        ['sample_return', 1, out?.warehouseId],
      ].sort(),
    );
    expect(await stockOf(skuId)).toEqual(before);

    // the SKU's trace (溯源) shows both, referring to the sample request
    const trace = await p.call(merchant, 'GET', `/api/inventory/skus/${skuId}/trace`);
    const kinds = trace.body.movements.filter((m: { refId: string }) => m.refId === sampleId).map((m: { kind: string }) => m.kind);
    expect(kinds).toEqual(['sample_out', 'sample_return']);
  });
});
