/**
 * 需求协同 in the demo (docs/supply.md § Live demand): the demo supply-chain service provider (上海云链供应链管理有限公司,
 * registered through the registry) is named supplier of every product by the demo merchant and by the merchant
 * selling in the demo's live room, through the supply service as the merchants' staff — so the live room's demand
 * and its alerts reach the provider's 供应商工作台. The provider also runs a warehouse (云链嘉定中心仓, docs/supply.md
 * § Stock model) with the demo merchant as its client, and the merchant moves part of one SKU's stock there (调拨),
 * so 库存 shows stock in two warehouses and its trace a transfer. Two 采购单 (docs/supply.md § Purchase orders) from the
 * demo merchant to the provider wait on the demo's people: one shipped with a tracking number, to receive into the
 * provider's warehouse (收货 is the demo's step: the seed moves no stock through it), one sent, for the provider to
 * confirm in its console. Two pre-sales (预售, seed-presales.ts): one open with deposits, one closed into a 生产单 to the
 * provider.
 */
import { type Actor, cliActor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { RegistrySeed } from './seed-registry.ts';
import { seedPresales } from './seed-presales.ts';

export async function seedSupply(c: Container, reg: RegistrySeed): Promise<{ links: number }> {
  const provider = (await c.uow.read.memberships.listForUser(reg.providerUserId)).find((m) => m.role === 'provider_staff');
  if (!provider) return { links: 0 };
  const live = await c.uow.read.live.listSessions({ status: ['live'], limit: 20 });
  const roomMerchants = new Set<string>();
  for (const s of live) for (const p of await c.uow.read.live.listProducts(s.id)) roomMerchants.add(p.merchantOrgId);
  const merchants = reg.merchants.filter((m, i) => i === 0 || roomMerchants.has(m.orgId));
  let links = 0;
  for (const m of merchants) {
    const staff: Actor = { ...cliActor('seed'), userId: m.staffUserId, orgId: m.orgId, role: 'merchant_staff', label: 'merchant' };
    await c.suppliers.addSupplier(staff, { supplierOrgId: provider.orgId, productIds: null });
    links++;
  }
  await seedProviderWarehouse(c, reg, provider.orgId);
  // 预售: one open pre-sale with deposits, one closed into a production order to the provider (seed-presales.ts)
  await seedPresales(c, reg, provider.orgId);
  return { links };
}

async function seedProviderWarehouse(c: Container, reg: RegistrySeed, providerOrgId: string): Promise<void> {
  const m = reg.merchants[0];
  if (!m) return;
  const providerActor: Actor = {
    ...cliActor('seed'),
    userId: reg.providerUserId,
    orgId: providerOrgId,
    role: 'provider_staff',
    label: 'provider',
  };
  const staff: Actor = { ...cliActor('seed'), userId: m.staffUserId, orgId: m.orgId, role: 'merchant_staff', label: 'merchant' };
  const wh = await c.inventory.createWarehouse(providerActor, {
    name: '云链嘉定中心仓',
    region: '上海市 嘉定区',
    address: '嘉定工业区叶城路 1288 号',
  });
  await c.inventory.addClient(providerActor, wh.id, m.orgId);
  const own = (await c.inventory.listWarehouses(staff)).find((w) => w.isDefault && w.ownerOrgId === m.orgId);
  const sku = (await c.inventory.levels(staff)).find((l) => (l.warehouses.find((w) => w.warehouseId === own?.id)?.onHand ?? 0) >= 200);
  if (!own || !sku) return;
  await c.inventory.transfer(staff, {
    skuId: sku.skuId,
    fromWarehouseId: own.id,
    toWarehouseId: wh.id,
    qty: 100,
    reason: '备货至云链中心仓',
  });
  await seedPurchaseOrders(c, staff, providerActor, wh.id);
}

/** A China day `days` from the clock's now. */
const dayFrom = (now: Date, days: number) => new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function seedPurchaseOrders(c: Container, staff: Actor, providerActor: Actor, warehouseId: string): Promise<void> {
  const skus = (await c.uow.read.inventory.merchantSkus(staff.orgId as string)).slice(0, 3);
  const [a, b, d] = skus;
  if (!a || !b || !d) return;
  const now = c.clock.now();
  const shipped = await c.purchaseOrders.create(staff, {
    supplierOrgId: providerActor.orgId as string,
    warehouseId,
    expectedOn: dayFrom(now, 2),
    note: '2027 网上年货节备货',
    lines: [
      { skuId: a.skuId, qty: 200, unitCostFen: 2_800 },
      { skuId: b.skuId, qty: 120, unitCostFen: 4_500 },
    ],
  });
  await c.purchaseOrders.confirm(providerActor, shipped.id);
  await c.purchaseOrders.ship(providerActor, shipped.id, { carrier: '顺丰速运', trackingNo: 'SF1408823376012' });
  await c.purchaseOrders.create(staff, {
    supplierOrgId: providerActor.orgId as string,
    warehouseId,
    expectedOn: dayFrom(now, 7),
    note: '直播间补货',
    lines: [{ skuId: d.skuId, qty: 80, unitCostFen: 1_900 }],
  });
}
