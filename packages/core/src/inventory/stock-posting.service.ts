/**
 * 出入库过账: the one way stock moves. Each movement is an insert-only ledger row, its warehouse's on hand (the
 * projection `stock_levels`) and — for the kinds that change what can be sold — the SKU's sellable number, all in
 * the caller's transaction. Other contexts post through the in-transaction forms (`postIn`, `shipIn`, `returnIn`,
 * `openingIn`, `adjustIn`) taking `InventoryTx`, as the settlement ledger's `postIn` (docs/contexts.md rule 2).
 */
import { AppError } from '../errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { movementProblem, movesSellable, needsOf, pickWarehouse } from './inventory.rules.ts';
import type { MovementInput, MovementRecord, SkuStockFacts, WarehouseRecord } from './inventory.types.ts';

/** The repositories a posting writes: hand your transaction over with these. */
export type InventoryTx = Pick<Repositories, 'inventory'>;

export interface StockPostingDeps {
  clock: Clock;
  ids: IdGenerator;
}

/** The name a merchant's first warehouse gets when stock first needs one. */
export const DEFAULT_WAREHOUSE_NAME = '默认仓';

export class StockPostingService {
  constructor(private readonly d: StockPostingDeps) {}

  /** Whether `merchantOrgId` may hold stock in `w`: its own, or a service provider's that has it as a client. */
  async usableBy(tx: InventoryTx, w: WarehouseRecord, merchantOrgId: string): Promise<boolean> {
    if (w.ownerOrgId === merchantOrgId) return true;
    return w.ownerKind === 'service_provider' && (await tx.inventory.isClient(w.id, merchantOrgId));
  }

  /** The warehouse, active and usable by the merchant; otherwise `inventory.warehouse_not_found` on warehouseId. */
  async warehouseFor(tx: InventoryTx, id: string, merchantOrgId: string): Promise<WarehouseRecord> {
    const w = await tx.inventory.findWarehouse(id);
    if (!w || !(await this.usableBy(tx, w, merchantOrgId))) throw new AppError('inventory.warehouse_not_found', { field: 'warehouseId' });
    if (w.status !== 'active') throw new AppError('inventory.warehouse_closed', { field: 'warehouseId' });
    return w;
  }

  /** The merchant's default warehouse (默认仓), created on first need. */
  async defaultWarehouseIn(tx: InventoryTx, merchantOrgId: string): Promise<WarehouseRecord> {
    const found = await tx.inventory.defaultWarehouse(merchantOrgId);
    if (found) return found;
    const now = this.d.clock.now();
    const w: WarehouseRecord = {
      id: this.d.ids.next(),
      ownerOrgId: merchantOrgId,
      ownerKind: 'merchant',
      name: DEFAULT_WAREHOUSE_NAME,
      region: '',
      address: '',
      status: 'active',
      isDefault: true,
      createdAt: now,
      updatedAt: now,
    };
    await tx.inventory.insertWarehouse(w);
    return w;
  }

  /**
   * Posts one movement: the ledger row, the warehouse's on hand and (for kinds that move it) the sellable number.
   * Refused, with nothing changed once the transaction rolls back: on hand below zero (`inventory.insufficient`,
   * warehouseId), sellable below zero (`inventory.below_reserved`, qty).
   */
  async postIn(
    tx: InventoryTx,
    actor: Actor,
    input: MovementInput,
    known?: { sku?: SkuStockFacts; warehouse?: WarehouseRecord },
  ): Promise<MovementRecord> {
    const problem = movementProblem(input.kind, input.qty, input.reason);
    if (problem)
      throw new AppError('request.invalid', {
        field: problem,
        details: { issue: problem === 'reason' ? 'a reason is required' : 'bad quantity' },
      });
    const sku = known?.sku ?? (await tx.inventory.skuFacts(input.skuId));
    if (!sku) throw new AppError('inventory.sku_not_found', { field: 'skuId' });
    const w = known?.warehouse ?? (await this.warehouseFor(tx, input.warehouseId, sku.merchantOrgId));
    const now = this.d.clock.now();
    if (input.qty < 0) {
      if (!(await tx.inventory.lowerLevel(sku.skuId, w.id, -input.qty, now)))
        throw new AppError('inventory.insufficient', { field: 'warehouseId' });
    } else await tx.inventory.raiseLevel(sku.skuId, w.id, sku.merchantOrgId, input.qty, now);
    if (movesSellable(input.kind) && !(await tx.inventory.moveSellable(sku.skuId, input.qty)))
      throw new AppError('inventory.below_reserved', { field: 'qty' });
    const m: MovementRecord = {
      id: this.d.ids.next(),
      skuId: sku.skuId,
      warehouseId: w.id,
      merchantOrgId: sku.merchantOrgId,
      kind: input.kind,
      qty: input.qty,
      reason: input.reason?.trim() || null,
      refType: input.refType ?? null,
      refId: input.refId ?? null,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      at: now,
    };
    await tx.inventory.insertMovement(m);
    return m;
  }

