/**
 * 采购单 (purchase orders, issue #20 item 2). A merchant orders SKUs from one of its suppliers into one warehouse;
 * the supplier confirms (or declines) and ships in its console with carrier and tracking number; the goods are
 * received — by the merchant, or by the service provider running the warehouse — in one or more receipts, each line
 * quality-checked into accepted units (posted to the stock ledger as `receipt` movements, in the receipt's own
 * transaction) and rejected ones (back to the supplier). Receiving past what was ordered needs a reason (差异说明).
 * The merchant may cancel before shipping, or close a partially received order short. docs/supply.md § Purchase orders.
 */
import type { PurchaseOrderStatus } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { StockPostingService } from '../inventory/stock-posting.service.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { linkCovers } from './demand.rules.ts';
import {
  chinaDay,
  expectedOnProblem,
  PO_RULES,
  purchaseOrderNumber,
  purchaseOrderTotal,
  receiptProblem,
  repeatedSku,
  shipQuantities,
  statusAfterReceipt,
} from './purchase-order.rules.ts';
import type {
  PurchaseOrderLineRecord,
  PurchaseOrderListing,
  PurchaseOrderRecord,
  PurchaseOrderWithLines,
  PurchaseReceiptRecord,
} from './supply.types.ts';

export interface PurchaseOrderDeps {
  uow: ScopedUnitOfWork<'supply' | 'inventory' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  stock: StockPostingService;
}

type Tx = Parameters<Parameters<PurchaseOrderDeps['uow']['transaction']>[0]>[0];

export interface PurchaseOrderInput {
  supplierOrgId: string;
  warehouseId: string;
  expectedOn: string;
  note?: string | undefined;
  replenishmentId?: string | undefined;
  lines: Array<{ skuId: string; qty: number; unitCostFen: number }>;
}

export interface ReceiptInput {
  lines: Array<{ lineNo: number; accepted: number; rejected: number; reason?: string | undefined }>;
  note?: string | undefined;
}

const LIST_LIMIT = 200;

export class PurchaseOrderService {
  constructor(private readonly d: PurchaseOrderDeps) {}

  private merchantOf(actor: Actor): string {
    if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
    return actor.orgId;
  }

  /** 新建采购单 by merchant staff, to a supplier linked for every product ordered. */
  async create(actor: Actor, input: PurchaseOrderInput): Promise<PurchaseOrderListing> {
    const merchantOrgId = this.merchantOf(actor);
    const now = this.d.clock.now();
    const when = expectedOnProblem(input.expectedOn, now);
    if (when) throw new AppError(when === 'past' ? 'supply.po_expected_past' : 'request.invalid', { field: 'expectedOn' });
    const dup = repeatedSku(input.lines);
    if (dup >= 0) throw new AppError('supply.po_bad_line', { field: `lines.${dup}.skuId` });
    const po = await this.d.uow.transaction(async (tx) => {
      const links = (await tx.supply.listLinks({ merchantOrgIds: [merchantOrgId] })).filter((l) => l.supplierOrgId === input.supplierOrgId);
      if (links.length === 0) throw new AppError('supply.not_your_supplier', { field: 'supplierOrgId' });
      const warehouse = await this.d.stock.warehouseFor(tx, input.warehouseId, merchantOrgId);
      const skus = new Map((await tx.inventory.skuFactsMany(input.lines.map((l) => l.skuId))).map((s) => [s.skuId, s]));
      const lines: PurchaseOrderLineRecord[] = [];
      const id = this.d.ids.next();
      for (const [i, l] of input.lines.entries()) {
        const sku = skus.get(l.skuId);
        if (!sku || sku.merchantOrgId !== merchantOrgId) throw new AppError('inventory.sku_not_found', { field: `lines.${i}.skuId` });
        if (!links.some((k) => linkCovers(k.productIds, sku.productId)))
          throw new AppError('supply.not_supplied', { field: `lines.${i}.skuId` });
        lines.push({
          poId: id,
          lineNo: i + 1,
          skuId: sku.skuId,
          productId: sku.productId,
          qty: l.qty,
          unitCostFen: l.unitCostFen,
          shipped: 0,
          received: 0,
          rejected: 0,
        });
      }
      if (input.replenishmentId) {
        const r = await tx.supply.findReplenishment(input.replenishmentId);
        if (!r || r.merchantOrgId !== merchantOrgId) throw new AppError('supply.replenishment_not_found', { field: 'replenishmentId' });
        if (r.supplierOrgId !== input.supplierOrgId) throw new AppError('supply.replenishment_other_supplier', { field: 'supplierOrgId' });
      }
      const rec: PurchaseOrderRecord = {
        id,
        number: purchaseOrderNumber(id, now),
        merchantOrgId,
        supplierOrgId: input.supplierOrgId,
        warehouseId: warehouse.id,
        status: 'sent',
        expectedOn: input.expectedOn,
        note: input.note?.trim() || null,
        replenishmentId: input.replenishmentId ?? null,
        carrier: null,
        trackingNo: null,
        endReason: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        confirmedAt: null,
        shippedAt: null,
        endedAt: null,
      };
      await tx.supply.insertPurchaseOrder(rec, lines);
      await this.d.audit.record(tx, actor, {
        action: 'purchase_order.create',
        targetType: 'purchase_order',
        targetId: id,
        detail: { number: rec.number, supplierOrgId: rec.supplierOrgId, lines: lines.length, totalFen: purchaseOrderTotal(lines) },
      });
      const full = { ...rec, lines };
      await this.event(tx, 'supply.po_sent', full, now);
      return full;
    });
    return this.one(po);
  }

