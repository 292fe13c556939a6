/**
 * Suppliers (供应商) and replenishment requests (补货). A merchant names the organizations that supply it — a
 * supply-chain service provider, or another merchant acting as its factory (工厂) — for every product or the
 * listed ones; supplier staff see only the merchants and products that link them. A 补货 on a demand alert records
 * a small request (merchant, supplier, SKU, quantity suggested from the projection) that the supplier confirms and
 * ships; the purchase-order work will turn it into a purchase order. docs/supply.md § Live demand.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { SupplierDirectory } from './demand-source.port.ts';
import { suppliersOf } from './demand-scope.ts';
import { linkCovers } from './demand.rules.ts';
import type { ReplenishmentListing, ReplenishmentRecord, SupplierLinkListing, SupplierLinkRecord, SupplierOrg } from './supply.types.ts';

export interface SupplierDeps {
  uow: ScopedUnitOfWork<'supply' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  directory: SupplierDirectory;
}

type Tx = Parameters<Parameters<SupplierDeps['uow']['transaction']>[0]>[0];

export class SupplierService {
  constructor(private readonly d: SupplierDeps) {}

  private merchantOf(actor: Actor): string {
    if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
    return actor.orgId;
  }

  private supplierOf(actor: Actor): string {
    if ((actor.role !== 'provider_staff' && actor.role !== 'merchant_staff') || !actor.orgId) throw new AppError('auth.forbidden');
    return actor.orgId;
  }

  // ── links ──

  /** The merchant's suppliers (active). */
  async listSuppliers(actor: Actor): Promise<SupplierLinkListing[]> {
    return this.listed(await this.d.uow.read.supply.listLinks({ merchantOrgIds: [this.merchantOf(actor)] }));
  }

  /** The merchants that name the caller's organization as supplier. */
  async listMerchants(actor: Actor): Promise<SupplierLinkListing[]> {
    return this.listed(await this.d.uow.read.supply.listLinks({ supplierOrgId: this.supplierOf(actor) }));
  }

  /** Organizations the merchant may name (itself excluded). */
  async options(actor: Actor): Promise<SupplierOrg[]> {
    const own = this.merchantOf(actor);
    return (await this.d.directory.candidates(300)).filter((o) => o.id !== own);
  }

  /** Names (or re-names, with new products) a supplier; products must be the merchant's own. */
  async addSupplier(actor: Actor, input: { supplierOrgId: string; productIds: string[] | null }): Promise<SupplierLinkListing> {
    const merchantOrgId = this.merchantOf(actor);
    if (input.supplierOrgId === merchantOrgId) throw new AppError('supply.bad_supplier', { field: 'supplierOrgId' });
    const org = await this.d.directory.supplierOrg(input.supplierOrgId);
    if (!org) throw new AppError('supply.bad_supplier', { field: 'supplierOrgId' });
    const productIds = input.productIds === null ? null : [...new Set(input.productIds)];
    if (productIds) {
      const owners = await this.d.directory.productOwners(productIds);
      const i = productIds.findIndex((id) => owners.get(id) !== merchantOrgId);
      if (i >= 0) throw new AppError('supply.not_your_product', { field: `productIds.${i}` });
    }
    const now = this.d.clock.now();
    const link = await this.d.uow.transaction(async (tx) => {
      const stored = await tx.supply.upsertLink({
        id: this.d.ids.next(),
        merchantOrgId,
        supplierOrgId: org.id,
        supplierKind: org.kind,
        productIds,
        status: 'active',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supplier.link',
        targetType: 'supplier_link',
        targetId: stored.id,
        detail: { supplierOrgId: org.id, products: productIds?.length ?? 'all' },
      });
      return stored;
    });
    return (await this.listed([link]))[0] as SupplierLinkListing;
  }

  async removeSupplier(actor: Actor, linkId: string): Promise<SupplierLinkListing> {
    const merchantOrgId = this.merchantOf(actor);
    const now = this.d.clock.now();
    const link = await this.d.uow.transaction(async (tx) => {
      const l = await tx.supply.findLink(linkId);
      if (!l || l.merchantOrgId !== merchantOrgId || l.status !== 'active') throw new AppError('supply.link_not_found', { field: 'id' });
      await tx.supply.setLinkStatus(l.id, 'removed', now);
      await this.d.audit.record(tx, actor, {
        action: 'supplier.unlink',
        targetType: 'supplier_link',
        targetId: l.id,
        detail: { supplierOrgId: l.supplierOrgId },
      });
      return { ...l, status: 'removed' as const, updatedAt: now };
    });
    return (await this.listed([link]))[0] as SupplierLinkListing;
  }

  // ── 补货 ──

  /**
   * A replenishment request from a demand alert: by the merchant (to the supplier it names, or its only supplier of
   * the product) or by a linked supplier (to itself). The quantity defaults to the alert's suggestion.
   */
  async requestReplenishment(
    actor: Actor,
    input: { alertId: string; supplierOrgId?: string | undefined; qty?: number | undefined },
  ): Promise<ReplenishmentListing> {
    if (!actor.orgId || (actor.role !== 'merchant_staff' && actor.role !== 'provider_staff')) throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    const r = await this.d.uow.transaction(async (tx) => {
      const alert = await tx.supply.findAlert(input.alertId);
      if (!alert) throw new AppError('supply.alert_not_found', { field: 'alertId' });
      const links = suppliersOf(await tx.supply.listLinks({ merchantOrgIds: [alert.merchantOrgId] }), alert.merchantOrgId, alert.productId);
      let supplierOrgId: string;
      if (actor.role === 'merchant_staff' && actor.orgId === alert.merchantOrgId) {
        const pick = input.supplierOrgId
          ? links.find((l) => l.supplierOrgId === input.supplierOrgId)
          : links.length === 1
            ? links[0]
            : undefined;
        if (!pick) throw new AppError(links.length === 0 ? 'supply.no_supplier' : 'supply.supplier_required', { field: 'supplierOrgId' });
        supplierOrgId = pick.supplierOrgId;
      } else {
        // a supplier asks for itself, and only for a product it is linked to
        if (!links.some((l) => l.supplierOrgId === actor.orgId && linkCovers(l.productIds, alert.productId)))
          throw new AppError('supply.alert_not_found', { field: 'alertId' });
        if (input.supplierOrgId && input.supplierOrgId !== actor.orgId)
          throw new AppError('supply.bad_supplier', { field: 'supplierOrgId' });
        supplierOrgId = actor.orgId as string;
      }
      const rec: ReplenishmentRecord = {
        id: this.d.ids.next(),
        merchantOrgId: alert.merchantOrgId,
        supplierOrgId,
        productId: alert.productId,
        skuId: alert.skuId,
        sessionId: alert.sessionId,
        alertId: alert.id,
        qty: input.qty ?? alert.suggestedQty,
        status: 'requested',
        requestedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        confirmedAt: null,
        shippedAt: null,
      };
      await tx.supply.insertReplenishment(rec);
      await this.d.audit.record(tx, actor, {
        action: 'replenishment.request',
        targetType: 'replenishment_request',
        targetId: rec.id,
        detail: { alertId: alert.id, skuId: rec.skuId, qty: rec.qty, supplierOrgId },
      });
      await this.event(tx, 'supply.replenishment_requested', rec, now);
      return rec;
    });
    return (await this.replenishmentsNamed([r]))[0] as ReplenishmentListing;
  }

  async listReplenishments(actor: Actor): Promise<ReplenishmentListing[]> {
    if (!actor.orgId) throw new AppError('auth.forbidden');
    const opts =
      actor.role === 'merchant_staff'
        ? null
        : actor.role === 'provider_staff'
          ? { supplierOrgId: actor.orgId, limit: 200 }
          : (() => {
              throw new AppError('auth.forbidden');
            })();
    // merchant staff see both sides: what they asked for, and what was asked of their organization as factory
    const rows = opts
      ? await this.d.uow.read.supply.listReplenishments(opts)
      : [
          ...(await this.d.uow.read.supply.listReplenishments({ merchantOrgId: actor.orgId, limit: 200 })),
          ...(await this.d.uow.read.supply.listReplenishments({ supplierOrgId: actor.orgId, limit: 200 })),
        ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return this.replenishmentsNamed(rows);
  }

  /** The supplier confirms (requested → confirmed) or ships (confirmed → shipped) a request made to it. */
  async advanceReplenishment(actor: Actor, id: string, to: 'confirmed' | 'shipped'): Promise<ReplenishmentListing> {
    const supplierOrgId = this.supplierOf(actor);
    const now = this.d.clock.now();
    const r = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.supply.findReplenishment(id, { lock: true });
      if (!cur || cur.supplierOrgId !== supplierOrgId) throw new AppError('supply.replenishment_not_found', { field: 'id' });
      const from = to === 'confirmed' ? 'requested' : 'confirmed';
      const patch = { status: to, updatedAt: now, ...(to === 'confirmed' ? { confirmedAt: now } : { shippedAt: now }) };
      if (cur.status !== from || !(await tx.supply.transitionReplenishment(id, from, patch)))
        throw new AppError('supply.replenishment_state', { field: 'status', details: { status: cur.status } });
      await this.d.audit.record(tx, actor, {
        action: `replenishment.${to}`,
        targetType: 'replenishment_request',
        targetId: id,
        detail: { qty: cur.qty },
      });
      const next = { ...cur, ...patch };
      await this.event(tx, `supply.replenishment_${to}`, next, now);
      return next;
    });
    return (await this.replenishmentsNamed([r]))[0] as ReplenishmentListing;
  }

  private async event(tx: Tx, topic: string, r: ReplenishmentRecord, now: Date): Promise<void> {
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic,
      payload: {
        replenishmentId: r.id,
        merchantOrgId: r.merchantOrgId,
        supplierOrgId: r.supplierOrgId,
        productId: r.productId,
        skuId: r.skuId,
        qty: r.qty,
        status: r.status,
      },
      createdAt: now,
      publishedAt: null,
    });
  }

  private async listed(links: SupplierLinkRecord[]): Promise<SupplierLinkListing[]> {
    const names = await this.d.names.namesFor({
      orgs: links.flatMap((l) => [l.merchantOrgId, l.supplierOrgId]),
      products: links.flatMap((l) => l.productIds ?? []),
    });
    return links.map((l) => ({
      ...l,
      merchantName: names.orgs.get(l.merchantOrgId) ?? '商家',
      supplierName: names.orgs.get(l.supplierOrgId) ?? '供应商',
      productNames: (l.productIds ?? []).map((p) => names.products.get(p) ?? '商品'),
    }));
  }

  private async replenishmentsNamed(rows: ReplenishmentRecord[]): Promise<ReplenishmentListing[]> {
    const [names, orders] = await Promise.all([
      this.d.names.namesFor({
        orgs: rows.flatMap((r) => [r.merchantOrgId, r.supplierOrgId]),
        products: rows.map((r) => r.productId),
      }),
      this.d.uow.read.supply.purchaseOrdersFor(rows.map((r) => r.id)),
    ]);
    const ordered = new Map(orders.map((o) => [o.replenishmentId, { id: o.id, number: o.number }]));
    return rows.map((r) => ({
      purchaseOrder: ordered.get(r.id) ?? null,
      ...r,
      merchantName: names.orgs.get(r.merchantOrgId) ?? '商家',
      supplierName: names.orgs.get(r.supplierOrgId) ?? '供应商',
      productName: names.products.get(r.productId) ?? '商品',
    }));
  }
}
