/**
 * Who sees which live demand: a streamer the products of its own sessions, merchant staff their organization's
 * products, supplier staff (a service provider's, or a merchant's acting as factory) the products an active link
 * names them for, the platform everything. Pure once the caller's supplier links are read.
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { linkCovers } from './demand.rules.ts';
import type { SupplierLinkRecord } from './supply.types.ts';

export const DEMAND_VIEWERS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'streamer', 'merchant_staff', 'provider_staff']);
/** Who may be named a supplier's staff: a service provider's, or a merchant's (a factory selling too). */
export const SUPPLIER_ROLES: ReadonlySet<Actor['role']> = new Set(['provider_staff', 'merchant_staff']);

export interface DemandScope {
  all: boolean;
  userId: string | null;
  orgId: string | null;
  role: Actor['role'];
  /** active links naming the caller's organization as supplier */
  asSupplier: SupplierLinkRecord[];
}

export function demandScope(actor: Actor, asSupplier: SupplierLinkRecord[]): DemandScope {
  if (!DEMAND_VIEWERS.has(actor.role)) throw new AppError('auth.forbidden');
  return { all: actor.role === 'platform_admin', userId: actor.userId, orgId: actor.orgId, role: actor.role, asSupplier };
}

/** Does the scope see this product of this session's merchant? */
export function seesProduct(s: DemandScope, session: { streamerUserId: string }, productId: string, merchantOrgId: string): boolean {
  if (s.all) return true;
  if (s.role === 'streamer') return s.userId !== null && session.streamerUserId === s.userId;
  if (s.role === 'merchant_staff' && s.orgId === merchantOrgId) return true;
  return s.asSupplier.some((l) => l.merchantOrgId === merchantOrgId && linkCovers(l.productIds, productId));
}

/** The suppliers of a product among a merchant's links. */
export const suppliersOf = (links: readonly SupplierLinkRecord[], merchantOrgId: string, productId: string): SupplierLinkRecord[] =>
  links.filter((l) => l.status === 'active' && l.merchantOrgId === merchantOrgId && linkCovers(l.productIds, productId));