  /**
   * 转采购单: a purchase order answering a 补货 request — its supplier, SKU and quantity — into the warehouse named
   * (default: the merchant's 默认仓), expected on the day named (default: tomorrow, China time).
   */
  async fromReplenishment(
    actor: Actor,
    replenishmentId: string,
    input: { unitCostFen: number; warehouseId?: string | undefined; expectedOn?: string | undefined; qty?: number | undefined },
  ): Promise<PurchaseOrderListing> {
    const merchantOrgId = this.merchantOf(actor);
    const r = await this.d.uow.read.supply.findReplenishment(replenishmentId);
    if (!r || r.merchantOrgId !== merchantOrgId) throw new AppError('supply.replenishment_not_found', { field: 'id' });
    const warehouseId = input.warehouseId ?? (await this.d.uow.transaction((tx) => this.d.stock.defaultWarehouseIn(tx, merchantOrgId))).id;
    return this.create(actor, {
      supplierOrgId: r.supplierOrgId,
      warehouseId,
      expectedOn: input.expectedOn ?? chinaDay(new Date(this.d.clock.now().getTime() + 86_400_000)),
      note: '补货',
      replenishmentId: r.id,
      lines: [{ skuId: r.skuId, qty: input.qty ?? r.qty, unitCostFen: input.unitCostFen }],
    });
  }

