/**
 * What the supervision context's session-end detectors read about a session (core's `SessionMarketReader`), composed
 * from the live, catalog, orders, registry and workflows repositories: supervision sees only this reader, not their
 * tables. A session that never went live reads as null.
 */
import { type CategoryRecord, categoryPath, type SessionMarketReader, strictestRule, type UnitOfWork } from '@livehub/core';

const DAY = 86_400_000;
/** the price history read before the session: a raise within the 7 days needs the price before it */
const HISTORY_DAYS = 30;

export function sessionMarketReader(uow: UnitOfWork): SessionMarketReader {
  return {
    async sessionFacts(sessionId) {
      const r = uow.read;
      const s = await r.live.findSession(sessionId);
      if (!s?.startedAt) return null;
      const startedAt = s.startedAt;
      const endedAt = s.endedAt ?? startedAt;
      const lineup = await r.live.listProducts(sessionId);
      if (lineup.length === 0) return { sessionId, streamerUserId: s.streamerUserId, startedAt, endedAt, products: [] };
      const [sales, unitPrices, skus, categories] = await Promise.all([
        r.orders.sessionSales(sessionId),
        r.orders.soldUnitPrices({ sessionId }),
        r.catalog.listSkus(lineup.map((p) => p.productId)),
        r.catalog.listCategories(),
      ]);
      const byId = new Map<string, CategoryRecord>(categories.map((c) => [c.id, c]));
      const held = new Map<string, Set<string>>();
      const heldBy = async (orgId: string): Promise<Set<string>> => {
        let set = held.get(orgId);
        if (!set) {
          set = new Set(
            (await r.registry.listQualifications({ orgId }))
              .filter((q) => q.status !== 'expired' && (!q.expiresAt || q.expiresAt > startedAt))
              .map((q) => q.type),
          );
          held.set(orgId, set);
        }
        return set;
      };
      const from = new Date(startedAt.getTime() - HISTORY_DAYS * DAY);
      const products = [];
      for (const item of lineup) {
        const p = await r.catalog.findProduct(item.productId);
        if (!p) continue;
        const required = strictestRule(categoryPath(byId, p.categoryId)).qualifications;
        const have = new Set(await heldBy(p.merchantOrgId));
        for (const id of p.qualificationDocIds) {
          const doc = await r.workflows.findDocument(id);
          if (doc && (!doc.expiresAt || doc.expiresAt > startedAt)) have.add(doc.docType);
        }
        const own = skus.filter((k) => k.productId === p.id);
        const skuFacts = [];
        for (const k of own) {
          const prices = (await r.catalog.listPrices(k.id))
            .filter((x) => x.validFrom < endedAt && (x.validTo === null || x.validTo > from))
            .sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime())
            .map((x) => ({ priceFen: x.priceFen, source: x.source, validFrom: x.validFrom, validTo: x.validTo }));
          const sold = sales.find((x) => x.skuId === k.id);
          skuFacts.push({ skuId: k.id, prices, sessionPriceFen: sold ? sold.lowestUnitPriceFen : null });
        }
        products.push({
          productId: p.id,
          merchantOrgId: p.merchantOrgId,
          categoryId: p.categoryId,
          requiredQualifications: required,
          heldQualifications: [...have],
          referencePriceFen: p.referencePriceFen,
          soldUnits: sales.filter((x) => x.productId === p.id).reduce((n, x) => n + x.units, 0),
          stockLeft: own.reduce((n, k) => n + k.stock, 0),
          declaredValueFen: p.crossBorder ? p.declaredValueFen : null,
          soldPrices: unitPrices.filter((x) => x.productId === p.id).map((x) => ({ unitPriceFen: x.unitPriceFen, units: x.units })),
          skus: skuFacts,
        });
      }
      return { sessionId, streamerUserId: s.streamerUserId, startedAt, endedAt, products };
    },
  };
}
