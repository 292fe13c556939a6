import { describe, expect, it } from 'vitest';
import {
  ageBand,
  ageThisYear,
  certainlyAdult,
  audienceIncrement,
  audienceSeenKey,
  categoryBuyers,
  provinceCode,
  viewerFacts,
} from './audience.rules.ts';
import { audienceShares, toEngineInput } from './matching.rules.ts';
import type { MatchAudienceCounts, MatchSnapshot } from './matching.types.ts';

// 2026-12-31 20:00 UTC is already 2027-01-01 in China
const newYearCst = new Date('2026-12-31T20:00:00Z');
const mid2026 = new Date('2026-06-15T12:00:00Z');

describe('age band (年龄段) from the birth year', () => {
  it('is the age reached this year, in China time', () => {
    expect(ageThisYear(2000, mid2026)).toBe(26);
    expect(ageThisYear(2000, newYearCst)).toBe(27);
  });

  it('puts each age in its band, with the edges where they belong', () => {
    const band = (age: number) => ageBand(2026 - age, mid2026);
    expect(band(14)).toBe('under18');
    expect(band(17)).toBe('under18');
    expect(band(18)).toBe('age18_24');
    expect(band(24)).toBe('age18_24');
    expect(band(25)).toBe('age25_34');
    expect(band(34)).toBe('age25_34');
    expect(band(35)).toBe('age35_44');
    expect(band(44)).toBe('age35_44');
    expect(band(45)).toBe('age45plus');
    expect(band(80)).toBe('age45plus');
  });

  it('moves a viewer born in 2009 out of 未成年 at the China new year, not at the UTC one', () => {
    expect(ageBand(2009, new Date('2026-12-31T15:59:00Z'))).toBe('under18');
    expect(ageBand(2009, new Date('2026-12-31T16:00:00Z'))).toBe('age18_24');
  });
});

describe('certainly adult (限成年人购买) from the birth year', () => {
  it('is 18 reached by the end of last year: one turning 18 this year waits for the China new year', () => {
    expect(certainlyAdult(2007, mid2026)).toBe(true); // 19 this year: 18 whatever the birthday
    expect(certainlyAdult(2008, mid2026)).toBe(false); // 18 this year: maybe not yet
    expect(certainlyAdult(2010, mid2026)).toBe(false);
    expect(certainlyAdult(2008, new Date('2026-12-31T15:59:00Z'))).toBe(false);
    expect(certainlyAdult(2008, new Date('2026-12-31T16:00:00Z'))).toBe(true);
  });
});

describe('province (行政区划代码) from the default address region', () => {
  it('reads the province a region begins with', () => {
    expect(provinceCode('上海市 嘉定区')).toBe('310000');
    expect(provinceCode('江苏省 苏州市')).toBe('320000');
    expect(provinceCode('内蒙古自治区 呼和浩特市')).toBe('150000');
    expect(provinceCode('香港特别行政区')).toBe('810000');
    expect(provinceCode('  广东省深圳市')).toBe('440000');
  });

  it('says nothing for a region it does not know or none', () => {
    expect(provinceCode('火星 基地')).toBeNull();
    expect(provinceCode('')).toBeNull();
    expect(provinceCode(null)).toBeNull();
  });
});

describe('one viewer’s increment of the aggregate', () => {
  it('a verified viewer adds its band, gender and province', () => {
    const inc = audienceIncrement(viewerFacts({ birthYear: 1998, gender: 'female', defaultRegion: '浙江省 杭州市' }), mid2026);
    expect(inc).toEqual({ viewers: 1, female: 1, male: 0, band: 'age25_34', province: '330000' });
    const minor = audienceIncrement(viewerFacts({ birthYear: 2010, gender: 'male', defaultRegion: null }), mid2026);
    expect(minor).toEqual({ viewers: 1, female: 0, male: 1, band: 'under18', province: null });
  });

  it('an unverified viewer is a viewer only: no gender, no age, not even its address’s province', () => {
    const inc = audienceIncrement(viewerFacts({ birthYear: null, gender: null, defaultRegion: '上海市 徐汇区' }), mid2026);
    expect(inc).toEqual({ viewers: 1, female: 0, male: 0, band: null, province: null });
  });

  it('unverified viewers move no share: the shares are among viewers of known gender and age', () => {
    const counts: MatchAudienceCounts = {
      viewers: 25,
      female: 20,
      male: 5,
      under18: 5,
      age18_24: 5,
      age25_34: 10,
      age35_44: 5,
      age45plus: 0,
      regions: {},
    };
    const before = audienceShares(counts);
    const after = audienceShares({ ...counts, viewers: counts.viewers + 100 });
    expect(after).toEqual(before);
    expect(before.female).toBeCloseTo(0.8);
    expect(before.under18).toBeCloseTo(0.2);
  });

  it('the dedupe key names the session and a hash, never the user id', () => {
    expect(audienceSeenKey('s1', 'abc')).toBe('audience:seen:s1:abc');
  });
});

describe('products’ intended audience (category buyer profiles)', () => {
  it('cosmetics are bought mostly by women; an unknown category says nothing', () => {
    expect(categoryBuyers('cosmetics')?.female).toBeGreaterThanOrEqual(0.6);
    expect(categoryBuyers('nope')).toBeUndefined();
  });

  it('the engine input carries the buyer profile of the product’s top category (alcohol by its screening)', () => {
    const snap: MatchSnapshot = {
      products: [
        {
          id: 'p1',
          merchantOrgId: 'm',
          categoryId: 'cosmetics.skincare',
          status: 'approved',
          minPriceFen: 100,
          referencePriceFen: null,
          stock: 10,
          sampleAvailable: false,
          sampleStock: 0,
          salesCount: 0,
          plans: [{ type: 'open', commissionBp: 1000, partners: [] }],
        },
        {
          id: 'p2',
          merchantOrgId: 'm',
          categoryId: 'food.tea',
          status: 'approved',
          minPriceFen: 100,
          referencePriceFen: null,
          stock: 10,
          sampleAvailable: false,
          sampleStock: 0,
          salesCount: 0,
          plans: [{ type: 'open', commissionBp: 1000, partners: [] }],
        },
      ],
      categories: [
        { id: 'cosmetics.skincare', parentId: 'cosmetics', liveRule: 'allowed', screenAs: 'cosmetics', nameZh: '护肤', nameEn: 'Skincare' },
        { id: 'food.tea', parentId: 'food', liveRule: 'allowed', screenAs: 'alcohol', nameZh: '酒', nameEn: 'Wine' },
      ],
      streamers: [],
      merchants: [],
      history: [],
    };
    const { catalog } = toEngineInput(snap, () => undefined, mid2026);
    expect(catalog.products[0]?.audience).toEqual(categoryBuyers('cosmetics'));
    expect(catalog.products[1]?.audience).toEqual(categoryBuyers('alcohol'));
    expect(catalog.products[1]?.adultOnly).toBe(true);
  });
});