  /** The caller's orders: merchant staff see the orders they placed and those placed with them as a factory. */
  async list(actor: Actor, opts: { statuses?: PurchaseOrderStatus[] | undefined } = {}): Promise<PurchaseOrderListing[]> {
    if (!actor.orgId) throw new AppError('auth.forbidden');
    const read = this.d.uow.read;
    const base = { statuses: opts.statuses, limit: LIST_LIMIT };
    let rows: PurchaseOrderWithLines[];
    if (actor.role === 'merchant_staff')
      rows = [
        ...(await read.supply.listPurchaseOrders({ ...base, merchantOrgId: actor.orgId })),
        ...(await read.supply.listPurchaseOrders({ ...base, supplierOrgId: actor.orgId })),
      ];
    else if (actor.role === 'provider_staff') {
      // a service provider: orders placed with it as supplier, and orders into the warehouses it runs
      const own = (await read.inventory.listWarehouses(actor.orgId)).filter((w) => w.ownerOrgId === actor.orgId).map((w) => w.id);
      rows = [
        ...(await read.supply.listPurchaseOrders({ ...base, supplierOrgId: actor.orgId })),
        ...(own.length > 0 ? await read.supply.listPurchaseOrders({ ...base, warehouseIds: own }) : []),
      ];
    } else throw new AppError('auth.forbidden');
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id),
    );
    return this.listed(unique);
  }

  async get(actor: Actor, id: string): Promise<PurchaseOrderListing> {
    const po = await this.d.uow.read.supply.findPurchaseOrder(id);
    if (!po || !(await this.canSee(actor, po))) throw new AppError('supply.po_not_found', { field: 'id' });
    return this.one(po);
  }

  /** The supplier confirms (接单) a sent order. */
  async confirm(actor: Actor, id: string): Promise<PurchaseOrderListing> {
    return this.supplierStep(
      actor,
      id,
      PO_RULES.answerable,
      (now) => ({ status: 'confirmed', updatedAt: now, confirmedAt: now }),
      'confirm',
    );
  }

  /** The supplier declines (拒单) a sent order, with a reason. */
  async decline(actor: Actor, id: string, reason: string): Promise<PurchaseOrderListing> {
    return this.supplierStep(
      actor,
      id,
      PO_RULES.answerable,
      (now) => ({ status: 'declined', updatedAt: now, endedAt: now, endReason: reason.trim() }),
      'decline',
    );
  }

  /** The supplier ships (发货) a confirmed order: carrier, tracking number and the quantities per line. */
  async ship(
    actor: Actor,
    id: string,
    input: { carrier: string; trackingNo: string; lines?: Array<{ lineNo: number; qty: number }> | undefined },
  ): Promise<PurchaseOrderListing> {
    return this.supplierStep(
      actor,
      id,
      PO_RULES.shippable,
      (now) => ({ status: 'shipped', updatedAt: now, shippedAt: now, carrier: input.carrier.trim(), trackingNo: input.trackingNo.trim() }),
      'ship',
      async (tx, po) => {
        const qty = shipQuantities(po.lines, input.lines);
        if (!(qty instanceof Map))
          throw new AppError('supply.po_bad_line', { field: qty.index < 0 ? 'lines' : `lines.${qty.index}.${qty.field}` });
        for (const l of po.lines) {
          const shipped = qty.get(l.lineNo) ?? 0;
          await tx.supply.updatePurchaseOrderLine(po.id, l.lineNo, { shipped });
          l.shipped = shipped;
        }
      },
    );
  }

  /**
   * 收货: by the merchant, or by staff of the service provider running the order's warehouse. Accepted units enter
   * the warehouse as `receipt` movements (the ledger, and the SKU's sellable number) in this transaction.
   */
  async receive(actor: Actor, id: string, input: ReceiptInput): Promise<PurchaseOrderListing> {
    if (!actor.orgId) throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    const po = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.supply.findPurchaseOrder(id, { lock: true });
      if (!cur || !(await this.canReceive(tx, actor, cur))) throw new AppError('supply.po_not_found', { field: 'id' });
      if (!PO_RULES.receivable.includes(cur.status))
        throw new AppError('supply.po_state', { field: 'status', details: { status: cur.status } });
      const problem = receiptProblem(cur.lines, input.lines);
      if (problem) throw new AppError(problem.code, { field: `lines.${problem.index}.${problem.field}` });
      const warehouse = await tx.inventory.findWarehouse(cur.warehouseId);
      if (warehouse?.status !== 'active') throw new AppError('inventory.warehouse_closed', { field: 'warehouseId' });
      for (const g of input.lines) {
        const line = cur.lines.find((l) => l.lineNo === g.lineNo) as PurchaseOrderLineRecord;
        if (g.accepted > 0)
          await this.d.stock.postIn(
            tx,
            actor,
            {
              skuId: line.skuId,
              warehouseId: warehouse.id,
              kind: 'receipt',
              qty: g.accepted,
              reason: g.reason ?? null,
              refType: 'purchase_order',
              refId: cur.id,
            },
            { warehouse },
          );
        line.received += g.accepted;
        line.rejected += g.rejected;
        await tx.supply.updatePurchaseOrderLine(cur.id, line.lineNo, { received: line.received, rejected: line.rejected });
      }
      const receipt: PurchaseReceiptRecord = {
        id: this.d.ids.next(),
        poId: cur.id,
        lines: input.lines.map((g) => ({ lineNo: g.lineNo, accepted: g.accepted, rejected: g.rejected, reason: g.reason?.trim() || null })),
        note: input.note?.trim() || null,
        receivedBy: actor.userId,
        receivedByLabel: actor.label,
        receivedAt: now,
      };
      await tx.supply.insertPurchaseReceipt(receipt);
      const status = statusAfterReceipt(cur.lines);
      const patch = { status, updatedAt: now, ...(status === 'received' ? { endedAt: now } : {}) };
      if (!(await tx.supply.transitionPurchaseOrder(cur.id, [cur.status], patch)))
        throw new AppError('supply.po_state', { field: 'status', details: { status: cur.status } });
      const accepted = input.lines.reduce((s, l) => s + l.accepted, 0);
      const rejected = input.lines.reduce((s, l) => s + l.rejected, 0);
      await this.d.audit.record(tx, actor, {
        action: 'purchase_order.receive',
        targetType: 'purchase_order',
        targetId: cur.id,
        detail: { receiptId: receipt.id, accepted, rejected, status },
      });
      const next = { ...cur, ...patch };
      await this.event(tx, 'supply.po_received', next, now);
      return next;
    });
    return this.one(po);
  }

  /** The merchant cancels (撤销) before the goods leave, with a reason. */
  async cancel(actor: Actor, id: string, reason: string): Promise<PurchaseOrderListing> {
    return this.merchantStep(actor, id, PO_RULES.cancellable, 'cancelled', reason, 'cancel');
  }

  /** The merchant closes a partially received order short (短收结案), with a reason. */
  async close(actor: Actor, id: string, reason: string): Promise<PurchaseOrderListing> {
    return this.merchantStep(actor, id, PO_RULES.closable, 'closed', reason, 'close');
  }

  // ── steps ──

  private async supplierStep(
    actor: Actor,
    id: string,
    from: readonly PurchaseOrderStatus[],
    patchAt: (now: Date) => Parameters<Tx['supply']['transitionPurchaseOrder']>[2],
    verb: 'confirm' | 'decline' | 'ship',
    also?: (tx: Tx, po: PurchaseOrderWithLines) => Promise<void>,
  ): Promise<PurchaseOrderListing> {
    if ((actor.role !== 'provider_staff' && actor.role !== 'merchant_staff') || !actor.orgId) throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    const po = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.supply.findPurchaseOrder(id, { lock: true });
      if (!cur || cur.supplierOrgId !== actor.orgId) throw new AppError('supply.po_not_found', { field: 'id' });
      if (!from.includes(cur.status)) throw new AppError('supply.po_state', { field: 'status', details: { status: cur.status } });
      if (also) await also(tx, cur);
      const patch = patchAt(now);
      if (!(await tx.supply.transitionPurchaseOrder(cur.id, [cur.status], patch)))
        throw new AppError('supply.po_state', { field: 'status', details: { status: cur.status } });
      await this.d.audit.record(tx, actor, {
        action: `purchase_order.${verb}`,
        targetType: 'purchase_order',
        targetId: cur.id,
        detail: {
          number: cur.number,
          ...(patch.endReason ? { reason: patch.endReason } : {}),
          ...(patch.trackingNo ? { carrier: patch.carrier } : {}),
        },
      });
      const next = { ...cur, ...patch };
      await this.event(tx, `supply.po_${patch.status}`, next, now);
      return next;
    });
    return this.one(po);
  }

  private async merchantStep(
    actor: Actor,
    id: string,
    from: readonly PurchaseOrderStatus[],
    to: 'cancelled' | 'closed',
    reason: string,
    verb: 'cancel' | 'close',
  ): Promise<PurchaseOrderListing> {
    const merchantOrgId = this.merchantOf(actor);
    const now = this.d.clock.now();
    const po = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.supply.findPurchaseOrder(id, { lock: true });
      if (!cur || cur.merchantOrgId !== merchantOrgId) throw new AppError('supply.po_not_found', { field: 'id' });
      if (!from.includes(cur.status)) throw new AppError('supply.po_state', { field: 'status', details: { status: cur.status } });
      const patch = { status: to, updatedAt: now, endedAt: now, endReason: reason.trim() };
      if (!(await tx.supply.transitionPurchaseOrder(cur.id, [cur.status], patch)))
        throw new AppError('supply.po_state', { field: 'status', details: { status: cur.status } });
      await this.d.audit.record(tx, actor, {
        action: `purchase_order.${verb}`,
        targetType: 'purchase_order',
        targetId: cur.id,
        detail: { number: cur.number, reason: patch.endReason },
      });
      const next = { ...cur, ...patch };
      await this.event(tx, `supply.po_${to}`, next, now);
      return next;
    });
    return this.one(po);
  }

  // ── who sees what ──

  private async canSee(actor: Actor, po: PurchaseOrderRecord): Promise<boolean> {
    if (!actor.orgId) return false;
    if (actor.role === 'merchant_staff') return po.merchantOrgId === actor.orgId || po.supplierOrgId === actor.orgId;
    if (actor.role !== 'provider_staff') return false;
    if (po.supplierOrgId === actor.orgId) return true;
    return (await this.d.uow.read.inventory.findWarehouse(po.warehouseId))?.ownerOrgId === actor.orgId;
  }

  private async canReceive(tx: Tx, actor: Actor, po: PurchaseOrderRecord): Promise<boolean> {
    if (actor.role === 'merchant_staff') return po.merchantOrgId === actor.orgId;
    if (actor.role !== 'provider_staff') return false;
    return (await tx.inventory.findWarehouse(po.warehouseId))?.ownerOrgId === actor.orgId;
  }

  private async event(tx: Tx, topic: string, po: PurchaseOrderWithLines, now: Date): Promise<void> {
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic,
      payload: {
        purchaseOrderId: po.id,
        number: po.number,
        merchantOrgId: po.merchantOrgId,
        supplierOrgId: po.supplierOrgId,
        warehouseId: po.warehouseId,
        status: po.status,
        lines: po.lines.length,
        qty: po.lines.reduce((s, l) => s + l.qty, 0),
      },
      createdAt: now,
      publishedAt: null,
    });
  }

  // ── views ──

  private async one(po: PurchaseOrderWithLines): Promise<PurchaseOrderListing> {
    return (await this.listed([po]))[0] as PurchaseOrderListing;
  }

  private async listed(rows: PurchaseOrderWithLines[]): Promise<PurchaseOrderListing[]> {
    if (rows.length === 0) return [];
    const read = this.d.uow.read;
    const receipts = await read.supply.listPurchaseReceipts(rows.map((r) => r.id));
    const [names, skus, warehouses] = await Promise.all([
      this.d.names.namesFor({
        orgs: rows.flatMap((r) => [r.merchantOrgId, r.supplierOrgId]),
        users: receipts.flatMap((x) => (x.receivedBy ? [x.receivedBy] : [])),
      }),
      read.inventory.skuFactsMany([...new Set(rows.flatMap((r) => r.lines.map((l) => l.skuId)))]),
      Promise.all([...new Set(rows.map((r) => r.warehouseId))].map((id) => read.inventory.findWarehouse(id))),
    ]);
    const sku = new Map(skus.map((s) => [s.skuId, s]));
    const wh = new Map(warehouses.flatMap((w) => (w ? [[w.id, w.name] as const] : [])));
    return rows.map((r) => ({
      ...r,
      merchantName: names.orgs.get(r.merchantOrgId) ?? '商家',
      supplierName: names.orgs.get(r.supplierOrgId) ?? '供应商',
      warehouseName: wh.get(r.warehouseId) ?? '仓库',
      totalFen: purchaseOrderTotal(r.lines),
      lines: r.lines.map((l) => ({
        ...l,
        productName: sku.get(l.skuId)?.productTitle ?? '商品',
        skuName: sku.get(l.skuId)?.skuName ?? '规格',
      })),
      // who received: the person's name where the directory has it, else the account the receipt recorded
      receipts: receipts
        .filter((x) => x.poId === r.id)
        .map((x) => ({ ...x, receivedByLabel: (x.receivedBy && names.users.get(x.receivedBy)) || x.receivedByLabel })),
    }));
  }
}
