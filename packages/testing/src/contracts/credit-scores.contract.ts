/**
 * Contract cases of the credit port's one-statement rescore: the first score of a party is stored as given and
 * says there was none; a score in the same tier replaces the numbers but keeps when the tier began; a score in
 * another tier says the tier it left and starts its tier anew.
 */
import type { CreditScoreRecord } from '@livehub/core';
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
}
