/** Optimistic-concurrency update: writes `values` to the row `id` only while its version is still `expectVersion`. */
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/** True when the row was updated; false when it is gone or another writer moved its version on. */
export async function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  id: string,
  expectVersion: number,
  values: PgUpdateSetSource<T>,
): Promise<boolean> {
  const rows = await db
    .update(table as VersionedTable)
    .set(values as PgUpdateSetSource<VersionedTable>)
    .where(and(eq(table.id, id), eq(table.version, expectVersion)))
    .returning({ id: table.id });
  return rows.length === 1;
}
