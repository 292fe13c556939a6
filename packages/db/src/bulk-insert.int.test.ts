/**
 * bulkInsert (one array parameter per column) stores exactly what Drizzle's `values()` stores, on both drivers:
 * text that array literals must escape, nulls, JSON, dates; and its conflict handling returns only what it inserted.
 */
import { randomUUID } from 'node:crypto';
import { availableDrivers, openTestDatabase, type TestDatabase } from '@livehub/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from './repositories/bulk-insert.ts';
import { users } from './schema/identity.ts';
import { idempotencyKeys } from './schema/orders.ts';

const awkward = ['双引号 " 和反斜杠 \\', '{花括号,逗号}', 'NULL', '', ' 前后空格 ', "单引号 ' ；全角，", 'emoji 🛒 换行\n制表\t'];

for (const driver of availableDrivers()) {
  describe(`bulkInsert on ${driver}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase(driver);
    });
    afterAll(async () => t.drop());

    it('stores awkward text, nulls and dates as values() does', async () => {
      const at = new Date('2026-11-21T08:09:10.123Z');
      const rows = awkward.map((name, i) => ({
        id: randomUUID(),
        username: `bulk_${driver}_${i}`,
        displayName: name,
        passwordHash: 'x',
        phoneEnc: i % 2 ? null : name,
        createdAt: at,
        lastLoginAt: i % 3 ? null : at,
      }));
      await bulkInsert(t.database.db, users, rows);
      for (const r of rows) {
        const got = await t.database.uow.read.users.findById(r.id);
        expect(got).toMatchObject({ ...r, locale: 'zh-CN', status: 'active', failedLogins: 0 });
      }
    });

    it('stores JSON with quotes and nesting, and returns only the rows a conflict let in', async () => {
      const userId = randomUUID();
      const row = (key: string, response: unknown) => ({
        userId,
        scope: 'order.create',
        key,
        requestHash: 'h',
        status: 201,
        response,
        createdAt: new Date(),
      });
      const response = { title: awkward.join('|'), nested: [{ a: null, b: [1, 2.5, '"x"'] }], empty: {} };
      const first = await bulkInsert(t.database.db, idempotencyKeys, [row('k1', response), row('k2', [])], {
        onConflictDoNothing: [idempotencyKeys.userId, idempotencyKeys.scope, idempotencyKeys.key],
        returning: idempotencyKeys.key,
      });
      expect(first.sort()).toEqual(['k1', 'k2']);
      const again = await bulkInsert(t.database.db, idempotencyKeys, [row('k2', 'other'), row('k3', 7)], {
        onConflictDoNothing: [idempotencyKeys.userId, idempotencyKeys.scope, idempotencyKeys.key],
        returning: idempotencyKeys.key,
      });
      expect(again).toEqual(['k3']);
      const stored = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
      expect(Object.fromEntries(stored.map((s) => [s.key, s.response]))).toEqual({ k1: response, k2: [], k3: 7 });
    });

    it('does nothing for no rows', async () => {
      expect(await bulkInsert(t.database.db, users, [])).toEqual([]);
    });
  });
}
