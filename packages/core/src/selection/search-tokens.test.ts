/**
 * Search tokens: whatever part of a title a streamer types — a run of two or more Chinese characters, a word, a
 * number — finds the title; folding makes full-width, traditional and upper-case input find it too.
 */
import { foldForSearch } from '@livehub/compliance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTokens, queryTokens } from './search-tokens.ts';

const found = (title: string, q: string) => {
  const doc = new Set(documentTokens(title));
  const need = queryTokens(q);
  return need.length > 0 && need.every((t) => doc.has(t));
};

describe('search tokens', () => {
  it('finds typical selection-square queries', () => {
    expect(queryTokens('保温杯 316')).toEqual(['保温', '温杯', '316']);
    expect(found('316不锈钢真空保温杯 大容量 500ml', '保温杯 316')).toBe(true);
    expect(found('双面羊毛大衣 女 中长款', '羊毛 大衣')).toBe(true);
    expect(found('316L医用级内胆 保温杯', '316')).toBe(true);
    expect(found('500ml 曜石黑', 'ml')).toBe(true);
    expect(found('纯棉重磅T恤', '纯棉 t恤')).toBe(true);
    expect(found('杯', '杯')).toBe(true);
  });

  it('folds full-width, traditional Chinese and case', () => {
    expect(found('316不锈钢保温杯', '保溫杯 ３１６')).toBe(true);
    expect(found('iPhone 手机壳', 'IPHONE')).toBe(true);
  });

  it('does not match across what is not there', () => {
    expect(found('316不锈钢保温杯', '保温壶')).toBe(false);
    expect(found('羊毛大衣', '羊绒')).toBe(false);
    expect(found('羊毛大衣', '304')).toBe(false);
    expect(queryTokens('  ！！ ')).toEqual([]);
  });

  it('any Chinese substring of two or more characters finds its text (property)', () => {
    // Chinese numerals fold to digits on both sides (三件套 = 3件套); they are left out here because a run of them
    // becomes a number, which matches as a whole word.
    const cjk = fc
      .integer({ min: 0x4e00, max: 0x9fa5 })
      .map((c) => String.fromCharCode(c))
      .filter((c) => /^[\u4e00-\u9fa5]$/.test(foldForSearch(c)));
    const text = fc
      .array(fc.oneof(cjk, cjk, cjk, fc.constantFrom(' ', '5', '0', 'm', 'l')), { minLength: 2, maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const runs = t.match(/[\u4e00-\u9fa5]{2,}/g) ?? [];
        if (runs.length === 0) return;
        const run = runs[a % runs.length] as string;
        const start = a % (run.length - 1);
        const len = 2 + (b % (run.length - start - 1));
        expect(found(t, run.slice(start, start + len))).toBe(true);
      }),
    );
  });
});
