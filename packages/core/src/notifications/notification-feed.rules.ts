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
import { SUPPLY_FEED } from './supply-feed.rules.ts';

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

/** 政策申报结果: the issuing department granted, rejected or returned a policy application; the applicant is told. */
export function fromPolicyDecided(p: Payload): NotificationDraft[] {
  const user = str(p.applicantUserId);
  const outcome = str(p.outcome);
  if (!user || !str(p.applicationId) || (outcome !== 'granted' && outcome !== 'rejected' && outcome !== 'returned')) return [];
  const title = str(p.title) ?? '政策';
  const amount = fen(p.grantedFen);
  const reason = str(p.reason);
  const why = { zh: reason ? `（${reason}）` : '', en: reason ? ` (${reason})` : '' };
  const text: Record<string, { title: Bilingual; body: Bilingual }> = {
    granted: {
      title: { zh: '政策申报已核定', en: 'Policy application granted' },
      body: {
        zh: `您申报的「${title}」已核定通过${amount !== null ? `，核定金额 ¥${yuan(amount)}` : ''}。`,
        en: `Your application for "${title}" was granted${amount !== null ? `: ¥${yuan(amount)}` : ''}.`,
      },
    },
    rejected: {
      title: { zh: '政策申报未获支持', en: 'Policy application rejected' },
      body: { zh: `您申报的「${title}」未获支持${why.zh}。`, en: `Your application for "${title}" was rejected${why.en}.` },
    },
    returned: {
      title: { zh: '政策申报需补充材料', en: 'Policy application returned' },
      body: {
        zh: `您申报的「${title}」被退回补充材料${why.zh}，请补充后重新提交。`,
        en: `Your application for "${title}" was returned for more documents${why.en}; add them and resubmit.`,
      },
    },
  };
  const t = text[outcome] as { title: Bilingual; body: Bilingual };
  return [
    {
      recipient: { kind: 'user', userId: user },
      kind: `policy.${outcome}`,
      severity: outcome === 'returned' ? 'action_required' : outcome === 'granted' ? 'info' : 'warning',
      link: p.talent === true ? '/talent-policies' : '/policies',
      dueAt: null,
      names: {},
      render: () => t,
    },
  ];
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

/** A moment in Beijing time to the minute (`2026-12-07 14:30`): a 48-hour deadline needs the hour. */
function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const COMPLAINT_CATEGORY: Record<string, Bilingual> = {
  quality: { zh: '商品质量', en: 'product quality' },
  not_as_described: { zh: '货不对板', en: 'not as described' },
  false_advertising: { zh: '虚假宣传', en: 'false advertising' },
  refund_refused: { zh: '拒绝退款', en: 'refund refused' },
  fraud: { zh: '欺诈', en: 'fraud' },
  personal_data: { zh: '个人信息', en: 'personal data' },
};
const COMPLAINT_REMEDY: Record<string, Bilingual> = {
  refund: { zh: '退款', en: 'a refund' },
  return: { zh: '退货退款', en: 'a return and refund' },
  compensation: { zh: '赔偿', en: 'compensation' },
  fraud_compensation: { zh: '退一赔三', en: 'refund plus treble compensation (Art. 55)' },
};

interface ComplaintFacts {
  id: string;
  link: string;
  consumer: string | null;
  merchant: string | null;
  order: string | null;
  due: Date | null;
  category: Bilingual;
  status: string | null;
}

function complaintFacts(p: Payload): ComplaintFacts | null {
  const id = str(p.complaintId);
  if (!id) return null;
  return {
    id,
    link: `/complaints/${id}`,
    consumer: str(p.consumerUserId),
    merchant: str(p.merchantOrgId),
    order: str(p.orderId),
    due: date(p.dueAt),
    category: COMPLAINT_CATEGORY[str(p.category) ?? ''] ?? { zh: '投诉', en: 'complaint' },
    status: str(p.status),
  };
}

/** One complaint item: the order's number named in the text, the deadline (if any) in Beijing time. */
function complaintItem(
  f: ComplaintFacts,
  recipient: NotificationRecipient | null,
  kind: string,
  severity: NotificationSeverity,
  text: (order: Bilingual) => { title: Bilingual; body: Bilingual },
  dueAt: Date | null = null,
): NotificationDraft[] {
  if (!recipient) return [];
  return [
    {
      recipient,
      kind,
      severity,
      link: f.link,
      dueAt,
      names: { orders: [f.order] },
      render: (names) => text(nameOr(names, 'orders', f.order, { zh: '一笔订单', en: 'an order' })),
    },
  ];
}

const merchantOf = (f: ComplaintFacts): NotificationRecipient | null =>
  f.merchant ? { kind: 'org', orgId: f.merchant, roles: ['merchant_staff'] } : null;
const consumerOf = (f: ComplaintFacts): NotificationRecipient | null => (f.consumer ? { kind: 'user', userId: f.consumer } : null);
const MEDIATORS: NotificationRecipient = { kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin', 'reviewer'] };
const REGULATORS: NotificationRecipient = { kind: 'orgKind', orgKind: 'regulator', roles: ['regulator'] };
const byWhen = (due: Date | null): Bilingual =>
  due ? { zh: `请在 ${shanghaiMinute(due)} 前`, en: `by ${shanghaiMinute(due)} (Beijing time)` } : { zh: '请尽快', en: 'soon' };

/** Who a case is against: an organization's managing staff, or the streamer. */
function caseParty(p: Payload): NotificationRecipient | null {
  const id = str(p.partyId);
  if (!id) return null;
  if (p.partyKind === 'user') return { kind: 'user', userId: id };
  if (p.partyKind === 'organization') return { kind: 'org', orgId: id, roles: ['merchant_staff', 'mcn_manager', 'base_operator'] };
  return null;
}

/** 行政处罚告知: a regulator told the party the facts and the measures intended; it may state its case by the deadline. */
export function fromCaseNotified(p: Payload): NotificationDraft[] {
  const recipient = caseParty(p);
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  const due = date(p.defenceDueAt);
  if (!recipient || !caseId || !caseNo) return [];
  const by = byWhen(due);
  return [
    {
      recipient,
      kind: 'case.notified',
      severity: 'action_required',
      link: `/supervision/notices?case=${caseId}`,
      dueAt: due,
      names: {},
      render: () => ({
        title: { zh: `监管通知：行政处罚告知（${caseNo}）`, en: `Regulator's notice of intended penalty (${caseNo})` },
        body: {
          zh: `监管部门拟对您作出行政处罚，已告知事实、理由和依据。您有权陈述、申辩，${by.zh}在线提交；逾期未提交视为放弃。`,
          en: `A regulator intends to impose a penalty and has told you the facts, reasons and basis. You may state your case online ${by.en}; silence past the deadline waives it.`,
        },
      }),
    },
  ];
}

/** 行政处罚决定: the decision is issued; the document can be downloaded from the notice. */
export function fromCaseDecided(p: Payload): NotificationDraft[] {
  const recipient = caseParty(p);
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  if (!recipient || !caseId || !caseNo) return [];
  return [
    {
      recipient,
      kind: 'case.decided',
      severity: 'warning',
      link: `/supervision/notices?case=${caseId}`,
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: `监管通知：行政处罚决定（${caseNo}）`, en: `Regulator's penalty decision (${caseNo})` },
        body: {
          zh: '监管部门已作出行政处罚决定，请查看并下载决定书。',
          en: 'A regulator has decided the case; read it and download the decision document.',
        },
      }),
    },
  ];
}

