/**
 * Contract cases of the inventory port (库存): on hand is raised (row created) and lowered only while enough is there;
 * the sellable number moves only while it stays ≥ 0; warehouses list their owner's and the client's; movements filter
 * and page; the SKU's facts carry its owner and buffer.
 */
import type { MovementRecord, WarehouseRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, product, sku, storedOrg, uuid } from './fixtures.ts';

const warehouse = (ownerOrgId: string, over: Partial<WarehouseRecord> = {}): WarehouseRecord => ({
  id: uuid(),
  ownerOrgId,
  ownerKind: 'merchant',
  name: `仓 ${uuid().slice(0, 8)}`,
  region: '',
  address: '',
  status: 'active',
  isDefault: false,
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

export function inventoryCases(db: ContractDb): void {
  it('keeps on hand and sellable never below zero; lists warehouses, clients and movements', async () => {
    const r = db.r();
    const merchant = (await storedOrg(r, { kind: 'merchant' })).id;
    const provider = (await storedOrg(r, { kind: 'service_provider' })).id;
    const p = product(merchant);
    await r.catalog.insertProduct(p);
    const s = sku(p.id, { stock: 0 });
    await r.catalog.insertSku(s);
    const own = warehouse(merchant, { isDefault: true });
    const sp = warehouse(provider, { ownerKind: 'service_provider' });
    await r.inventory.insertWarehouse(own);
    await r.inventory.insertWarehouse(sp);
    expect((await r.inventory.defaultWarehouse(merchant))?.id).toBe(own.id);
    expect((await r.inventory.listWarehouses(merchant)).map((w) => w.id)).toEqual([own.id]);
    await r.inventory.addClient(sp.id, merchant, at(1));
    await r.inventory.addClient(sp.id, merchant, at(1));
    expect(await r.inventory.isClient(sp.id, merchant)).toBe(true);
    expect(await r.inventory.listClients(sp.id)).toEqual([merchant]);
    expect((await r.inventory.listWarehouses(merchant)).map((w) => w.id).sort()).toEqual([own.id, sp.id].sort());
    await r.inventory.updateWarehouse({ ...sp, status: 'closed' });
    expect((await r.inventory.findWarehouse(sp.id))?.status).toBe('closed');
    expect(await r.inventory.findWarehouse('nope')).toBeNull();

    await r.inventory.raiseLevel(s.id, own.id, merchant, 5, at(2));
    await r.inventory.raiseLevel(s.id, own.id, merchant, 2, at(2));
    expect(await r.inventory.lowerLevel(s.id, own.id, 8, at(3))).toBe(false);
    expect(await r.inventory.lowerLevel(s.id, own.id, 7, at(3))).toBe(true);
    expect(await r.inventory.lowerLevel(s.id, sp.id, 1, at(3))).toBe(false);
    expect((await r.inventory.levels({ skuIds: [s.id] }))[0]?.onHand).toBe(0);
    expect(await r.inventory.levels({ skuIds: [] })).toEqual([]);
    expect((await r.inventory.levels({ warehouseId: own.id, merchantOrgId: merchant })).length).toBe(1);

    expect(await r.inventory.moveSellable(s.id, 3)).toBe(true);
    expect(await r.inventory.moveSellable(s.id, -4)).toBe(false);
    await r.inventory.setSafetyBuffer(s.id, 2);
    const f = await r.inventory.skuFacts(s.id, { lock: true });
    expect(f).toMatchObject({ skuId: s.id, productId: p.id, merchantOrgId: merchant, sellable: 3, safetyBuffer: 2 });
    expect((await r.inventory.skuFactsMany([s.id])).length).toBe(1);
    expect((await r.inventory.merchantSkus(merchant)).map((x) => x.skuId)).toEqual([s.id]);

    const m = (kind: MovementRecord['kind'], qty: number, t: number): MovementRecord => ({
      id: uuid(),
      skuId: s.id,
      warehouseId: own.id,
      merchantOrgId: merchant,
      kind,
      qty,
      reason: null,
      refType: null,
      refId: null,
      actorUserId: null,
      actorLabel: 'contract',
      at: at(t),
    });
    await r.inventory.insertMovement(m('receipt', 5, 4));
    await r.inventory.insertMovement(m('shipment', -2, 5));
    const page = await r.inventory.listMovements({ skuId: s.id, kind: 'shipment', limit: 10, offset: 0, merchantOrgId: merchant });
    expect(page.total).toBe(1);
    expect(page.rows[0]?.qty).toBe(-2);
    expect((await r.inventory.skuMovements(s.id)).map((x) => x.kind)).toEqual(['receipt', 'shipment']);
  });
}
