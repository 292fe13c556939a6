/** The rows of `table` that `where` picks, in `orderBy` order, at most `limit` of them: the repositories' list-query shape. */
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';

export async function listWhere<T extends PgTable>(
  db: Db,
  table: T,
  q: { where: SQL | undefined; orderBy: SQL[]; limit: number },
): Promise<T['$inferSelect'][]> {
  return (await db
    .select()
    .from(table as PgTable)
    .where(q.where)
    .orderBy(...q.orderBy)
    .limit(q.limit)) as T['$inferSelect'][];
}