/** 新投诉: the merchant must answer within 48 hours, or the complaint goes to platform mediation. */
export function fromComplaintFiled(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const by = byWhen(f.due);
  return complaintItem(
    f,
    merchantOf(f),
    'complaint.filed',
    'action_required',
    (o) => ({
      title: { zh: `新投诉：${f.category.zh}`, en: `New complaint: ${f.category.en}` },
      body: {
        zh: `消费者就订单${o.zh}提出投诉（${f.category.zh}），${by.zh}答复：接受诉求、提出方案或拒绝。逾期未答复将转入平台调解。`,
        en: `A consumer complained about order ${o.en} (${f.category.en}). Answer ${by.en}: accept the claim, counter-offer or reject. Without an answer it goes to platform mediation.`,
      },
    }),
    f.due,
  );
}

/** 答复提醒: the sweep's reminder that the merchant's 48 hours end soon. */
export function fromComplaintAnswerDue(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const by = byWhen(f.due);
  return complaintItem(
    f,
    merchantOf(f),
    'complaint.answer_due',
    'action_required',
    (o) => ({
      title: { zh: '投诉即将超时未答复', en: 'Complaint answer due soon' },
      body: {
        zh: `订单${o.zh}的投诉尚未答复，${by.zh}答复，逾期将转入平台调解。`,
        en: `The complaint about order ${o.en} is not answered yet. Answer ${by.en}, or it goes to platform mediation.`,
      },
    }),
    f.due,
  );
}

