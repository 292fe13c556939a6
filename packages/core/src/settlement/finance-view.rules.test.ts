/** The finance pages' pure rules: whose accounts, groups and labels, business keys decoded, Shanghai days. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import {
  accountLabel,
  displayMemo,
  entryKindLabel,
  fillDays,
  financePartyOf,
  groupOf,
  orderIdOf,
  parseBusinessKey,
  shanghaiDay,
  shanghaiPeriod,
} from './finance-view.rules.ts';

const actor = (role: Actor['role'], over: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  label: 'x',
  orgId: 'o1',
  membershipId: 'm1',
  role,
  via: 'session',
  ...over,
});

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
};

describe('financePartyOf', () => {
  it('reads a merchant’s and an MCN’s organization and a streamer’s own accounts', () => {
    expect(financePartyOf(actor('merchant_staff'))).toMatchObject({ kind: 'merchant', partyId: 'o1', pendingKind: 'merchant_pending' });
    expect(financePartyOf(actor('streamer'))).toMatchObject({
      kind: 'streamer',
      partyId: 'u1',
      availableKind: 'streamer_commission_available',
    });
    expect(financePartyOf(actor('mcn_manager'))).toMatchObject({ kind: 'mcn', partyId: 'o1', pendingKind: 'mcn_commission_pending' });
    expect(financePartyOf(actor('merchant_staff')).kinds).toEqual(['merchant_pending', 'merchant_available', 'merchant_deposit', 'debt']);
  });

  it('refuses other roles, and a merchant or MCN acting for no organization', () => {
    for (const role of ['platform_admin', 'regulator', 'consumer', 'reviewer', 'base_operator', 'provider_staff'] as const) {
      expect(codeOf(() => financePartyOf(actor(role)))).toBe('auth.forbidden');
    }
    expect(codeOf(() => financePartyOf(actor('merchant_staff', { orgId: null })))).toBe('finance.no_party');
    expect(codeOf(() => financePartyOf(actor('mcn_manager', { orgId: null })))).toBe('finance.no_party');
    expect(codeOf(() => financePartyOf(actor('streamer', { userId: null })))).toBe('finance.no_party');
  });
});

describe('groups and labels', () => {
  it('groups pending, available, deposit and debt, and names every kind in Chinese', () => {
    expect(['merchant_pending', 'streamer_commission_available', 'merchant_deposit', 'debt', 'slot_fees'].map(groupOf)).toEqual([
      'pending',
      'available',
      'deposit',
      'debt',
      'other',
    ]);
    expect(accountLabel('merchant_available')).toBe('商家可提现');
    expect(accountLabel('debt')).toBe('欠款');
    expect(accountLabel('advance_compensation_fund')).toBe('先行赔付金');
    expect(accountLabel('something_new')).toBe('其他账户');
    expect(entryKindLabel('order.settled')).toBe('订单结算分账');
    expect(entryKindLabel('payout.failed')).toBe('提现失败退回');
    expect(entryKindLabel('mystery')).toBe('其他');
  });

  it('names every entry kind the flows, slot fees and payouts post', () => {
    for (const kind of ['order.paid_late', 'slot_fee.released', 'slot_fee.returned', 'payout.rejected'])
      expect(entryKindLabel(kind), kind).not.toBe('其他');
  });

  it('shows a memo without the bare ids the flows wrote into it', () => {
    expect(displayMemo('01a23ce7-5b3b-76b9-895a-ca781ec9aeb6')).toBeNull();
    expect(displayMemo('awaiting approval')).toBe('待审批');
    expect(displayMemo('先行赔付：商品与描述不符')).toBe('先行赔付：商品与描述不符');
    expect(displayMemo('20261125617261420214')).toBe('20261125617261420214');
    expect(displayMemo(null)).toBeNull();
  });
});

describe('parseBusinessKey', () => {
  it('decodes the flows’ business keys into what they refer to', () => {
    expect(parseBusinessKey('order:a1:paid')).toEqual({ type: 'order', id: 'a1' });
    expect(parseBusinessKey('order:a1:settled')).toEqual({ type: 'order', id: 'a1' });
    expect(parseBusinessKey('release:a1')).toEqual({ type: 'release', id: 'a1' });
    expect(parseBusinessKey('refund:r1')).toEqual({ type: 'refund', id: 'r1' });
    expect(parseBusinessKey('refund:r1:paid')).toEqual({ type: 'refund', id: 'r1' });
    expect(parseBusinessKey('payout:p1:failed')).toEqual({ type: 'payout', id: 'p1' });
    expect(parseBusinessKey('deposit:d1')).toEqual({ type: 'deposit', id: 'd1' });
    expect(parseBusinessKey('deposit_deduction:d2')).toEqual({ type: 'deposit_deduction', id: 'd2' });
    expect(parseBusinessKey('slot_fee:g1:v2')).toEqual({ type: 'slot_fee', id: 'g1' });
    expect(parseBusinessKey('reversal:e1')).toEqual({ type: 'reversal', id: 'e1' });
    expect(parseBusinessKey('bench:xyz')).toEqual({ type: 'other', id: null });
    expect(parseBusinessKey('order')).toEqual({ type: 'other', id: null });
    expect(parseBusinessKey('')).toEqual({ type: 'other', id: null });
  });

  it('names the order of an order’s entries and of its release only', () => {
    expect(orderIdOf({ type: 'order', id: 'a' })).toBe('a');
    expect(orderIdOf({ type: 'release', id: 'a' })).toBe('a');
    expect(orderIdOf({ type: 'refund', id: 'r' })).toBeNull();
    expect(orderIdOf({ type: 'payout', id: 'p' })).toBeNull();
  });
});

describe('Asia/Shanghai days', () => {
  it('moves an instant to its Shanghai calendar day (UTC+8)', () => {
    expect(shanghaiDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('spans the last N days up to today, from midnight in Shanghai', () => {
    // 02:00 on 3 March in Shanghai is 18:00 UTC on 2 March
    const p = shanghaiPeriod(new Date('2026-03-02T18:00:00Z'), 3);
    expect(p.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(p.from.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-03-03T16:00:00.000Z');
    expect(shanghaiPeriod(new Date('2026-03-02T18:00:00Z'), 1).days).toEqual(['2026-03-03']);
  });

  it('fills the days the repository left out with zero and totals them', () => {
    expect(
      fillDays(
        ['d1', 'd2', 'd3'],
        [
          { day: 'd2', amount: 5 },
          { day: 'x', amount: 100 },
        ],
      ),
    ).toEqual({
      days: [
        { day: 'd1', amountFen: 0 },
        { day: 'd2', amountFen: 5 },
        { day: 'd3', amountFen: 0 },
      ],
      totalFen: 5,
    });
  });
});
