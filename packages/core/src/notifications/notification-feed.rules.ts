/**
 * From the other contexts' outbox events to inbox items (站内信): pure, one function per topic. Each item names
 * who must act or know (a user, or an organization's members by role), what happened in both languages (Chinese
 * first), the page that acts on it, how urgent it is and, when there is one, its deadline. Screens show names, never
 * ids: a rule declares the ids it names, the service looks them up in one batch and the rule renders its text with
 * them. Unknown or incomplete payloads give no item (the outbox must not stall on them). A new topic joins the
 * inbox by adding one function to `NOTIFICATION_FEED`.
 */
import type { Role } from '@livehub/contracts';
import { fenToYuan as yuan, shanghaiDay } from '../settlement/index.ts';
import type { NameQuery, Names } from '../shared/name-directory.ts';
import type { Bilingual, NotificationRecipient, NotificationSeverity } from './notifications.types.ts';

type Payload = Record<string, unknown>;

/** An item before its names are looked up: `render` builds its text once the names of `names` are known. */
export interface NotificationDraft {
  recipient: NotificationRecipient;
  kind: string;
  severity: NotificationSeverity;
  link: string;
  dueAt: Date | null;
  names: NameQuery;
  render(names: Names): { title: Bilingual; body: Bilingual };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const fen = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
const date = (v: unknown): Date | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A name from the batch, or a word for the thing when it is not found (never the raw id). */
function nameOr(names: Names, kind: keyof Names, id: string | null, fallback: Bilingual): Bilingual {
  const n = id ? names[kind].get(id) : undefined;
  return n ? { zh: `「${n}」`, en: `"${n}"` } : fallback;
}

const QUALIFICATION_LABELS: Record<string, Bilingual> = {
  business_licence: { zh: '营业执照', en: 'business licence' },
  food_licence: { zh: '食品经营许可证', en: 'food business licence' },
  cosmetics_filing: { zh: '化妆品备案', en: 'cosmetics filing' },
  medical_device_registration: { zh: '医疗器械注册证', en: 'medical device registration' },
  brand_authorization: { zh: '品牌授权书', en: 'brand authorization' },
  trademark_certificate: { zh: '商标注册证', en: 'trademark certificate' },
  health_food_registration: { zh: '保健食品注册证', en: 'health food registration' },
  drug_business_licence: { zh: '药品经营许可证', en: 'drug business licence' },
  professional_licence: { zh: '职业资格证书', en: 'professional licence' },
  training_certificate: { zh: '培训合格证明', en: 'training certificate' },
};
const qualification = (type: unknown): Bilingual => QUALIFICATION_LABELS[str(type) ?? ''] ?? { zh: '资质', en: 'qualification' };

/** The roles of an organization party that answer for it, and its page to renew its registration. */
const ORG_PARTY: Record<string, { roles: readonly Role[]; apply: string }> = {
  merchant: { roles: ['merchant_staff'], apply: '/apply/merchant' },
  mcn: { roles: ['mcn_manager'], apply: '/apply/mcn' },
  base: { roles: ['base_operator'], apply: '/apply/base' },
};

/** A credit party (merchant, MCN, base: its members; streamer: the person) as a recipient. */
function partyRecipient(partyId: string, partyKind: unknown): NotificationRecipient | null {
  if (partyKind === 'streamer') return { kind: 'user', userId: partyId };
  const org = typeof partyKind === 'string' ? ORG_PARTY[partyKind] : undefined;
  return org ? { kind: 'org', orgId: partyId, roles: org.roles } : null;
}

/** 资质即将到期: the organization's qualification expires soon; it must upload a renewed one before the date. */
export function fromQualificationExpiring(p: Payload): NotificationDraft[] {
  const org = str(p.ownerOrgId);
  if (!org || !str(p.qualificationId)) return [];
  const due = date(p.expiresAt);
  const q = qualification(p.type);
  const day = due ? shanghaiDay(due) : null;
  return [
    {
      recipient: { kind: 'org', orgId: org, roles: ['merchant_staff'] },
      kind: 'qualification.expiring',
      severity: 'action_required',
      link: '/apply/merchant',
      dueAt: due,
      names: { orgs: [org] },
      render: (names) => {
        const who = nameOr(names, 'orgs', org, { zh: '贵单位', en: 'your organization' });
        return {
          title: { zh: `${q.zh}即将到期`, en: `Your ${q.en} expires soon` },
          body: {
            zh: `${who.zh}的${q.zh}${day ? `将于 ${day} ` : '即将'}到期，请在到期前上传更新后的证照，逾期将暂停经营。`,
            en: `The ${q.en} of ${who.en} expires${day ? ` on ${day}` : ' soon'}. Upload the renewed document before then, or trading is suspended.`,
          },
        };
      },
    },
  ];
}

/** 资质失效: a qualification or a streamer's certification lapsed; the party is suspended until it renews. */
export function fromCertificationLapsed(p: Payload): NotificationDraft[] {
  const party = str(p.partyId);
  if (!party || !str(p.qualificationId)) return [];
  const recipient = partyRecipient(party, p.partyKind);
  if (!recipient) return [];
  const streamer = recipient.kind === 'user';
  const q: Bilingual = streamer ? { zh: '主播资格认证', en: 'streamer certification' } : qualification(p.type);
  const link = streamer ? '/apply/streamer' : (ORG_PARTY[String(p.partyKind)]?.apply ?? '/applications');
  return [
    {
      recipient,
      kind: 'certification.lapsed',
      severity: 'warning',
      link,
      dueAt: null,
      names: streamer ? {} : { orgs: [party] },
      render: (names) => {
        const who = streamer ? { zh: '您', en: 'your' } : nameOr(names, 'orgs', party, { zh: '贵单位', en: 'your organization' });
        return {
          title: { zh: `${q.zh}已失效`, en: `Your ${q.en} has lapsed` },
          body: streamer
            ? {
                zh: '您的主播资格认证已过期，开播与带货已暂停。请重新提交认证材料。',
                en: 'Your streamer certification has expired; going live and selling are suspended. Submit your certification again.',
              }
            : {
                zh: `${who.zh}的${q.zh}已过期，经营已暂停。请上传有效证照并重新提交审核。`,
                en: `The ${q.en} of ${who.en} has expired and trading is suspended. Upload a valid document and submit it for review again.`,
              },
        };
      },
    },
  ];
}

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

const REMEDY_LABELS: Record<string, Bilingual> = {
  refund: { zh: '退款', en: 'refund' },
  return: { zh: '退货退款', en: 'return and refund' },
  compensation: { zh: '赔偿', en: 'compensation' },
  fraud_compensation: { zh: '欺诈赔偿（退一赔三）', en: 'fraud compensation' },
};
const remedy = (v: unknown): Bilingual => REMEDY_LABELS[str(v) ?? ''] ?? { zh: '赔付', en: 'compensation' };
/** the format of a deadline in an item's text: the Asia/Shanghai time to the minute */
const shanghaiMinute = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

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
      recipient: { kind: 'platform', roles: ['platform_admin'] },
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

/** The topics the inbox listens to and how each becomes inbox items. */
export const NOTIFICATION_FEED: Record<string, (p: Payload) => NotificationDraft[]> = {
  'registry.qualification_expiring': fromQualificationExpiring,
  'registry.certification_lapsed': fromCertificationLapsed,
  'compliance.violation_confirmed': fromViolationConfirmed,
  'return.refund_overdue': fromRefundOverdue,
  'selection.sample_overdue': fromSampleOverdue,
  'payout.paid': fromPayoutPaid,
  'payout.failed': fromPayoutFailed,
  'deposit.topup_required': fromDepositTopUpRequired,
  'disputes.compensation_due': fromCompensationDue,
  'disputes.compensation_advanced': fromCompensationAdvanced,
  'disputes.compensation_recovered': fromCompensationRecovered,
  'settlement.fund_below_floor': fromFundBelowFloor,
};