/** 调解即将到期: the mediators, in the last 3 working days of the 45 (the sweep's reminder). */
export function fromComplaintMediationDue(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const by = byWhen(f.due);
  return complaintItem(
    f,
    MEDIATORS,
    'complaint.mediation_due',
    'action_required',
    (o) => ({
      title: { zh: '投诉调解即将到期', en: 'Mediation deadline near' },
      body: {
        zh: `订单${o.zh}的投诉调解期限（45 个工作日）即将届满，请${by.zh}作出调解决定，逾期将以调解不成终结。`,
        en: `The mediation of the complaint about order ${o.en} (45 working days) ends soon. Decide ${by.en}, or it ends without agreement.`,
      },
    }),
    f.due,
  );
}

/** 受理即将到期: the regulator, on the last working day of the 7 to decide on acceptance (the sweep's reminder). */
export function fromComplaintAcceptanceDue(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const by = byWhen(f.due);
  return complaintItem(
    f,
    REGULATORS,
    'complaint.acceptance_due',
    'action_required',
    (o) => ({
      title: { zh: '投诉受理期限即将届满', en: 'Acceptance deadline near' },
      body: {
        zh: `订单${o.zh}的投诉待决定是否受理，7 个工作日的期限即将届满，请${by.zh}作出决定。`,
        en: `Acceptance of the complaint about order ${o.en} is still to be decided; the 7 working days end soon. Decide ${by.en}.`,
      },
    }),
    f.due,
  );
}

/** 行政调解即将到期: the regulator, in the last 3 working days of the 45 it has to mediate an accepted complaint. */
export function fromComplaintRegulatorMediationDue(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const by = byWhen(f.due);
  return complaintItem(
    f,
    REGULATORS,
    'complaint.regulator_mediation_due',
    'action_required',
    (o) => ({
      title: { zh: '行政调解期限即将届满', en: 'Regulator mediation deadline near' },
      body: {
        zh: `已受理的订单${o.zh}投诉尚在调解，45 个工作日的调解期限即将届满，请${by.zh}作出调解成立或终止调解的决定，逾期将自动终止调解。`,
        en: `The accepted complaint about order ${o.en} is still in mediation; its 45 working days end soon. Record an agreement or terminate the mediation ${by.en}, or it ends without agreement.`,
      },
    }),
    f.due,
  );
}

/** 商家已答复: the consumer learns of the counter-offer or the rejection and may accept or escalate. */
export function fromComplaintAnswered(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const counter = p.action === 'merchant_counter';
  return complaintItem(f, consumerOf(f), 'complaint.answered', 'action_required', (o) => ({
    title: counter
      ? { zh: '商家提出了解决方案', en: 'The merchant made an offer' }
      : { zh: '商家拒绝了您的诉求', en: 'The merchant rejected your claim' },
    body: counter
      ? {
          zh: `您对订单${o.zh}的投诉，商家提出了解决方案。您可以接受方案，或申请平台调解。`,
          en: `The merchant answered your complaint about order ${o.en} with an offer. Accept it, or ask for platform mediation.`,
        }
      : {
          zh: `您对订单${o.zh}的投诉被商家拒绝。您可以申请平台调解。`,
          en: `The merchant rejected your complaint about order ${o.en}. You may ask for platform mediation.`,
        },
  }));
}

