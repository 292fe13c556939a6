/**
 * The mapping from the records of the source contexts to the engine's input (pure): which hard constraint each
 * field feeds, the categories a streamer works in, the plan a product is offered under, and the trained model's
 * factors carried over to a fresh catalogue. Tested in matching.rules.test.ts.
 */
import {
  AGE_KEYS,
  type Audience,
  type CreditTier,
  type Factors,
  type Interaction,
  type MatchCatalog,
  type MatchingEngine,
  type MatchMerchant,
  type MatchProduct,
  type MatchStreamer,
  type Violation,
} from '@livehub/matching';
import { ADULT_ONLY_SCREENS } from '../catalog/index.ts';
import { categoryBuyers } from './audience.rules.ts';
import type { MatchAudienceCounts, MatchPoolProductRecord, MatchSnapshot } from './matching.types.ts';

/** Professional licences a streamer needs to sell a category (网络直播营销管理办法: 医疗、药品 need a qualified host). */
export const STREAMER_LICENCES_BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  drug: ['medicine'],
  medical_device: ['medicine'],
};

export const LICENCE_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  medicine: { zh: '医疗卫生职业资格', en: 'medical professional licence' },
  finance: { zh: '财经金融职业资格', en: 'finance professional licence' },
  law: { zh: '法律职业资格', en: 'legal professional licence' },
  education: { zh: '教师资格', en: 'teaching licence' },
};

/** A streamer's declared topics (free words at registration) → the licensed topic they stand for. */
const TOPIC_LICENCE: Readonly<Record<string, string>> = {
  medicine: 'medicine',
  医疗卫生: 'medicine',
  医疗: 'medicine',
  医药: 'medicine',
  健康科普: 'medicine',
  finance: 'finance',
  财经金融: 'finance',
  law: 'law',
  法律: 'law',
  education: 'education',
  教育: 'education',
};

/** A streamer's declared topics → the category (root) they declare (cold start). */
const TOPIC_CATEGORY: Readonly<Record<string, string>> = {
  服饰: 'apparel',
  穿搭: 'apparel',
  女装: 'apparel',
  男装: 'apparel',
  鞋靴: 'apparel',
  家居: 'home',
  收纳: 'home',
  家纺: 'home',
  非遗手工艺: 'handicraft',
  手工艺: 'handicraft',
  嘉定竹刻: 'handicraft',
  农产品: 'agri',
  助农: 'agri',
  美食: 'food',
  食品: 'food',
  零食: 'food',
  美妆: 'cosmetics',
  护肤: 'cosmetics',
  彩妆: 'cosmetics',
  数码: 'electronics',
  家电: 'electronics',
  母婴: 'baby',
  玩具: 'baby',
  图书: 'books',
  阅读: 'books',
  保健: 'health_food',
  医疗卫生: 'drug',
  医药: 'drug',
};

export interface PartyStanding {
  tier: CreditTier;
  /** credit measure codes in force (e.g. `no_selection`) */
  measures: readonly string[];
}

/** The engine ranks by the top-level category (a streamer's history and declared categories are at that level). */
export const rootCategory = (id: string): string => id.split('.')[0] ?? id;

export function topicCategories(topics: readonly string[]): string[] {
  return [...new Set(topics.map((t) => TOPIC_CATEGORY[t.trim()]).filter((c): c is string => c !== undefined))];
}

export function streamerLicences(topics: readonly string[], professionalLicence: boolean): string[] {
  if (!professionalLicence) return [];
  return [...new Set(topics.map((t) => TOPIC_LICENCE[t.trim()]).filter((l): l is string => l !== undefined))];
}

/**
 * The plan the engine sees: one open plan makes the product open to all (at the best open commission); otherwise
 * the named partners of its targeted and exclusive plans (a streamer's id or an MCN's id), exclusive if any is.
 */
export function poolPlan(plans: MatchPoolProductRecord['plans']): { plan: NonNullable<MatchProduct['plan']>; commissionBp: number } {
  const open = plans.filter((p) => p.type === 'open');
  if (open.length > 0) return { plan: { type: 'open', partners: [] }, commissionBp: Math.max(...open.map((p) => p.commissionBp)) };
  const partners = [...new Set(plans.flatMap((p) => p.partners.map((x) => x.id)))];
  const type = plans.some((p) => p.type === 'exclusive') ? 'exclusive' : 'targeted';
  return { plan: { type, partners }, commissionBp: plans.length > 0 ? Math.max(...plans.map((p) => p.commissionBp)) : 0 };
}

