/**
 * What the pre-sale services (lifecycle, payments, production, views) share, and nothing outside the context imports:
 * their dependencies and tables, who the caller acts as (the merchant, the buyer, the factory), the product's
 * specifications and the payment numbers. Not exported from index.ts. ADR 0035; docs/supply.md § Pre-sale and C2M.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { StockPostingService } from '../inventory/stock-posting.service.ts';
import type { PaymentProvider } from '../orders/payment.port.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';

export type PresaleScope = 'presales' | 'supply' | 'inventory' | 'audit' | 'outbox';

export interface PresaleDeps {
  uow: ScopedUnitOfWork<PresaleScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  provider: PaymentProvider;
  /** the stock ledger: the factory's shipment is received and delivered through it */
  stock: StockPostingService;
  publicBaseUrl: string;
  /** minutes a deposit or balance payment stays open */
  payMinutes?: number;
}

export type PresaleTx = Pick<Repositories, PresaleScope>;

export const LIST_LIMIT = 200;
export const SYSTEM: Actor = { userId: null, label: 'system:presales', orgId: null, membershipId: null, role: 'system', via: 'system' };
export const payNo = (id: string, kind: 'D' | 'B') => `YS${kind}${id.replace(/-/g, '').slice(-12).toUpperCase()}`;

export function merchantOf(actor: Actor): string {
  if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
  return actor.orgId;
}

export function buyerOf(actor: Actor): string {
  if (!actor.userId || actor.role === 'system') throw new AppError('auth.forbidden');
  return actor.userId;
}

export function supplierOf(actor: Actor): string {
  if ((actor.role !== 'provider_staff' && actor.role !== 'merchant_staff') || !actor.orgId) throw new AppError('auth.forbidden');
  return actor.orgId;
}

/** The product's specifications (SKUs) when it is the merchant's; empty otherwise. */
export async function specsOf(
  tx: Pick<Repositories, 'inventory'>,
  merchantOrgId: string,
  productId: string,
): Promise<Array<{ skuId: string; skuName: string; productTitle: string }>> {
  return (await tx.inventory.merchantSkus(merchantOrgId))
    .filter((s) => s.productId === productId)
    .map((s) => ({ skuId: s.skuId, skuName: s.skuName, productTitle: s.productTitle }));
}
