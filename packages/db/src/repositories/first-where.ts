/** The one row of `table` that `where` picks (the first, if more match), or null. */
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';

export async function firstWhere<T extends PgTable>(db: Db, table: T, where: SQL | undefined): Promise<T['$inferSelect'] | null> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .limit(1);
  return (row as T['$inferSelect'] | undefined) ?? null;
}
