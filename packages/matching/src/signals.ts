/**
 * Reasons in words (推荐理由): each signal that speaks for a pair, with its contribution to the score, strongest
 * first. Only what is true of the pair is said ("近30天同类目成交前10%", "粉丝女性占78%，与该商品受众一致",
 * "佣金高于同类中位数", "退货率低" …); the non-personalised ranking only states the product's own merits.
 */
import type { MatchingEngine } from './engine.ts';
import { AGE_KEYS, type MatchProduct, type MatchStreamer } from './types.ts';

export type ReasonCode =
  | 'category_top_seller'
  | 'category_affinity'
  | 'declared_category'
  | 'audience_gender'
  | 'audience_age'
  | 'price_band'
  | 'commission_above_median'
  | 'conversion_high'
  | 'returns_low'
  | 'complaints_low'
  | 'merchant_credit'
  | 'similar_streamers'
  | 'own_history'
  | 'cold_start'
  | 'not_personalised';

export interface Reason {
  code: ReasonCode;
  zh: string;
  en: string;
  /** the share of the score it stands for (for ordering; 0 for statements) */
  weight: number;
}

const AGE_ZH: Record<(typeof AGE_KEYS)[number], string> = {
  under18: '18岁以下',
  age18_24: '18–24岁',
  age25_34: '25–34岁',
  age35_44: '35–44岁',
  age45plus: '45岁以上',
};
const pct = (x: number) => Math.round(x * 100);
const yuan = (fen: number) => (fen >= 1000 ? Math.round(fen / 100).toString() : (fen / 100).toFixed(1));

function topAge(a: MatchProduct['audience'] | MatchStreamer['audience']): [(typeof AGE_KEYS)[number], number] | null {
  let best: [(typeof AGE_KEYS)[number], number] | null = null;
  let sum = 0;
  for (const k of AGE_KEYS) sum += a?.[k] ?? 0;
  if (sum <= 0) return null;
  for (const k of AGE_KEYS) {
    const v = (a?.[k] ?? 0) / sum;
    if (!best || v > best[1]) best = [k, v];
  }
  return best;
}

/** Audience reasons: gender and main age group, when the product says whom it is for and the viewers agree. */
export function audienceReasons(s: MatchStreamer, p: MatchProduct, weight: number): Reason[] {
  const out: Reason[] = [];
  const target = p.audience;
  if (!target) return out;
  const sf = s.audience.female;
  const pf = target.female;
  if (sf !== undefined && pf !== undefined) {
    if (pf >= 0.6 && sf >= 0.6)
      out.push({
        code: 'audience_gender',
        zh: `粉丝女性占${pct(sf)}%，与该商品受众一致`,
        en: `${pct(sf)}% of viewers are women, as are its buyers`,
        weight: weight * sf,
      });
    else if (pf <= 0.4 && sf <= 0.4)
      out.push({
        code: 'audience_gender',
        zh: `粉丝男性占${pct(1 - sf)}%，与该商品受众一致`,
        en: `${pct(1 - sf)}% of viewers are men, as are its buyers`,
        weight: weight * (1 - sf),
      });
  }
  const ta = topAge(target);
  const sa = topAge(s.audience);
  if (ta && sa && ta[0] === sa[0] && sa[1] >= 0.3)
    out.push({
      code: 'audience_age',
      zh: `粉丝以${AGE_ZH[sa[0]]}为主（${pct(sa[1])}%），与该商品受众一致`,
      en: `Viewers mostly ${sa[0]} (${pct(sa[1])}%), as are its buyers`,
      weight: weight * sa[1],
    });
  return out;
}

