/**
 * The name directory's port: the names screens show instead of ids — people's display names, organizations' names,
 * product and live-session titles, order numbers — read in one query per kind, whatever the number of ids. A read
 * model across contexts (like a search index), for presentation only: no context decides anything from it.
 */

export const NAME_KINDS = ['users', 'orgs', 'products', 'sessions', 'orders'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export interface NameRepository {
  /** The names of `ids` of one kind, in one query; unknown ids, and ids that cannot name a row (not uuids), are left out. */
  namesOf(kind: NameKind, ids: string[]): Promise<Map<string, string>>;
  /** People (display names) or organizations whose name is `prefix` or starts with it, exact matches first; at most `limit`. */
  startingWith(kind: 'users' | 'orgs', prefix: string, limit: number): Promise<Array<{ id: string; name: string }>>;
}
