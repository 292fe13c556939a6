/** The catalog's public entry: its service, records, inputs and views, the repository port and its pure rules. */
export type { CatalogRepository } from './catalog.repository.ts';
export {
  ADULT_ONLY_SCREENS,
  adultOnlyCategory,
  brandKey,
  contentChanged,
  DAY_MS,
  REFERENCE_WINDOW_MS,
  referenceWindow,
  strictestRule,
} from './catalog.rules.ts';
export type { CatalogDeps } from './catalog.service.ts';
export { CatalogService } from './catalog.service.ts';
export { OrderCatalog } from './order-catalog.ts';
export type { OrderCatalogTx } from './order-catalog.ts';
export { SessionCatalog } from './session-catalog.ts';
export type { CatalogReads } from './session-catalog.ts';
export type * from './catalog.types.ts';
export type { CategoryReads } from './category.service.ts';
export { categoryPath, defaultCategories } from './default-categories.ts';
export type { DelistTx, ListingGate, ListingTx } from './product.service.ts';
export type { DepositGate } from './product-review.service.ts';
export { qualificationName } from './pre-check.rules.ts';
