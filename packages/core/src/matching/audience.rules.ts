/**
 * 观众画像 (the audience, docs/matching.md "Feeding the audience"), pure: a verified consumer's age band (年龄段) from
 * its birth year, the province (行政区划代码) from the region of its default shipping address, the increment one
 * viewer's first join of a session adds to its streamer's aggregate, and each category's buyer profile (the
 * intended audience of its products). Tested in audience.rules.test.ts.
 */
import type { Audience } from '@livehub/matching';
import { chinaDay } from '../shared/china-time.ts';

export type AgeBand = 'under18' | 'age18_24' | 'age25_34' | 'age35_44' | 'age45plus';
export type Gender = 'female' | 'male';

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, { zh: string; en: string }>> = {
  under18: { zh: '未成年', en: 'under 18' },
  age18_24: { zh: '18–24岁', en: '18–24' },
  age25_34: { zh: '25–34岁', en: '25–34' },
  age35_44: { zh: '35–44岁', en: '35–44' },
  age45plus: { zh: '45岁及以上', en: '45 and over' },
};

/**
 * The age reached this year (China time) by someone born in `birthYear`: only the year is kept, so the band can be
 * up to one year ahead for a viewer whose birthday is still to come this year.
 */
export function ageThisYear(birthYear: number, now: Date): number {
  return Number(chinaDay(now).slice(0, 4)) - birthYear;
}

export function ageBand(birthYear: number, now: Date): AgeBand {
  const age = ageThisYear(birthYear, now);
  if (age < 18) return 'under18';
  if (age < 25) return 'age18_24';
  if (age < 35) return 'age25_34';
  if (age < 45) return 'age35_44';
  return 'age45plus';
}

/** 成年: the age from which products sold to adults only (alcohol, tobacco) may be ordered. */
export const ADULT_AGE = 18;

/**
 * Whether a verified consumer born in `birthYear` is certainly 18 or older now (China time). Only the year is kept
 * (ADR 0037), so one who turns 18 this year may not be 18 yet: the gate errs on the minor's side and lets them
 * through from 1 January of the following year (ADR 0041).
 */
export function certainlyAdult(birthYear: number, now: Date): boolean {
  return ageThisYear(birthYear, now) - 1 >= ADULT_AGE;
}

/** A buyer's standing for products sold to adults only. */
export type BuyerAgeStatus = 'adult' | 'minor' | 'unverified';

/**
 * Under this age a verification is refused: the personal information of a child under 14 is sensitive and needs a
 * guardian's consent (个人信息保护法 第二十八条、第三十一条), which this step does not collect.
 */
export const MIN_VERIFY_AGE = 14;

/** Provinces (省级行政区) by the name a region begins with → 行政区划代码. */
const PROVINCES: ReadonlyArray<readonly [string, string]> = [
  ['北京', '110000'],
  ['天津', '120000'],
  ['河北', '130000'],
  ['山西', '140000'],
  ['内蒙古', '150000'],
  ['辽宁', '210000'],
  ['吉林', '220000'],
  ['黑龙江', '230000'],
  ['上海', '310000'],
  ['江苏', '320000'],
  ['浙江', '330000'],
  ['安徽', '340000'],
  ['福建', '350000'],
  ['江西', '360000'],
  ['山东', '370000'],
  ['河南', '410000'],
  ['湖北', '420000'],
  ['湖南', '430000'],
  ['广东', '440000'],
  ['广西', '450000'],
  ['海南', '460000'],
  ['重庆', '500000'],
  ['四川', '510000'],
  ['贵州', '520000'],
  ['云南', '530000'],
  ['西藏', '540000'],
  ['陕西', '610000'],
  ['甘肃', '620000'],
  ['青海', '630000'],
  ['宁夏', '640000'],
  ['新疆', '650000'],
  ['台湾', '710000'],
  ['香港', '810000'],
  ['澳门', '820000'],
];

/** The province code of an address region (「上海市 嘉定区」→ 310000); null when it names none. */
export function provinceCode(region: string | null | undefined): string | null {
  const r = (region ?? '').trim();
  if (!r) return null;
  for (const [name, code] of PROVINCES) if (r.startsWith(name)) return code;
  return null;
}

