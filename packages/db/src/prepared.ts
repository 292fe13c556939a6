/**
 * Statements prepared once per PGlite database and executed by name, for the few hot ones whose planning costs more
 * than their execution (a credit ingest's event insert and score upsert: ~0.35 ms of planning each, against ~0.2 ms
 * executed from a prepared plan — docs/credit.md, "An eighth pass").
 *
 * PGlite runs one session, so a statement prepared there stays for the database's life (a prepared statement is
 * not undone by a rollback). Its driver sends every query as an unnamed statement and `EXECUTE` takes no bound
 * parameters, so the arguments go into the `EXECUTE` as literals (`sqlLiteral`: escaped strings, E'' syntax, so
 * no setting of `standard_conforming_strings` changes their meaning). Not for PostgreSQL: there a pool's
 * connections would each need their own, and its planning is native code.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './db.ts';

export type SqlArgument = string | number | boolean | null;

/** An argument as a SQL literal: null, a finite number, a boolean or an escaped string (no NUL, which text refuses). */
export function sqlLiteral(v: SqlArgument): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`not a finite number: ${v}`);
    return `'${v}'`;
  }
  if (v.includes('\0')) throw new TypeError('a text argument holds a NUL character');
  return `E'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A statement to prepare: its name (unique per database) and its text, with $1…$n typed where they are used. */
export interface PreparedStatement {
  name: string;
  text: string;
}

export class PreparedStatements {
  /** each statement's preparation, once (a caller that comes while it runs waits for the same one) */
  readonly #ready = new Map<string, Promise<void>>();

  /** Runs the statement with these arguments, preparing it first the first time (on `db`, a transaction or not). */
  async execute<Row>(db: Db, statement: PreparedStatement, args: readonly SqlArgument[]): Promise<Row[]> {
    if (!/^[a-z_][a-z0-9_]*$/.test(statement.name)) throw new TypeError(`not a statement name: ${statement.name}`);
    let ready = this.#ready.get(statement.name);
    if (!ready) {
      ready = db.execute(sql.raw(`prepare ${statement.name} as ${statement.text}`)).then(() => undefined);
      this.#ready.set(statement.name, ready);
      // a preparation that failed (its transaction already failing) is tried again by the next caller
      ready.catch(() => this.#ready.delete(statement.name));
    }
    await ready;
    const result = (await db.execute(sql.raw(`execute ${statement.name}(${args.map(sqlLiteral).join(', ')})`))) as unknown as {
      rows: Row[];
    };
    return result.rows;
  }
}
