import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CATALOGUE, errorMessage } from '../errors.ts';
import { canonicalJson } from './hash.ts';
import { maskAddress, maskIdNumber, maskOrgName, maskPersonName, maskPhone } from './masking.ts';

describe('masking', () => {
  it('masks phones, ID numbers and addresses', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskAddress('上海市嘉定区安亭镇墨玉南路888号')).toBe('上海市嘉定区***********');
    expect(maskPhone('123')).toBe('***');
  });

  it('masks people’s and organizations’ names for the public credit query', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧**娜');
    expect(maskPersonName('王')).toBe('*');
    expect(maskOrgName('上海美域美容用品有限公司')).toBe('上海******有限公司');
    expect(maskOrgName('老陈数码')).toBe('老**码');
    expect(maskOrgName(`上海${'很'.repeat(30)}有限公司`)).toBe('上海********有限公司');
  });
});

describe('error catalogue', () => {
  it('has a Chinese and an English message for every code, with the same placeholders', () => {
    for (const [code, def] of Object.entries(ERROR_CATALOGUE)) {
      expect(def.zh.length, code).toBeGreaterThan(0);
      expect(def.en.length, code).toBeGreaterThan(0);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(def.zh), code).toEqual(ph(def.en));
      expect(/[\u4e00-\u9fff]/.test(def.zh), `${code} zh is Chinese`).toBe(true);
    }
  });

  it('fills placeholders from details', () => {
    expect(errorMessage('auth.rate_limited', 'zh-CN', { seconds: 900 })).toContain('900 秒');
    expect(errorMessage('auth.rate_limited', 'en-US', { seconds: 30 })).toBe('Too many attempts, try again in 30 seconds');
    // a bilingual detail is told in the caller's language
    const measure = { zh: '暂停参加秒杀活动', en: 'no flash sales' };
    expect(errorMessage('credit.measure_applies', 'zh-CN', { tier: 'D', measure })).toBe('信用等级为 D，已被采取措施：暂停参加秒杀活动');
    expect(errorMessage('credit.measure_applies', 'en-US', { tier: 'D', measure })).toBe(
      'Credit tier D: the measure "no flash sales" applies',
    );
    const e = new AppError('org.name_taken', { field: 'name' });
    expect(e.kind).toBe('conflict');
    expect(e.field).toBe('name');
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
});