/** The product's own merits against its category (the same for every streamer). */
export function productReasons(e: MatchingEngine, pi: number): Reason[] {
  const out: Reason[] = [];
  const p = e.products[pi] as MatchProduct;
  const st = e.categoryStats[e.pCat[pi] as number]!;
  const w = e.weights;
  const popPct = e.pPopPct[pi] as number;
  if (popPct >= 0.9)
    out.push({
      code: 'category_top_seller',
      zh: '近30天同类目成交前10%',
      en: 'Top 10% of its category by recent sales',
      weight: w.popularity,
    });
  else if (popPct >= 0.7)
    out.push({
      code: 'category_top_seller',
      zh: '近30天同类目成交前30%',
      en: 'Top 30% of its category by recent sales',
      weight: w.popularity * 0.7,
    });
  if (st.medianCommissionBp > 0 && p.commissionBp > st.medianCommissionBp)
    out.push({
      code: 'commission_above_median',
      zh: `佣金高于同类中位数（${(p.commissionBp / 100).toFixed(0)}% 对 ${(st.medianCommissionBp / 100).toFixed(0)}%）`,
      en: 'Commission above the category median',
      weight: w.commission,
    });
  if (p.conversionRate !== undefined && st.medianConversion > 0 && p.conversionRate > st.medianConversion * 1.1)
    out.push({ code: 'conversion_high', zh: '转化率高于同类中位数', en: 'Conversion above the category median', weight: w.conversion });
  if (p.returnRate !== undefined && st.medianReturn > 0 && p.returnRate < st.medianReturn * 0.8)
    out.push({ code: 'returns_low', zh: '退货率低', en: 'Few returns', weight: w.returns });
  if (p.complaintRate !== undefined && st.medianComplaint > 0 && p.complaintRate < st.medianComplaint * 0.8)
    out.push({ code: 'complaints_low', zh: '投诉率低', en: 'Few complaints', weight: w.complaints });
  const tier = e.merchants.get(p.merchant)?.creditTier;
  if (tier === 'A') out.push({ code: 'merchant_credit', zh: '商家信用A级', en: 'Merchant credit tier A', weight: w.credit });
  return out;
}

export function explainPair(e: MatchingEngine, si: number, pi: number, personalised: boolean): Reason[] {
  const out = productReasons(e, pi);
  if (!personalised) {
    out.push({
      code: 'not_personalised',
      zh: '未使用个性化推荐，按商品综合表现排序',
      en: 'Not personalised: ranked by the product’s own record',
      weight: 0,
    });
    return out.sort((a, b) => b.weight - a.weight);
  }
  const s = e.streamers[si] as MatchStreamer;
  const p = e.products[pi] as MatchProduct;
  const w = e.weights;
  const C = e.categories.length;
  const ci = e.pCat[pi] as number;
  const aff = e.sAffinityRaw[si * C + ci] as number;
  const hasHistory = (e.ownPtr[si + 1] as number) > (e.ownPtr[si] as number);
  if (hasHistory && aff >= 0.15)
    out.push({
      code: 'category_affinity',
      zh: `您近期带货以「${p.category}」为主（占${pct(aff)}%）`,
      en: `${pct(aff)}% of your recent activity is in ${p.category}`,
      weight: w.affinity * aff,
    });
  else if (s.categories.includes(p.category))
    out.push({
      code: 'declared_category',
      zh: `属于您的主营类目「${p.category}」`,
      en: `In your declared category ${p.category}`,
      weight: w.affinity * aff,
    });
  out.push(...audienceReasons(s, p, w.audience));
  const inv = e.sPriceInvVar[si] as number;
  if (inv > 0) {
    const mu = e.sPriceMu[si] as number;
    const dx = (e.pLogPrice[pi] as number) - mu;
    if (dx * dx * inv < 0.5) {
      const sd = Math.sqrt(1 / (4 * inv));
      out.push({
        code: 'price_band',
        zh: `价格在您常带的价位内（¥${yuan(Math.exp(mu - sd))}–¥${yuan(Math.exp(mu + sd))}）`,
        en: 'Within your usual price band',
        weight: w.price,
      });
    }
  }
  for (let q = e.ownPtr[si] as number; q < (e.ownPtr[si + 1] as number); q++)
    if (e.ownIdx[q] === pi)
      out.push({
        code: 'own_history',
        zh: '您近期关注或带过该商品',
        en: 'You recently looked at or sold it',
        weight: e.ownVal[q] as number,
      });
  if (e.f > 0) {
    let dot = 0;
    for (let q = 0; q < e.f; q++) dot += (e.sVec[si * e.d + q] as number) * (e.pVec[pi * e.d + q] as number);
    if (!e.pWarm[pi] && e.historyPairs > 0)
      out.push({
        code: 'cold_start',
        zh: '新品：按类目与属性推荐',
        en: 'New product: recommended by category and attributes',
        weight: Math.max(0, dot),
      });
    else if (dot >= 0.2)
      out.push({ code: 'similar_streamers', zh: '与您选品相近的主播也在带', en: 'Streamers with tastes like yours sell it', weight: dot });
  }
  return out.sort((a, b) => b.weight - a.weight);
}
