/**
 * Many rows in one statement with one parameter per column: `insert … select * from unnest($1::uuid[], $2::text[], …)`.
 *
 * Drizzle's multi-row `values()` binds one parameter per cell: 200 orders of 25 columns are 5,000 parameters, each
 * built, typed and encoded one by one — a quarter of a flash sale's group-commit time on PGlite went there
 * (ADR 0009) — and PostgreSQL refuses a statement past 65,535 of them. Here each column's values travel as one array,
 * whatever the number of rows. Values go through each column's own driver mapping (dates, JSON), so what is
 * stored is exactly what `values()` would store. Columns that no row sets are left to their defaults.
 */
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';

export interface BulkInsertOptions {
  /** `true`: ON CONFLICT DO NOTHING on any unique index; columns: on that conflict target only */
  onConflictDoNothing?: true | PgColumn[];
  /** a column to return for each row actually inserted */
  returning?: PgColumn;
}

/** `bulkInsertSql`'s options: in a larger statement it may return several columns. */
export interface BulkInsertSqlOptions extends Omit<BulkInsertOptions, 'returning'> {
  returning?: PgColumn | PgColumn[];
}

export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  records: ReadonlyArray<T['$inferInsert']>,
  opts: BulkInsertOptions = {},
): Promise<unknown[]> {
  if (records.length === 0) return [];
  const result = (await db.execute(bulkInsertSql(table, records, opts))) as unknown as { rows: Array<Record<string, unknown>> };
  const back = opts.returning?.name;
  return back ? result.rows.map((r) => r[back]) : [];
}

/** The statement `bulkInsert` runs, to embed in a larger one (e.g. a data-modifying WITH); `records` must not be empty. */
export function bulkInsertSql<T extends PgTable>(
  table: T,
  records: ReadonlyArray<T['$inferInsert']>,
  opts: BulkInsertSqlOptions = {},
): SQL {
  const rows = records as ReadonlyArray<Record<string, unknown>>;
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([key]) =>
    rows.some((r) => r[key] !== undefined),
  );
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const arrays = sql.join(
    columns.map(([key, c]) => {
      const values = rows.map((r) => {
        const v = r[key];
        return v === undefined || v === null ? null : c.mapToDriverValue(v);
      });
      return sql`${sql.param(values)}::${sql.raw(c.getSQLType())}[]`;
    }),
    sql`, `,
  );
  const conflict: SQL = !opts.onConflictDoNothing
    ? sql``
    : opts.onConflictDoNothing === true
      ? sql` on conflict do nothing`
      : sql` on conflict (${sql.join(
          opts.onConflictDoNothing.map((c) => sql.identifier(c.name)),
          sql`, `,
        )}) do nothing`;
  const back = opts.returning === undefined ? [] : Array.isArray(opts.returning) ? opts.returning : [opts.returning];
  const returning =
    back.length > 0
      ? sql` returning ${sql.join(
          back.map((c) => sql.identifier(c.name)),
          sql`, `,
        )}`
      : sql``;
  return sql`insert into ${sql.identifier(getTableName(table))} (${names}) select * from unnest(${arrays})${conflict}${returning}`;
}
