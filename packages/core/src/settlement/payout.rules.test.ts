import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { applyPostings } from './ledger.rules.ts';
import {
  checkAmount,
  depositStanding,
  maskAccountNo,
  maskHolder,
  needsApproval,
  nextPayoutStatus,
  payoutEntry,
  payoutPartyOf,
  requiredDeposit,
} from './payout.rules.ts';
import type { LedgerAccountRecord } from './settlement.types.ts';

const actor = (role: string, userId: string | null, orgId: string | null) => ({ role, userId, orgId });

describe('payout rules', () => {
  it('withdraws for the actor’s own party only: the merchant org, the streamer, the MCN org', () => {
    expect(payoutPartyOf(actor('merchant_staff', 'u1', 'm1'))).toEqual({ partyId: 'm1', partyKind: 'merchant' });
    expect(payoutPartyOf(actor('streamer', 'u2', 'mcn1'))).toEqual({ partyId: 'u2', partyKind: 'streamer' });
    expect(payoutPartyOf(actor('mcn_manager', 'u3', 'mcn1'))).toEqual({ partyId: 'mcn1', partyKind: 'mcn' });
    expect(payoutPartyOf(actor('merchant_staff', 'u1', null))).toBeNull();
    for (const role of ['consumer', 'platform_admin', 'reviewer', 'regulator', 'base_operator', 'system'])
      expect(payoutPartyOf(actor(role, 'u', 'o'))).toBeNull();
  });

  it('needs approval at and above the threshold, not below', () => {
    expect(needsApproval(4_999_999, 5_000_000)).toBe(false);
    expect(needsApproval(5_000_000, 5_000_000)).toBe(true);
    expect(needsApproval(9_000_000, 5_000_000)).toBe(true);
  });

  it('accepts only positive whole fen within the ledger’s bound', () => {
    expect(checkAmount(1)).toBe(1);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100', null, 900_000_000_001]) {
      const e = (() => {
        try {
          checkAmount(bad);
        } catch (x) {
          return x;
        }
      })();
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).field).toBe('amountFen');
    }
  });

  it('moves through its states once: approval, then one result', () => {
    expect(nextPayoutStatus('pending_approval', 'approve')).toBe('processing');
    expect(nextPayoutStatus('pending_approval', 'reject')).toBe('rejected');
    expect(nextPayoutStatus('pending_approval', 'paid')).toBeNull();
    expect(nextPayoutStatus('processing', 'paid')).toBe('paid');
    expect(nextPayoutStatus('processing', 'failed')).toBe('failed');
    expect(nextPayoutStatus('processing', 'approve')).toBeNull();
    for (const done of ['paid', 'failed', 'rejected'] as const)
      for (const ev of ['approve', 'reject', 'paid', 'failed'] as const) expect(nextPayoutStatus(done, ev)).toBeNull();
  });

  it('posts balanced entries: requested then paid leaves the money with the provider; failed or rejected returns it', () => {
    const accounts = { available: 'a', inTransit: 't', clearing: 'c' };
    const open = (id: string, balance: number, floor: number | null = 0): LedgerAccountRecord => ({
      id,
      partyId: id,
      kind: 'merchant_available',
      floor,
      status: 'open',
      balance,
      version: 1,
      createdAt: new Date(0),
      closedAt: null,
    });
    const locked = new Map([
      ['a', open('a', 1000)],
      ['t', open('t', 0)],
      ['c', open('c', -1000, null)],
    ]);
    for (const ending of ['paid', 'failed', 'rejected'] as const) {
      const entries = [payoutEntry('p1', 'requested', 700, accounts), payoutEntry('p1', ending, 700, accounts)];
      for (const e of entries) expect(e.postings.reduce((s, x) => s + x.amount, 0)).toBe(0);
      const { deltas } = applyPostings(locked, entries);
      expect(deltas.get('t') ?? 0).toBe(0);
      expect(deltas.get('a') ?? 0).toBe(ending === 'paid' ? -700 : 0);
      expect(deltas.get('c') ?? 0).toBe(ending === 'paid' ? 700 : 0);
    }
    expect(payoutEntry('p1', 'requested', 1, accounts).businessKey).toBe('payout:p1');
    expect(payoutEntry('p1', 'paid', 1, accounts)).toMatchObject({ businessKey: 'payout:p1:paid', kind: 'payout.paid' });
    expect(payoutEntry('p1', 'failed', 1, accounts)).toMatchObject({ businessKey: 'payout:p1:failed', kind: 'payout.failed' });
    // a payout above the available balance crosses the floor
    expect(() => applyPostings(locked, [payoutEntry('p2', 'requested', 1001, accounts)])).toThrow(AppError);
  });

  it('masks account numbers and holders', () => {
    expect(maskAccountNo('6222021234567891234', 'bank')).toBe('6222 **** **** 1234');
    expect(maskAccountNo('o6_bmjrPTlm6_2sgVt7hMZOPfL2M', 'wechat')).toBe('o6_b****fL2M');
    expect(maskAccountNo('123456', 'bank')).toBe('**3456');
    expect(maskHolder('张三丰')).toBe('张**');
    expect(maskHolder('李')).toBe('李*');
  });
});

describe('deposit rules', () => {
  const reqs = [
    { categoryId: 'home', amountFen: 200_000 },
    { categoryId: 'home.kitchen', amountFen: 50_000 },
    { categoryId: 'beauty', amountFen: 500_000 },
  ];
  it('takes the largest requirement over the categories given (a category path, or all a merchant lists)', () => {
    expect(requiredDeposit(reqs, ['home', 'home.kitchen'])).toBe(200_000);
    expect(requiredDeposit(reqs, ['home.kitchen'])).toBe(50_000);
    expect(requiredDeposit(reqs, ['home', 'home.kitchen', 'beauty'])).toBe(500_000);
    expect(requiredDeposit(reqs, ['food'])).toBe(0);
    expect(requiredDeposit([], ['home'])).toBe(0);
  });
  it('owes the difference, never a negative amount', () => {
    expect(depositStanding(200_000, 150_000)).toEqual({ requiredFen: 200_000, balanceFen: 150_000, dueFen: 50_000 });
    expect(depositStanding(200_000, 300_000).dueFen).toBe(0);
    expect(depositStanding(0, 0).dueFen).toBe(0);
  });
});
