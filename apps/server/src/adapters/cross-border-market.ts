/**
 * What the 跨境 report reads (core's `CrossBorderReader`): the cross-border products of the catalog with their
 * merchants' names, and the unit prices their paid orders were sold at, from the catalog, orders and names
 * repositories — supervision sees only this reader, not their tables.
 */
import { CROSS_BORDER_ORIGINS } from '@livehub/contracts';
import type { CrossBorderReader, UnitOfWork } from '@livehub/core';

export function crossBorderReader(uow: UnitOfWork): CrossBorderReader {
  return {
    async products(limit) {
      const r = uow.read;
      const products = (await r.catalog.listProducts({ crossBorder: true, limit })).filter(
        (p) => p.crossBorder && p.declaredValueFen !== null && p.originCountry !== null && p.importMode !== null,
      );
      const orgIds = [...new Set(products.map((p) => p.merchantOrgId))];
      const names = orgIds.length > 0 ? await r.names.namesOf('orgs', orgIds) : new Map<string, string>();
      return products.map((p) => ({
        productId: p.id,
        title: p.title,
        merchantOrgId: p.merchantOrgId,
        merchantName: names.get(p.merchantOrgId) ?? '',
        status: p.status,
        declaredValueFen: p.declaredValueFen ?? 0,
        originCountry: p.originCountry ?? '',
        originName: (CROSS_BORDER_ORIGINS as Record<string, string>)[p.originCountry ?? ''] ?? p.originCountry ?? '',
        importMode: p.importMode ?? '1210',
      }));
    },
    async soldPrices(productIds, from, to) {
      return uow.read.orders.soldUnitPrices({ productIds, paidFrom: from, paidTo: to });
    },
  };
}
