/**
 * Lapses that count in the credit record → inbox items, pure: a confirmed live-stream violation (合规, to the streamer
 * and the merchant), a refund not paid in time after a return (退货, to the merchant), a sample neither featured nor
 * returned (选品, to the streamer, its merchant and MCN). One of the area tables merged in `NOTIFICATION_FEED`
 * (notification-feed.rules.ts).
 */
import { shanghaiDay } from '../settlement/index.ts';
import type { NameQuery, Names } from '../shared/name-directory.ts';
import { date, type FeedRules, type NotificationDraft, nameOr, type Payload, str } from './notification-feed.internal.ts';
import type { Bilingual } from './notifications.types.ts';

/** 违规确认: the review queue confirmed a violation in a live session; the streamer and the merchant learn of it. */
export function fromViolationConfirmed(p: Payload): NotificationDraft[] {
  if (!str(p.violationId)) return [];
  const streamer = str(p.streamerUserId);
  const merchant = str(p.merchantOrgId);
  const severity = typeof p.severity === 'number' ? Math.min(5, Math.max(1, Math.round(p.severity))) : 1;
  const body = (who: Bilingual): Bilingual => ({
    zh: `审核员确认了一条涉及${who.zh}的直播违规（严重程度 ${severity}），将计入信用记录。如有异议，可在违规记录页查看证据并申诉。`,
    en: `A reviewer confirmed a live-stream violation involving ${who.en} (severity ${severity}); it counts in the credit record. See the evidence and appeal from the violations page.`,
  });
  const out: NotificationDraft[] = [];
  if (streamer)
    out.push({
      recipient: { kind: 'user', userId: streamer },
      kind: 'violation.confirmed',
      severity: 'warning',
      link: '/violations',
      dueAt: null,
      names: {},
      render: () => ({ title: { zh: '直播违规已确认', en: 'Violation confirmed' }, body: body({ zh: '您', en: 'you' }) }),
    });
  if (merchant)
    out.push({
      recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
      kind: 'violation.confirmed',
      severity: 'warning',
      link: '/violations',
      dueAt: null,
      names: { orgs: [merchant] },
      render: (names) => ({
        title: { zh: '直播违规已确认', en: 'Violation confirmed' },
        body: body(nameOr(names, 'orgs', merchant, { zh: '贵店', en: 'your shop' })),
      }),
    });
  return out;
}

/** 退款超时: a returned parcel was received but not refunded in time; the merchant must refund now. */
export function fromRefundOverdue(p: Payload): NotificationDraft[] {
  const merchant = str(p.merchantOrgId);
  const order = str(p.orderId);
  if (!merchant || !str(p.returnId)) return [];
  const due = date(p.refundDueAt);
  return [
    {
      recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
      kind: 'refund.overdue',
      severity: 'action_required',
      link: '/merchant/returns',
      dueAt: due,
      names: { orders: [order] },
      render: (names) => {
        const o = nameOr(names, 'orders', order, { zh: '一笔订单', en: 'an order' });
        return {
          title: { zh: '退款已超时', en: 'Refund overdue' },
          body: {
            zh: `订单${o.zh}的退货已签收，但未在${due ? ` ${shanghaiDay(due)} ` : '规定时间'}前退款。请立即退款，超时将计入信用记录。`,
            en: `The return of order ${o.en} was received but not refunded${due ? ` by ${shanghaiDay(due)}` : ' in time'}. Refund it now; the delay counts in the credit record.`,
          },
        };
      },
    },
  ];
}

/** 样品逾期: a sample was not featured or returned in time; the streamer must act, merchant and MCN learn of it. */
export function fromSampleOverdue(p: Payload): NotificationDraft[] {
  if (!str(p.sampleId)) return [];
  const streamer = str(p.streamerUserId);
  const merchant = str(p.merchantOrgId);
  const mcn = str(p.mcnOrgId);
  const product = str(p.productId);
  const days = typeof p.days === 'number' && p.days >= 1 ? Math.round(p.days) : 1;
  const names: NameQuery = { products: [product], users: [streamer] };
  const text = (names: Names, act: boolean) => {
    const what = nameOr(names, 'products', product, { zh: '样品', en: 'a sample' });
    const who = nameOr(names, 'users', streamer, { zh: '主播', en: 'the streamer' });
    return {
      title: { zh: '样品已逾期', en: 'Sample overdue' },
      body: act
        ? {
            zh: `样品${what.zh}已超过约定期限 ${days} 天未带货或退回，请尽快处理，逾期将计入信用记录。`,
            en: `The sample ${what.en} is ${days} day(s) past its deadline, neither featured nor returned. Act on it soon; the delay counts in the credit record.`,
          }
        : {
            zh: `${who.zh}领取的样品${what.zh}已超过约定期限 ${days} 天。`,
            en: `The sample ${what.en} taken by ${who.en} is ${days} day(s) past its deadline.`,
          },
    };
  };
  const out: NotificationDraft[] = [];
  const base = { kind: 'sample.overdue', link: '/samples', dueAt: null, names };
  if (streamer)
    out.push({ ...base, recipient: { kind: 'user', userId: streamer }, severity: 'action_required', render: (n) => text(n, true) });
  if (merchant)
    out.push({
      ...base,
      recipient: { kind: 'org', orgId: merchant, roles: ['merchant_staff'] },
      severity: 'info',
      render: (n) => text(n, false),
    });
  if (mcn)
    out.push({
      ...base,
      recipient: { kind: 'org', orgId: mcn, roles: ['mcn_manager'] },
      severity: 'warning',
      render: (n) => text(n, false),
    });
  return out;
}

export const COMPLIANCE_FEED: FeedRules = {
  'compliance.violation_confirmed': fromViolationConfirmed,
  'return.refund_overdue': fromRefundOverdue,
  'selection.sample_overdue': fromSampleOverdue,
};
