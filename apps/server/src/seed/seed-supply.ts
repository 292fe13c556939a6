/**
 * 需求协同 in the demo (docs/supply.md § Live demand): the demo supply-chain service provider (上海云链供应链管理有限公司,
 * registered through the registry) is named supplier of every product by the demo merchant and by the merchant
 * selling in the demo's live room, through the supply service as the merchants' staff — so the live room's demand
 * and its alerts reach the provider's 供应商工作台.
 */
import { type Actor, cliActor } from '@livehub/core';
import type { Container } from '../container.ts';
import type { RegistrySeed } from './seed-registry.ts';

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
  return { links };
}