/** What the audience may know of one viewer: nothing (signed in, not verified), or band, gender and province. */
export interface ViewerFacts {
  /** null: not verified (no consent given) */
  birthYear: number | null;
  gender: Gender | null;
  /** the province code of the default shipping address; null: none */
  province: string | null;
}

/** A viewer as read for the audience: nothing unless verified (the region only of a verified consumer). */
export interface ViewerRecord {
  birthYear: number | null;
  gender: Gender | null;
  /** the region of the default shipping address (「上海市 嘉定区」), never the address itself */
  defaultRegion: string | null;
}

export function viewerFacts(r: ViewerRecord): ViewerFacts {
  const verified = r.birthYear !== null && r.gender !== null;
  return { birthYear: r.birthYear, gender: r.gender, province: verified ? provinceCode(r.defaultRegion) : null };
}

/** One viewer's contribution to its streamer's aggregate (`match_audiences`): counts only, never who. */
export interface AudienceIncrement {
  viewers: 1;
  female: 0 | 1;
  male: 0 | 1;
  band: AgeBand | null;
  province: string | null;
}

/**
 * The increment of one signed-in viewer's first join of a session. An unverified viewer counts as a viewer only:
 * the shares (`audienceShares`) are taken among viewers of known gender and age, so it moves none of them; its
 * province is not counted either (what is counted is what a verified consumer consented to).
 */
export function audienceIncrement(facts: ViewerFacts, now: Date): AudienceIncrement {
  if (facts.birthYear === null || facts.gender === null) return { viewers: 1, female: 0, male: 0, band: null, province: null };
  return {
    viewers: 1,
    female: facts.gender === 'female' ? 1 : 0,
    male: facts.gender === 'male' ? 1 : 0,
    band: ageBand(facts.birthYear, now),
    province: facts.province,
  };
}

/**
 * A session's per-viewer dedupe key: a keyed hash (the vault's blind index) of the session and the viewer, so the
 * short-lived key says neither who watched nor links one viewer's sessions together.
 */
export const audienceSeenKey = (sessionId: string, hashed: string): string => `audience:seen:${sessionId}:${hashed}`;

/** How long a viewer's join of a session is remembered (a re-join within it is not counted again). */
export const AUDIENCE_SEEN_TTL_MS = 24 * 3_600_000;

/**
 * The buyers of each top-level category (their gender and age shares): the intended audience (`MatchProduct.audience`)
 * of its products, from the categories' defaults — the buyer mix of the category in China's live-commerce reports,
 * rounded. A category without an entry says nothing (no audience reason, no audience fit).
 */
export const CATEGORY_BUYERS: Readonly<Record<string, Audience>> = {
  cosmetics: { female: 0.85, age18_24: 0.3, age25_34: 0.45, age35_44: 0.17, age45plus: 0.08 },
  apparel: { female: 0.68, age18_24: 0.28, age25_34: 0.4, age35_44: 0.2, age45plus: 0.12 },
  baby: { female: 0.8, age18_24: 0.08, age25_34: 0.6, age35_44: 0.27, age45plus: 0.05 },
  food: { female: 0.58, age18_24: 0.25, age25_34: 0.38, age35_44: 0.22, age45plus: 0.15 },
  agri: { female: 0.56, age18_24: 0.12, age25_34: 0.3, age35_44: 0.3, age45plus: 0.28 },
  health_food: { female: 0.55, age25_34: 0.2, age35_44: 0.35, age45plus: 0.45 },
  home: { female: 0.64, age18_24: 0.15, age25_34: 0.4, age35_44: 0.28, age45plus: 0.17 },
  electronics: { female: 0.32, age18_24: 0.35, age25_34: 0.4, age35_44: 0.17, age45plus: 0.08 },
  books: { female: 0.6, age18_24: 0.3, age25_34: 0.35, age35_44: 0.25, age45plus: 0.1 },
  handicraft: { female: 0.62, age18_24: 0.15, age25_34: 0.35, age35_44: 0.3, age45plus: 0.2 },
  alcohol: { female: 0.25, age25_34: 0.35, age35_44: 0.35, age45plus: 0.3 },
};

/** The intended audience of a product of `rootCategory` (undefined: the category has no buyer profile). */
export const categoryBuyers = (rootCategory: string): Audience | undefined => CATEGORY_BUYERS[rootCategory];
