/**
 * What cross-region sharing reads of the registry, catalog and credit (core's `ExchangeDirectory`), composed from
 * their repositories: parties by 统一社会信用代码, products' merchants, and the credit records of the tiers shared.
 */
import type { CreditTier } from '@livehub/contracts';
import type { ExchangeDirectory, UnitOfWork } from '@livehub/core';

export function exchangeDirectory(uow: UnitOfWork): ExchangeDirectory {
  const r = uow.read;
  return {
    async creditCodes(orgIds) {
      const out = new Map<string, { creditCode: string; name: string }>();
      for (const id of new Set(orgIds)) {
        const profile = (await r.registry.findMerchant(id)) ?? (await r.registry.findMcn(id));
        if (profile) out.set(id, { creditCode: profile.creditCode, name: profile.legalName });
      }
      return out;
    },
    async orgByCreditCode(code) {
      const found = await r.registry.findByCreditCode(code);
      return found ? { orgId: found.orgId, name: found.legalName } : null;
    },
    async productOwners(productIds) {
      const out = new Map<string, { orgId: string; title: string }>();
      for (const id of new Set(productIds)) {
        const p = await r.catalog.findProduct(id);
        if (p) out.set(id, { orgId: p.merchantOrgId, title: p.title });
      }
      return out;
    },
    async creditRecords(tiers, limit) {
      const out: Array<{ orgId: string; tier: CreditTier; score: number; tierSince: Date | null }> = [];
      for (const tier of tiers as CreditTier[])
        for (const partyKind of ['merchant', 'mcn'] as const)
          for (const s of await r.credit.listScores({ tier, partyKind, limit }))
            out.push({ orgId: s.partyId, tier: s.tier as CreditTier, score: s.totalCenti / 100, tierSince: s.tierSince });
      return out.slice(0, limit);
    },
  };
}
