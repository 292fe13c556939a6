export * from './drivers/open.ts';
export * from './unit-of-work.ts';
export type { Db } from './db.ts';
export * as schema from './schema/index.ts';
/** The pool search's SQL pieces, for the selection-search benchmark's naive twin of the same query. */
export { listingFilterConditions, textArray } from './repositories/selection.repository.ts';
