/**
 * 库存 as the screens use it: warehouses (a merchant's own, a service provider's with its client merchants), stock
 * by warehouse with on hand / reserved / sellable, the movement list, adjustments with a reason, transfers, the
 * safety buffer and a SKU's trace from receipt to the buyer. Every write is one transaction with its audit entry;
 * the movements themselves go through `StockPostingService`.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { bufferDelta, reservedOf } from './inventory.rules.ts';
import type { MovementFilter, MovementRecord, SkuStockFacts, SkuStockView, WarehouseInput, WarehouseRecord } from './inventory.types.ts';
import type { InventoryTx, StockPostingService } from './stock-posting.service.ts';

export interface InventoryDeps {
  uow: ScopedUnitOfWork<'inventory' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  posting: StockPostingService;
}

type Tx = Pick<Parameters<Parameters<InventoryDeps['uow']['transaction']>[0]>[0], 'inventory' | 'audit'>;

/** Who is asking: the merchant (its SKUs, its own and client warehouses), a provider (its warehouses), the platform (reads). */
type Viewer = { as: 'merchant'; orgId: string } | { as: 'provider'; orgId: string } | { as: 'platform' };

export class InventoryService {
  constructor(private readonly d: InventoryDeps) {}

  private viewer(actor: Actor, write: boolean): Viewer {
    if (actor.role === 'merchant_staff' && actor.orgId) return { as: 'merchant', orgId: actor.orgId };
    if (actor.role === 'provider_staff' && actor.orgId) return { as: 'provider', orgId: actor.orgId };
    if (!write && actor.role === 'platform_admin') return { as: 'platform' };
    throw new AppError('auth.forbidden');
  }

  /** A warehouse the viewer may see: the owner's staff, a client merchant's staff, the platform. */
  private async visibleWarehouse(tx: InventoryTx, v: Viewer, id: string): Promise<WarehouseRecord> {
    const w = await tx.inventory.findWarehouse(id);
    if (!w) throw new AppError('inventory.warehouse_not_found', { field: 'warehouseId' });
    if (v.as === 'platform' || w.ownerOrgId === v.orgId) return w;
    if (v.as === 'merchant' && (await this.d.posting.usableBy(tx, w, v.orgId))) return w;
    throw new AppError('inventory.warehouse_not_found', { field: 'warehouseId' });
  }

  /** A SKU the writer may move stock of: the merchant's own; for a provider, a client's SKU in its warehouse. */
  private async movableSku(tx: InventoryTx, v: Viewer, skuId: string, w: WarehouseRecord): Promise<SkuStockFacts> {
    const sku = await tx.inventory.skuFacts(skuId);
    if (!sku) throw new AppError('inventory.sku_not_found', { field: 'skuId' });
    if (v.as === 'merchant' && sku.merchantOrgId !== v.orgId) throw new AppError('inventory.sku_not_found', { field: 'skuId' });
    if (!(await this.d.posting.usableBy(tx, w, sku.merchantOrgId)))
      throw new AppError('inventory.warehouse_not_found', { field: 'warehouseId' });
    return sku;
  }

  async listWarehouses(actor: Actor): Promise<Array<WarehouseRecord & { clients: string[] }>> {
    const v = this.viewer(actor, false);
    const read = this.d.uow.read;
    const list = await read.inventory.listWarehouses(v.as === 'platform' ? null : v.orgId);
    return Promise.all(
      list.map(async (w) => ({ ...w, clients: w.ownerKind === 'service_provider' ? await read.inventory.listClients(w.id) : [] })),
    );
  }

