/**
 * What live demand reads from other contexts, each through its reader (wired in the server): the live context's
 * sessions and their products, the orders context's order lines of a session, the SKUs with their sellable units
 * (the stock truth — the inventory context's sellable figure once the ledger holds it), and the organizations a
 * merchant may name as suppliers. Supply never touches their tables.
 */
import type { DemandLine } from './demand.rules.ts';
import type { DemandSession, DemandSku, SupplierOrg } from './supply.types.ts';

export interface DemandSource {
  /** sessions live now, with their products (bounded) */
  liveSessions(limit: number): Promise<DemandSession[]>;
  session(id: string): Promise<DemandSession | null>;
  /** the order lines of a session's orders, paid or not (cancelled unpaid ones count as placed) */
  sessionLines(sessionId: string, limit: number): Promise<DemandLine[]>;
  /** the SKUs of the products, with their sellable units now */
  skus(productIds: string[]): Promise<DemandSku[]>;
}

export interface SupplierDirectory {
  /** the organization when it may supply (a service provider, or a merchant acting as factory) */
  supplierOrg(id: string): Promise<SupplierOrg | null>;
  /** organizations a merchant may name, by name (service providers first) */
  candidates(limit: number): Promise<SupplierOrg[]>;
  /** the merchant owning each product found */
  productOwners(productIds: string[]): Promise<Map<string, string>>;
}
