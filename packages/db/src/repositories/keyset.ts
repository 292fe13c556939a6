/**
 * Keyset paging on (created_at, id), newest first, for the lists a client pages through (orders, products): rows
 * written together share their creation time, so the id breaks the tie and no row is skipped or shown twice.
 */
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** The rows after a page whose last row was created at `before` (with id `beforeId`); undefined: from the newest. */
export function olderThan(createdAt: PgColumn, id: PgColumn, before: Date | undefined, beforeId: string | undefined): SQL | undefined {
  if (!before) return undefined;
  return beforeId ? or(lt(createdAt, before), and(eq(createdAt, before), lt(id, beforeId))) : lt(createdAt, before);
}

/** The order `olderThan` pages in. */
export function newestFirst(createdAt: PgColumn, id: PgColumn): SQL[] {
  return [desc(createdAt), desc(id)];
}
