/**
 * The names a page of records refers to, batched: one query per kind of name whatever the number of rows, so a
 * list of two hundred audit entries or violations costs a handful of queries, never one per row. Services return
 * the names with their page; presenters look them up.
 */
import { NAME_KINDS, type NameKind } from '../ports/names.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';

/** The ids to name, by kind; nulls and repeats are fine. */
export type NameQuery = Partial<Record<NameKind, Iterable<string | null | undefined>>>;
/** The names found, by kind (an id left out was not found). */
export type Names = Record<NameKind, Map<string, string>>;

/** What a service needs to name the rows of a page. */
export interface NameReader {
  namesFor(query: NameQuery): Promise<Names>;
}

export function noNames(): Names {
  return { users: new Map(), orgs: new Map(), products: new Map(), sessions: new Map(), orders: new Map() };
}

export class NameDirectory implements NameReader {
  constructor(private readonly d: { uow: ScopedUnitOfWork<'names'> }) {}

  async namesFor(query: NameQuery): Promise<Names> {
    const names = noNames();
    await Promise.all(
      NAME_KINDS.map(async (kind) => {
        const ids = [...new Set([...(query[kind] ?? [])].filter((x): x is string => typeof x === 'string' && x.length > 0))];
        if (ids.length > 0) names[kind] = await this.d.uow.read.names.namesOf(kind, ids);
      }),
    );
    return names;
  }
}
