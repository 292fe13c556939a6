/**
 * The audit chain's lock is the last lock a transaction takes (ADR 0045). Transaction A audits, then waits for an
 * account row transaction B holds; B then audits too. Were A's entry appended when it was recorded, A would hold the
 * chain's lock while it waits for B, and B would wait for the chain's lock: PostgreSQL ends one of them as a
 * deadlock (a payout request met this against the tick's completion of an order, which audits before posting). The
 * entries are kept back until each transaction's end, so both commit and the chain links them. On PGlite the
 * transactions run one after the other, and the test shows only that.
 */
import { randomUUID } from 'node:crypto';
import { AuditService, SYSTEM_ACTOR } from '@livehub/core';
import { availableDrivers, openTestDatabase, type TestDatabase, untilLockWaited } from '@livehub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const clock = { now: () => new Date() };
const ids = { next: () => randomUUID() };
const audit = new AuditService({ clock, ids });

describe.each(availableDrivers())('audit entries appended at the end of the transaction, on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.drop());

  it('a transaction that audits, then waits for a row, does not deadlock with the one holding the row that audits next', async () => {
    const account = await t.database.uow.transaction((tx) =>
      tx.ledger.openAccount({
        id: randomUUID(),
        partyId: randomUUID(),
        kind: 'merchant_available',
        floor: 0,
        status: 'open',
        balance: 0,
        version: 1,
        createdAt: new Date(),
        closedAt: null,
      }),
    );
    const before = (await t.database.uow.read.audit.count()) as number;
    let locked!: () => void;
    const bHoldsRow = new Promise<void>((resolve) => {
      locked = resolve;
    });
    let go!: () => void;
    const aWaits = new Promise<void>((resolve) => {
      go = resolve;
    });
    // B: takes the row, waits until A waits for it, audits, commits
    const b = t.database.uow.transaction(async (tx) => {
      await tx.ledger.lockAccounts([account.id]);
      locked();
      await aWaits;
      await audit.record(tx, SYSTEM_ACTOR, { action: 'probe.b', targetType: 'probe', targetId: account.id });
    });
    await bHoldsRow;
    // A: audits first, then asks for the row
    const a = t.database.uow.transaction(async (tx) => {
      await audit.record(tx, SYSTEM_ACTOR, { action: 'probe.a', targetType: 'probe', targetId: account.id });
      await tx.ledger.lockAccounts([account.id]);
    });
    if (driver === 'postgres') await untilLockWaited(t.database, 'transactionid', 10_000);
    go();
    const settled = await Promise.allSettled([a, b]);
    expect(settled.map((s) => (s.status === 'rejected' ? String(s.reason?.cause ?? s.reason) : 'ok'))).toEqual(['ok', 'ok']);
    const entries = await t.database.uow.read.audit.list({ limit: 2 });
    expect(entries.map((e) => e.action).sort()).toEqual(['probe.a', 'probe.b']);
    expect(await t.database.uow.read.audit.count()).toBe(before + 2);
    expect((await audit.verify(t.database.uow.read)).ok).toBe(true);
  }, 60_000);
});
