/**
 * Contract cases of the supply port (需求协同): one link per merchant × supplier (naming again replaces it), active
 * links by merchant or supplier; an alert stored once per session × SKU × level; 加购 counted per session × SKU ×
 * minute; one replenishment request per alert
 * per supplier (`supply.replenishment_exists`); transitions happen once; a purchase order with its lines and receipts,
 * one per replenishment request (`supply.replenishment_ordered`), listed by merchant, supplier, warehouse and status.
 */
import type {
  DemandAlertRecord,
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  ReplenishmentRecord,
  SupplierLinkRecord,
} from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, uuid } from './fixtures.ts';

const link = (merchantOrgId: string, supplierOrgId: string, productIds: string[] | null): SupplierLinkRecord => ({
  id: uuid(),
  merchantOrgId,
  supplierOrgId,
  supplierKind: 'service_provider',
  productIds,
  status: 'active',
  createdBy: null,
  createdAt: at(0),
  updatedAt: at(0),
});

const alert = (sessionId: string, skuId: string, level: DemandAlertRecord['level'], merchantOrgId: string): DemandAlertRecord => ({
  id: uuid(),
  sessionId,
  merchantOrgId,
  productId: uuid(),
  skuId,
  level,
  stock: 3,
  ratePerMinute: 2.5,
  projectedMinutes: 1.2,
  suggestedQty: 147,
  createdAt: at(1),
});

const request = (a: DemandAlertRecord, supplierOrgId: string): ReplenishmentRecord => ({
  id: uuid(),
  merchantOrgId: a.merchantOrgId,
  supplierOrgId,
  productId: a.productId,
  skuId: a.skuId,
  sessionId: a.sessionId,
  alertId: a.id,
  qty: 10,
  status: 'requested',
  requestedBy: null,
  createdAt: at(2),
  updatedAt: at(2),
  confirmedAt: null,
  shippedAt: null,
});

