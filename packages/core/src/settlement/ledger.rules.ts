/**
 * The ledger's pure rules: what makes an entry valid, how postings move balances against their floors, how an
 * entry is reversed, and the split of an amount by basis points that never creates or loses a fen. No I/O.
 */
import { AppError } from '../errors.ts';
import type { EntryInput, LedgerAccountRecord, LedgerEntry, PostingInput, SplitShare } from './settlement.types.ts';

/** The largest amount one posting may carry: 90 亿元 in fen, so `amount × 10,000` stays an exact double. */
export const MAX_AMOUNT_FEN = 900_000_000_000;
const MAX_KEY = 200;
export const FULL_BP = 10_000;

/** Refuses an entry that is not a balanced set of two or more non-zero integer postings, naming the field. */
export function validateEntry(e: EntryInput): void {
  for (const [field, v] of [
    ['businessKey', e.businessKey],
    ['kind', e.kind],
  ] as const) {
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_KEY) throw new AppError('ledger.business_key_invalid', { field });
  }
  if (!Array.isArray(e.postings) || e.postings.length < 2) throw new AppError('ledger.too_few_postings', { field: 'postings' });
  let sum = 0;
  e.postings.forEach((p, i) => {
    if (!Number.isSafeInteger(p.amount) || p.amount === 0 || Math.abs(p.amount) > MAX_AMOUNT_FEN)
      throw new AppError('ledger.amount_invalid', { field: `postings.${i}.amount`, details: { max: MAX_AMOUNT_FEN } });
    if (typeof p.accountId !== 'string' || p.accountId.length === 0)
      throw new AppError('ledger.account_not_found', { field: `postings.${i}.accountId` });
    sum += p.amount;
  });
  if (sum !== 0) throw new AppError('ledger.unbalanced', { field: 'postings', details: { sum } });
}

const postingKey = (p: PostingInput) => `${p.accountId}\u0000${p.amount}`;

/** Whether two entries move the same amounts on the same accounts (in any order): a replay, not a new fact. */
export function samePostings(a: readonly PostingInput[], b: readonly PostingInput[]): boolean {
  if (a.length !== b.length) return false;
  const x = a.map(postingKey).sort();
  const y = b.map(postingKey).sort();
  return x.every((k, i) => k === y[i]);
}

/** Whether a balance would cross the account's floor. */
export function crossesFloor(balance: number, floor: number | null): boolean {
  return floor !== null && balance < floor;
}

/**
 * Applies entries, in order, to the locked accounts' balances. Returns each posting's balance after it and the net
 * change per account; refuses (AppError, field `postings.<i>.accountId`) a posting to a closed or unknown account,
 * or one that takes an account below its floor at any point of the sequence, not only at its end.
 */
export function applyPostings(
  accounts: ReadonlyMap<string, Pick<LedgerAccountRecord, 'balance' | 'floor' | 'status'>>,
  entries: ReadonlyArray<{ postings: readonly PostingInput[] }>,
): { balancesAfter: number[][]; deltas: Map<string, number> } {
  const balances = new Map<string, number>();
  const deltas = new Map<string, number>();
  const balancesAfter = entries.map((e) =>
    e.postings.map((p, i) => {
      const field = `postings.${i}.accountId`;
      const a = accounts.get(p.accountId);
      if (!a) throw new AppError('ledger.account_not_found', { field, details: { accountId: p.accountId } });
      if (a.status !== 'open') throw new AppError('ledger.account_closed', { field, details: { accountId: p.accountId } });
      const before = balances.get(p.accountId) ?? a.balance;
      const after = before + p.amount;
      if (p.amount < 0 && crossesFloor(after, a.floor))
        throw new AppError('ledger.insufficient_balance', {
          field,
          details: { accountId: p.accountId, balance: before, delta: p.amount, floor: a.floor },
        });
      balances.set(p.accountId, after);
      deltas.set(p.accountId, (deltas.get(p.accountId) ?? 0) + p.amount);
      return after;
    }),
  );
  for (const [id, d] of deltas) if (d === 0) deltas.delete(id);
  return { balancesAfter, deltas };
}

/** The business key of the entry that reverses `entryId`: one reversal per entry. */
export const reversalKey = (entryId: string): string => `reversal:${entryId}`;

/** The entry that undoes `entry`: every posting negated, in the same order. */
export function reversalOf(entry: LedgerEntry, reason: string): EntryInput & { reversesEntryId: string } {
  return {
    businessKey: reversalKey(entry.id),
    kind: 'reversal',
    memo: reason,
    reversesEntryId: entry.id,
    postings: entry.postings.map((p) => ({ accountId: p.accountId, amount: -p.amount })),
  };
}

/**
 * Splits `amount` fen by basis points with the largest-remainder method: each share first gets the whole fen of
 * its exact part (⌊amount × bp / 10,000⌋); the fen left over (fewer than the number of shares) go one each to the
 * shares with the largest fractional part, ties to the share listed first. The parts always add up to `amount`
 * exactly, and no share is ever more than one fen from its exact part. The flows list the merchant first, so
 * on a tie the party that sold the goods gets the fen (docs/settlement.md).
 */
export function splitByBasisPoints<K extends string>(amount: number, shares: ReadonlyArray<SplitShare<K>>): Map<K, number> {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT_FEN)
    throw new AppError('ledger.amount_invalid', { field: 'amount', details: { max: MAX_AMOUNT_FEN } });
  let total = 0;
  for (const s of shares) {
    if (!Number.isInteger(s.bp) || s.bp < 0) throw new AppError('ledger.split_invalid', { field: 'shares', details: { total: s.bp } });
    total += s.bp;
  }
  if (total !== FULL_BP) throw new AppError('ledger.split_invalid', { field: 'shares', details: { total } });
  const parts = shares.map((s, i) => {
    const exact = amount * s.bp; // < 2^53: amount ≤ MAX_AMOUNT_FEN, bp ≤ 10,000
    return { key: s.key, i, whole: Math.floor(exact / FULL_BP), rest: exact % FULL_BP };
  });
  let left = amount - parts.reduce((n, p) => n + p.whole, 0);
  const byRemainder = [...parts].sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const p of byRemainder) {
    if (left === 0) break;
    p.whole += 1;
    left -= 1;
  }
  const out = new Map<K, number>();
  for (const p of parts) out.set(p.key, (out.get(p.key) ?? 0) + p.whole);
  return out;
}
