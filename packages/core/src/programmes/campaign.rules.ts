/**
 * 活动与节庆 — the pure rules: a campaign's dates, its states, when enrolment is open, and the automatic review of a
 * product or a live session against the campaign's rules (each violated rule one reason, in Chinese).
 */
import type {
  CampaignInput,
  CampaignPartyFacts,
  CampaignProductFacts,
  CampaignRecord,
  CampaignSessionFacts,
  CampaignStatus,
  CreditTierName,
} from './campaign.types.ts';

export type CampaignAction = 'publish' | 'start' | 'end' | 'cancel' | 'edit';

/** draft → published (enrolment open) → running → ended; draft, published and running may be cancelled */
const MOVES: Record<CampaignAction, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
  edit: { from: ['draft'], to: 'draft' },
  publish: { from: ['draft'], to: 'published' },
  start: { from: ['published'], to: 'running' },
  end: { from: ['running'], to: 'ended' },
  cancel: { from: ['draft', 'published', 'running'], to: 'cancelled' },
};

/** the status after `action`, or null when the campaign's status does not allow it */
export function campaignMove(status: CampaignStatus, action: CampaignAction): CampaignStatus | null {
  const m = MOVES[action];
  return m.from.includes(status) ? m.to : null;
}

/** the first problem with a campaign's dates and rules as `{ code, field }`, or null */
export function campaignInputProblem(
  input: CampaignInput,
  now: Date,
): {
  code: 'campaigns.ends_before_start' | 'campaigns.bad_deadline' | 'campaigns.in_past' | 'campaigns.cap_category';
  field: string;
} | null {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) return { code: 'campaigns.ends_before_start', field: 'endsAt' };
  if (input.endsAt.getTime() <= now.getTime()) return { code: 'campaigns.in_past', field: 'endsAt' };
  if (input.enrolDeadline.getTime() > input.endsAt.getTime() || input.enrolDeadline.getTime() <= now.getTime())
    return { code: 'campaigns.bad_deadline', field: 'enrolDeadline' };
  const cap = input.rules.priceCap;
  if (cap.kind === 'fixed' && input.categoryIds.length > 0) {
    const i = cap.caps.findIndex((c) => !input.categoryIds.includes(c.categoryId));
    if (i >= 0) return { code: 'campaigns.cap_category', field: `rules.priceCap.caps.${i}.categoryId` };
  }
  return null;
}

/** whether a party may enrol now: the campaign is published or running and its deadline has not passed */
export function enrolmentOpen(c: Pick<CampaignRecord, 'status' | 'enrolDeadline'>, now: Date): boolean {
  return (c.status === 'published' || c.status === 'running') && now.getTime() <= c.enrolDeadline.getTime();
}

/** the statuses the periodic tick moves to at `now` (published → running at the start, running → ended at the end) */
export function dueMove(c: Pick<CampaignRecord, 'status' | 'startsAt' | 'endsAt'>, now: Date): CampaignStatus | null {
  if (c.status === 'published' && now.getTime() >= c.startsAt.getTime()) return now.getTime() >= c.endsAt.getTime() ? 'ended' : 'running';
  if (c.status === 'running' && now.getTime() >= c.endsAt.getTime()) return 'ended';
  return null;
}

const TIER_RANK: Record<CreditTierName, number> = { A: 0, B: 1, C: 2, D: 3 };
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

type Scope = Pick<CampaignRecord, 'districts' | 'rules' | 'organiserKind' | 'organiserOrgId'>;

function partyReasons(c: Scope, party: CampaignPartyFacts, who: '商家' | '主播'): string[] {
  const out: string[] = [];
  if (c.organiserKind === 'live_base' && party.hostBaseId !== c.organiserOrgId) out.push(`${who}不是本基地入驻的${who}`);
  if (c.districts.length > 0 && !(party.district && c.districts.includes(party.district)))
    out.push(`${who}所在区（${party.district ?? '未登记'}）不在活动区域（${c.districts.join('、')}）内`);
  if (c.rules.minCreditTier && TIER_RANK[party.creditTier] > TIER_RANK[c.rules.minCreditTier])
    out.push(`${who}信用等级 ${party.creditTier} 低于活动要求的 ${c.rules.minCreditTier} 级`);
  if (c.rules.requireCertified && !party.certified)
    out.push(who === '商家' ? '商家资质未通过认证，暂不能上架商品' : '主播未通过认证或当前不可开播');
  return out;
}

