import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { evaluate, factsRead, mergeDeclared, parseCondition, showValue } from './condition.rules.ts';
import type { Condition, Facts } from './policies.types.ts';

const WAN = 1_000_000; // fen in 万元

const merchantByGmv: Condition = {
  all: [
    { fact: 'orgKind', op: 'eq', value: 'merchant' },
    { fact: 'district', op: 'in', value: ['嘉定区', '浦东新区'] },
    { fact: 'gmv12mFen', op: 'gte', value: 500 * WAN },
    { fact: 'creditTier', op: 'gte', value: 'B' },
  ],
};

function refusal(json: unknown): { path: unknown; problem: unknown } {
  try {
    parseCondition(json);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.code).toBe('policies.bad_condition');
    expect(err.field).toBe('conditions');
    return { path: err.details.path, problem: err.details.problem };
  }
  throw new Error('expected a refusal');
}

describe('parseCondition', () => {
  it('accepts nested all/any with comparisons and lists', () => {
    const c = parseCondition({ any: [merchantByGmv, { fact: 'orgKind', op: 'in', value: ['live_base'] }] });
    expect(factsRead(c).sort()).toEqual(['creditTier', 'district', 'gmv12mFen', 'orgKind']);
  });

  it.each([
    [null, '$'],
    [{ all: [] }, '$.all'],
    [{ all: [{ fact: 'nope', op: 'eq', value: 1 }] }, '$.all[0].fact'],
    [{ fact: 'district', op: 'gte', value: '嘉定区' }, '$.op'],
    [{ fact: 'gmv12mFen', op: 'gte', value: '很多' }, '$.value'],
    [{ fact: 'gmv12mFen', op: 'gte', value: -1 }, '$.value'],
    [{ fact: 'creditTier', op: 'gte', value: 'E' }, '$.value'],
    [{ fact: 'certified', op: 'in', value: [true] }, '$.op'],
    [{ fact: 'district', op: 'in', value: [] }, '$.value'],
    [{ fact: 'district', op: 'eq', value: 'x', extra: 1 }, '$'],
    [{ all: [{ fact: 'district', op: 'eq', value: 'x' }], any: [] }, '$'],
    [
      { all: [{ all: [{ all: [{ all: [{ all: [{ fact: 'district', op: 'eq', value: 'x' }] }] }] }] }] },
      '$.all[0].all[0].all[0].all[0].all[0]',
    ],
  ])('refuses %j at %s', (json, path) => {
    expect(refusal(json).path).toBe(path);
  });

  it('refuses more than 30 leaves', () => {
    const many = { all: Array.from({ length: 31 }, () => ({ fact: 'headcount', op: 'gte', value: 1 })) };
    expect(refusal(many).problem).toContain('30');
  });
});

