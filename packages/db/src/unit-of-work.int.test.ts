/**
 * Reading through `uow.read` from inside a transaction is a bug: on PGlite's single connection it would wait for
 * the very transaction that waits for it. The unit of work makes it fail at once instead of hanging, while reads
 * from other, concurrent work go on as usual.
 */
import { availableDrivers, openTestDatabase } from '@livehub/testing';
import { isDatabaseBusy } from './drivers/open.ts';
import { describe, expect, it } from 'vitest';

for (const driver of availableDrivers()) {
  describe(`unit of work (${driver})`, () => {
    it('refuses uow.read inside a transaction and allows it beside one', async () => {
      const t = await openTestDatabase(driver);
      try {
        const { uow } = t.database;
        await expect(uow.transaction(async () => uow.read.users.count())).rejects.toThrow(/inside a transaction/);
        let release: () => void = () => {};
        const gate = new Promise<void>((r) => {
          release = r;
        });
        const tx = uow.transaction(async (repos) => {
          await repos.users.count();
          await gate;
        });
        const outside = driver === 'postgres' ? await uow.read.users.count() : null;
        release();
        await tx;
        if (outside !== null) expect(outside).toBe(0);
        expect(await uow.read.users.count()).toBe(0);
      } finally {
        await t.drop();
      }
    });

    // PostgreSQL only (PGlite has one connection and no pool to wait for): the loop declares it for that driver
    if (driver === 'postgres')
      it('fails a query that waited too long for a connection as busy, which the server answers 503', async () => {
        const t = await openTestDatabase(driver, { poolSize: 1, poolWaitMs: 150 });
        try {
          const { uow } = t.database;
          let release: () => void = () => {};
          const gate = new Promise<void>((r) => {
            release = r;
          });
          const holding = uow.transaction(async (repos) => {
            await repos.users.count();
            await gate;
          });
          const err = await uow.read.users.count().then(
            () => null,
            (e: unknown) => e,
          );
          release();
          await holding;
          expect(err).toBeInstanceOf(Error);
          expect(isDatabaseBusy(err)).toBe(true);
          expect(await uow.read.users.count()).toBe(0);
        } finally {
          await t.drop();
        }
      });
  });
}

describe('isDatabaseBusy', () => {
  it('knows the pool timeout, also as the cause of a failed query, and nothing else', () => {
    const timeout = new Error('timeout exceeded when trying to connect');
    expect(isDatabaseBusy(timeout)).toBe(true);
    expect(isDatabaseBusy(new Error('Failed query: select 1', { cause: timeout }))).toBe(true);
    expect(isDatabaseBusy(new Error('relation "x" does not exist'))).toBe(false);
    expect(isDatabaseBusy('timeout exceeded when trying to connect')).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });
});
