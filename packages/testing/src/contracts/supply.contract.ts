/**
 * Contract cases of the supply port (需求协同): one link per merchant × supplier (naming again replaces it), active
 * links by merchant or supplier; an alert stored once per session × SKU × level; one replenishment request per alert
 * per supplier (`supply.replenishment_exists`); transitions happen once.
 */
import type { DemandAlertRecord, ReplenishmentRecord, SupplierLinkRecord } from '@livehub/core';
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

  it('one replenishment request per alert and supplier; a transition happens once', async () => {
    const r = db.r();
    const a = alert(uuid(), uuid(), 'sold_out', uuid());
    await r.supply.insertAlert(a);
    const req: ReplenishmentRecord = {
      id: uuid(),
      merchantOrgId: a.merchantOrgId,
      supplierOrgId: uuid(),
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
    };
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
}