export function supplyCases(db: ContractDb): void {
  it('keeps one link per merchant and supplier; lists active links by merchant or supplier', async () => {
    const r = db.r();
    const [m, s] = [uuid(), uuid()];
    const first = await r.supply.upsertLink(link(m, s, null));
    const again = await r.supply.upsertLink({ ...link(m, s, ['p1']), updatedAt: at(2) });
    expect(again.id).toBe(first.id);
    expect(again.productIds).toEqual(['p1']);
    expect((await r.supply.listLinks({ merchantOrgIds: [m] })).map((l) => l.id)).toEqual([first.id]);
    expect((await r.supply.listLinks({ supplierOrgId: s })).map((l) => l.merchantOrgId)).toEqual([m]);
    await r.supply.setLinkStatus(first.id, 'removed', at(3));
    expect(await r.supply.listLinks({ supplierOrgId: s })).toEqual([]);
    expect((await r.supply.findLink(first.id))?.status).toBe('removed');
    expect(await r.supply.listLinks({ merchantOrgIds: [] })).toEqual([]);
  });

  it('stores an alert once per session, SKU and level', async () => {
    const r = db.r();
    const [session, sku, m] = [uuid(), uuid(), uuid()];
    const a = alert(session, sku, 'selling_out', m);
    expect(await r.supply.insertAlert(a)).toBe(true);
    expect(await r.supply.insertAlert(alert(session, sku, 'selling_out', m))).toBe(false);
    expect(await r.supply.insertAlert(alert(session, sku, 'sold_out', m))).toBe(true);
    expect(await r.supply.findAlert(a.id)).toMatchObject({ level: 'selling_out', ratePerMinute: 2.5, projectedMinutes: 1.2 });
    expect(await r.supply.listAlerts({ sessionIds: [session], limit: 10 })).toHaveLength(2);
    expect(await r.supply.listAlerts({ merchantOrgIds: [m], limit: 1 })).toHaveLength(1);
  });

  it('counts 加购 per session, SKU and minute, racing adds included; lists a session’s counters by minute', async () => {
    const r = db.r();
    const [session, other, k1, k2] = [uuid(), uuid(), uuid(), uuid()];
    await Promise.all(Array.from({ length: 5 }, () => r.supply.addCart(session, k1, 3, at(1))));
    await r.supply.addCart(session, k1, 2, at(1));
    await r.supply.addCart(session, k2, 3, at(1));
    await r.supply.addCart(other, k1, 3, at(1));
    const counts = await r.supply.cartAdds(session);
    expect(counts.map((c) => c.minute)).toEqual([2, 3, 3]);
    expect(counts).toEqual(
      expect.arrayContaining([
        { skuId: k1, minute: 2, adds: 1 },
        { skuId: k1, minute: 3, adds: 5 },
        { skuId: k2, minute: 3, adds: 1 },
      ]),
    );
    expect(await r.supply.cartAdds(uuid())).toEqual([]);
  });

  it('one replenishment request per alert and supplier; a transition happens once', async () => {
    const r = db.r();
    const a = alert(uuid(), uuid(), 'sold_out', uuid());
    await r.supply.insertAlert(a);
    const req = request(a, uuid());
    await r.supply.insertReplenishment(req);
    await expect(r.supply.insertReplenishment({ ...req, id: uuid() })).rejects.toMatchObject({ code: 'supply.replenishment_exists' });
    expect(await r.supply.transitionReplenishment(req.id, 'requested', { status: 'confirmed', updatedAt: at(3), confirmedAt: at(3) })).toBe(
      true,
    );
    expect(await r.supply.transitionReplenishment(req.id, 'requested', { status: 'confirmed', updatedAt: at(4), confirmedAt: at(4) })).toBe(
      false,
    );
    expect((await r.supply.findReplenishment(req.id, { lock: true }))?.status).toBe('confirmed');
    expect((await r.supply.listReplenishments({ supplierOrgId: req.supplierOrgId, limit: 10 })).map((x) => x.id)).toEqual([req.id]);
    expect(await r.supply.listReplenishments({ merchantOrgId: req.merchantOrgId, limit: 10 })).toHaveLength(1);
  });

  it('a purchase order with its lines and receipts; one per replenishment request; listed by party, warehouse and status', async () => {
    const r = db.r();
    const [m, s, wh] = [uuid(), uuid(), uuid()];
    const po = (over: Partial<PurchaseOrderRecord> = {}, id = uuid()): PurchaseOrderRecord => ({
      id,
      number: `CG${id}`,
      merchantOrgId: m,
      supplierOrgId: s,
      warehouseId: wh,
      status: 'sent',
      expectedOn: '2026-12-10',
      note: null,
      replenishmentId: null,
      carrier: null,
      trackingNo: null,
      endReason: null,
      createdBy: null,
      createdAt: at(1),
      updatedAt: at(1),
      confirmedAt: null,
      shippedAt: null,
      endedAt: null,
      ...over,
    });
    const lines = (poId: string): PurchaseOrderLineRecord[] => [
      { poId, lineNo: 1, skuId: uuid(), productId: uuid(), qty: 10, unitCostFen: 100, shipped: 0, received: 0, rejected: 0 },
      { poId, lineNo: 2, skuId: uuid(), productId: uuid(), qty: 3, unitCostFen: 50, shipped: 0, received: 0, rejected: 0 },
    ];
    const a = po();
    await r.supply.insertPurchaseOrder(a, lines(a.id));
    const b = po({ createdAt: at(2), status: 'confirmed' });
    await r.supply.insertPurchaseOrder(b, lines(b.id));
    const found = await r.supply.findPurchaseOrder(a.id, { lock: true });
    expect(found?.lines.map((l) => [l.lineNo, l.qty])).toEqual([
      [1, 10],
      [2, 3],
    ]);
    expect(await r.supply.findPurchaseOrder(uuid())).toBeNull();

    expect(await r.supply.transitionPurchaseOrder(a.id, ['sent'], { status: 'confirmed', updatedAt: at(3), confirmedAt: at(3) })).toBe(
      true,
    );
    expect(await r.supply.transitionPurchaseOrder(a.id, ['sent'], { status: 'declined', updatedAt: at(4) })).toBe(false);
    expect(await r.supply.transitionPurchaseOrder(a.id, [], { status: 'declined', updatedAt: at(4) })).toBe(false);
    await r.supply.updatePurchaseOrderLine(a.id, 2, { shipped: 3, received: 2, rejected: 1 });
    expect((await r.supply.findPurchaseOrder(a.id))?.lines[1]).toMatchObject({ shipped: 3, received: 2, rejected: 1 });

    expect((await r.supply.listPurchaseOrders({ merchantOrgId: m, limit: 10 })).map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await r.supply.listPurchaseOrders({ supplierOrgId: s, limit: 1 })).map((x) => x.id)).toEqual([b.id]);
    expect((await r.supply.listPurchaseOrders({ warehouseIds: [wh], limit: 10 }))[1]?.lines).toHaveLength(2);
    expect(await r.supply.listPurchaseOrders({ warehouseIds: [], limit: 10 })).toEqual([]);
    expect(await r.supply.listPurchaseOrders({ merchantOrgId: m, statuses: [], limit: 10 })).toEqual([]);
    expect((await r.supply.listPurchaseOrders({ merchantOrgId: m, statuses: ['confirmed'], limit: 10 })).map((x) => x.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );

    const receipt = (id: string, minute: number) => ({
      id,
      poId: a.id,
      lines: [{ lineNo: 2, accepted: 1, rejected: 0, reason: null }],
      note: null,
      receivedBy: null,
      receivedByLabel: '仓管',
      receivedAt: at(minute),
    });
    const [r2, r1] = [uuid(), uuid()];
    await r.supply.insertPurchaseReceipt(receipt(r2, 6));
    await r.supply.insertPurchaseReceipt(receipt(r1, 5));
    expect((await r.supply.listPurchaseReceipts([a.id, b.id])).map((x) => x.id)).toEqual([r1, r2]);
    expect(await r.supply.listPurchaseReceipts([])).toEqual([]);

    // one order per replenishment request
    const al = alert(uuid(), uuid(), 'sold_out', m);
    await r.supply.insertAlert(al);
    const req = request(al, s);
    await r.supply.insertReplenishment(req);
    const c = po({ replenishmentId: req.id });
    await r.supply.insertPurchaseOrder(c, lines(c.id));
    expect(await r.supply.purchaseOrdersFor([req.id, uuid()])).toEqual([{ replenishmentId: req.id, id: c.id, number: c.number }]);
    expect(await r.supply.purchaseOrdersFor([])).toEqual([]);
    const d = po({ replenishmentId: req.id });
    await expect(r.supply.insertPurchaseOrder(d, lines(d.id))).rejects.toMatchObject({ code: 'supply.replenishment_ordered' });
  });
}
