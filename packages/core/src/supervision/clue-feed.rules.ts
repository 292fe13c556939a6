/**
 * What on the event stream becomes a supervision clue (线索), as one table: each outbox topic the supervision
 * context listens to maps an event to triggers — a signal stored once per fact (so a redelivered event changes
 * nothing), and either a clue raised at once (a credit threshold crossed, a serious violation confirmed) or a
 * window the detector counts (complaints against a merchant within 7 days). Pure; docs/supervision.md lists it.
 */
import type { ClueEvidence, ClueRule, ClueSubjectKind } from '@livehub/contracts';
import { qualificationName } from '../catalog/index.ts';
import { underDeclarationSummary } from './cross-border.rules.ts';
import { priceFraudSummary, SCARCITY_SIGNAL } from './market-probes.rules.ts';

export interface ClueTrigger {
  signal: { kind: string; subjectId: string; source: string; at: Date };
  subjectKind: ClueSubjectKind;
  evidence: ClueEvidence;
  /** raise (or reinforce the open clue of) this rule at once */
  raise?: { rule: ClueRule; risk: number; facts: Record<string, unknown> };
  /** raise when `threshold` signals of the kind fall within `days`; high risk from `highAt` */
  window?: { rule: ClueRule; days: number; threshold: number; highAt: number };
  /** the open clue this trigger raises or reinforces (default: rule + subject) — a fake-order ring's is its own */
  key?: string;
  /** the evidence a newly raised clue starts with (default: `evidence` alone) */
  evidenceAll?: ClueEvidence[];
}

type Payload = Record<string, unknown>;
type Feed = (p: Payload, at: Date, eventId: string) => ClueTrigger[];

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** 投诉激增: this many complaints filed against one merchant within the window raise a clue. */
export const COMPLAINT_SPIKE = { days: 7, threshold: 5, highAt: 10 } as const;
/** A confirmed violation at or above this severity (1–5) is a clue by itself. */
export const SERIOUS_SEVERITY = 4;

const CREDIT_TRIGGER_RULES: Record<string, { rule: ClueRule; risk: number }> = {
  violations: { rule: 'repeat_violation', risk: 3 },
  tier_d: { rule: 'credit_tier_d', risk: 2 },
  refund_overdue: { rule: 'refund_overdue_repeat', risk: 2 },
};

const partySubject = (kind: unknown): ClueSubjectKind => (kind === 'streamer' ? 'user' : 'organization');

/** 触发式监管: credit's threshold crossings (docs/credit.md) become clues for the regulator. */
function fromCreditClue(p: Payload, at: Date, eventId: string): ClueTrigger[] {
  const party = str(p.partyId);
  const mapped = CREDIT_TRIGGER_RULES[String(p.trigger)];
  if (!party || !mapped) return [];
  const detail = p.detail && typeof p.detail === 'object' ? (p.detail as Record<string, unknown>) : {};
  return [
    {
      signal: { kind: `credit.${String(p.trigger)}`, subjectId: party, source: `credit-clue:${eventId}`, at },
      subjectKind: partySubject(p.partyKind),
      evidence: { kind: 'credit_party', id: party, at: at.toISOString() },
      raise: { rule: mapped.rule, risk: mapped.risk, facts: { trigger: p.trigger, ...detail } },
    },
  ];
}

/** A serious violation confirmed by a reviewer is a clue against the merchant and the streamer. */
function fromViolationConfirmed(p: Payload, at: Date): ClueTrigger[] {
  const id = str(p.violationId);
  const severity = num(p.severity, 0);
  const categories = Array.isArray(p.categories) ? p.categories.filter((c): c is string => typeof c === 'string') : [];
  const prohibited = categories.includes('prohibited_goods');
  if (!id || (severity < SERIOUS_SEVERITY && !prohibited)) return [];
  const facts = { severity, categories };
  const risk = severity >= 5 || prohibited ? 3 : 2;
  const out: ClueTrigger[] = [];
  for (const [subjectId, subjectKind] of [
    [str(p.merchantOrgId), 'organization'],
    [str(p.streamerUserId), 'user'],
  ] as const) {
    if (!subjectId) continue;
    out.push({
      signal: { kind: 'violation.serious', subjectId, source: `violation:${id}:${subjectId}`, at },
      subjectKind,
      evidence: { kind: 'violation', id, at: at.toISOString() },
      raise: { rule: 'serious_violation', risk, facts },
    });
  }
  return out;
}

/** 投诉激增: each complaint filed is counted against its merchant; five in seven days raise a clue. */
function fromComplaintFiled(p: Payload, at: Date): ClueTrigger[] {
  const id = str(p.complaintId);
  const merchant = str(p.merchantOrgId);
  if (!id || !merchant) return [];
  return [
    {
      signal: { kind: 'complaint', subjectId: merchant, source: `complaint:${id}`, at },
      subjectKind: 'organization',
      evidence: { kind: 'complaint', id, at: at.toISOString() },
      window: { rule: 'complaint_spike', ...COMPLAINT_SPIKE },
    },
  ];
}

