/**
 * Hard constraints (硬约束): a product a streamer may not sell is never recommended to them. `violations` is the
 * reference check, one pair at a time, with the reason in words (it is also the "why not" for a product the
 * streamer searched for). The engine compiles the same rules into typed arrays for its fast path and filters on them
 * before any ranking, so no score can outweigh a constraint.
 */
import type { MatchMerchant, MatchProduct, MatchStreamer } from './types.ts';

/** A young audience: at least this share of viewers under 18 rules out adult-only products (alcohol, tobacco …). */
export const MINOR_SHARE_LIMIT = 0.05;
/** Credit measures that bar a party from the selection center. */
export const BARRING_MEASURES = ['no_selection'] as const;

export type ConstraintCode =
  | 'streamer_not_certified'
  | 'streamer_barred'
  | 'licence_missing'
  | 'product_not_approved'
  | 'category_prohibited'
  | 'merchant_not_admitted'
  | 'merchant_barred'
  | 'plan_not_open'
  | 'stock_short'
  | 'no_sample'
  | 'audience_restricted';

export interface Violation {
  code: ConstraintCode;
  zh: string;
  en: string;
}

const barred = (measures: readonly string[] | undefined, tier: string | undefined) =>
  tier === 'D' || (measures ?? []).some((m) => (BARRING_MEASURES as readonly string[]).includes(m));

/** Whether a streamer may take products at all (certification, credit measures). */
export function streamerViolations(s: MatchStreamer): Violation[] {
  const out: Violation[] = [];
  if (s.certified === false)
    out.push({ code: 'streamer_not_certified', zh: '主播认证未通过或已失效', en: 'Streamer certification not in force' });
  if (barred(s.measures, s.creditTier))
    out.push({ code: 'streamer_barred', zh: '信用措施：暂停选品中心使用', en: 'Credit measure: no access to the selection center' });
  return out;
}

/** Whether a product may be offered to anyone (review state, category rule, merchant admission and measures). */
export function productViolations(p: MatchProduct, merchant: MatchMerchant | undefined): Violation[] {
  const out: Violation[] = [];
  if ((p.status ?? 'approved') !== 'approved')
    out.push({ code: 'product_not_approved', zh: '商品未通过审核或已下架', en: 'Product not approved or delisted' });
  if (p.liveRule === 'prohibited') out.push({ code: 'category_prohibited', zh: '该类目禁止直播销售', en: 'Category may not be sold live' });
  if (!merchant?.admitted)
    out.push({ code: 'merchant_not_admitted', zh: '商家未入驻或已暂停经营', en: 'Merchant not admitted or suspended' });
  else if (barred(merchant.measures, merchant.creditTier))
    out.push({ code: 'merchant_barred', zh: '商家受信用措施限制，暂停选品', en: 'Merchant barred from selection by a credit measure' });
  return out;
}

/** Every reason this streamer may not take this product (empty: allowed). */
export function violations(s: MatchStreamer, p: MatchProduct, merchant: MatchMerchant | undefined): Violation[] {
  const out = [...streamerViolations(s), ...productViolations(p, merchant)];
  out.push(...pairViolations(s, p));
  return out;
}

/** The constraints that depend on both sides. */
export function pairViolations(s: MatchStreamer, p: MatchProduct): Violation[] {
  const out: Violation[] = [];
  const held = new Set(s.licences ?? []);
  const missing = (p.requiredLicences ?? []).filter((l) => !held.has(l));
  if (missing.length > 0)
    out.push({ code: 'licence_missing', zh: `缺少该类目所需资质：${missing.join('、')}`, en: `Missing licence(s): ${missing.join(', ')}` });
  const plan = p.plan ?? { type: 'open', partners: [] };
  if (plan.type !== 'open' && !plan.partners.includes(s.id) && !(s.mcn !== undefined && plan.partners.includes(s.mcn)))
    out.push({
      code: 'plan_not_open',
      zh: plan.type === 'exclusive' ? '该商品为独家合作，未向您开放' : '该商品为定向计划，未向您开放',
      en: plan.type === 'exclusive' ? 'Exclusive plan with another partner' : 'Targeted plan not open to you',
    });
  if (p.stock !== undefined && p.stock < (s.expectedUnits ?? 0))
    out.push({
      code: 'stock_short',
      zh: `库存 ${p.stock} 件，低于您一场的预计销量 ${s.expectedUnits} 件`,
      en: `Stock ${p.stock} below your expected ${s.expectedUnits} units`,
    });
  if (s.requiresSample && !p.sampleAvailable) out.push({ code: 'no_sample', zh: '该商品暂无样品可寄', en: 'No sample available' });
  if (p.adultOnly && (s.audience.under18 ?? 0) >= MINOR_SHARE_LIMIT)
    out.push({
      code: 'audience_restricted',
      zh: `该商品限成年人购买，而您的观众中未成年人占${Math.round((s.audience.under18 ?? 0) * 100)}%`,
      en: 'Adult-only product and a young audience',
    });
  return out;
}

export const isAllowed = (s: MatchStreamer, p: MatchProduct, merchant: MatchMerchant | undefined) =>
  violations(s, p, merchant).length === 0;
