import { describe, expect, it } from 'vitest';
import { brandKey, contentChanged, crossBorderFields, referenceWindow, strictestRule } from './catalog.rules.ts';
import type { CategoryRecord, ProductRecord } from './catalog.types.ts';

const at = new Date('2025-01-08T00:00:00Z');
const cat = (id: string, over: Partial<CategoryRecord> = {}): CategoryRecord => ({
  id,
  parentId: null,
  nameZh: id,
  nameEn: id,
  screenAs: `screen-${id}`,
  liveRule: 'allowed',
  requiredQualifications: [],
  requiredDisclaimer: null,
  noReasonReturn: true,
  basis: null,
  sort: 0,
  updatedAt: at,
  ...over,
});

describe('catalog rules', () => {
  it('folds brand names by width, case and spaces', () => {
    expect(brandKey('Ａｂｃ  Tea')).toBe('abctea');
    expect(brandKey('ABC tea')).toBe(brandKey('abctea'));
  });

  it('takes the strictest live rule along a category path, every qualification and the deepest statement', () => {
    const rule = strictestRule([
      cat('food', { liveRule: 'restricted', requiredQualifications: ['food_licence'] }),
      cat('health', { requiredQualifications: ['health_food_registration'], requiredDisclaimer: '本品不能代替药物' }),
    ]);
    expect(rule.liveRule).toBe('restricted');
    expect(rule.ruleFrom?.id).toBe('food');
    expect(rule.qualifications).toEqual(['food_licence', 'health_food_registration']);
    expect(rule.disclaimer).toBe('本品不能代替药物');
    expect(rule.screenAs).toBe('screen-health');
    expect(strictestRule([cat('a'), cat('b', { liveRule: 'prohibited' })]).ruleFrom?.id).toBe('b');
    expect(strictestRule([]).screenAs).toBe('other');
  });

  it('sends a product back to review only when reviewed content changes', () => {
    const p = { title: 'A', claims: ['x'], sampleStock: 1 } as unknown as ProductRecord;
    expect(contentChanged(p, { title: 'B' })).toBe(true);
    expect(contentChanged(p, { claims: ['x'] })).toBe(false);
    expect(contentChanged(p, { sampleStock: 9 })).toBe(false);
  });

  it('keeps a cross-border declaration whole, and a changed one is reviewed content (跨境)', () => {
    const declared = crossBorderFields({ declaredValueFen: 12_000, originCountry: 'JP', importMode: '1210' });
    expect(declared).toEqual({ crossBorder: true, declaredValueFen: 12_000, originCountry: 'JP', importMode: '1210' });
    expect(crossBorderFields(null)).toEqual({ crossBorder: false, declaredValueFen: null, originCountry: null, importMode: null });
    const p = { title: 'A', ...declared } as unknown as ProductRecord;
    expect(contentChanged(p, crossBorderFields({ declaredValueFen: 6_000, originCountry: 'JP', importMode: '1210' }))).toBe(true);
    expect(contentChanged(p, crossBorderFields(null))).toBe(true);
    expect(contentChanged(p, declared)).toBe(false);
  });

  it('looks at the 7 days before a moment for the lowest price', () => {
    const w = referenceWindow(at);
    expect(w.to).toBe(at);
    expect(at.getTime() - w.from.getTime()).toBe(7 * 86_400_000);
  });
});
