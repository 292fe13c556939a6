export * from './drivers/open.ts';
export * from './unit-of-work.ts';
export type { Db } from './db.ts';
export * as schema from './schema/index.ts';
