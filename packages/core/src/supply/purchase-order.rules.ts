/**
 * Pure rules of the purchase order (采购单): its number, its total, what a shipment and a receipt may say, and the
 * status a receipt leaves it in. docs/supply.md § Purchase orders.
 */
import type { PurchaseOrderStatus } from '@livehub/contracts';
import { chinaDay } from '../shared/china-time.ts';
import type { PurchaseOrderLineRecord } from './supply.types.ts';

export { chinaDay };

/** Who may act on an order in each status. */
export const PO_RULES = {
  /** the supplier confirms or declines */
  answerable: ['sent'] as readonly PurchaseOrderStatus[],
  /** the supplier ships */
  shippable: ['confirmed'] as readonly PurchaseOrderStatus[],
  /** the merchant cancels before the goods leave */
  cancellable: ['sent', 'confirmed'] as readonly PurchaseOrderStatus[],
  /** goods may be received */
  receivable: ['shipped', 'partially_received'] as readonly PurchaseOrderStatus[],
  /** the merchant closes it short (短收结案) */
  closable: ['partially_received'] as readonly PurchaseOrderStatus[],
};

/** 采购单号: CG, the China day of creation, and eight characters of the id. */
export function purchaseOrderNumber(id: string, at: Date): string {
  return `CG${chinaDay(at).replaceAll('-', '')}${id.replaceAll('-', '').slice(-8).toUpperCase()}`;
}

export function purchaseOrderTotal(lines: Array<Pick<PurchaseOrderLineRecord, 'qty' | 'unitCostFen'>>): number {
  return lines.reduce((s, l) => s + l.qty * l.unitCostFen, 0);
}

/** The index of the first line repeating an earlier SKU, or -1. */
export function repeatedSku(lines: Array<{ skuId: string }>): number {
  const seen = new Set<string>();
  for (const [i, l] of lines.entries()) {
    if (seen.has(l.skuId)) return i;
    seen.add(l.skuId);
  }
  return -1;
}

/** Whether `expectedOn` (YYYY-MM-DD) is a real day, today (China time) or later. */
export function expectedOnProblem(expectedOn: string, now: Date): 'bad' | 'past' | null {
  const t = Date.parse(`${expectedOn}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== expectedOn) return 'bad';
  return expectedOn < chinaDay(now) ? 'past' : null;
}

export type ShipProblem = { index: number; field: 'lineNo' | 'qty' } | { index: -1; field: 'lines' };

/**
 * The quantities a shipment carries per line: every line in full when none are given; otherwise the given ones
 * (each line at most once, at most what was ordered; lines not named ship 0) — at least one unit in all.
 */
export function shipQuantities(
  lines: Array<Pick<PurchaseOrderLineRecord, 'lineNo' | 'qty'>>,
  given: Array<{ lineNo: number; qty: number }> | undefined,
): Map<number, number> | ShipProblem {
  if (!given) return new Map(lines.map((l) => [l.lineNo, l.qty]));
  const out = new Map(lines.map((l) => [l.lineNo, 0]));
  const seen = new Set<number>();
  for (const [i, g] of given.entries()) {
    const line = lines.find((l) => l.lineNo === g.lineNo);
    if (!line || seen.has(g.lineNo)) return { index: i, field: 'lineNo' };
    seen.add(g.lineNo);
    if (g.qty > line.qty) return { index: i, field: 'qty' };
    out.set(g.lineNo, g.qty);
  }
  if ([...out.values()].every((q) => q === 0)) return { index: -1, field: 'lines' };
  return out;
}

export type ReceiptProblem = { index: number; field: 'lineNo' | 'accepted' | 'reason'; code: 'supply.po_bad_line' | 'supply.over_receipt' };

/**
 * Why a receipt cannot be taken: an unknown or repeated line, nothing received on a line, or — without a reason
 * (差异说明) — a line whose accepted and rejected units together go past what was ordered.
 */
export function receiptProblem(
  lines: Array<Pick<PurchaseOrderLineRecord, 'lineNo' | 'qty' | 'received' | 'rejected'>>,
  given: Array<{ lineNo: number; accepted: number; rejected: number; reason?: string | undefined }>,
): ReceiptProblem | null {
  const seen = new Set<number>();
  for (const [i, g] of given.entries()) {
    const line = lines.find((l) => l.lineNo === g.lineNo);
    if (!line || seen.has(g.lineNo)) return { index: i, field: 'lineNo', code: 'supply.po_bad_line' };
    seen.add(g.lineNo);
    if (g.accepted + g.rejected === 0) return { index: i, field: 'accepted', code: 'supply.po_bad_line' };
    const after = line.received + line.rejected + g.accepted + g.rejected;
    if (after > line.qty && !g.reason?.trim()) return { index: i, field: 'reason', code: 'supply.over_receipt' };
  }
  return null;
}

/** received when every line has had what was ordered accounted for (accepted or rejected), else partially. */
export function statusAfterReceipt(
  lines: Array<Pick<PurchaseOrderLineRecord, 'qty' | 'received' | 'rejected'>>,
): Extract<PurchaseOrderStatus, 'received' | 'partially_received'> {
  return lines.every((l) => l.received + l.rejected >= l.qty) ? 'received' : 'partially_received';
}
