import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { applyPostings, FULL_BP, MAX_AMOUNT_FEN, reversalOf, samePostings, splitByBasisPoints, validateEntry } from './ledger.rules.ts';
import type { SplitShare } from './settlement.types.ts';

const code = (f: () => unknown): [string, string | undefined] => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return [e.code, e.field];
    throw e;
  }
  return ['none', undefined];
};

describe('validateEntry', () => {
  const ok = {
    businessKey: 'order:1:paid',
    kind: 'order.paid',
    postings: [
      { accountId: 'a', amount: -100 },
      { accountId: 'b', amount: 100 },
    ],
  };
  it('accepts a balanced entry of non-zero integer fen', () => {
    expect(code(() => validateEntry(ok))).toEqual(['none', undefined]);
  });
  it('refuses, naming the field: fewer than two postings, zero, fractional, negative-only or oversized amounts, no key', () => {
    expect(code(() => validateEntry({ ...ok, postings: [{ accountId: 'a', amount: 0 }] }))).toEqual([
      'ledger.too_few_postings',
      'postings',
    ]);
    const p = (amounts: number[]) => ({ ...ok, postings: amounts.map((amount, i) => ({ accountId: `a${i}`, amount })) });
    expect(code(() => validateEntry(p([0, 0])))).toEqual(['ledger.amount_invalid', 'postings.0.amount']);
    expect(code(() => validateEntry(p([-1.5, 1.5])))).toEqual(['ledger.amount_invalid', 'postings.0.amount']);
    expect(code(() => validateEntry(p([-5, -5])))).toEqual(['ledger.unbalanced', 'postings']);
    expect(code(() => validateEntry(p([-100, 99])))).toEqual(['ledger.unbalanced', 'postings']);
    expect(code(() => validateEntry(p([-(MAX_AMOUNT_FEN + 1), MAX_AMOUNT_FEN + 1])))).toEqual([
      'ledger.amount_invalid',
      'postings.0.amount',
    ]);
    expect(code(() => validateEntry({ ...ok, businessKey: '' }))).toEqual(['ledger.business_key_invalid', 'businessKey']);
    expect(code(() => validateEntry({ ...ok, kind: 'k'.repeat(201) }))).toEqual(['ledger.business_key_invalid', 'kind']);
  });
});

describe('samePostings and reversals', () => {
  it('compares postings as a multiset and reverses every posting', () => {
    const a = [
      { accountId: 'x', amount: -3 },
      { accountId: 'y', amount: 3 },
    ];
    expect(samePostings(a, [...a].reverse())).toBe(true);
    expect(samePostings(a, [a[0] as (typeof a)[0], { accountId: 'y', amount: 4 }])).toBe(false);
    expect(samePostings(a, a.slice(1))).toBe(false);
    const entry = { id: 'e1', businessKey: 'k', kind: 't', memo: null, reversesEntryId: null, postedAt: new Date(0) };
    const postings = a.map((p, seq) => ({ ...p, entryId: 'e1', seq, balanceAfter: 0, postedAt: new Date(0) }));
    expect(reversalOf({ ...entry, postings }, '录错')).toEqual({
      businessKey: 'reversal:e1',
      kind: 'reversal',
      memo: '录错',
      reversesEntryId: 'e1',
      postings: [
        { accountId: 'x', amount: 3 },
        { accountId: 'y', amount: -3 },
      ],
    });
  });
});

describe('applyPostings', () => {
  const accounts = new Map([
    ['clearing', { balance: 0, floor: null, status: 'open' as const }],
    ['escrow', { balance: 50, floor: 0, status: 'open' as const }],
    ['closed', { balance: 0, floor: 0, status: 'closed' as const }],
  ]);
  it('tracks balances through a sequence and nets the deltas', () => {
    const r = applyPostings(accounts, [
      {
        postings: [
          { accountId: 'escrow', amount: -50 },
          { accountId: 'clearing', amount: 50 },
        ],
      },
      {
        postings: [
          { accountId: 'clearing', amount: -80 },
          { accountId: 'escrow', amount: 80 },
        ],
      },
    ]);
    expect(r.balancesAfter).toEqual([
      [0, 50],
      [-30, 80],
    ]);
    expect(r.deltas).toEqual(
      new Map([
        ['escrow', 30],
        ['clearing', -30],
      ]),
    );
  });
  it('refuses a floor crossed in the middle of a sequence even if the end is above it', () => {
    expect(
      code(() =>
        applyPostings(accounts, [
          {
            postings: [
              { accountId: 'escrow', amount: -60 },
              { accountId: 'clearing', amount: 60 },
            ],
          },
          {
            postings: [
              { accountId: 'clearing', amount: -60 },
              { accountId: 'escrow', amount: 60 },
            ],
          },
        ]),
      ),
    ).toEqual(['ledger.insufficient_balance', 'postings.0.accountId']);
  });
  it('refuses closed and unknown accounts', () => {
    expect(
      code(() =>
        applyPostings(accounts, [
          {
            postings: [
              { accountId: 'clearing', amount: -1 },
              { accountId: 'closed', amount: 1 },
            ],
          },
        ]),
      ),
    ).toEqual(['ledger.account_closed', 'postings.1.accountId']);
    expect(
      code(() =>
        applyPostings(accounts, [
          {
            postings: [
              { accountId: 'nope', amount: 1 },
              { accountId: 'clearing', amount: -1 },
            ],
          },
        ]),
      ),
    ).toEqual(['ledger.account_not_found', 'postings.0.accountId']);
  });
});

