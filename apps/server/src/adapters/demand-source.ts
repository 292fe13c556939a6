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

/**
 * The supplier directory: merchants and service providers, except a service provider that is only a 第三方评估机构
 * (every member of it holds the evaluator role): it evaluates funded projects and supplies nothing. A provider that
 * also has supply-chain staff stays a supplier; one with no members yet is not judged an evaluator.
 */
export function supplierDirectory(uow: UnitOfWork): SupplierDirectory {
  const r = uow.read;
  /** the service providers among `orgs` that are only evaluators (one grouped read for all of them) */
  const evaluatorsAmong = async (orgs: Array<{ id: string; kind: string }>): Promise<Set<string>> =>
    r.memberships.orgsWithRole(
      orgs.filter((o) => o.kind === 'service_provider').map((o) => o.id),
      'evaluator',
      { only: true },
    );
  return {
    async supplierOrg(id) {
      const o = await r.orgs.findById(id);
      if (!o || !SUPPLIER_KINDS.has(o.kind) || (await evaluatorsAmong([o])).has(o.id)) return null;
      return { id: o.id, name: o.name, kind: o.kind } as SupplierOrg;
    },
    async candidates(limit) {
      const [all, merchants] = await Promise.all([
        r.orgs.list({ kind: 'service_provider', limit }),
        r.orgs.list({ kind: 'merchant', limit }),
      ]);
      const evaluators = await evaluatorsAmong(all);
      const providers = all.filter((o) => !evaluators.has(o.id));
      return [...providers, ...merchants].slice(0, limit).map((o) => ({ id: o.id, name: o.name, kind: o.kind as SupplierOrg['kind'] }));
    },
    async productOwners(productIds) {
      const found = await Promise.all(productIds.map((id) => uow.read.catalog.findProduct(id)));
      return new Map(found.flatMap((p) => (p ? [[p.id, p.merchantOrgId] as [string, string]] : [])));
    },
  };
}