const REPORT_SUBJECTS: Record<string, ClueSubjectKind> = {
  live_session: 'live_session',
  product: 'product',
  organization: 'organization',
  user: 'user',
};
/** Report categories that put people or minors at risk: high. */
const GRAVE_REPORTS: ReadonlySet<string> = new Set(['fraud', 'prohibited_goods', 'minors']);

/** 举报移送: a report the platform referred to the regulator is a clue about what was reported; more reinforce it. */
function fromReportReferred(p: Payload, at: Date): ClueTrigger[] {
  const id = str(p.reportId);
  const subjectKind = REPORT_SUBJECTS[String(p.targetKind)];
  const subjectId = str(p.targetId);
  if (!id || !subjectKind || !subjectId) return [];
  const category = str(p.category) ?? 'other';
  return [
    {
      signal: { kind: 'report', subjectId, source: `report:${id}`, at },
      subjectKind,
      evidence: { kind: 'report', id, at: at.toISOString() },
      raise: {
        rule: 'report',
        risk: GRAVE_REPORTS.has(category) ? 3 : 2,
        facts: { category, outcome: str(p.outcome), anonymous: p.anonymous === true, evidenceCount: num(p.evidenceCount, 0) },
      },
    },
  ];
}

/**
 * A scarcity claim (最后三单, 马上售罄) the screening engine heard in a session: stored as a signal about the session,
 * counted when the session ends against the stock it still had (`probeSession`, 虚假稀缺). Raises nothing by itself.
 */
function fromScreened(p: Payload, at: Date): ClueTrigger[] {
  const id = str(p.screeningEventId);
  const session = str(p.sessionRef);
  const hits = Array.isArray(p.hits) ? p.hits : [];
  const scarcity = hits.some((h) => h && typeof h === 'object' && (h as Record<string, unknown>).category === 'false_scarcity');
  if (!id || !session || !scarcity) return [];
  return [
    {
      signal: { kind: SCARCITY_SIGNAL, subjectId: session, source: `screened:${id}`, at },
      subjectKind: 'live_session',
      evidence: { kind: 'live_session', id: session, at: at.toISOString() },
    },
  ];
}

export const CLUE_FEED: Readonly<Record<string, Feed>> = {
  'compliance.screened': fromScreened,
  'credit.clue_raised': fromCreditClue,
  'reports.report_referred': fromReportReferred,
  'compliance.violation_confirmed': fromViolationConfirmed,
  'disputes.complaint_filed': fromComplaintFiled,
};

/**
 * The department a detector's clue goes to first (联席会议 members, by code): online-information matters to 网信办,
 * the rest — advertising, quality, prices, consumer complaints, credit — to 市场监管局. A department may transfer it.
 */
export function departmentFor(rule: ClueRule, facts: Record<string, unknown>): string {
  const categories = Array.isArray(facts.categories) ? facts.categories : [];
  if (rule === 'serious_violation' && categories.length > 0 && categories.every((c) => c === 'off_platform_diversion')) return 'wxb';
  if (rule === 'report' && facts.category === 'infringement') return 'zscqj';
  return 'scjgj';
}

export const CATEGORY_ZH: Record<string, string> = {
  absolute_claim: '绝对化用语',
  medical_claim: '医疗功效宣称',
  efficacy_guarantee: '保证功效',
  off_platform_diversion: '站外导流',
  fake_review_incentive: '好评返现',
  prohibited_goods: '违禁商品',
  price_fraud: '价格欺诈',
  false_scarcity: '虚假稀缺',
};

export const REPORT_CATEGORY_ZH: Record<string, string> = {
  false_advertising: '虚假宣传',
  prohibited_goods: '违禁商品',
  vulgar: '色情低俗',
  fraud: '诈骗',
  infringement: '侵权',
  minors: '未成年人保护',
  other: '其他',
};

