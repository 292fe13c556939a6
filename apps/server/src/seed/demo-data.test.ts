import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  DEMO_BASES,
  DEMO_MCNS,
  DEMO_MERCHANTS,
  DEMO_PLATFORM,
  DEMO_PRODUCTS,
  DEMO_REGULATOR,
  DEMO_STREAMERS,
  isValidCreditCode,
} from './demo-data.ts';
import { syntheticMcn, syntheticMerchant, syntheticProduct, syntheticStreamer } from './synthetic-data.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CATEGORIES = ['服饰', '美妆', '食品', '农产品', '家居', '数码', '母婴', '非遗手工艺'];
const DIVISIONS = new Set([
  '310114',
  '310115',
  '310106',
  '310112',
  '310117',
  '310118',
  '310104',
  '310105',
  '310107',
  '310110',
  '310113',
  '310120',
  '510104',
  '510105',
  '510106',
  '510107',
  '510108',
  '510116',
  '510117',
  '510131',
]);

/** Independent GB 11714 check for positions 9-17 of a credit code. */
function orgCodeOk(org9: string): boolean {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    const ch = org9.charAt(k);
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * (w[k] ?? 0);
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return org9.charAt(8) === expected;
}

/** Replace the char at position `pos` with a different alphabet char. */
function corrupt(code: string, pos: number, shift = 1): string {
  const v = ALPHABET.indexOf(code.charAt(pos));
  const replacement = ALPHABET.charAt((v + shift) % ALPHABET.length);
  return code.slice(0, pos) + replacement + code.slice(pos + 1);
}

function expectWellFormedCredit(code: string): void {
  expect(isValidCreditCode(code), code).toBe(true);
  expect(code.slice(0, 2)).toBe('91');
  expect(DIVISIONS.has(code.slice(2, 8)), code).toBe(true);
  expect(orgCodeOk(code.slice(8, 17)), code).toBe(true);
}