const DAY = 86_400_000;

/** The engine's catalogue and history from a snapshot of the source tables and the parties' credit standing. */
export function toEngineInput(
  snap: MatchSnapshot,
  standing: (partyId: string) => PartyStanding | undefined,
  now: Date,
): { catalog: MatchCatalog; history: Interaction[] } {
  const cats = new Map(snap.categories.map((c) => [c.id, c]));
  const gmv30 = new Map<string, number>();
  for (const h of snap.history)
    if (h.kind === 'sale' && h.at.getTime() > now.getTime() - 30 * DAY)
      gmv30.set(h.productId, (gmv30.get(h.productId) ?? 0) + (h.gmvFen ?? 0));

  const products: MatchProduct[] = snap.products.map((r) => {
    const cat = cats.get(r.categoryId) ?? (r.categoryId.includes('.') ? cats.get(rootCategory(r.categoryId)) : undefined);
    const root = rootCategory(r.categoryId);
    const { plan, commissionBp } = poolPlan(r.plans);
    // the intended buyers: the category's buyer profile (an alcohol category by its screening, whatever its id)
    const audience = categoryBuyers(ADULT_ONLY_SCREENS.has(cat?.screenAs ?? '') ? (cat?.screenAs as string) : root);
    return {
      id: r.id,
      category: root,
      merchant: r.merchantOrgId,
      priceFen: Math.max(1, r.minPriceFen ?? r.referencePriceFen ?? 1),
      commissionBp,
      status: r.status,
      liveRule: cat?.liveRule ?? 'allowed',
      requiredLicences: STREAMER_LICENCES_BY_CATEGORY[root] ?? [],
      adultOnly: ADULT_ONLY_SCREENS.has(cat?.screenAs ?? '') || ADULT_ONLY_SCREENS.has(root),
      stock: r.stock,
      sampleAvailable: r.sampleAvailable && r.sampleStock > 0,
      plan,
      ...(audience ? { audience } : {}),
      gmv30dFen: gmv30.get(r.id) ?? 0,
    };
  });

  const streamers: MatchStreamer[] = snap.streamers.map((r) => {
    const st = standing(r.userId);
    const categories = [...new Set([...r.pastCategories.map(rootCategory), ...topicCategories(r.topics)])];
    return {
      id: r.userId,
      categories,
      // the stored aggregate audience; none (or too few viewers of known age / gender): neither favoured
      audience: audienceShares(r.audience),
      certified: r.status === 'certified' && (r.certifiedUntil === null || r.certifiedUntil > now),
      licences: streamerLicences(r.topics, r.professionalLicence),
      ...(r.mcnOrgId ? { mcn: r.mcnOrgId } : {}),
      expectedUnits: Math.round(r.avgUnitsPerSessionProduct),
      ...(st ? { creditTier: st.tier, measures: st.measures } : {}),
    };
  });

  const merchants: MatchMerchant[] = snap.merchants.map((r) => {
    const st = standing(r.orgId);
    return { id: r.orgId, admitted: r.status === 'admitted', ...(st ? { creditTier: st.tier, measures: st.measures } : {}) };
  });

  const history: Interaction[] = snap.history.map((h) => ({
    streamer: h.streamerUserId,
    product: h.productId,
    kind: h.kind,
    at: h.at.getTime(),
    ...(h.gmvFen !== undefined ? { gmvFen: h.gmvFen } : {}),
  }));
  return { catalog: { products, streamers, merchants }, history };
}

/** Fewer viewers of known gender (or age) than this say nothing about the audience's gender (or age). */
export const MIN_AUDIENCE_VIEWERS = 20;

/**
 * The engine's audience (shares 0–1) from the aggregate counts: the female share among viewers of known gender, the
 * age bands among viewers of known age (under18 = 未成年, which the minors rule reads). Too few known: left out.
 */
