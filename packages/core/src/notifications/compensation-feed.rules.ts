/**
 * 先行赔付 (advance compensation) events → inbox items, pure: a resolved complaint's compensation the merchant must pay
 * by its deadline; the platform's fund paying it when the merchant did not, and recovering it from the merchant's
 * deposit and balance; the fund falling below its floor, for platform finance. One of the area tables merged in
 * `NOTIFICATION_FEED` (notification-feed.rules.ts).
 */
import { fenToYuan as yuan } from '../settlement/index.ts';
import { date, type FeedRules, fen, type NotificationDraft, type Payload, shanghaiMinute, str } from './notification-feed.internal.ts';
import type { Bilingual } from './notifications.types.ts';

const REMEDY_LABELS: Record<string, Bilingual> = {
  refund: { zh: '退款', en: 'refund' },
  return: { zh: '退货退款', en: 'return and refund' },
  compensation: { zh: '赔偿', en: 'compensation' },
  fraud_compensation: { zh: '欺诈赔偿（退一赔三）', en: 'fraud compensation' },
};
const remedy = (v: unknown): Bilingual => REMEDY_LABELS[str(v) ?? ''] ?? { zh: '赔付', en: 'compensation' };

/** 投诉赔付待支付: a resolved complaint's compensation is the merchant's to pay by its deadline. */
export function fromCompensationDue(p: Payload): NotificationDraft[] {
  const merchant = str(p.merchantOrgId);
  const complaint = str(p.complaintId);
  const amount = fen(p.amountFen);
  const due = date(p.dueAt);
  if (!merchant || !complaint || amount === null || !due) return [];
  const r = remedy(p.remedy);
  const when = shanghaiMinute(due);
  return [
    {
      recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
      kind: 'compensation.due',
      severity: 'action_required',
      link: `/complaints/${complaint}`,
      dueAt: due,
      names: {},
      render: () => ({
        title: { zh: '投诉赔付待支付', en: 'Complaint compensation to pay' },
        body: {
          zh: `一起投诉已处理完结，贵店须在 ${when}（北京时间）前支付${r.zh} ¥${yuan(amount)}。逾期未付，平台将先行赔付给消费者，并从贵店保证金和可提现余额中追偿，且计入信用记录。`,
          en: `A complaint was resolved: pay the ${r.en} of ¥${yuan(amount)} by ${when} (Beijing time). If it is not paid by then, the platform pays the consumer from its advance-compensation fund, recovers the amount from your deposit and available balance, and it counts in your credit record.`,
        },
      }),
    },
  ];
}

/** 平台已先行赔付: the merchant did not pay in time; the fund paid and recovered what it could. */
export function fromCompensationAdvanced(p: Payload): NotificationDraft[] {
  const merchant = str(p.merchantOrgId);
  const complaint = str(p.complaintId);
  const amount = fen(p.amountFen);
  if (!merchant || !complaint || amount === null) return [];
  return [
    {
      recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
      kind: 'compensation.advanced',
      severity: 'warning',
      link: `/complaints/${complaint}`,
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: '平台已先行赔付', en: 'The platform advanced a compensation' },
        body: {
          zh: `贵店未在期限内支付投诉赔付，平台已从先行赔付金向消费者支付 ¥${yuan(amount)}，并将从贵店保证金和可提现余额中追偿。此事计入信用记录。`,
          en: `Your shop did not pay a complaint's compensation in time: the platform paid the consumer ¥${yuan(amount)} from its advance-compensation fund and recovers it from your deposit and available balance. This counts in your credit record.`,
        },
      }),
    },
  ];
}

/** 先行赔付追偿: what the fund advanced was taken from the merchant's deposit and balance; what is still owed. */
export function fromCompensationRecovered(p: Payload): NotificationDraft[] {
  const merchant = str(p.merchantOrgId);
  const complaint = str(p.complaintId);
  const fromDeposit = fen(p.fromDepositFen);
  const fromBalance = fen(p.fromBalanceFen);
  const owed = fen(p.outstandingFen) ?? 0;
  if (!merchant || !complaint || fromDeposit === null || fromBalance === null) return [];
  const rest: Bilingual =
    owed > 0
      ? { zh: `尚欠 ¥${yuan(owed)}，将在贵店有资金时继续追偿。`, en: ` ¥${yuan(owed)} is still owed and is recovered as funds arrive.` }
      : { zh: '已全部追偿。', en: ' It is fully recovered.' };
  return [
    {
      recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
      kind: 'compensation.recovered',
      severity: owed > 0 || fromDeposit > 0 ? 'action_required' : 'info',
      link: fromDeposit > 0 ? '/finance/deposit' : `/complaints/${complaint}`,
      dueAt: null,
      names: {},
      render: () => ({
        title:
          fromDeposit > 0
            ? { zh: '先行赔付已从保证金追偿', en: 'Advance compensation recovered from your deposit' }
            : { zh: '先行赔付已从可提现余额追偿', en: 'Advance compensation recovered from your balance' },
        body: {
          zh: `平台先行赔付的款项已追偿：保证金扣除 ¥${yuan(fromDeposit)}，可提现余额扣除 ¥${yuan(fromBalance)}。${rest.zh}${fromDeposit > 0 ? '请及时补足保证金。' : ''}`,
          en: `What the platform advanced was recovered: ¥${yuan(fromDeposit)} from your deposit and ¥${yuan(fromBalance)} from your available balance.${rest.en}${fromDeposit > 0 ? ' Top up your deposit.' : ''}`,
        },
      }),
    },
  ];
}

/** 先行赔付金低于警戒线: platform finance must top the fund up before it cannot pay consumers. */
export function fromFundBelowFloor(p: Payload): NotificationDraft[] {
  const balance = typeof p.balanceFen === 'number' && Number.isInteger(p.balanceFen) ? p.balanceFen : null;
  const floor = fen(p.floorFen);
  if (balance === null || floor === null) return [];
  return [
    {
      recipient: { kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin'] },
      kind: 'fund.below_floor',
      severity: 'warning',
      link: '/fund',
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: '先行赔付金低于警戒线', en: 'Advance-compensation fund below its floor' },
        body: {
          zh: `一笔先行赔付后，先行赔付金余额为 ¥${yuan(balance)}，低于警戒线 ¥${yuan(floor)}。请及时补充，以免无法向消费者先行赔付。`,
          en: `After an advance payout the fund holds ¥${yuan(balance)}, below its floor of ¥${yuan(floor)}. Top it up so that consumers can still be paid.`,
        },
      }),
    },
  ];
}

export const COMPENSATION_FEED: FeedRules = {
  'disputes.compensation_due': fromCompensationDue,
  'disputes.compensation_advanced': fromCompensationAdvanced,
  'disputes.compensation_recovered': fromCompensationRecovered,
  'settlement.fund_below_floor': fromFundBelowFloor,
};