/** 转入调解 / 提交监管: who must act next (mediators, the regulator) and the consumer and merchant learn of it. */
export function fromComplaintEscalated(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const by = byWhen(f.due);
  if (f.status === 'mediating') {
    const silent = p.action === 'merchant_silent';
    return [
      ...complaintItem(
        f,
        MEDIATORS,
        'complaint.mediation',
        'action_required',
        (o) => ({
          title: { zh: `投诉进入调解：${f.category.zh}`, en: `Complaint in mediation: ${f.category.en}` },
          body: {
            zh: `订单${o.zh}的投诉${silent ? '因商家 48 小时未答复' : ''}已进入平台调解，${by.zh}作出调解决定。`,
            en: `The complaint about order ${o.en} entered platform mediation${silent ? ' (the merchant did not answer within 48 hours)' : ''}. Decide ${by.en}.`,
          },
        }),
        f.due,
      ),
      ...complaintItem(f, consumerOf(f), 'complaint.mediation', 'info', (o) => ({
        title: { zh: '投诉已进入平台调解', en: 'Your complaint is in mediation' },
        body: {
          zh: `您对订单${o.zh}的投诉已进入平台调解${silent ? '（商家未在 48 小时内答复）' : ''}，调解员将作出决定。`,
          en: `Your complaint about order ${o.en} is in platform mediation${silent ? ' (the merchant did not answer within 48 hours)' : ''}; a mediator will decide.`,
        },
      })),
      ...complaintItem(f, merchantOf(f), 'complaint.mediation', 'info', (o) => ({
        title: { zh: '投诉已进入平台调解', en: 'Complaint in mediation' },
        body: {
          zh: `订单${o.zh}的投诉已进入平台调解${silent ? '（未在 48 小时内答复）' : ''}。`,
          en: `The complaint about order ${o.en} is in platform mediation${silent ? ' (not answered within 48 hours)' : ''}.`,
        },
      })),
    ];
  }
  if (f.status === 'escalated')
    return [
      ...complaintItem(
        f,
        REGULATORS,
        'complaint.escalated',
        'action_required',
        (o) => ({
          title: { zh: `投诉已提交监管：${f.category.zh}`, en: `Complaint escalated: ${f.category.en}` },
          body: {
            zh: `订单${o.zh}的投诉调解未成，消费者已提交监管部门，${by.zh}决定是否受理（7 个工作日）。`,
            en: `Mediation of the complaint about order ${o.en} failed and the consumer escalated it. Decide on acceptance ${by.en} (7 working days).`,
          },
        }),
        f.due,
      ),
      ...complaintItem(f, merchantOf(f), 'complaint.escalated', 'info', (o) => ({
        title: { zh: '投诉已提交监管部门', en: 'Complaint escalated to the regulator' },
        body: { zh: `订单${o.zh}的投诉已提交监管部门。`, en: `The complaint about order ${o.en} was escalated to the regulator.` },
      })),
    ];
  return [];
}

/** 投诉已解决: the outcome, for the consumer, and for the merchant when it did not settle it itself. */
export function fromComplaintResolved(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const amount = fen(p.amountFen);
  const remedy = COMPLAINT_REMEDY[str(p.remedy) ?? ''] ?? { zh: '处理', en: 'a remedy' };
  const what: Bilingual = amount === null ? remedy : { zh: `${remedy.zh} ¥${yuan(amount)}`, en: `${remedy.en} of ¥${yuan(amount)}` };
  if (p.action === 'regulator_mediate') return regulatorMediated(f, what);
  const decided = p.action === 'mediator_decide';
  const out = complaintItem(f, consumerOf(f), 'complaint.resolved', 'info', (o) => ({
    title: decided ? { zh: '调解决定已作出', en: 'Mediation decided' } : { zh: '投诉已解决', en: 'Complaint resolved' },
    body: {
      zh: `您对订单${o.zh}的投诉${decided ? '经平台调解' : ''}已解决：${what.zh}。`,
      en: `Your complaint about order ${o.en} was resolved${decided ? ' by platform mediation' : ''}: ${what.en}.`,
    },
  }));
  if (p.action !== 'merchant_accept')
    out.push(
      ...complaintItem(f, merchantOf(f), 'complaint.resolved', decided ? 'action_required' : 'info', (o) => ({
        title: decided
          ? { zh: '调解决定已作出', en: 'Mediation decided' }
          : { zh: '消费者接受了方案', en: 'The consumer accepted the offer' },
        body: {
          zh: `订单${o.zh}的投诉${decided ? '调解决定' : '已按方案解决'}：${what.zh}。${decided ? '请按决定履行，计入信用记录。' : ''}`,
          en: `The complaint about order ${o.en} ${decided ? 'was decided' : 'was settled'}: ${what.en}.${decided ? ' Carry out the decision; it counts in the credit record.' : ''}`,
        },
      })),
    );
  return out;
}

/** 调解成立 (行政调解): both parties learn of the agreement the regulator recorded; the merchant must carry it out. */
function regulatorMediated(f: ComplaintFacts, what: Bilingual): NotificationDraft[] {
  const title: Bilingual = { zh: '监管部门调解成立', en: 'Agreement reached in the regulator’s mediation' };
  return [
    ...complaintItem(f, consumerOf(f), 'complaint.regulator_mediated', 'info', (o) => ({
      title,
      body: {
        zh: `您对订单${o.zh}的投诉经市场监管部门调解达成协议：${what.zh}。`,
        en: `Your complaint about order ${o.en} was settled in the market regulator’s mediation: ${what.en}.`,
      },
    })),
    ...complaintItem(f, merchantOf(f), 'complaint.regulator_mediated', 'action_required', (o) => ({
      title,
      body: {
        zh: `订单${o.zh}的投诉经市场监管部门调解达成协议：${what.zh}。请按调解协议履行，计入信用记录。`,
        en: `The complaint about order ${o.en} was settled in the market regulator’s mediation: ${what.en}. Carry out the agreement; it counts in the credit record.`,
      },
    })),
  ];
}

