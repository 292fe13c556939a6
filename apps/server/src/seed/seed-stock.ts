/**
 * 到货入库 in the demo: every seeded SKU's stock arrives as a received purchase order from a supplier (docs/supply.md
 * § In the demo), never as an opening movement, so every unit can be traced from its receipt to its buyer. Each
 * merchant names the demo supply-chain provider (上海云链供应链管理有限公司) as supplier of the products it stocks, opens
 * its 默认仓, and orders every SKU's stock from the provider through the real services: 新建 → the provider's 接单 and
 * 发货 → the merchant's 收货, which posts one `receipt` per line referring to the purchase order
 * (`PurchaseOrderService.receive` → `StockPostingService.postIn`). With the district's history the clock is moved
 * back before its first day, so the receipts come before every order shipped from them.
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { TimeTravel } from './seed-history.ts';
import { person, type RegistrySeed } from './seed-registry.ts';

const DAY = 86_400_000;

/** One merchant's stock to bring in: its staff and, per SKU, the units and the unit price it sells at. */
export interface StockOrder {
  staff: Actor;
  /** where the merchant's 默认仓 is (its district) */
  region: string;
  productIds: string[];
  skus: Array<{ skuId: string; qty: number; priceFen: number }>;
}

/** The demo provider's organization, once the registry has admitted it. */
export async function demoProviderOrg(c: Container, reg: RegistrySeed): Promise<string | null> {
  const m = (await c.uow.read.memberships.listForUser(reg.providerUserId)).find((x) => x.role === 'provider_staff');
  return m?.orgId ?? null;
}

/** A China day `days` from the clock's now. */
const chinaDay = (now: Date, days = 0) => new Date(now.getTime() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

/** 采购价: what the merchant pays the supplier per unit, a round share of its price. */
const unitCostOf = (priceFen: number) => Math.max(100, Math.round((priceFen * 0.45) / 100) * 100);

/**
 * Brings each merchant's stock in as one purchase order from the demo provider, received whole. `daysBack`: how far
 * before now the goods arrive (the history's first day); the clock is put back afterwards.
 */
export async function seedStockFromSupplier(
  c: Container,
  reg: RegistrySeed,
  orders: StockOrder[],
  travel?: { clock: TimeTravel; daysBack: number },
): Promise<{ purchaseOrders: number; units: number }> {
  const providerOrgId = await demoProviderOrg(c, reg);
  if (!providerOrgId) throw new Error('the demo supply-chain provider is not registered: the demo stock has no supplier');
  const provider = person(reg.providerUserId, 'provider_staff', providerOrgId);
  if (travel) travel.clock.shift(-travel.daysBack * DAY);
  let purchaseOrders = 0;
  let units = 0;
  try {
    for (const o of orders) {
      const lines = o.skus.filter((s) => s.qty > 0);
      if (lines.length === 0) continue;
      const staff = o.staff;
      await c.suppliers.addSupplier(staff, { supplierOrgId: providerOrgId, productIds: o.productIds });
      const own = (await c.inventory.listWarehouses(staff)).find((w) => w.isDefault && w.ownerOrgId === staff.orgId);
      const warehouse =
        own ?? (await c.inventory.createWarehouse(staff, { name: '默认仓', region: o.region, address: `${o.region} 商家自有仓` }));
      const po = await c.purchaseOrders.create(staff, {
        supplierOrgId: providerOrgId,
        warehouseId: warehouse.id,
        expectedOn: chinaDay(c.clock.now()),
        note: '开店首批备货',
        lines: lines.map((s) => ({ skuId: s.skuId, qty: s.qty, unitCostFen: unitCostOf(s.priceFen) })),
      });
      await c.purchaseOrders.confirm(provider, po.id);
      await c.purchaseOrders.ship(provider, po.id, {
        carrier: '顺丰速运',
        trackingNo: `SF${po.id.replaceAll('-', '').slice(-12).toUpperCase()}`,
      });
      await c.purchaseOrders.receive(staff, po.id, {
        lines: lines.map((s, i) => ({ lineNo: i + 1, accepted: s.qty, rejected: 0 })),
        note: '到货验收：数量相符，外包装完好',
      });
      purchaseOrders++;
      units += lines.reduce((n, s) => n + s.qty, 0);
    }
  } finally {
    if (travel) travel.clock.reset();
  }
  return { purchaseOrders, units };
}
