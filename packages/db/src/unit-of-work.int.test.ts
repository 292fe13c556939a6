/**
 * Reading through `uow.read` from inside a transaction is a bug: on PGlite's single connection it would wait for
 * the very transaction that waits for it. The unit of work makes it fail at once instead of hanging, while reads
 * from other, concurrent work go on as usual.
 */
import { availableDrivers, openTestDatabase } from '@livehub/testing';
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
  });
}