export function audienceShares(c: MatchAudienceCounts | null): Audience {
  if (!c) return {};
  const out: Audience = {};
  const gendered = c.female + c.male;
  if (gendered >= MIN_AUDIENCE_VIEWERS) out.female = c.female / gendered;
  const aged = c.under18 + c.age18_24 + c.age25_34 + c.age35_44 + c.age45plus;
  if (aged >= MIN_AUDIENCE_VIEWERS)
    for (const k of AGE_KEYS) {
      out[k] = c[k] / aged;
    }
  return out;
}

/** The regions most of the audience watches from, largest first, with their shares. */
export function topRegions(c: MatchAudienceCounts | null, n = 3): Array<{ region: string; share: number }> {
  if (!c) return [];
  const total = Object.values(c.regions).reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  return Object.entries(c.regions)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([region, k]) => ({ region, share: k / total }));
}

/** The learned factors of a trained engine, by id, so that a later catalogue (with new parties) can reuse them. */
export interface TrainedFactors {
  dim: number;
  streamers: Map<string, Float32Array>;
  products: Map<string, Float32Array>;
}

export function extractFactors(e: MatchingEngine): TrainedFactors {
  const f = e.f;
  const scale = e.weights.learned === 0 ? 1 : e.weights.learned;
  const streamers = new Map<string, Float32Array>();
  const products = new Map<string, Float32Array>();
  e.streamers.forEach((s, j) => {
    const v = new Float32Array(f);
    for (let q = 0; q < f; q++) v[q] = (e.sVec[j * e.d + q] as number) / scale;
    streamers.set(s.id, v);
  });
  e.products.forEach((p, i) => {
    products.set(p.id, e.pVec.slice(i * e.d, i * e.d + f));
  });
  return { dim: f, streamers, products };
}

/** The factors for a catalogue in its order; a party the model has not seen gets zeros (ranked by signals). */
export function factorsFor(model: TrainedFactors | null, catalog: MatchCatalog): Factors {
  if (!model || model.dim === 0) return { dim: 0, rows: new Float32Array(0), cols: new Float32Array(0) };
  const f = model.dim;
  const rows = new Float32Array(catalog.streamers.length * f);
  const cols = new Float32Array(catalog.products.length * f);
  catalog.streamers.forEach((s, j) => {
    const v = model.streamers.get(s.id);
    if (v) rows.set(v, j * f);
  });
  catalog.products.forEach((p, i) => {
    const v = model.products.get(p.id);
    if (v) cols.set(v, i * f);
  });
  return { dim: f, rows, cols };
}

/** A constraint in words, with licence codes named (缺少该类目所需资质：医疗卫生职业资格). */
export function describeViolation(v: Violation, product: MatchProduct | undefined): { code: string; zh: string; en: string } {
  if (v.code === 'licence_missing' && product) {
    const names = (product.requiredLicences ?? []).map((l) => LICENCE_LABELS[l] ?? { zh: l, en: l });
    return {
      code: v.code,
      zh: `缺少该类目所需资质：${names.map((n) => n.zh).join('、')}`,
      en: `Missing licence(s) for the category: ${names.map((n) => n.en).join(', ')}`,
    };
  }
  return { code: v.code, zh: v.zh, en: v.en };
}

export const NOT_IN_POOL = {
  code: 'not_in_pool',
  zh: '该商品当前没有进行中的佣金计划，未进入选品池',
  en: 'The product has no running commission plan: it is not in the selection pool',
} as const;

/** The engine's reasons name categories by id (「cosmetics」): put the category's Chinese name in their place. */
export function nameCategories(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/「([a-z_.]+)」/g, (all, id: string) => {
    const n = names.get(id);
    return n ? `「${n}」` : all;
  });
}

/** A reason the engine words to the streamer (您…), reworded for the merchant looking at the streamer (该主播…). */
export function thirdPerson(zh: string): string {
  return zh.replaceAll('您的', '其').replaceAll('您', '该主播');
}

/** The same for the English wording, where the engine names the category bare ("… is in cosmetics"). */
export function nameCategoriesEn(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/\b(in|category) ([a-z_]+(?:\.[a-z_]+)?)\b/g, (all, lead: string, id: string) => {
    const n = names.get(id);
    return n ? `${lead} ${n}` : all;
  });
}