describe('GB 32100 credit codes', () => {
  it('accepts a published sample code and computes its check char', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('matches an independent reference implementation, including the 31 → 0 case', () => {
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const reference = (first17: string): string => {
      let sum = 0;
      for (let k = 0; k < 17; k++) sum += ALPHABET.indexOf(first17.charAt(k)) * (weights[k] ?? 0);
      return ALPHABET.charAt((31 - (sum % 31)) % 31);
    };
    let seed = 12345;
    let zeroSeen = false;
    for (let n = 0; n < 2000; n++) {
      let prefix = '';
      for (let k = 0; k < 17; k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        prefix += ALPHABET.charAt((seed >>> 8) % 31);
      }
      const c = creditCodeCheckChar(prefix);
      expect(c).toBe(reference(prefix));
      expect(isValidCreditCode(prefix + c)).toBe(true);
      if (c === '0') zeroSeen = true;
    }
    expect(zeroSeen).toBe(true);
  });

  it('rejects malformed input', () => {
    expect(isValidCreditCode('')).toBe(false);
    expect(isValidCreditCode('91310114134521870')).toBe(false); // 17 chars
    expect(isValidCreditCode('91310114134521870XX')).toBe(false); // 19 chars
    expect(isValidCreditCode('91350100m000100y43')).toBe(false); // lower case
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I not in alphabet
    expect(() => creditCodeCheckChar('123')).toThrow();
    expect(() => creditCodeCheckChar('9135010OM000100Y4')).toThrow(); // letter O
  });

  it('every demo merchant has a valid, well-formed, unique credit code', () => {
    for (const m of DEMO_MERCHANTS) expectWellFormedCredit(m.creditCode);
    expect(new Set(DEMO_MERCHANTS.map((m) => m.creditCode)).size).toBe(DEMO_MERCHANTS.length);
  });

  it('detects any single-character corruption', () => {
    for (const m of DEMO_MERCHANTS) {
      for (let pos = 0; pos < 18; pos++) {
        for (const shift of [1, 7, 30]) {
          expect(isValidCreditCode(corrupt(m.creditCode, pos, shift))).toBe(false);
        }
      }
    }
  });
});

describe('static demo dataset', () => {
  it('has the platform and regulator with the six departments', () => {
    expect(DEMO_PLATFORM.name.length).toBeGreaterThan(0);
    expect(DEMO_REGULATOR.name).toContain('网络市场监管');
    expect(DEMO_REGULATOR.departments.map((d) => d.code)).toEqual(['swc', 'scjgj', 'zscqj', 'hg', 'wxb', 'gaj']);
    expect(DEMO_REGULATOR.departments.map((d) => d.name)).toEqual(['商务委', '市场监管局', '知识产权局', '海关', '网信办', '公安分局']);
  });

  it('has the specified counts', () => {
    expect(DEMO_BASES).toHaveLength(3);
    expect(DEMO_MCNS).toHaveLength(6);
    expect(DEMO_MERCHANTS).toHaveLength(12);
    expect(DEMO_STREAMERS).toHaveLength(16);
    expect(DEMO_STREAMERS.filter((s) => s.virtual)).toHaveLength(2);
    expect(DEMO_PRODUCTS).toHaveLength(60);
  });

  it('has indexes in range and every base / MCN / merchant used', () => {
    for (const m of DEMO_MCNS) {
      expect(Number.isInteger(m.baseIndex)).toBe(true);
      expect(m.baseIndex).toBeGreaterThanOrEqual(0);
      expect(m.baseIndex).toBeLessThan(DEMO_BASES.length);
    }
    for (const s of DEMO_STREAMERS) {
      expect(Number.isInteger(s.mcnIndex)).toBe(true);
      expect(s.mcnIndex).toBeGreaterThanOrEqual(0);
      expect(s.mcnIndex).toBeLessThan(DEMO_MCNS.length);
    }
    for (const p of DEMO_PRODUCTS) {
      expect(Number.isInteger(p.merchantIndex)).toBe(true);
      expect(p.merchantIndex).toBeGreaterThanOrEqual(0);
      expect(p.merchantIndex).toBeLessThan(DEMO_MERCHANTS.length);
    }
    expect(new Set(DEMO_MCNS.map((m) => m.baseIndex)).size).toBe(DEMO_BASES.length);
    expect(new Set(DEMO_STREAMERS.map((s) => s.mcnIndex)).size).toBe(DEMO_MCNS.length);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.merchantIndex)).size).toBe(DEMO_MERCHANTS.length);
  });

  it('has one cross-border product, honestly declared (its list price under the under-declaration threshold)', () => {
    const cross = DEMO_PRODUCTS.filter((p) => p.crossBorder);
    expect(cross).toHaveLength(1);
    const [p] = cross;
    expect(p).toMatchObject({ merchantIndex: 5, crossBorder: { originCountry: 'NZ', importMode: '1210' } });
    expect((p?.priceFen ?? 0) / (p?.crossBorder?.declaredValueFen ?? 1)).toBeLessThan(1.5);
  });

  it('covers all merchant categories and keeps product categories consistent', () => {
    expect(new Set(DEMO_MERCHANTS.map((m) => m.category))).toEqual(new Set(CATEGORIES));
    for (const p of DEMO_PRODUCTS) {
      expect(p.category).toBe(DEMO_MERCHANTS[p.merchantIndex]?.category);
    }
  });

  it('has sane products, streamers and unique names', () => {
    for (const p of DEMO_PRODUCTS) {
      expect(Number.isSafeInteger(p.priceFen)).toBe(true);
      expect(p.priceFen).toBeGreaterThan(0);
      expect(Number.isSafeInteger(p.stock)).toBe(true);
      expect(p.stock).toBeGreaterThan(0);
      expect(p.title.trim()).toBe(p.title);
    }
    for (const s of DEMO_STREAMERS) {
      expect(s.topics.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(s.followers)).toBe(true);
      expect(s.realName.length).toBeGreaterThanOrEqual(2);
    }
    const unique = <T>(xs: T[]): number => new Set(xs).size;
    expect(unique(DEMO_PRODUCTS.map((p) => p.title))).toBe(60);
    expect(unique(DEMO_MERCHANTS.map((m) => m.name))).toBe(12);
    expect(unique(DEMO_MCNS.map((m) => m.name))).toBe(6);
    expect(unique(DEMO_STREAMERS.map((s) => s.displayName))).toBe(16);
    expect(unique(DEMO_BASES.map((b) => b.name))).toBe(3);
  });
});