/**
 * 终止调解: the regulator's mediation ended without agreement — closed by the regulator with its reason, or its 45
 * working days lapsed. The consumer is told the courts and arbitration remain (可依法向人民法院起诉或申请仲裁).
 */
export function fromComplaintRegulatorClosed(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  const lapsed = p.action === 'regulator_mediation_lapsed';
  const why: Bilingual = lapsed
    ? { zh: '45 个工作日内未达成调解协议', en: 'no agreement was reached within 45 working days' }
    : { zh: '监管部门终止了调解，理由见投诉详情', en: 'the regulator terminated it; see the reason on the complaint' };
  const title: Bilingual = { zh: '监管部门终止调解', en: 'The regulator’s mediation ended' };
  return [
    ...complaintItem(f, consumerOf(f), 'complaint.regulator_closed', 'info', (o) => ({
      title,
      body: {
        zh: `您对订单${o.zh}的投诉，市场监管部门的调解已终止（${why.zh}）。您可以依法向人民法院起诉或申请仲裁。`,
        en: `The market regulator’s mediation of your complaint about order ${o.en} ended (${why.en}). You may take the matter to a people’s court or apply for arbitration.`,
      },
    })),
    ...complaintItem(f, merchantOf(f), 'complaint.regulator_closed', 'info', (o) => ({
      title,
      body: {
        zh: `订单${o.zh}的投诉，市场监管部门的调解已终止（${why.zh}）。`,
        en: `The market regulator’s mediation of the complaint about order ${o.en} ended (${why.en}).`,
      },
    })),
  ];
}

/** 调解未成: the consumer may escalate to the regulator. */
export function fromComplaintMediationFailed(p: Payload): NotificationDraft[] {
  const f = complaintFacts(p);
  if (!f) return [];
  return complaintItem(f, consumerOf(f), 'complaint.mediation_failed', 'action_required', (o) => ({
    title: { zh: '调解未达成', en: 'Mediation ended without agreement' },
    body: {
      zh: `您对订单${o.zh}的投诉在 45 个工作日内未调解成功。您可以向市场监管部门提交投诉。`,
      en: `Mediation of your complaint about order ${o.en} ended without agreement after 45 working days. You may escalate it to the market regulator.`,
    },
  }));
}

/** A closing the other parties learn of: dismissed, withdrawn, the regulator's decision. */
function fromComplaintClosed(kind: string, title: Bilingual, body: (o: Bilingual) => Bilingual, to: 'both' | 'merchant') {
  return (p: Payload): NotificationDraft[] => {
    const f = complaintFacts(p);
    if (!f) return [];
    const text = (o: Bilingual) => ({ title, body: body(o) });
    return [
      ...(to === 'both' ? complaintItem(f, consumerOf(f), kind, 'info', text) : []),
      ...complaintItem(f, merchantOf(f), kind, 'info', text),
    ];
  };
}

