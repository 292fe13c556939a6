/**
 * What live demand (supply, docs/supply.md § Live demand) reads from other contexts: the live context's sessions and
 * their products, the orders context's order lines of a session, the catalog's SKUs with their sellable units (the
 * SKU's `stock`; when the inventory ledger holds stock, its sellable figure is read here instead) and identity's
 * organizations that may supply. Supply sees only these readers, not their tables.
 */
import type { DemandSession, DemandSource, SupplierDirectory, SupplierOrg, UnitOfWork } from '@livehub/core';

export function demandSource(uow: UnitOfWork): DemandSource {
  const withProducts = async (s: {
    id: string;
    title: string;
    streamerUserId: string;
    status: string;
    startedAt: Date | null;
  }): Promise<DemandSession> => ({
    id: s.id,
    title: s.title,
    streamerUserId: s.streamerUserId,
    status: s.status,
    startedAt: s.startedAt,
    products: (await uow.read.live.listProducts(s.id)).map((p) => ({ productId: p.productId, merchantOrgId: p.merchantOrgId })),
  });
  return {
    async liveSessions(limit) {
      const live = await uow.read.live.listSessions({ status: ['live'], limit });
      return Promise.all(live.map(withProducts));
    },
    async session(id) {
      const s = await uow.read.live.findSession(id);
      return s ? withProducts(s) : null;
    },
    sessionLines: (sessionId, limit) => uow.read.orders.sessionLines(sessionId, limit),
    async skus(productIds) {
      if (productIds.length === 0) return [];
      return (await uow.read.catalog.listSkus(productIds)).map((s) => ({ id: s.id, productId: s.productId, name: s.name, stock: s.stock }));
    },
  };
}

const SUPPLIER_KINDS = new Set(['service_provider', 'merchant']);

export function supplierDirectory(uow: UnitOfWork): SupplierDirectory {
  return {
    async supplierOrg(id) {
      const o = await uow.read.orgs.findById(id);
      return o && SUPPLIER_KINDS.has(o.kind) ? ({ id: o.id, name: o.name, kind: o.kind } as SupplierOrg) : null;
    },
    async candidates(limit) {
      const [providers, merchants] = await Promise.all([
        uow.read.orgs.list({ kind: 'service_provider', limit }),
        uow.read.orgs.list({ kind: 'merchant', limit }),
      ]);
      return [...providers, ...merchants].slice(0, limit).map((o) => ({ id: o.id, name: o.name, kind: o.kind as SupplierOrg['kind'] }));
    },
    async productOwners(productIds) {
      const found = await Promise.all(productIds.map((id) => uow.read.catalog.findProduct(id)));
      return new Map(found.flatMap((p) => (p ? [[p.id, p.merchantOrgId] as [string, string]] : [])));
    },
  };
}