  async createWarehouse(actor: Actor, input: WarehouseInput): Promise<WarehouseRecord> {
    const v = this.viewer(actor, true);
    if (v.as === 'platform') throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const mine = await tx.inventory.listWarehouses(v.orgId);
      if (mine.some((w) => w.ownerOrgId === v.orgId && w.name === input.name.trim()))
        throw new AppError('inventory.name_taken', { field: 'name' });
      const w: WarehouseRecord = {
        id: this.d.ids.next(),
        ownerOrgId: v.orgId,
        ownerKind: v.as === 'merchant' ? 'merchant' : 'service_provider',
        name: input.name.trim(),
        region: input.region.trim(),
        address: input.address.trim(),
        status: 'active',
        isDefault: v.as === 'merchant' && !mine.some((x) => x.ownerOrgId === v.orgId && x.isDefault),
        createdAt: now,
        updatedAt: now,
      };
      await tx.inventory.insertWarehouse(w);
      await this.audit(tx, actor, 'warehouse.create', w.id, v.orgId, { name: w.name, region: w.region });
      return w;
    });
  }

  async updateWarehouse(
    actor: Actor,
    id: string,
    patch: Partial<WarehouseInput> & { status?: 'active' | 'closed' | undefined },
  ): Promise<WarehouseRecord> {
    const v = this.viewer(actor, true);
    return this.d.uow.transaction(async (tx) => {
      const w = await tx.inventory.findWarehouse(id);
      if (!w || v.as === 'platform' || w.ownerOrgId !== v.orgId) throw new AppError('inventory.warehouse_not_found', { field: 'id' });
      const next: WarehouseRecord = {
        ...w,
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.region !== undefined ? { region: patch.region.trim() } : {}),
        ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        updatedAt: this.d.clock.now(),
      };
      await tx.inventory.updateWarehouse(next);
      await this.audit(tx, actor, 'warehouse.update', w.id, v.orgId, { fields: Object.keys(patch) });
      return next;
    });
  }

  /** A service provider admits a merchant as a client of its warehouse. */
  async addClient(actor: Actor, warehouseId: string, merchantOrgId: string): Promise<string[]> {
    const v = this.viewer(actor, true);
    return this.d.uow.transaction(async (tx) => {
      const w = await tx.inventory.findWarehouse(warehouseId);
      if (!w || v.as !== 'provider' || w.ownerOrgId !== v.orgId) throw new AppError('inventory.warehouse_not_found', { field: 'id' });
      if (!(await tx.inventory.isClient(w.id, merchantOrgId))) await tx.inventory.addClient(w.id, merchantOrgId, this.d.clock.now());
      await this.audit(tx, actor, 'warehouse.client_add', w.id, v.orgId, { merchantOrgId });
      return tx.inventory.listClients(w.id);
    });
  }

  /** Stock by SKU: on hand per warehouse, reserved, buffer and sellable (a provider sees its warehouses' rows). */
  async levels(actor: Actor, opts: { warehouseId?: string | undefined } = {}): Promise<SkuStockView[]> {
    const v = this.viewer(actor, false);
    const read = this.d.uow.read;
    if (opts.warehouseId) await this.visibleWarehouse(read, v, opts.warehouseId);
    let skus: SkuStockFacts[];
    if (v.as === 'merchant') skus = await read.inventory.merchantSkus(v.orgId);
    else {
      const where = opts.warehouseId ? { warehouseId: opts.warehouseId } : {};
      const ids = new Set<string>();
      const mine = v.as === 'provider' ? new Set((await read.inventory.listWarehouses(v.orgId)).map((w) => w.id)) : null;
      for (const l of await read.inventory.levels(where)) if (!mine || mine.has(l.warehouseId)) ids.add(l.skuId);
      skus = await read.inventory.skuFactsMany([...ids]);
    }
    const levels = skus.length ? await read.inventory.levels({ skuIds: skus.map((s) => s.skuId) }) : [];
    return skus
      .map((s) => {
        const rows = levels.filter((l) => l.skuId === s.skuId);
        const onHand = rows.reduce((n, l) => n + l.onHand, 0);
        return {
          skuId: s.skuId,
          productId: s.productId,
          productTitle: s.productTitle,
          skuName: s.skuName,
          onHand,
          reserved: reservedOf(onHand, s.sellable, s.safetyBuffer),
          safetyBuffer: s.safetyBuffer,
          sellable: s.sellable,
          warehouses: rows.map((l) => ({ warehouseId: l.warehouseId, onHand: l.onHand })),
        };
      })
      .filter((s) => !opts.warehouseId || s.warehouses.some((w) => w.warehouseId === opts.warehouseId));
  }

  /** 出入库流水, newest first, paged; filtered by SKU, warehouse or kind. */
  async movements(actor: Actor, filter: MovementFilter): Promise<{ rows: MovementRecord[]; total: number }> {
    const v = this.viewer(actor, false);
    const read = this.d.uow.read;
    if (filter.warehouseId) await this.visibleWarehouse(read, v, filter.warehouseId);
    if (v.as === 'provider' && !filter.warehouseId)
      throw new AppError('request.invalid', { field: 'warehouseId', details: { issue: 'choose a warehouse' } });
    return read.inventory.listMovements({ ...filter, ...(v.as === 'merchant' ? { merchantOrgId: v.orgId } : {}) });
  }

  /** 盘点调整: a signed change with a reason in one warehouse. */
  async adjust(actor: Actor, input: { skuId: string; warehouseId: string; qty: number; reason: string }): Promise<MovementRecord> {
    const v = this.viewer(actor, true);
    return this.d.uow.transaction(async (tx) => {
      const w = await this.visibleWarehouse(tx, v, input.warehouseId);
      const sku = await this.movableSku(tx, v, input.skuId, w);
      const m = await this.d.posting.postIn(tx, actor, { ...input, kind: 'adjustment', refType: null, refId: null }, { sku, warehouse: w });
      await this.audit(tx, actor, 'stock.adjust', m.id, sku.merchantOrgId, {
        skuId: sku.skuId,
        warehouseId: w.id,
        qty: m.qty,
        reason: m.reason,
      });
      return m;
    });
  }

  /** 调拨: out of one warehouse and into another in one transaction (the sellable number stays). */
  async transfer(
    actor: Actor,
    input: { skuId: string; fromWarehouseId: string; toWarehouseId: string; qty: number; reason?: string | undefined },
  ): Promise<MovementRecord[]> {
    const v = this.viewer(actor, true);
    if (input.fromWarehouseId === input.toWarehouseId) throw new AppError('inventory.same_warehouse', { field: 'toWarehouseId' });
    return this.d.uow.transaction(async (tx) => {
      const from = await this.visibleWarehouse(tx, v, input.fromWarehouseId);
      const sku = await this.movableSku(tx, v, input.skuId, from);
      const to = await this.d.posting
        .warehouseFor(tx, input.toWarehouseId, sku.merchantOrgId)
        .catch(() => Promise.reject(new AppError('inventory.warehouse_not_found', { field: 'toWarehouseId' })));
      const ref = { refType: 'transfer', refId: this.d.ids.next(), reason: input.reason ?? null };
      const out = await this.d.posting.postIn(
        tx,
        actor,
        { skuId: sku.skuId, warehouseId: from.id, kind: 'transfer_out', qty: -input.qty, ...ref },
        { sku, warehouse: from },
      );
      const into = await this.d.posting.postIn(
        tx,
        actor,
        { skuId: sku.skuId, warehouseId: to.id, kind: 'transfer_in', qty: input.qty, ...ref },
        { sku, warehouse: to },
      );
      await this.audit(tx, actor, 'stock.transfer', ref.refId, sku.merchantOrgId, {
        skuId: sku.skuId,
        from: from.id,
        to: to.id,
        qty: input.qty,
      });
      return [out, into];
    });
  }

  /** 安全库存: units kept back from sale; raising it is refused when sellable would go below zero. */
  async setSafetyBuffer(actor: Actor, skuId: string, buffer: number): Promise<SkuStockFacts> {
    const v = this.viewer(actor, true);
    return this.d.uow.transaction(async (tx) => {
      const sku = await tx.inventory.skuFacts(skuId, { lock: true });
      if (!sku || v.as !== 'merchant' || sku.merchantOrgId !== v.orgId) throw new AppError('inventory.sku_not_found', { field: 'skuId' });
      const delta = bufferDelta(sku.safetyBuffer, buffer);
      if (delta !== 0 && !(await tx.inventory.moveSellable(skuId, delta)))
        throw new AppError('inventory.below_reserved', { field: 'safetyBuffer' });
      await tx.inventory.setSafetyBuffer(skuId, buffer);
      await this.audit(tx, actor, 'stock.buffer', skuId, sku.merchantOrgId, { before: sku.safetyBuffer, after: buffer });
      return { ...sku, safetyBuffer: buffer, sellable: sku.sellable + delta };
    });
  }

  /** 溯源: every movement of one SKU, oldest first, with what it refers to (a receipt, a transfer, the buyer's order). */
  async trace(actor: Actor, skuId: string): Promise<{ sku: SkuStockFacts; movements: MovementRecord[] }> {
    const v = this.viewer(actor, false);
    const read = this.d.uow.read;
    const sku = await read.inventory.skuFacts(skuId);
    if (!sku || (v.as === 'merchant' && sku.merchantOrgId !== v.orgId)) throw new AppError('inventory.sku_not_found', { field: 'skuId' });
    let movements = await read.inventory.skuMovements(skuId);
    if (v.as === 'provider') {
      const mine = new Set((await read.inventory.listWarehouses(v.orgId)).filter((w) => w.ownerOrgId === v.orgId).map((w) => w.id));
      movements = movements.filter((m) => mine.has(m.warehouseId));
      if (movements.length === 0) throw new AppError('inventory.sku_not_found', { field: 'skuId' });
    }
    return { sku, movements };
  }

  private audit(tx: Tx, actor: Actor, action: string, targetId: string, orgId: string, detail: Record<string, unknown>) {
    return this.d.audit.record(tx, actor, { action, targetType: 'stock', targetId, orgId, detail });
  }
}
