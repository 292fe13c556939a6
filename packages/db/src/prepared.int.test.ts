/**
 * Statements prepared once on PGlite (`PreparedStatements`): arguments of every awkward kind come back exactly as
 * sent; a statement is prepared once, and stays prepared after the transaction that prepared it rolled back; a
 * credit event whose data holds quotes, backslashes and Chinese is stored and read back as recorded through the
 * prepared insert; and the prepared upsert stores the score the unprepared one would.
 */
import { randomUUID } from 'node:crypto';
import type { CreditEventRecord } from '@livehub/core';
import { openTestDatabase, type TestDatabase } from '@livehub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparedStatements } from './prepared.ts';
import { DrizzleCreditRepository } from './repositories/credit.repository.ts';

const AWKWARD = ["O'Brien", 'back\\slash', "\\'); drop table users; --", '直播带货\n第二行\t制表', '', "$1 $$ E'x'"];

describe('prepared statements on pglite', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
  });
  afterAll(async () => t?.drop());

  const prepared = async () =>
    Number(((await t.database.exec('select count(*)::int as n from pg_prepared_statements')) as Array<{ n: number }>)[0]!.n);

  it('gives back every argument as sent, prepares once, and keeps a statement prepared in a transaction that rolled back', async () => {
    const statements = new PreparedStatements();
    const echo = { name: 'lh_test_echo', text: 'select $1::text as s, $2::int as n, $3::boolean as b, $4::text as missing' };
    const before = await prepared();
    await expect(
      t.database.db.transaction(async (tx) => {
        await statements.execute(tx as never, echo, ['x', 1, true, null]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await prepared()).toBe(before + 1);
    for (const s of AWKWARD) {
      const [row] = await statements.execute<{ s: string; n: number; b: boolean; missing: null }>(t.database.db, echo, [
        s,
        -3,
        false,
        null,
      ]);
      expect(row).toEqual({ s, n: -3, b: false, missing: null });
    }
    expect(await prepared()).toBe(before + 1);
    expect(await t.database.exec("select count(*)::int as n from pg_tables where tablename = 'users'")).toEqual([{ n: 1 }]);
  });

  it('stores an event with awkward data through the prepared insert, and the prepared upsert as the unprepared one', async () => {
    const statements = new PreparedStatements();
    const partyId = randomUUID();
    const event: CreditEventRecord = {
      id: randomUUID(),
      partyId,
      partyKind: 'merchant',
      kind: 'case.penalty',
      at: new Date('2026-11-30T08:00:00.123Z'),
      data: { severity: 2, note: AWKWARD.join('|'), nested: { quote: "'", list: [1, '\\'] } },
      source: `case:${"O'Brien"}`,
      voidedAt: null,
      voidReason: null,
      recordedBy: null,
      createdAt: new Date('2026-12-01T00:00:00Z'),
    };
    const first = await t.database.db.transaction((tx) =>
      new DrizzleCreditRepository(tx as never, undefined, true, statements).insertEventsReading([event]),
    );
    expect(first.inserted).toEqual([event]);
    expect(first.partyEvents).toHaveLength(1);
    expect(first.partyEvents[0]).toMatchObject({ id: event.id, data: event.data, at: event.at, voidedAt: null });
    // the same source again: nothing inserted, the stored event read back
    const again = await t.database.db.transaction((tx) =>
      new DrizzleCreditRepository(tx as never, undefined, true, statements).insertEventsReading([{ ...event, id: randomUUID() }]),
    );
    expect(again.inserted).toEqual([]);
    expect(again.partyEvents.map((e) => e.id)).toEqual([event.id]);
    expect(await t.database.uow.read.credit.eventsOf(partyId)).toMatchObject([{ ...event }]);

    const score = {
      partyId,
      partyKind: 'merchant' as const,
      totalCenti: 8123,
      tier: 'B' as const,
      modelVersion: "v'1\\",
      dimensions: [{ key: 'goods', score: 81.23 }],
      computedAt: new Date('2026-12-01T00:00:00Z'),
      tierSince: new Date('2026-12-01T00:00:00Z'),
    };
    const viaPrepared = await t.database.db.transaction((tx) =>
      new DrizzleCreditRepository(tx as never, undefined, true, statements).rescoreChecked(score, {
        followUps: { trainingTasks: true, clues: true },
      }),
    );
    expect(viaPrepared).toEqual({ before: null, stored: true, followUps: { trainingEventIds: [], lastClues: {} } });
    const stored = await t.database.uow.read.credit.score(partyId);
    expect(stored).toMatchObject({ ...score });
    // moved to C later: the unprepared path and the prepared one say the same tier before
    const plain = await t.database.db.transaction((tx) =>
      new DrizzleCreditRepository(tx as never, undefined, true).rescoreChecked({ ...score, tier: 'C', totalCenti: 7000 }, {}),
    );
    const prepped = await t.database.db.transaction((tx) =>
      new DrizzleCreditRepository(tx as never, undefined, true, statements).rescoreChecked({ ...score, tier: 'C', totalCenti: 6900 }, {}),
    );
    expect([plain.before, prepped.before]).toEqual(['B', 'C']);
    expect((await t.database.uow.read.credit.score(partyId))?.totalCenti).toBe(6900);
  });
});
