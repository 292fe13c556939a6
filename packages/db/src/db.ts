import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

/** A Drizzle database or transaction on either driver: the query builder is the same. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