describe('synthetic generators', () => {
  const N = 10_000;

  it('are deterministic', () => {
    for (const i of [0, 1, 2, 17, 999, 9999, 123_456, 2 ** 40]) {
      expect(syntheticMerchant(i)).toEqual(syntheticMerchant(i));
      expect(syntheticStreamer(i, 7)).toEqual(syntheticStreamer(i, 7));
      expect(syntheticProduct(i, 13)).toEqual(syntheticProduct(i, 13));
      expect(syntheticMcn(i, 3)).toEqual(syntheticMcn(i, 3));
    }
    // pinned values guard against accidental changes to the generators (which would reshuffle scale data)
    expect(syntheticMerchant(42)).toEqual({
      name: '上海美域美容用品有限公司',
      district: '普陀区',
      category: '美妆',
      creditCode: '91310107MA1F9WXB92',
    });
    expect(syntheticStreamer(42, 5)).toEqual({
      displayName: '老陈玩科技',
      realName: '高诗涵',
      mcnIndex: 2,
      topics: ['数码'],
      followers: 92273,
      virtual: false,
    });
    expect(syntheticProduct(42, 9)).toEqual({
      merchantIndex: 6,
      title: '316不锈钢保温杯 380ml 燕麦色',
      category: '家居',
      priceFen: 12900,
      stock: 294,
    });
    expect(syntheticMcn(42, 3)).toEqual({ name: '上海鑫宸数字科技有限公司', district: '杨浦区', baseIndex: 0 });
  });

  it('produce valid credit codes and unique merchant names and codes for i in 0..9999', () => {
    const names = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < N; i++) {
      const m = syntheticMerchant(i);
      expectWellFormedCredit(m.creditCode);
      expect(CATEGORIES).toContain(m.category);
      expect(m.name.endsWith('有限公司')).toBe(true);
      names.add(m.name);
      codes.add(m.creditCode);
    }
    expect(names.size).toBe(N);
    expect(codes.size).toBe(N);
  });

  it('keep merchant names unique past the first name cycle', () => {
    const names = new Set<string>();
    for (let i = 17_990; i < 18_010; i++) names.add(syntheticMerchant(i).name);
    for (let i = 0; i < 10; i++) names.add(syntheticMerchant(i).name);
    expect(names.size).toBe(30);
  });

  it('produce streamers with in-range MCN indexes and unique display names', () => {
    const names = new Set<string>();
    let virtual = 0;
    for (let i = 0; i < N; i++) {
      const s = syntheticStreamer(i, 6);
      expect(s.mcnIndex).toBeGreaterThanOrEqual(0);
      expect(s.mcnIndex).toBeLessThan(6);
      expect(s.topics.length).toBeGreaterThan(0);
      expect(Number.isSafeInteger(s.followers)).toBe(true);
      expect(s.followers).toBeGreaterThanOrEqual(1000);
      names.add(s.displayName);
      if (s.virtual) virtual++;
    }
    expect(names.size).toBe(N);
    expect(virtual).toBeGreaterThan(0);
    expect(virtual).toBeLessThan(N / 5);
  });

  it('produce products matching their synthetic merchant category with integer prices', () => {
    for (let i = 0; i < 2000; i++) {
      const p = syntheticProduct(i, 37);
      expect(p.merchantIndex).toBeGreaterThanOrEqual(0);
      expect(p.merchantIndex).toBeLessThan(37);
      expect(p.category).toBe(syntheticMerchant(p.merchantIndex).category);
      expect(Number.isSafeInteger(p.priceFen)).toBe(true);
      expect(p.priceFen).toBeGreaterThan(0);
      expect(p.priceFen % 100).toBe(0);
      expect(Number.isSafeInteger(p.stock)).toBe(true);
      expect(p.stock).toBeGreaterThan(0);
    }
  });

  it('produce MCNs with in-range base indexes', () => {
    for (let i = 0; i < 1000; i++) {
      const m = syntheticMcn(i, 3);
      expect(m.baseIndex).toBeGreaterThanOrEqual(0);
      expect(m.baseIndex).toBeLessThan(3);
      expect(m.name.endsWith('有限公司')).toBe(true);
    }
  });

  it('reject invalid arguments', () => {
    expect(() => syntheticMerchant(-1)).toThrow(RangeError);
    expect(() => syntheticMerchant(1.5)).toThrow(RangeError);
    expect(() => syntheticStreamer(0, 0)).toThrow(RangeError);
    expect(() => syntheticProduct(0, 0)).toThrow(RangeError);
    expect(() => syntheticMcn(0, -2)).toThrow(RangeError);
  });
});
