/** The name directory (core/ports/names.ts): one query per kind of name, over the tables that hold the names. */
import type { NameKind, NameRepository } from '@livehub/core';
import { asc, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { products } from '../schema/catalog.ts';
import { organizations, users } from '../schema/identity.ts';
import { liveSessions } from '../schema/live.ts';
import { orders } from '../schema/orders.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** refs are often free text (an external session or product code): only uuids can name a row of ours */
export const uuids = (xs: string[]): string[] => [...new Set(xs.filter((x) => UUID.test(x)))];

export class DrizzleNameRepository implements NameRepository {
  constructor(private readonly db: Db) {}

  async namesOf(kind: NameKind, ids: string[]): Promise<Map<string, string>> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await this.query(kind, wanted);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async startingWith(kind: 'users' | 'orgs', prefix: string, limit: number): Promise<Array<{ id: string; name: string }>> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const col = kind === 'users' ? users.displayName : organizations.name;
    const id = kind === 'users' ? users.id : organizations.id;
    return this.db
      .select({ id, name: col })
      .from(kind === 'users' ? users : organizations)
      .where(like(col, pattern))
      .orderBy(sql`${col} = ${prefix} desc`, asc(col), asc(id))
      .limit(limit);
  }

  private query(kind: NameKind, ids: string[]): Promise<Array<{ id: string; name: string }>> {
    const db = this.db;
    switch (kind) {
      case 'users':
        return db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
      case 'orgs':
        return db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids));
      case 'products':
        return db.select({ id: products.id, name: products.title }).from(products).where(inArray(products.id, ids));
      case 'sessions':
        return db.select({ id: liveSessions.id, name: liveSessions.title }).from(liveSessions).where(inArray(liveSessions.id, ids));
      case 'orders':
        return db.select({ id: orders.id, name: orders.orderNo }).from(orders).where(inArray(orders.id, ids));
    }
  }
}
