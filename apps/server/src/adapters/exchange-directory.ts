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
      const found = await r.registry.creditCodesOf(orgIds);
      return new Map([...found].map(([id, p]) => [id, { creditCode: p.creditCode, name: p.legalName }]));
    },
    async orgByCreditCode(code) {
      const found = await r.registry.findByCreditCode(code);
      return found ? { orgId: found.orgId, name: found.legalName } : null;
    },
    async productOwners(productIds) {
      const ids = [...new Set(productIds)];
      if (ids.length === 0) return new Map();
      const rows = await r.catalog.listProducts({ ids, limit: ids.length });
      return new Map(rows.map((p) => [p.id, { orgId: p.merchantOrgId, title: p.title }]));
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