  /** 期初: a new SKU's first units, into the merchant's default warehouse (the SKU row starts at sellable 0). */
  async openingIn(tx: InventoryTx, actor: Actor, merchantOrgId: string, skuId: string, qty: number): Promise<void> {
    if (qty <= 0) return;
    const w = await this.defaultWarehouseIn(tx, merchantOrgId);
    await this.postIn(tx, actor, { skuId, warehouseId: w.id, kind: 'opening', qty, refType: 'sku', refId: skuId }, { warehouse: w });
  }

  /** 补货 / 报损 from the product page: an adjustment with a reason in the default warehouse. */
  async adjustIn(tx: InventoryTx, actor: Actor, merchantOrgId: string, skuId: string, delta: number, reason: string): Promise<void> {
    if (delta === 0) return;
    const w = await this.defaultWarehouseIn(tx, merchantOrgId);
    await this.postIn(
      tx,
      actor,
      { skuId, warehouseId: w.id, kind: 'adjustment', qty: delta, reason, refType: 'sku', refId: skuId },
      { warehouse: w },
    );
  }

  /**
   * 出库: an order's shipment leaves one warehouse — the one named (it must hold every line: otherwise 409
   * `inventory.insufficient` on warehouseId), or the first of the merchant's that does (`inventory.no_warehouse`).
   * The units were reserved by the order, so the sellable number does not move. Returns the warehouse.
   */
  async shipIn(
    tx: InventoryTx,
    actor: Actor,
    order: { id: string; merchantOrgId: string; lines: Array<{ skuId: string; qty: number }> },
    warehouseId?: string | undefined,
  ): Promise<WarehouseRecord> {
    const needs = needsOf(order.lines);
    const w = await this.sourceFor(tx, order.merchantOrgId, needs, warehouseId);
    for (const [skuId, qty] of needs)
      await this.postIn(
        tx,
        actor,
        { skuId, warehouseId: w.id, kind: 'shipment', qty: -qty, refType: 'order', refId: order.id },
        { warehouse: w },
      );
    return w;
  }

  /**
   * The warehouse goods leave from: the one named (usable by the merchant, holding every need: otherwise 409
   * `inventory.insufficient` on warehouseId), or the first of the merchant's active ones that holds them all (default
   * first; none: 409 `inventory.no_warehouse`).
   */
  private async sourceFor(
    tx: InventoryTx,
    merchantOrgId: string,
    needs: Map<string, number>,
    warehouseId?: string | undefined,
  ): Promise<WarehouseRecord> {
    const skus = [...needs.keys()];
    if (warehouseId) {
      const w = await this.warehouseFor(tx, warehouseId, merchantOrgId);
      const have = new Map((await tx.inventory.levels({ skuIds: skus, warehouseId: w.id })).map((l) => [l.skuId, l.onHand]));
      if ([...needs].some(([sku, qty]) => (have.get(sku) ?? 0) < qty))
        throw new AppError('inventory.insufficient', { field: 'warehouseId' });
      return w;
    }
    const candidates = (await tx.inventory.listWarehouses(merchantOrgId)).filter((x) => x.status === 'active');
    const levels = await tx.inventory.levels({ skuIds: skus });
    const onHand = (id: string) => new Map(levels.filter((l) => l.warehouseId === id).map((l) => [l.skuId, l.onHand]));
    const picked = pickWarehouse(
      candidates.map((c) => ({ id: c.id, isDefault: c.isDefault && c.ownerOrgId === merchantOrgId, name: c.name, onHand: onHand(c.id) })),
      needs,
    );
    const found = candidates.find((c) => c.id === picked);
    if (!found) throw new AppError('inventory.no_warehouse', { field: 'warehouseId' });
    return found;
  }