/** What raised a clue, in words (Chinese first). */
export function clueSummary(rule: ClueRule, facts: Record<string, unknown>): { zh: string; en: string } {
  const n = num(facts.count, 0);
  const days = num(facts.windowDays, 30);
  switch (rule) {
    case 'repeat_violation':
      return {
        zh: `${days}天内确认违规 ${n} 次（触发式监管）`,
        en: `${n} confirmed violations within ${days} days (triggered supervision)`,
      };
    case 'serious_violation': {
      const cats = (Array.isArray(facts.categories) ? facts.categories : []).map((c) => CATEGORY_ZH[String(c)] ?? String(c));
      return {
        zh: `确认严重违规：${cats.join('、') || '违规'}（严重程度 ${num(facts.severity, 0)}）`,
        en: `Serious violation confirmed: ${(Array.isArray(facts.categories) ? facts.categories : []).join(', ')} (severity ${num(facts.severity, 0)})`,
      };
    }
    case 'complaint_spike':
      return { zh: `${days}天内收到投诉 ${n} 件（投诉激增）`, en: `${n} complaints within ${days} days (complaint spike)` };
    case 'credit_tier_d':
      return { zh: '信用等级降至 D 级', en: 'Credit tier fell to D' };
    case 'refund_overdue_repeat':
      return { zh: `${days}天内退款超时 ${n} 次`, en: `${n} overdue refunds within ${days} days` };
    case 'report': {
      const category = REPORT_CATEGORY_ZH[String(facts.category)] ?? '其他';
      const outcome = typeof facts.outcome === 'string' && facts.outcome !== '' ? `：${facts.outcome}` : '';
      return {
        zh: `平台移送举报（${category}）${outcome}`,
        en: `A report referred by the platform (${String(facts.category ?? 'other')})${outcome ? `: ${String(facts.outcome)}` : ''}`,
      };
    }
    case 'price_fraud':
      return priceFraudSummary(facts);
    case 'false_scarcity':
      return {
        zh: `直播中 ${num(facts.claims, 0)} 次宣称“最后几件/即将售罄”，下播时仍余 ${num(facts.stockLeft, 0)} 件（售出 ${num(facts.soldUnits, 0)} 件）`,
        en: `Scarcity claimed ${num(facts.claims, 0)} times in the session, yet ${num(facts.stockLeft, 0)} units were left at its end (${num(facts.soldUnits, 0)} sold)`,
      };
    case 'unqualified_category': {
      const missing = (Array.isArray(facts.missing) ? facts.missing : []).map((q) => qualificationName(String(q)).zh);
      return {
        zh: `超范围经营：直播销售的商品所属类目需要${missing.join('、')}，商家开播时未持有有效资质`,
        en: `Selling outside its qualifications: the category requires ${(Array.isArray(facts.missing) ? facts.missing : []).join(', ')}, which the merchant did not hold at the session's start`,
      };
    }
    case 'under_declaration':
      return underDeclarationSummary(facts);
    case 'cross_region': {
      const from = String(facts.sourceRegionName ?? '其他地区');
      const remote =
        facts.remoteSummary && typeof facts.remoteSummary === 'object' ? (facts.remoteSummary as { zh?: unknown; en?: unknown }) : {};
      return {
        zh: `${from}推送的线索：${String(remote.zh ?? '')}`,
        en: `A clue shared by ${String(facts.sourceRegionCode ?? 'another region')}: ${String(remote.en ?? '')}`,
      };
    }
    case 'fake_orders':
      return fakeOrderSummary(facts);
    case 'manual':
      return { zh: String(facts.description ?? '人工录入线索'), en: String(facts.description ?? 'Clue entered by a regulator') };
  }
}

const FAKE_ORDER_LINK: Record<string, { zh: string; en: string }> = {
  shared_device: { zh: '共用设备', en: 'sharing devices' },
  shared_pay_account: { zh: '共用支付账户', en: 'sharing payment accounts' },
  shared_ip_burst: { zh: '同一网络集中下单', en: 'ordering in a burst from one network' },
  shared_address_burst: { zh: '同一收货地址集中下单', en: 'ordering in a burst to one address' },
};

/** 疑似刷单: what linked the ring and how much of the session it bought. */
function fakeOrderSummary(facts: Record<string, unknown>): { zh: string; en: string } {
  const link = FAKE_ORDER_LINK[String(facts.link)] ?? { zh: '关联账户', en: 'linked' };
  const buyers = num(facts.buyers, 0);
  const orders = num(facts.orders, 0);
  const yuan = (num(facts.amountFen, 0) / 100).toFixed(2);
  const refunded = num(facts.refunded, 0);
  const score = num(facts.score, 0).toFixed(2);
  return {
    zh: `疑似刷单：本场直播 ${buyers} 个买家账号${link.zh}，下单 ${orders} 笔共 ¥${yuan}${refunded > 0 ? `，其中 ${refunded} 笔已退款` : ''}（评分 ${score}）`,
    en: `Suspected fake orders: ${buyers} buyer accounts ${link.en} placed ${orders} orders (¥${yuan}) in the session${refunded > 0 ? `, ${refunded} refunded` : ''} (score ${score})`,
  };
}

/** The risk of a window's clue for its count. */
export function windowRisk(count: number, w: { threshold: number; highAt: number }): number {
  return count >= w.highAt ? 3 : count >= w.threshold ? 2 : 1;
}

/** At most this many evidence links are kept on a clue (the newest); the signal count keeps the total. */
export const EVIDENCE_KEPT = 20;