export const fromComplaintDismissed = fromComplaintClosed(
  'complaint.dismissed',
  { zh: '投诉已驳回', en: 'Complaint dismissed' },
  (o) => ({
    zh: `订单${o.zh}的投诉经平台调解被驳回，理由见投诉详情。`,
    en: `The complaint about order ${o.en} was dismissed in mediation; see the reason on the complaint.`,
  }),
  'both',
);
export const fromComplaintWithdrawn = fromComplaintClosed(
  'complaint.withdrawn',
  { zh: '投诉已撤回', en: 'Complaint withdrawn' },
  (o) => ({ zh: `消费者撤回了订单${o.zh}的投诉。`, en: `The consumer withdrew the complaint about order ${o.en}.` }),
  'merchant',
);
export const fromComplaintAcceptedByRegulator = fromComplaintClosed(
  'complaint.accepted_by_regulator',
  { zh: '监管部门已受理投诉', en: 'The regulator accepted the complaint' },
  (o) => ({ zh: `订单${o.zh}的投诉已被市场监管部门受理。`, en: `The market regulator accepted the complaint about order ${o.en}.` }),
  'both',
);
export const fromComplaintRefusedByRegulator = fromComplaintClosed(
  'complaint.refused_by_regulator',
  { zh: '监管部门不予受理', en: 'The regulator did not accept the complaint' },
  (o) => ({
    zh: `订单${o.zh}的投诉未被市场监管部门受理，理由见投诉详情。`,
    en: `The market regulator did not accept the complaint about order ${o.en}; see the reason on the complaint.`,
  }),
  'both',
);

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
      recipient: { kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin', 'reviewer'] },
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

/**
 * 举报属实, for the reported party: the organization the report is about (its staff) and the person (a live room's
 * streamer, a reported user) learn what was found — the target, the category, the finding — and never who reported:
 * nothing of the reporter (id, name, phone, tracking code) is read here, and phone numbers in the finding are masked.
 */
export function fromReportFound(p: Payload): NotificationDraft[] {
  if (p.status !== 'substantiated') return [];
  const target = REPORT_TARGETS[str(p.targetKind) ?? ''];
  const id = str(p.targetId);
  if (!target || !id || !str(p.reportId)) return [];
  const org = str(p.subjectOrgId);
  const person = str(p.subjectUserId);
  const recipients: NotificationRecipient[] = [];
  if (org) recipients.push({ kind: 'org', orgId: org, roles: ['merchant_staff', 'mcn_manager', 'base_operator'] });
  if (person) recipients.push({ kind: 'user', userId: person });
  const category = REPORT_CATEGORY_LABELS[str(p.category) ?? ''] ?? REPORT_CATEGORY_LABELS.other;
  const finding = maskPhones(str(p.outcome));
  return recipients.map((recipient) => ({
    recipient,
    kind: 'report.found',
    severity: 'warning',
    // a live room's or a product's report was confirmed through its review item: the violations page shows it
    link: target.names === 'sessions' || target.names === 'products' ? '/violations' : '/notifications',
    dueAt: null,
    names: { [target.names]: [id] },
    render: (names) => {
      const what = nameOr(names, target.names, id, target.word);
      return {
        title: { zh: `举报经核实属实：${category?.zh}`, en: `A report was found true: ${category?.en}` },
        body: {
          zh: `平台收到对${target.word.zh}${what.zh}的举报（${category?.zh}），经核实属实。${finding ? `核实结论：${finding}` : ''}请及时整改；如有异议，可联系平台申诉。`,
          en: `A report about the ${target.word.en} ${what.en} (${category?.en}) was found true.${finding ? ` Finding: ${finding}` : ''} Put it right; contact the platform to contest it.`,
        },
      };
    },
  }));
}

/** Mainland mobile numbers in free text, masked as everywhere else (138****5678). */
function maskPhones(text: string | null): string | null {
  return text ? text.replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2') : null;
}

/** 举报处理结果: the reporter hears how it was handled; when found true, the reported party hears what was found. */
export function fromReportHandledAll(p: Payload): NotificationDraft[] {
  return [...fromReportHandled(p), ...fromReportFound(p)];
}

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

// ── 知识产权保护 (电子商务法 Art. 42–45) ───────────────────────────────────────────────────────────────────────

interface IpFacts {
  noticeId: string;
  noticeNo: string;
  productId: string;
  merchantOrgId: string;
  /** who speaks for the holder: the holder's merchant staff, or the IP office that filed for it */
  holder: NotificationRecipient;
  link: string;
}

function ipFacts(p: Payload): IpFacts | null {
  const noticeId = str(p.noticeId);
  const noticeNo = str(p.noticeNo);
  const productId = str(p.productId);
  const merchantOrgId = str(p.merchantOrgId);
  const filedBy = str(p.filedByOrgId);
  if (!noticeId || !noticeNo || !productId || !merchantOrgId || !filedBy) return null;
  const holder: NotificationRecipient =
    p.filedByRole === 'office'
      ? { kind: 'org', orgId: filedBy, roles: ['regulator'] }
      : { kind: 'org', orgId: str(p.holderOrgId) ?? filedBy, roles: ['merchant_staff'] };
  return { noticeId, noticeNo, productId, merchantOrgId, holder, link: `/ip-notices?notice=${noticeId}` };
}

const productOr = (names: Names, id: string): Bilingual => nameOr(names, 'products', id, { zh: '商品', en: 'the product' });

/** 侵权通知 (Art. 42): the merchant learns its product was taken down and that it may file a counter-notice. */
export function fromIpNoticeFiled(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  if (!f) return [];
  const down = p.takenDown === true;
  return [
    {
      recipient: { kind: 'org', orgId: f.merchantOrgId, roles: ['merchant_staff'] },
      kind: 'ip.notice_filed',
      severity: 'action_required',
      link: f.link,
      dueAt: null,
      names: { products: [f.productId] },
      render: (names) => {
        const g = productOr(names, f.productId);
        return {
          title: { zh: `知识产权侵权通知（${f.noticeNo}）`, en: `Infringement notice (${f.noticeNo})` },
          body: {
            zh: `权利人就商品${g.zh}发出侵权通知${down ? '，平台已依法将其下架' : ''}（电子商务法第四十二条）。如认为不构成侵权，可提交不存在侵权行为的声明及证据（反通知）。`,
            en: `A rights holder filed an infringement notice against ${g.en}${down ? ', which the platform took down' : ''} (E-Commerce Law Art. 42). If it does not infringe, file a counter-notice with your statement and evidence.`,
          },
        };
      },
    },
  ];
}

/** 反通知转送 (Art. 43): the holder may complain to the authority or sue within 15 days, or the product is restored. */
export function fromIpCounterForwarded(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  if (!f) return [];
  const due = date(p.actionDueAt);
  const day = due ? shanghaiDay(new Date(due.getTime() - 1)) : null;
  return [
    {
      recipient: f.holder,
      kind: 'ip.counter_forwarded',
      severity: 'action_required',
      link: f.link,
      dueAt: due,
      names: { products: [f.productId], orgs: [f.merchantOrgId] },
      render: (names) => {
        const g = productOr(names, f.productId);
        const m = nameOr(names, 'orgs', f.merchantOrgId, { zh: '商家', en: 'the merchant' });
        return {
          title: { zh: `反通知：${f.noticeNo}`, en: `Counter-notice: ${f.noticeNo}` },
          body: {
            zh: `${m.zh}就商品${g.zh}提交了不存在侵权行为的声明。您可以向有关主管部门投诉或者向人民法院起诉；${day ? `${day} 24 时前` : '十五日内'}未告知平台已投诉或起诉的，平台将终止下架措施（电子商务法第四十三条）。`,
            en: `${m.en} states that ${g.en} does not infringe. You may complain to the authority or sue; unless you tell the platform you did${day ? ` by the end of ${day}` : ' within 15 days'}, the takedown ends (E-Commerce Law Art. 43).`,
          },
        };
      },
    },
  ];
}

/** The holder reported a complaint or a lawsuit in time: the merchant learns the takedown stays. */
export function fromIpActionReported(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  if (!f) return [];
  const lawsuit = p.actionKind === 'lawsuit';
  return [
    {
      recipient: { kind: 'org', orgId: f.merchantOrgId, roles: ['merchant_staff'] },
      kind: 'ip.action_reported',
      severity: 'warning',
      link: f.link,
      dueAt: null,
      names: { products: [f.productId] },
      render: (names) => {
        const g = productOr(names, f.productId);
        return {
          title: {
            zh: `权利人已${lawsuit ? '起诉' : '投诉'}（${f.noticeNo}）`,
            en: `The rights holder ${lawsuit ? 'sued' : 'complained'} (${f.noticeNo})`,
          },
          body: {
            zh: `权利人已告知平台其${lawsuit ? '向人民法院起诉' : '向有关主管部门投诉'}，商品${g.zh}继续保持下架，待有关部门或法院处理。`,
            en: `The rights holder told the platform it ${lawsuit ? 'sued' : 'complained to the authority'}; ${g.en} stays off sale until the authority or the court decides.`,
          },
        };
      },
    },
  ];
}

const IP_CLOSED: Record<string, Bilingual> = {
  restored: {
    zh: '十五日内未收到权利人投诉或起诉的通知，已终止下架措施',
    en: 'no complaint or lawsuit was reported within 15 days; the takedown ended',
  },
  withdrawn: { zh: '权利人已撤回侵权通知', en: 'the rights holder withdrew the notice' },
  found_wrong: { zh: '经核查侵权通知错误', en: 'the notice was found wrong' },
};

/** The takedown ended (restored after 15 days, withdrawn, found wrong): both sides learn of it. */
export function fromIpNoticeClosed(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  const why = IP_CLOSED[str(p.status) ?? ''];
  if (!f || !why) return [];
  const back = p.restored === true;
  const item = (recipient: NotificationRecipient): NotificationDraft => ({
    recipient,
    kind: 'ip.notice_closed',
    severity: 'info',
    link: f.link,
    dueAt: null,
    names: { products: [f.productId] },
    render: (names) => {
      const g = productOr(names, f.productId);
      return {
        title: { zh: `侵权通知已终结（${f.noticeNo}）`, en: `Infringement notice closed (${f.noticeNo})` },
        body: {
          zh: `${why.zh}${back ? `，商品${g.zh}已恢复上架。` : '。'}`,
          en: `${why.en}${back ? `; ${g.en} is back on sale.` : '.'}`,
        },
      };
    },
  });
  return [item({ kind: 'org', orgId: f.merchantOrgId, roles: ['merchant_staff'] }), item(f.holder)];
}

/** A case's title as the inbox shows it: its summary on one line, at most 60 characters, phone and ID numbers masked. */
export function caseTitleForInbox(summary: unknown): string | null {
  const s = str(summary);
  if (!s) return null;
  const line = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\d{17}[\dXx]|\d{15}/g, (m) => `${m.slice(0, 3)}${'*'.repeat(m.length - 7)}${m.slice(-4)}`)
    .replace(/1[3-9]\d{9}/g, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`);
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

const REGULATOR_ROLES: readonly Role[] = ['regulator'];

/** 案件移送: a case was handed to the department; its members now hold it (who sent it, which case — not the party's data). */
export function fromCaseTransferred(p: Payload): NotificationDraft[] {
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  const to = str(p.to);
  if (!caseId || !caseNo || !to) return [];
  const title = caseTitleForInbox(p.title);
  const from = str(p.fromName) ?? '联席会议办公室';
  return [
    {
      recipient: { kind: 'department', departmentCode: to, roles: REGULATOR_ROLES },
      kind: 'case.transferred',
      severity: 'action_required',
      link: `/supervision/cases?case=${caseId}`,
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: `案件移送：${caseNo}`, en: `Case transferred to your department: ${caseNo}` },
        body: {
          zh: `${from}将案件 ${caseNo}${title ? `「${title}」` : ''}移送本部门办理，移送理由见案件记录。`,
          en: `${from} transferred case ${caseNo}${title ? ` "${title}"` : ''} to your department; the reason is in the case log.`,
        },
      }),
    },
  ];
}

/** 联合执法: the department is invited to handle a case jointly (协办): read it and add evidence. */
export function fromCaseJoined(p: Payload): NotificationDraft[] {
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  const departments = Array.isArray(p.departments) ? p.departments.map(str).filter((d): d is string => d !== null) : [];
  if (!caseId || !caseNo || departments.length === 0) return [];
  const title = caseTitleForInbox(p.title);
  const from = str(p.holderName) ?? '联席会议办公室';
  return departments.map((code) => ({
    recipient: { kind: 'department', departmentCode: code, roles: REGULATOR_ROLES },
    kind: 'case.joined',
    severity: 'info',
    link: `/supervision/cases?case=${caseId}`,
    dueAt: null,
    names: {},
    render: () => ({
      title: { zh: `联合执法邀请：${caseNo}`, en: `Joint handling requested: ${caseNo}` },
      body: {
        zh: `${from}邀请本部门协办案件 ${caseNo}${title ? `「${title}」` : ''}：可查阅案件、补充证据。`,
        en: `${from} invited your department to handle case ${caseNo}${title ? ` "${title}"` : ''} jointly: read it and add evidence.`,
      },
    }),
  }));
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
  'disputes.complaint_filed': fromComplaintFiled,
  'disputes.complaint_answer_due': fromComplaintAnswerDue,
  'disputes.complaint_answered': fromComplaintAnswered,
  'disputes.mediation_due': fromComplaintMediationDue,
  'disputes.acceptance_due': fromComplaintAcceptanceDue,
  'disputes.complaint_escalated': fromComplaintEscalated,
  'disputes.complaint_resolved': fromComplaintResolved,
  'disputes.complaint_mediation_failed': fromComplaintMediationFailed,
  'disputes.complaint_dismissed': fromComplaintDismissed,
  'disputes.complaint_withdrawn': fromComplaintWithdrawn,
  'disputes.complaint_accepted_by_regulator': fromComplaintAcceptedByRegulator,
  'disputes.complaint_refused_by_regulator': fromComplaintRefusedByRegulator,
  'disputes.complaint_regulator_closed': fromComplaintRegulatorClosed,
  'disputes.regulator_mediation_due': fromComplaintRegulatorMediationDue,
  'reports.report_filed': fromReportFiled,
  'reports.report_handled': fromReportHandledAll,
  'disputes.compensation_due': fromCompensationDue,
  'disputes.compensation_advanced': fromCompensationAdvanced,
  'disputes.compensation_recovered': fromCompensationRecovered,
  'settlement.fund_below_floor': fromFundBelowFloor,
  'supervision.case_notified': fromCaseNotified,
  'supervision.case_decided': fromCaseDecided,
  'supervision.case_transferred': fromCaseTransferred,
  'supervision.case_joined': fromCaseJoined,
  'supervision.ip_notice_filed': fromIpNoticeFiled,
  'supervision.ip_counter_forwarded': fromIpCounterForwarded,
  'supervision.ip_action_reported': fromIpActionReported,
  'supervision.ip_notice_closed': fromIpNoticeClosed,
  ...SUPPLY_FEED,
  'policies.application_decided': fromPolicyDecided,
};