/** Why a product may not enrol (empty = it passes), each violated rule one Chinese reason. */
export function productReasons(
  c: Scope & Pick<CampaignRecord, 'categoryIds'>,
  product: CampaignProductFacts,
  merchant: CampaignPartyFacts,
  cardLabel: string | null,
): string[] {
  const out: string[] = [];
  if (!product.approved) out.push('商品未通过审核或已下架');
  if (c.categoryIds.length > 0 && !product.categoryPath.some((id) => c.categoryIds.includes(id)))
    out.push(`商品类目（${product.categoryName}）不在活动类目内`);
  const cap = c.rules.priceCap;
  if (cap.kind === 'lowest_7d') {
    for (const s of product.skus)
      if (s.lowest7dFen !== null && s.priceFen > s.lowest7dFen)
        out.push(`规格「${s.name}」现价 ${yuan(s.priceFen)} 高于近 7 日最低价 ${yuan(s.lowest7dFen)}`);
  } else if (cap.kind === 'fixed') {
    const rule = product.categoryPath.map((id) => cap.caps.find((x) => x.categoryId === id)).find(Boolean);
    if (rule)
      for (const s of product.skus)
        if (s.priceFen > rule.maxFen) out.push(`规格「${s.name}」价格 ${yuan(s.priceFen)} 超过本类目活动限价 ${yuan(rule.maxFen)}`);
  }
  if (c.rules.requiredLabel && !(cardLabel ?? '').includes(c.rules.requiredLabel)) out.push(`商品卡须标注「${c.rules.requiredLabel}」`);
  out.push(...partyReasons(c, merchant, '商家'));
  return out;
}

/** Why a live session may not enrol (empty = it passes). */
export function sessionReasons(
  c: Scope & Pick<CampaignRecord, 'startsAt' | 'endsAt'>,
  session: Pick<CampaignSessionFacts, 'status' | 'scheduledAt'>,
  streamer: CampaignPartyFacts,
): string[] {
  const out: string[] = [];
  if (session.status !== 'scheduled') out.push('只能报名尚未开播的直播场次');
  const at = session.scheduledAt.getTime();
  if (at < c.startsAt.getTime() || at >= c.endsAt.getTime()) out.push('直播场次的计划开播时间不在活动期间内');
  out.push(...partyReasons(c, streamer, '主播'));
  return out;
}

/** What a passing product's review checked, for the organiser to read. */
export function productChecks(c: Pick<CampaignRecord, 'categoryIds' | 'districts' | 'rules'>): string[] {
  const out = ['商品已通过审核'];
  if (c.categoryIds.length > 0) out.push('类目符合');
  if (c.rules.priceCap.kind === 'lowest_7d') out.push('价格不高于近 7 日最低价');
  if (c.rules.priceCap.kind === 'fixed') out.push('价格不超过类目限价');
  if (c.rules.requiredLabel) out.push(`商品卡已标注「${c.rules.requiredLabel}」`);
  return [...out, ...partyChecks(c)];
}

export function sessionChecks(c: Pick<CampaignRecord, 'districts' | 'rules'>): string[] {
  return ['场次待开播', '开播时间在活动期间内', ...partyChecks(c)];
}

function partyChecks(c: Pick<CampaignRecord, 'districts' | 'rules'>): string[] {
  const out: string[] = [];
  if (c.districts.length > 0) out.push('所在区符合');
  if (c.rules.minCreditTier) out.push(`信用等级不低于 ${c.rules.minCreditTier}`);
  if (c.rules.requireCertified) out.push('已通过认证');
  return out;
}