  /**
   * 寄样出库: a sample leaves a warehouse for the streamer — the one named, or the first of the merchant's holding the
   * SKU (as an order's shipment) — as a `sample_out` of one unit referring to the sample request. The unit was never
   * reserved, so it leaves the sellable number too (409 `inventory.below_reserved` when every unit is spoken for).
   */
  async sampleOutIn(
    tx: InventoryTx,
    actor: Actor,
    sample: { id: string; merchantOrgId: string; skuId: string },
    warehouseId?: string | undefined,
  ): Promise<WarehouseRecord> {
    const w = await this.sourceFor(tx, sample.merchantOrgId, new Map([[sample.skuId, 1]]), warehouseId);
    await this.postIn(
      tx,
      actor,
      { skuId: sample.skuId, warehouseId: w.id, kind: 'sample_out', qty: -1, refType: 'sample', refId: sample.id },
      { warehouse: w },
    );
    return w;
  }

  /**
   * 样品归还: the returned sample goes back into the warehouse it left from (else the merchant's default one) as a
   * `sample_return` referring to the sample request, and is sellable again. A sample that never left a warehouse
   * (shipped before samples moved stock) returns nothing: null.
   */
  async sampleReturnIn(tx: InventoryTx, actor: Actor, sample: { id: string; merchantOrgId: string }): Promise<MovementRecord | null> {
    const out = (await tx.inventory.listMovements({ refId: sample.id, kind: 'sample_out', limit: 1, offset: 0 })).rows[0];
    if (!out) return null;
    const from = await tx.inventory.findWarehouse(out.warehouseId);
    const w = from && from.status === 'active' ? from : await this.defaultWarehouseIn(tx, sample.merchantOrgId);
    return this.postIn(
      tx,
      actor,
      { skuId: out.skuId, warehouseId: w.id, kind: 'sample_return', qty: -out.qty, refType: 'sample', refId: sample.id },
      { warehouse: w },
    );
  }

  /**
   * 生产单到货 (a pre-sale's production order shipped by the factory): the produced units enter the warehouse as
   * `receipt` movements (ref: the production order), then the units of each delivery — a balance-paid reservation —
   * leave it as a `shipment` to its buyer (ref: the reservation), all in the caller's transaction. A delivered unit
   * was promised before it arrived and is never on sale: its shipment takes it out of the sellable number the receipt
   * put it into, so `sellable = Σ on hand − reserved − buffer` holds at commit. Returns the warehouse.
   */
  async productionIn(
    tx: InventoryTx,
    actor: Actor,
    po: { id: string; merchantOrgId: string; lines: Array<{ skuId: string; qty: number }> },
    deliveries: Array<{ id: string; skuId: string; qty: number }>,
    warehouseId?: string | null | undefined,
  ): Promise<WarehouseRecord> {
    // the warehouse named at closing, unless it has closed since (the factory cannot fix that): then the default one
    const named = warehouseId ? await tx.inventory.findWarehouse(warehouseId) : null;
    const w =
      named && named.status === 'active' && (await this.usableBy(tx, named, po.merchantOrgId))
        ? named
        : await this.defaultWarehouseIn(tx, po.merchantOrgId);
    for (const [skuId, qty] of needsOf(po.lines))
      await this.postIn(
        tx,
        actor,
        { skuId, warehouseId: w.id, kind: 'receipt', qty, refType: 'production_order', refId: po.id },
        { warehouse: w },
      );
    for (const d of deliveries) {
      await this.postIn(
        tx,
        actor,
        { skuId: d.skuId, warehouseId: w.id, kind: 'shipment', qty: -d.qty, refType: 'presale_reservation', refId: d.id },
        { warehouse: w },
      );
      if (!(await tx.inventory.moveSellable(d.skuId, -d.qty))) throw new AppError('inventory.below_reserved', { field: 'qty' });
    }
    return w;
  }

  /** 退货入库: a received return goes back into the warehouse its order left from (else the default one). */
  async returnIn(
    tx: InventoryTx,
    actor: Actor,
    r: { id: string; orderId: string; merchantOrgId: string; lines: Array<{ skuId: string; qty: number }> },
  ): Promise<void> {
    const shipped = (await tx.inventory.listMovements({ refId: r.orderId, kind: 'shipment', limit: 1, offset: 0 })).rows[0];
    const from = shipped ? await tx.inventory.findWarehouse(shipped.warehouseId) : null;
    const w = from && from.status === 'active' ? from : await this.defaultWarehouseIn(tx, r.merchantOrgId);
    for (const [skuId, qty] of needsOf(r.lines))
      await this.postIn(tx, actor, { skuId, warehouseId: w.id, kind: 'return', qty, refType: 'return', refId: r.id }, { warehouse: w });
  }
}
