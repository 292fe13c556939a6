/**
 * 投诉 (disputes: complaints) events → inbox items, pure: who must act at each step of a complaint — the merchant
 * (48 hours to answer), the consumer (accept, escalate), the platform's mediators (45 working days), the regulator
 * (7 working days to accept, 45 to mediate) — and who only learns of it, each with the order named by its number and
 * the deadline in Beijing time. docs/disputes.md. One of the area tables merged in `NOTIFICATION_FEED`
 * (notification-feed.rules.ts).
 */
import { fenToYuan as yuan } from '../settlement/index.ts';
import { byWhen, date, type FeedRules, fen, type NotificationDraft, nameOr, type Payload, str } from './notification-feed.internal.ts';
import type { Bilingual, NotificationRecipient, NotificationSeverity } from './notifications.types.ts';

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

export const COMPLAINTS_FEED: FeedRules = {
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
};
