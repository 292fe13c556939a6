/**
 * Recording a credit event when another transaction records one for the same party at the same time (PostgreSQL;
 * on PGlite the second simply waits for the first). Recording reads the party's events in the statement that takes
 * the audit chain's lock, so a commit made while it waited is not in what it read: the score's statement checks the
 * party's events are still the ones scored and, when not, stores nothing and the party is read and scored again.
 * Without that check the second transaction stored a score without the first one's event (a lost update).
 */
import { randomUUID } from 'node:crypto';
import { scoreParty } from '@livehub/credit';
import { AuditService, type CreditEventInput, CreditService, StaticCreditModel, SYSTEM_ACTOR, toEngineEvent } from '@livehub/core';
import { availableDrivers, openTestDatabase, type TestDatabase, untilLockWaited } from '@livehub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const asOf = new Date('2026-12-01T00:00:00Z');
const clock = { now: () => asOf };
const ids = { next: () => randomUUID() };

const violation = (partyId: string, source: string, severity: number): CreditEventInput => ({
  partyId,
  partyKind: 'streamer',
  kind: 'violation.confirmed',
  at: new Date(asOf.getTime() - 86_400_000),
  data: { severity, category: 'absolute_claim', ruleId: 'r1' },
  source,
});

describe.each(availableDrivers())('credit ingest on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.drop());

  it('two ingests for one party that overlap: the stored score counts both events', async () => {
    const model = new StaticCreditModel();
    const credit = new CreditService({
      uow: t.database.uow,
      clock,
      ids,
      audit: new AuditService({ clock, ids }),
      model,
      parties: { resolve: async () => new Map() },
    });
    const party = randomUUID();
    await credit.ingest([violation(party, 'case:0', 1)]);

    // the first transaction records its event (taking the chain's lock) and stays open
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let recorded!: () => void;
    const inFirst = new Promise<void>((resolve) => {
      recorded = resolve;
    });
    const first = t.database.uow.transaction(async (tx) => {
      await credit.recordIn(tx, [violation(party, 'case:1', 3)], SYSTEM_ACTOR);
      recorded();
      await held;
    });
    await inFirst;
    // the second starts: its insert reads the party's events, then waits for the lock
    const second = credit.ingest([violation(party, 'case:2', 2)]);
    if (driver === 'postgres') await untilLockWaited(t.database, 'advisory', 5_000);
    else await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await first;
    expect(await second).toEqual({ recorded: 1 });

    const events = (await t.database.uow.read.credit.eventsOf(party)).map(toEngineEvent);
    expect(events).toHaveLength(3);
    const expected = scoreParty(party, 'streamer', events, model.current(), asOf);
    const stored = await t.database.uow.read.credit.score(party);
    expect(stored?.totalCenti).toBe(Math.round(expected.total * 100));
    expect(stored?.tier).toBe(expected.tier);
  });
});
