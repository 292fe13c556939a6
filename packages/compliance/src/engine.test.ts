/**
 * Engine behaviour on a small inline pack: each normalization, variants, exemptions, context, detectors, offsets
 * back into the original text, and bad input that must not crash it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScreeningEngine } from './engine.ts';
import { parseRulePack, RulePackError } from './rule-pack.ts';

const basis = { law: '中华人民共和国广告法', article: '第九条第（三）项', summaryZh: '不得使用绝对化用语', summaryEn: 'No absolute terms' };
const explain = { zh: '使用了“{matched}”', en: 'Used “{matched}”' };

const pack = parseRulePack({
  id: 'test-pack',
  version: '2026.11.1',
  publishedAt: '2026-11-21',
  homophones: { 微: ['薇', '威'], 信: ['芯'], 最: ['醉'] },
  globalExemptions: [],
  rules: [
    {
      id: 'ABS-001',
      category: 'absolute_claim',
      severity: 3,
      action: 'review',
      basis,
      explain,
      terms: ['最好', '第一', '全网最低价'],
      variants: true,
      exemptions: ['第一次', '第一个'],
    },
    {
      id: 'DIV-001',
      category: 'off_platform_diversion',
      severity: 3,
      action: 'block',
      basis,
      explain,
      terms: ['微信', '加微'],
      variants: true,
      extraVariants: ['v信', 'vx'],
    },
    {
      id: 'DIV-002',
      category: 'off_platform_diversion',
      severity: 3,
      action: 'block',
      basis,
      explain,
      terms: ['企鹅'],
      requiresContext: { anyOf: ['加', '号'], window: 3 },
    },
    { id: 'DIV-003', category: 'off_platform_diversion', severity: 4, action: 'block', basis, explain, detector: 'phone_number' },
    { id: 'DIV-004', category: 'off_platform_diversion', severity: 3, action: 'block', basis, explain, detector: 'contact_id' },
    {
      id: 'MED-001',
      category: 'medical_claim',
      severity: 4,
      action: 'block',
      basis,
      explain,
      terms: ['治疗', '降血糖'],
      appliesTo: { exceptProductCategories: ['drug', 'medical_device'] },
    },
    { id: 'EFF-001', category: 'efficacy_guarantee', severity: 3, action: 'review', basis, explain, detector: 'n_days_effect' },
    { id: 'EFF-002', category: 'efficacy_guarantee', severity: 3, action: 'review', basis, explain, detector: 'percent_effective' },
    {
      id: 'PRO-001',
      category: 'prohibited_goods',
      severity: 4,
      action: 'block',
      basis,
      explain,
      terms: ['电子烟', '象牙'],
      exemptions: ['象牙白'],
    },
    { id: 'SCA-001', category: 'false_scarcity', severity: 2, action: 'review', basis, explain, detector: 'scarcity_claim' },
    { id: 'PRC-001', category: 'price_fraud', severity: 3, action: 'review', basis, explain, detector: 'reference_price' },
    { id: 'PRC-002', category: 'price_fraud', severity: 2, action: 'review', basis, explain, detector: 'gift_value' },
    { id: 'MED-002', category: 'medical_claim', severity: 3, action: 'review', basis, explain, detector: 'health_food_disclaimer' },
  ],
});
const engine = ScreeningEngine.compile(pack);
const rules = (text: string, extra: object = {}) => engine.screen({ text, ...extra }).hits.map((h) => h.rule);

describe('normalization catches evasions', () => {
  it.each([
    ['plain', '这是最好的面霜', 'ABS-001', '最好'],
    ['inserted symbols', '这是最.好的面霜', 'ABS-001', '最.好'],
    ['emoji and spaces', '这是最❤️ 好的', 'ABS-001', '最❤️ 好'],
    ['traditional', '全網最低價', 'ABS-001', '全網最低價'],
    ['full-width', '加ＶＸ领券', 'DIV-001', 'ＶＸ'],
    ['math letters', '加𝐕𝐗领券', 'DIV-001', '𝐕𝐗'],
    ['pinyin', '加我weixin', 'DIV-001', 'weixin'],
    ['spaced pinyin', '加我 wei xin 哦', 'DIV-001', 'wei xin'],
    ['initials', '有事 wx 聊', 'DIV-001', 'wx'],
    ['mixed pinyin', '加我wei信', 'DIV-001', 'wei信'],
    ['homophone', '加我薇芯', 'DIV-001', '薇芯'],
    ['explicit variant', '加v信', 'DIV-001', 'v信'],
    ['pinyin absolute', '这个zui好', 'ABS-001', 'zui好'],
  ])('%s', (_name, text, rule, matched) => {
    const hit = engine.screen({ text }).hits.find((h) => h.rule === rule);
    expect(hit, text).toBeDefined();
    expect(hit?.matched).toBe(matched);
    expect(text.slice(hit?.start, hit?.end)).toBe(matched);
  });

  it('maps offsets back through surrogate pairs and expansions', () => {
    const text = '😀😀这是最好的';
    const [hit] = engine.screen({ text }).hits;
    expect(hit).toMatchObject({ start: 6, end: 8, matched: '最好', normalized: '最好' });
  });
});

describe('exemptions and context', () => {
  it('does not hit an exempted word containing a term', () => {
    expect(rules('第一次来直播间')).toEqual([]);
    expect(rules('第一个链接')).toEqual([]);
    expect(rules('销量第一')).toEqual(['ABS-001']);
    expect(rules('象牙白的大衣')).toEqual([]);
    expect(rules('象牙手镯')).toEqual(['PRO-001']);
  });

  it('requires a cue for ambiguous slang', () => {
    expect(rules('企鹅很可爱')).toEqual([]);
    expect(rules('加企鹅')).toEqual(['DIV-002']);
  });

  it('keeps Latin spellings to whole words', () => {
    expect(rules('vxe plugin')).toEqual([]);
    expect(rules('我的vx')).toEqual(['DIV-001']);
  });

  it('applies medical rules except to drugs and medical devices', () => {
    expect(rules('能治疗失眠', { productCategory: 'food' })).toEqual(['MED-001']);
    expect(rules('能治疗失眠')).toEqual(['MED-001']);
    expect(rules('能治疗失眠', { productCategory: 'medical_device' })).toEqual([]);
  });
});

describe('detectors', () => {
  it('finds phone numbers written any way', () => {
    for (const t of [
      '打13800138000',
      '电话 138 0013 8000',
      '一三八零零一三八零零零',
      '壹叁捌零零壹叁捌零零零',
      '１３８００１３８０００',
      '1-3-8-0-0-1-3-8-0-0-0',
    ]) {
      expect(rules(t), t).toContain('DIV-003');
    }
    expect(rules('价格是138元，库存13800件')).not.toContain('DIV-003');
  });

  it('finds contact ids after a cue, not prices', () => {
    expect(rules('vx: lily_8888')).toContain('DIV-004');
    expect(rules('qq 12345678')).toContain('DIV-004');
    expect(rules('今天199元')).not.toContain('DIV-004');
  });

  it('finds N-days and percentage guarantees', () => {
    expect(rules('三天见效')).toContain('EFF-001');
    expect(rules('7天瘦10斤')).toContain('EFF-001');
    expect(rules('百分之百有效')).toContain('EFF-002');
    expect(rules('100%有效')).toContain('EFF-002');
    expect(rules('三天内发货')).toEqual([]);
  });

  it('finds the N-days forms whose link words the anchors once missed, and places each hit exactly', () => {
    for (const said of ['3天之内瘦10斤', '两个月之内就能白', '一个疗程即可降', '五天内就瘦了', '十天保证掉'])
      expect(rules(`今天跟大家聊聊，${said}`), said).toContain('EFF-001');
    const hit = engine.screen({ text: '家人们，坚持吃12周之内就能瘦，真的' }).hits.find((h) => h.rule === 'EFF-001');
    expect(hit?.matched).toBe('12周之内就能瘦');
    // a long number before the unit is walked back over, not cut at the window
    expect(engine.screen({ text: '吃了123456789012天见效' }).hits.find((h) => h.rule === 'EFF-001')?.matched).toBe('123456789012天见效');
  });

  it('tries contact, percentage and scarcity patterns at every anchor, several in one text', () => {
    const found = engine
      .screen({ text: '最后三单了，vx: lily_8888，百分之百有效，还剩两件，qq 12345678' })
      .hits.map((h) => `${h.rule}:${h.matched}`);
    expect(found).toEqual(expect.arrayContaining(['SCA-001:最后三单', 'EFF-002:百分之百有效', 'SCA-001:还剩两件']));
    expect(found.filter((f) => f.startsWith('DIV-004'))).toHaveLength(2);
  });

  it('judges scarcity against stock when the card has it', () => {
    expect(rules('最后三单了')).toContain('SCA-001');
    expect(rules('最后三单了', { card: { stockLeft: 5000 } })).toContain('SCA-001');
    expect(rules('最后三单了', { card: { stockLeft: 3 } })).not.toContain('SCA-001');
    expect(rules('最后一个问题')).toEqual([]);
  });

  it('compares a card’s reference price with the 7-day low and gift values with their price', () => {
    expect(
      rules('原价299今天99', { kind: 'product_copy', card: { priceFen: 9900, referencePriceFen: 29900, lowest7dPriceFen: 12900 } }),
    ).toContain('PRC-001');
    expect(
      rules('原价299今天99', { kind: 'product_copy', card: { priceFen: 9900, referencePriceFen: 12900, lowest7dPriceFen: 12900 } }),
    ).not.toContain('PRC-001');
    expect(rules('送价值199元的赠品', { card: { giftValueFen: 19900, giftCurrentPriceFen: 5900 } })).toContain('PRC-002');
  });

  it('requires the health-food disclaimer on health-food product copy', () => {
    expect(rules('增强免疫力的蛋白粉', { kind: 'product_copy', productCategory: 'health_food' })).toContain('MED-002');
    expect(rules('蛋白粉。本品不能代替药物', { kind: 'product_copy', productCategory: 'health_food' })).not.toContain('MED-002');
  });
});

describe('decisions and bad input', () => {
  it('decides by the strongest action', () => {
    expect(engine.screen({ text: '很好的衣服' }).decision).toBe('allow');
    expect(engine.screen({ text: '最好的衣服' }).decision).toBe('review');
    expect(engine.screen({ text: '最好的衣服加微信' }).decision).toBe('block');
  });

  it('handles empty, huge, control and broken text', () => {
    expect(engine.screen({ text: '' })).toEqual({ decision: 'allow', hits: [] });
    const big = '好'.repeat(1_000_000) + '最好';
    expect(engine.screen({ text: big }).hits[0]).toMatchObject({ start: 1_000_000, end: 1_000_002 });
    expect(rules('最\u0000\u0007好')).toEqual(['ABS-001']);
    expect(rules('最\ud800好')).toEqual(['ABS-001']);
    expect(rules('\udfff\ud800')).toEqual([]);
  });

  it('never throws and returns offsets inside the text, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('最', '好', '微', '信', ' ', '.', '1', '3', '8', 'v', 'x', '😀', '\ud800', '０') }),
        (text) => {
          const r = engine.screen({ text });
          for (const h of r.hits) {
            expect(h.start).toBeGreaterThanOrEqual(0);
            expect(h.end).toBeLessThanOrEqual(text.length);
            expect(h.start).toBeLessThan(h.end);
            expect(text.slice(h.start, h.end)).toBe(h.matched);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('rule pack validation', () => {
  it('names the rule and the field at fault', () => {
    const bad = {
      id: 'test-pack',
      version: '2026.1.1',
      publishedAt: '2026-01-01',
      rules: [{ ...pack.rules[0], id: 'ABS-009', severity: 9 }],
    };
    expect(() => parseRulePack(bad)).toThrow(RulePackError);
    try {
      parseRulePack(bad);
    } catch (e) {
      expect(e).toMatchObject({ ruleId: 'ABS-009', field: 'severity' });
    }
    expect(() => parseRulePack({ ...bad, rules: [pack.rules[0], pack.rules[0]] })).toThrow(/duplicate rule id/);
    expect(() => parseRulePack({ ...bad, rules: [{ ...pack.rules[0], terms: [] }] })).toThrow(/terms or a detector/);
  });
});
