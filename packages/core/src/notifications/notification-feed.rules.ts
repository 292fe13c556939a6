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

const REPORT_CATEGORY_LABELS: Record<string, Bilingual> = {
  false_advertising: { zh: '虚假宣传', en: 'false advertising' },
  prohibited_goods: { zh: '违禁商品', en: 'prohibited goods' },
  vulgar: { zh: '色情低俗', en: 'vulgar content' },
  fraud: { zh: '诈骗', en: 'fraud' },
  infringement: { zh: '侵权', en: 'infringement' },
  minors: { zh: '未成年人保护', en: 'protection of minors' },
  other: { zh: '其他', en: 'other' },
};
const REPORT_TARGETS: Record<string, { names: keyof Names; word: Bilingual }> = {
  live_session: { names: 'sessions', word: { zh: '直播间', en: 'live room' } },
  product: { names: 'products', word: { zh: '商品', en: 'product' } },
  organization: { names: 'orgs', word: { zh: '机构', en: 'organization' } },
  user: { names: 'users', word: { zh: '用户', en: 'user' } },
};
const REPORT_OUTCOMES: Record<string, Bilingual> = {
  substantiated: { zh: '经核实属实', en: 'substantiated' },
  unsubstantiated: { zh: '经核实不属实', en: 'not substantiated' },
  referred: { zh: '已移交监管部门作为线索处理', en: 'referred to the regulator as a clue' },
};

/** 新举报: the platform's handlers (admins, reviewers) hear of a report to handle; never who filed it. */
export function fromReportFiled(p: Payload): NotificationDraft[] {
  const target = REPORT_TARGETS[str(p.targetKind) ?? ''];
  const id = str(p.targetId);
  if (!target || !id || !str(p.reportId)) return [];
  const category = REPORT_CATEGORY_LABELS[str(p.category) ?? ''] ?? REPORT_CATEGORY_LABELS.other;
  return [
    {
      recipient: { kind: 'platform', roles: ['platform_admin', 'reviewer'] },
      kind: 'report.filed',
      severity: 'action_required',
      link: '/reports',
      dueAt: null,
      names: { [target.names]: [id] },
      render: (names) => {
        const what = nameOr(names, target.names, id, target.word);
        return {
          title: { zh: '新举报待受理', en: 'New report to handle' },
          body: {
            zh: `收到对${target.word.zh}${what.zh}的举报（${category?.zh}），请在举报受理中处理。`,
            en: `A report about the ${target.word.en} ${what.en} (${category?.en}) is waiting in the reports queue.`,
          },
        };
      },
    },
  ];
}

/** 举报处理结果: a signed-in reporter hears how their report was handled (an anonymous one tracks it by code). */
export function fromReportHandled(p: Payload): NotificationDraft[] {
  const reporter = str(p.reporterUserId);
  const outcome = REPORT_OUTCOMES[str(p.status) ?? ''];
  const target = REPORT_TARGETS[str(p.targetKind) ?? ''];
  const id = str(p.targetId);
  if (!reporter || !outcome || !target || !id) return [];
  const reason = str(p.outcome);
  return [
    {
      recipient: { kind: 'user', userId: reporter },
      kind: 'report.handled',
      severity: 'info',
      link: '/reports/mine',
      dueAt: null,
      names: { [target.names]: [id] },
      render: (names) => {
        const what = nameOr(names, target.names, id, target.word);
        return {
          title: { zh: `您的举报已处理：${outcome.zh}`, en: `Your report was handled: ${outcome.en}` },
          body: {
            zh: `您对${target.word.zh}${what.zh}的举报${outcome.zh}。${reason ? `处理意见：${reason}` : ''}`,
            en: `Your report about the ${target.word.en} ${what.en} was ${outcome.en}.${reason ? ` Reason: ${reason}` : ''}`,
          },
        };
      },
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
  'reports.report_filed': fromReportFiled,
  'reports.report_handled': fromReportHandled,
};