/** Random splits: 1–6 shares of whole basis points adding up to 10,000. */
const sharesArb = fc.array(fc.integer({ min: 0, max: FULL_BP }), { minLength: 0, maxLength: 5 }).map((cuts) => {
  const points = [0, ...cuts.sort((a, b) => a - b), FULL_BP];
  return points.slice(1).map((p, i): SplitShare => ({ key: `s${i}`, bp: p - (points[i] as number) }));
});
const amountArb = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: MAX_AMOUNT_FEN }));

/** The property every split must keep: parts add up exactly, each within one fen of its exact share. */
function splitHolds(split: (amount: number, shares: SplitShare[]) => Map<string, number>) {
  return fc.property(amountArb, sharesArb, (amount, shares) => {
    const parts = split(amount, shares);
    let sum = 0;
    for (const s of shares) {
      const part = parts.get(s.key) ?? 0;
      sum += part;
      if (!Number.isInteger(part) || Math.abs(part - (amount * s.bp) / FULL_BP) >= 1) return false;
    }
    return sum === amount;
  });
}

describe('splitByBasisPoints (largest remainder)', () => {
  it('never creates or loses a fen, and no share is a fen or more from its exact part', () => {
    fc.assert(splitHolds(splitByBasisPoints), { numRuns: 2000 });
  });
  it('gives the leftover fen to the largest fractional parts, ties to the share listed first', () => {
    const three = [
      { key: 'merchant', bp: 3334 },
      { key: 'streamer', bp: 3333 },
      { key: 'mcn', bp: 3333 },
    ];
    expect(splitByBasisPoints(1, three)).toEqual(
      new Map([
        ['merchant', 1],
        ['streamer', 0],
        ['mcn', 0],
      ]),
    );
    expect(splitByBasisPoints(2, three)).toEqual(
      new Map([
        ['merchant', 1],
        ['streamer', 1],
        ['mcn', 0],
      ]),
    );
    expect(
      splitByBasisPoints(101, [
        { key: 'a', bp: 5000 },
        { key: 'b', bp: 5000 },
      ]),
    ).toEqual(
      new Map([
        ['a', 51],
        ['b', 50],
      ]),
    );
    expect(
      splitByBasisPoints(999, [
        { key: 'fee', bp: 500 },
        { key: 'net', bp: 9500 },
      ]),
    ).toEqual(
      new Map([
        ['fee', 50],
        ['net', 949],
      ]),
    );
  });
  it('refuses shares that do not add up to 10,000 and negative or fractional amounts', () => {
    expect(code(() => splitByBasisPoints(100, [{ key: 'a', bp: 9999 }]))).toEqual(['ledger.split_invalid', 'shares']);
    expect(
      code(() =>
        splitByBasisPoints(100, [
          { key: 'a', bp: 10_001 },
          { key: 'b', bp: -1 },
        ]),
      ),
    ).toEqual(['ledger.split_invalid', 'shares']);
    expect(code(() => splitByBasisPoints(-1, [{ key: 'a', bp: FULL_BP }]))).toEqual(['ledger.amount_invalid', 'amount']);
    expect(code(() => splitByBasisPoints(1.5, [{ key: 'a', bp: FULL_BP }]))).toEqual(['ledger.amount_invalid', 'amount']);
  });
  it('catches the mutant that rounds each share on its own (it creates or loses fen)', () => {
    const rounding = (amount: number, shares: SplitShare[]) => new Map(shares.map((s) => [s.key, Math.round((amount * s.bp) / FULL_BP)]));
    const r = fc.check(splitHolds(rounding), { numRuns: 2000, seed: 15 });
    expect(r.failed).toBe(true);
    const flooring = (amount: number, shares: SplitShare[]) => new Map(shares.map((s) => [s.key, Math.floor((amount * s.bp) / FULL_BP)]));
    expect(fc.check(splitHolds(flooring), { numRuns: 2000, seed: 15 }).failed).toBe(true);
  });
});
