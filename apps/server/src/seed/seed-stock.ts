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

/** What the stocking brought in, and the purchase orders and organizations whose inbox items it leaves behind. */
export interface StockingResult {
  purchaseOrders: number;
  units: number;
  numbers: string[];
  orgIds: string[];
}

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
): Promise<StockingResult> {
  const providerOrgId = await demoProviderOrg(c, reg);
  if (!providerOrgId) throw new Error('the demo supply-chain provider is not registered: the demo stock has no supplier');
  const provider = person(reg.providerUserId, 'provider_staff', providerOrgId);
  if (travel) travel.clock.shift(-travel.daysBack * DAY);
  let purchaseOrders = 0;
  let units = 0;
  const numbers: string[] = [];
  const orgIds = new Set<string>([providerOrgId]);
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
      numbers.push(po.number);
      if (staff.orgId) orgIds.add(staff.orgId);
      units += lines.reduce((n, s) => n + s.qty, 0);
    }
  } finally {
    if (travel) travel.clock.reset();
  }
  return { purchaseOrders, units, numbers, orgIds: [...orgIds] };
}

/**
 * The stocking orders are history: their 新采购单 (to the provider) and 采购单已发货 (to the merchant) were acted on —
 * 接单, 收货 — when the goods came in, so once the outbox has delivered them the seed marks those items read for every
 * member who got one. Items of the demo's open purchase orders (one waiting for 接单, one for 收货) stay unread.
 */
export async function readStockingNotices(c: Container, stocked: StockingResult): Promise<number> {
  let read = 0;
  for (const orgId of stocked.orgIds)
    for (const m of await c.uow.read.memberships.listForOrg(orgId)) {
      const member = person(m.userId, m.role, orgId);
      for (const kind of ['supply.po_sent', 'supply.po_shipped'] as const) {
        const page = await c.notifications.list(member, { unread: true, kind, limit: 100 });
        for (const n of page.items)
          if (stocked.numbers.some((number) => n.titleZh.endsWith(` ${number}`))) {
            await c.notifications.markRead(member, n.id);
            read++;
          }
      }
    }
  return read;
}