describe('evaluate', () => {
  const facts: Facts = { orgKind: 'merchant', district: '嘉定区', gmv12mFen: 812 * WAN, creditTier: 'A' };

  it('is eligible when every condition holds, with a reason per condition', () => {
    const e = evaluate(merchantByGmv, facts);
    expect(e.status).toBe('eligible');
    expect(e.missing).toEqual([]);
    expect(e.reasons.map((r) => r.text)).toEqual([
      '主体类型 = 商家 ✓（实际 商家）',
      '所在区 属于 嘉定区、浦东新区 ✓（实际 嘉定区）',
      '近12个月成交额 ≥ 500 万元 ✓（实际 812 万元）',
      '信用等级 ≥ B 级 ✓（实际 A 级）',
    ]);
  });

  it('compares credit tiers by rank (A best)', () => {
    expect(evaluate(merchantByGmv, { ...facts, creditTier: 'C' }).reasons[3]?.outcome).toBe('unmet');
    expect(evaluate({ fact: 'creditTier', op: 'lt', value: 'B' }, { creditTier: 'C' }).status).toBe('eligible');
  });

  it('is nearly eligible when the GMV is within 20 % of the threshold, and says what is missing', () => {
    const e = evaluate(merchantByGmv, { ...facts, gmv12mFen: 420 * WAN });
    expect(e.status).toBe('nearly');
    expect(e.missing).toEqual(['近12个月成交额 ≥ 500 万元 ✗（实际 420 万元）']);
  });

  it('is not eligible when far off, or for a wrong kind', () => {
    expect(evaluate(merchantByGmv, { ...facts, gmv12mFen: 100 * WAN }).status).toBe('not_eligible');
    expect(evaluate(merchantByGmv, { ...facts, orgKind: 'mcn' }).status).toBe('not_eligible');
  });

  it('treats an undeclared self-declared fact as nearly (to declare), and an unknown recorded one as missing', () => {
    const c: Condition = {
      all: [
        { fact: 'orgKind', op: 'eq', value: 'merchant' },
        { fact: 'headcount', op: 'gte', value: 20 },
      ],
    };
    const e = evaluate(c, { orgKind: 'merchant' });
    expect(e.status).toBe('nearly');
    expect(e.reasons[1]).toMatchObject({ outcome: 'unknown', text: '从业人数 ≥ 20 人 ？（待申请时自报）' });
    expect(evaluate({ fact: 'gmv12mFen', op: 'gte', value: 1 }, {}).status).toBe('not_eligible');
  });

  it('marks declared facts 自报', () => {
    const c: Condition = { fact: 'headcount', op: 'gte', value: 20 };
    const e = evaluate(c, { headcount: 35 }, { declared: new Set(['headcount']) });
    expect(e.reasons[0]).toMatchObject({ selfDeclared: true, text: '从业人数 ≥ 20 人 ✓（实际 35 人，自报）' });
  });

  it('any: one branch suffices; failing, it counts once and lists the alternatives', () => {
    const c: Condition = {
      any: [
        { fact: 'orgKind', op: 'eq', value: 'live_base' },
        { fact: 'certifiedProfessionals', op: 'gte', value: 10 },
      ],
    };
    expect(evaluate(c, { orgKind: 'mcn', certifiedProfessionals: 12 }).status).toBe('eligible');
    const e = evaluate(c, { orgKind: 'mcn', certifiedProfessionals: 9 });
    expect(e.status).toBe('nearly');
    expect(e.missing).toHaveLength(1);
    expect(e.missing[0]).toMatch(/^以下任一：/);
  });

  it('ne, not_in, booleans and named values', () => {
    const names = new Map([['b1', '云嘉直播电商产业园']]);
    const c: Condition = {
      all: [
        { fact: 'hostBase', op: 'in', value: ['b1'] },
        { fact: 'certified', op: 'eq', value: true },
        { fact: 'district', op: 'not_in', value: ['静安区'] },
        { fact: 'marketerLevel', op: 'ne', value: '五级' },
      ],
    };
    const e = evaluate(c, { hostBase: 'b1', certified: true, district: '嘉定区', marketerLevel: '三级' }, { names });
    expect(e.status).toBe('eligible');
    expect(e.reasons[0]?.text).toBe('入驻基地 属于 云嘉直播电商产业园 ✓（实际 云嘉直播电商产业园）');
    expect(e.reasons[1]?.text).toBe('已认定/认证 = 是 ✓（实际 是）');
    expect(e.reasons[3]?.text).toBe('互联网营销师等级 ≠ 五级 ✓（实际 三级）');
  });
});

describe('mergeDeclared and showValue', () => {
  it('lets declarations fill only self-declared facts', () => {
    const m = mergeDeclared({ gmv12mFen: 5 }, { gmv12mFen: 999, headcount: 30 });
    expect(m.facts).toEqual({ gmv12mFen: 5, headcount: 30 });
    expect(m.declared).toEqual({ headcount: 30 });
  });

  it('shows money in 万元', () => {
    expect(showValue('gmv12mFen', 8_125_000)).toBe('8.13 万元');
    expect(showValue('gmv12mFen', 500 * WAN)).toBe('500 万元');
    expect(showValue('socialSecurityMonths', 24)).toBe('24 个月');
  });
});
