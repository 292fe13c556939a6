/**
 * 结算 (settlement) events → inbox items, pure: a payout paid or failed, for the party paid; a deposit below what the
 * merchant's categories require, for its staff to top up. One of the area tables merged in `NOTIFICATION_FEED`
 * (notification-feed.rules.ts).
 */
import { fenToYuan as yuan } from '../settlement/index.ts';
import { type FeedRules, fen, type NotificationDraft, type Payload, partyRecipient, str } from './notification-feed.internal.ts';

/** 提现到账 / 提现失败: the outcome of a payout, for the party paid. */
function fromPayout(outcome: 'paid' | 'failed') {
  return (p: Payload): NotificationDraft[] => {
    const party = str(p.partyId);
    const amount = fen(p.amountFen);
    if (!party || amount === null || !str(p.payoutId)) return [];
    const recipient = partyRecipient(party, p.partyKind);
    if (!recipient) return [];
    const reason = str(p.reason);
    return [
      {
        recipient,
        kind: `payout.${outcome}`,
        severity: outcome === 'paid' ? 'info' : 'warning',
        link: '/finance/payouts',
        dueAt: null,
        names: {},
        render: () =>
          outcome === 'paid'
            ? {
                title: { zh: '提现已到账', en: 'Payout paid' },
                body: { zh: `您的提现 ¥${yuan(amount)} 已到账。`, en: `Your payout of ¥${yuan(amount)} has been paid.` },
              }
            : {
                title: { zh: '提现失败', en: 'Payout failed' },
                body: {
                  zh: `您的提现 ¥${yuan(amount)} 未能到账${reason ? `（${reason}）` : ''}，金额已退回可提现余额，请核对收款账户后重新申请。`,
                  en: `Your payout of ¥${yuan(amount)} failed${reason ? ` (${reason})` : ''}; the amount is back in your available balance. Check the receiving account and request again.`,
                },
              },
      },
    ];
  };
}

/** 保证金待补缴: a deduction took the merchant's deposit below what its categories require. */
export function fromDepositTopUpRequired(p: Payload): NotificationDraft[] {
  const merchant = str(p.merchantOrgId);
  const due = fen(p.dueFen);
  if (!merchant || due === null || due === 0) return [];
  return [
    {
      recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
      kind: 'deposit.topup_required',
      severity: 'action_required',
      link: '/finance/deposit',
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: '保证金待补缴', en: 'Deposit top-up required' },
        body: {
          zh: `保证金已被扣除，余额低于经营类目要求，需补缴 ¥${yuan(due)}。补足前不能上架新商品。`,
          en: `A deduction took your deposit below what your categories require; top up ¥${yuan(due)}. New products cannot be listed until then.`,
        },
      }),
    },
  ];
}

export const fromPayoutPaid = fromPayout('paid');
export const fromPayoutFailed = fromPayout('failed');

export const SETTLEMENT_FEED: FeedRules = {
  'payout.paid': fromPayoutPaid,
  'payout.failed': fromPayoutFailed,
  'deposit.topup_required': fromDepositTopUpRequired,
};
