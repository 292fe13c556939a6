/**
 * The catalog, the selection pool and the stock ledger. The catalog rebuilds the pool's read model whenever a product
 * changes, and listing is gated on the merchant's deposit, which settlement provides once it is wired.
 */
import {
  CatalogService,
  type ComplianceService,
  type CreditGateService,
  type DepositService,
  InventoryService,
  type RegistryService,
  SelectionService,
  StockPostingService,
  type WorkflowService,
} from '@livehub/core';
import type { Late } from './late.ts';
import type { Platform } from './platform.ts';

export function wireCatalog(
  p: Platform,
  d: {
    workflows: WorkflowService;
    registry: RegistryService;
    compliance: ComplianceService;
    creditGate: CreditGateService;
    /** 保证金: settlement's deposits, wired later */
    deposits: Late<DepositService>;
  },
) {
  const { clock, ids, uow, vault, audit } = p;
  const { workflows, registry, compliance, creditGate, deposits } = d;
  // The catalog rebuilds the selection pool's read model whenever a product changes; the pool reads the catalog.
  let selection: SelectionService | null = null;
  // 库存: the stock ledger (docs/supply.md § Stock model); the catalog, orders and returns post through its
  // in-transaction forms
  const stock = new StockPostingService({ clock, ids });
  const inventory = new InventoryService({ uow, clock, ids, audit, posting: stock });
  const catalog = new CatalogService({
    stock,
    uow,
    clock,
    ids,
    audit,
    workflows,
    registry,
    compliance,
    onProductChanged: (tx, id, now) => (selection as SelectionService).refreshListing(tx, id, now),
    // listing is gated on the merchant's deposit (保证金): settlement implements the catalog's reader port
    deposits: { depositShortfall: (orgId, path) => deposits.get().depositShortfall(orgId, path) },
  });
  selection = new SelectionService({
    uow,
    clock,
    ids,
    vault,
    audit,
    catalog,
    stock,
    liveSales: uow.read.orders,
    images: registry,
    credit: creditGate,
  });
  return { stock, inventory, catalog, selection: selection as SelectionService };
}
