/**
 * Contract cases of the credit port's one-statement rescore: the first score of a party is stored as given and
 * says there was none; a score in the same tier replaces the numbers but keeps when the tier began; a score in
 * another tier says the tier it left and starts its tier anew.
 */
import type { CreditEventRecord, CreditScoreRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, uuid } from './fixtures.ts';

function score(partyId: string, over: Partial<CreditScoreRecord> = {}): CreditScoreRecord {
  return {
    partyId,
    partyKind: 'merchant',
    totalCenti: 9_500,
    tier: 'A',
    modelVersion: 'v1',
    dimensions: [{ key: 'fulfilment', score: 95 }],
    computedAt: at(1),
    tierSince: at(1),
    ...over,
  };
}

export function creditScoreCases(db: ContractDb): void {
  it('rescore stores a score in one statement and says the tier before, keeping when an unchanged tier began', async () => {
    const r = db.r();
    const party = uuid();
    expect(await r.credit.rescore(score(party))).toBeNull();
    expect(await r.credit.score(party)).toMatchObject({ tier: 'A', totalCenti: 9_500, tierSince: at(1) });

    const same = score(party, { totalCenti: 9_100, dimensions: [{ key: 'fulfilment', score: 91 }], computedAt: at(2), tierSince: at(2) });
    expect(await r.credit.rescore(same)).toBe('A');
    expect(await r.credit.score(party)).toMatchObject({
      tier: 'A',
      totalCenti: 9_100,
      dimensions: [{ key: 'fulfilment', score: 91 }],
      computedAt: at(2),
      tierSince: at(1),
    });

    expect(await r.credit.rescore(score(party, { tier: 'C', totalCenti: 6_000, computedAt: at(3), tierSince: at(3) }))).toBe('A');
    expect(await r.credit.score(party)).toMatchObject({ tier: 'C', totalCenti: 6_000, tierSince: at(3) });
    expect(await r.credit.rescore(score(party, { tier: 'C', totalCenti: 6_100, computedAt: at(4), tierSince: at(4) }))).toBe('C');
    expect((await r.credit.score(party))?.tierSince).toEqual(at(3));
  });

  it('insertEventsReading inserts new events, skips recorded sources, and reads every event of their parties in time order', async () => {
    const r = db.r();
    const [a, b] = [uuid(), uuid()];
    const event = (partyId: string, source: string, t: number, over: Partial<CreditEventRecord> = {}): CreditEventRecord => ({
      id: uuid(),
      partyId,
      partyKind: 'streamer',
      kind: 'order.completed',
      at: at(t),
      data: { onTime: true },
      source,
      voidedAt: null,
      voidReason: null,
      recordedBy: null,
      createdAt: at(t),
      ...over,
    });
    const old = event(a, 'order:1', 5);
    const voided = event(a, 'order:2', 1, { voidedAt: at(6), voidReason: '申诉成立' });
    await r.credit.insertEvents([old, voided, event(b, 'order:9', 2)]);

    const again = event(a, 'order:1', 7);
    const fresh = event(a, 'violation:1', 3, { kind: 'violation.confirmed', data: { severity: 2, category: 'false_advertising' } });
    const { inserted, partyEvents } = await r.credit.insertEventsReading([again, fresh]);
    expect(inserted.map((e) => e.id)).toEqual([fresh.id]);
    // b is not a party of these events; a's voided event comes back with when it was voided
    expect(partyEvents.map((e) => e.id)).toEqual([voided.id, fresh.id, old.id]);
    expect(partyEvents[0]).toMatchObject({ partyId: a, partyKind: 'streamer', kind: 'order.completed', at: at(1), voidedAt: at(6) });
    expect(partyEvents[1]).toMatchObject({ data: { severity: 2, category: 'false_advertising' }, voidedAt: null });
    expect(partyEvents[2]?.data).toEqual({ onTime: true });
    expect(await r.credit.insertEventsReading([])).toEqual({ inserted: [], partyEvents: [] });
  });
}
