/** Pure rules of the stock ledger (库存): directions of the movement kinds, what moves 可售, choosing a warehouse. */
import type { MovementKind } from './inventory.types.ts';

/** The kinds that bring units into a warehouse (+), take them out (−), or either (adjustments). */
const INTO: ReadonlySet<MovementKind> = new Set(['opening', 'receipt', 'transfer_in', 'return', 'sample_return']);
const OUT_OF: ReadonlySet<MovementKind> = new Set(['shipment', 'transfer_out', 'sample_out']);

/**
 * Whether a movement changes the SKU's sellable number by its quantity. A shipment does not (the units were
 * reserved by the order: on hand and reserved fall together), nor does a transfer (the total on hand stays).
 */
export function movesSellable(kind: MovementKind): boolean {
  return kind !== 'shipment' && kind !== 'transfer_out' && kind !== 'transfer_in';
}

/** Why a movement is malformed (field `qty` or `reason`), or null. */
export function movementProblem(kind: MovementKind, qty: number, reason: string | null | undefined): 'qty' | 'reason' | null {
  if (!Number.isInteger(qty) || qty === 0 || Math.abs(qty) > 1_000_000) return 'qty';
  if (INTO.has(kind) && qty < 0) return 'qty';
  if (OUT_OF.has(kind) && qty > 0) return 'qty';
  if (kind === 'adjustment' && !reason?.trim()) return 'reason';
  return null;
}

/** 占用: what is promised and not yet shipped = on hand − sellable − the safety buffer (never below zero). */
export function reservedOf(onHand: number, sellable: number, safetyBuffer: number): number {
  return Math.max(0, onHand - sellable - safetyBuffer);
}

/** Sums the needs of order lines per SKU. */
export function needsOf(lines: Array<{ skuId: string; qty: number }>): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.skuId, (m.get(l.skuId) ?? 0) + l.qty);
  return m;
}

/**
 * The warehouse a shipment leaves from when the merchant names none: the first (default first, then by name) that
 * holds enough of every line; null when none does.
 */
export function pickWarehouse(
  candidates: Array<{ id: string; isDefault: boolean; name: string; onHand: Map<string, number> }>,
  needs: Map<string, number>,
): string | null {
  const order = [...candidates].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
  for (const w of order) if ([...needs].every(([sku, qty]) => (w.onHand.get(sku) ?? 0) >= qty)) return w.id;
  return null;
}

/** The sellable change when the safety buffer moves from `before` to `after`. */
export function bufferDelta(before: number, after: number): number {
  return before - after;
}
