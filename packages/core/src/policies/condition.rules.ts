/**
 * The policy condition language and its pure engine. A condition is JSON: `{ all: [...] }`, `{ any: [...] }` or a
 * leaf `{ fact, op, value }` comparing one of the facts below. `parseCondition` refuses what does not parse (unknown
 * fact, an operator the fact's type does not allow, a value of the wrong type, too deep or too large);
 * `evaluate` gives the verdict with one Chinese reason per leaf — 近12个月成交额 ≥ 500 万元 ✓（实际 812 万元） — and
 * what is missing. No I/O.
 */
import { AppError } from '../errors.ts';
import type { ConditionOp, Condition, ConditionReason, Eligibility, FactKey, Facts, FactValue } from './policies.types.ts';

type FactType = 'money' | 'count' | 'years' | 'tier' | 'text' | 'bool';

interface FactDef {
  label: string;
  type: FactType;
  /** not held by LiveHub: declared by the applicant on application (自报) */
  selfDeclared: boolean;
  /** words for the values of a text fact */
  values?: Record<string, string>;
}

export const ORG_KIND_LABELS: Record<string, string> = {
  merchant: '商家',
  mcn: 'MCN 机构',
  live_base: '直播基地',
  service_provider: '服务机构',
  streamer: '主播',
};

export const FACTS: Record<FactKey, FactDef> = {
  orgKind: { label: '主体类型', type: 'text', selfDeclared: false, values: ORG_KIND_LABELS },
  district: { label: '所在区', type: 'text', selfDeclared: false },
  hostBase: { label: '入驻基地', type: 'text', selfDeclared: false },
  certified: { label: '已认定/认证', type: 'bool', selfDeclared: false },
  gmv12mFen: { label: '近12个月成交额', type: 'money', selfDeclared: false },
  revenueFen: { label: '上年度营业收入', type: 'money', selfDeclared: true },
  headcount: { label: '从业人数', type: 'count', selfDeclared: true },
  certifiedProfessionals: { label: '持证直播人才数', type: 'count', selfDeclared: false },
  creditTier: { label: '信用等级', type: 'tier', selfDeclared: false },
  yearsSinceAdmission: { label: '入驻年限', type: 'years', selfDeclared: false },
  marketerLevel: { label: '互联网营销师等级', type: 'text', selfDeclared: false },
  socialSecurityMonths: { label: '本市社保缴纳月数', type: 'count', selfDeclared: true },
};

export const FACT_KEYS = Object.keys(FACTS) as FactKey[];
/** The facts an applicant declares (自报) on application. */
export const SELF_DECLARED_FACTS: readonly FactKey[] = FACT_KEYS.filter((k) => FACTS[k].selfDeclared);

const ORDERED: ReadonlySet<FactType> = new Set(['money', 'count', 'years', 'tier']);
const OPS: Record<ConditionOp, string> = { eq: '=', ne: '≠', gte: '≥', gt: '>', lte: '≤', lt: '<', in: '属于', not_in: '不属于' };
const TIER_RANK: Record<string, number> = { A: 4, B: 3, C: 2, D: 1 };
const MAX_DEPTH = 5;
const MAX_LEAVES = 30;
/** a numeric condition missed by no more than this share counts as "nearly" met */
const NEAR_SHARE = 0.2;

function bad(path: string, problem: string): never {
  throw new AppError('policies.bad_condition', { field: 'conditions', details: { path, problem } });
}

function checkScalar(def: FactDef, v: unknown, path: string): FactValue {
  if (def.type === 'bool') {
    if (typeof v !== 'boolean') bad(path, '需要是/否');
    return v;
  }
  if (def.type === 'tier') {
    if (typeof v !== 'string' || !(v in TIER_RANK)) bad(path, '信用等级须为 A/B/C/D');
    return v;
  }
  if (def.type === 'text') {
    if (typeof v !== 'string' || v.length === 0 || v.length > 100) bad(path, '需要文字');
    return v;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad(path, '需要非负数');
  return v;
}

/** Validates untrusted JSON as a condition; throws `policies.bad_condition` (field `conditions`) naming where. */
export function parseCondition(json: unknown): Condition {
  let leaves = 0;
  const walk = (n: unknown, path: string, depth: number): Condition => {
    if (depth > MAX_DEPTH) bad(path, `嵌套超过 ${MAX_DEPTH} 层`);
    if (!n || typeof n !== 'object' || Array.isArray(n)) bad(path, '需要条件对象');
    const o = n as Record<string, unknown>;
    const keys = Object.keys(o);
    for (const group of ['all', 'any'] as const) {
      if (group in o) {
        if (keys.length !== 1) bad(path, `${group} 不能与其他键并列`);
        const list = o[group];
        if (!Array.isArray(list) || list.length === 0) bad(`${path}.${group}`, '需要至少一个条件');
        const children = list.map((c, i) => walk(c, `${path}.${group}[${i}]`, depth + 1));
        return group === 'all' ? { all: children } : { any: children };
      }
    }
    if (keys.some((k) => !['fact', 'op', 'value'].includes(k))) bad(path, '未知的键');
    const fact = o.fact;
    if (typeof fact !== 'string' || !(fact in FACTS)) bad(`${path}.fact`, '未知的条件项');
    const def = FACTS[fact as FactKey];
    const op = o.op;
    if (typeof op !== 'string' || !(op in OPS)) bad(`${path}.op`, '未知的比较方式');
    if ((op === 'in' || op === 'not_in') && def.type === 'bool') bad(`${path}.op`, '是/否条件不能用列表');
    if (['gte', 'gt', 'lte', 'lt'].includes(op) && !ORDERED.has(def.type)) bad(`${path}.op`, `「${def.label}」不能比较大小`);
    leaves++;
    if (leaves > MAX_LEAVES) bad(path, `条件超过 ${MAX_LEAVES} 项`);
    if (op === 'in' || op === 'not_in') {
      if (!Array.isArray(o.value) || o.value.length === 0 || o.value.length > 50) bad(`${path}.value`, '需要非空列表');
      return { fact: fact as FactKey, op, value: o.value.map((v, i) => checkScalar(def, v, `${path}.value[${i}]`)) };
    }
    return { fact: fact as FactKey, op: op as ConditionOp, value: checkScalar(def, o.value, `${path}.value`) };
  };
  return walk(json, '$', 1);
}

/** A value in words: money in 万元, years, counts, tiers, a text fact's label or the name looked up. */
export function showValue(fact: FactKey, v: FactValue, names?: ReadonlyMap<string, string>): string {
  const def = FACTS[fact];
  switch (def.type) {
    case 'money': {
      const wan = Number(v) / 1_000_000;
      return `${Number.isInteger(wan) ? wan : wan.toFixed(wan >= 100 ? 0 : 2).replace(/\.?0+$/, '')} 万元`;
    }
    case 'count':
      return fact === 'socialSecurityMonths' ? `${v} 个月` : `${v} 人`;
    case 'years':
      return `${v} 年`;
    case 'bool':
      return v ? '是' : '否';
    case 'tier':
      return `${v} 级`;
    default:
      return def.values?.[String(v)] ?? names?.get(String(v)) ?? String(v);
  }
}

function compare(fact: FactKey, op: ConditionOp, actual: FactValue, want: FactValue | FactValue[]): boolean {
  const rank = (x: FactValue) => (FACTS[fact].type === 'tier' ? (TIER_RANK[String(x)] ?? 0) : Number(x));
  switch (op) {
    case 'eq':
      return actual === want;
    case 'ne':
      return actual !== want;
    case 'in':
      return Array.isArray(want) && want.includes(actual);
    case 'not_in':
      return Array.isArray(want) && !want.includes(actual);
    case 'gte':
      return rank(actual) >= rank(want as FactValue);
    case 'gt':
      return rank(actual) > rank(want as FactValue);
    case 'lte':
      return rank(actual) <= rank(want as FactValue);
    case 'lt':
      return rank(actual) < rank(want as FactValue);
  }
}

interface Verdict {
  ok: boolean;
  near: boolean;
  failures: number;
  reasons: ConditionReason[];
  missing: string[];
}

/**
 * The verdict of `cond` on `facts`. `declared` names the facts the applicant declared (自报), marked so in the
 * reasons. Eligible: the condition holds. Nearly: it does not, but at most two leaves (or `any` groups) fail and each
 * failure is a fact not yet declared or a numeric one within 20 % of its threshold. Otherwise not eligible.
 */
export function evaluate(
  cond: Condition,
  facts: Facts,
  opts: { declared?: ReadonlySet<FactKey>; names?: ReadonlyMap<string, string> } = {},
): Eligibility {
  const walk = (n: Condition): Verdict => {
    if ('all' in n) {
      const vs = n.all.map(walk);
      const ok = vs.every((v) => v.ok);
      return {
        ok,
        near: !ok && vs.filter((v) => !v.ok).every((v) => v.near),
        failures: vs.reduce((s, v) => s + v.failures, 0),
        reasons: vs.flatMap((v) => v.reasons),
        missing: vs.flatMap((v) => v.missing),
      };
    }
    if ('any' in n) {
      const vs = n.any.map(walk);
      const ok = vs.some((v) => v.ok);
      return {
        ok,
        near: !ok && vs.some((v) => v.near),
        failures: ok ? 0 : 1,
        reasons: vs.flatMap((v) => v.reasons),
        missing: ok ? [] : [`以下任一：${vs.flatMap((v) => v.missing).join(' 或 ')}`],
      };
    }
    const def = FACTS[n.fact];
    const want = Array.isArray(n.value)
      ? n.value.map((v) => showValue(n.fact, v, opts.names)).join('、')
      : showValue(n.fact, n.value, opts.names);
    const head = `${def.label} ${OPS[n.op]} ${want}`;
    const actual = facts[n.fact];
    const selfDeclared = opts.declared?.has(n.fact) ?? false;
    if (actual === undefined || actual === null) {
      const text = def.selfDeclared ? `${head} ？（待申请时自报）` : `${head} ？（暂无记录）`;
      return {
        ok: false,
        near: def.selfDeclared,
        failures: 1,
        reasons: [{ fact: n.fact, outcome: 'unknown', selfDeclared: false, text }],
        missing: [text],
      };
    }
    const ok = compare(n.fact, n.op, actual, n.value);
    const shown = `${showValue(n.fact, actual, opts.names)}${selfDeclared ? '，自报' : ''}`;
    const text = `${head} ${ok ? '✓' : '✗'}（实际 ${shown}）`;
    let near = false;
    if (!ok && (n.op === 'gte' || n.op === 'gt') && def.type !== 'tier' && typeof n.value === 'number' && n.value > 0)
      near = Number(actual) >= n.value * (1 - NEAR_SHARE);
    return {
      ok,
      near,
      failures: ok ? 0 : 1,
      reasons: [{ fact: n.fact, outcome: ok ? 'met' : 'unmet', selfDeclared, text }],
      missing: ok ? [] : [text],
    };
  };
  const v = walk(cond);
  const status = v.ok ? 'eligible' : v.near && v.failures <= 2 ? 'nearly' : 'not_eligible';
  return { status, reasons: v.reasons, missing: v.missing };
}

/** The facts a condition reads (the declaration form asks for the self-declared ones among them). */
export function factsRead(cond: Condition): FactKey[] {
  if ('all' in cond) return [...new Set(cond.all.flatMap(factsRead))];
  if ('any' in cond) return [...new Set(cond.any.flatMap(factsRead))];
  return [cond.fact];
}

/**
 * The facts an application is judged on: LiveHub's own, with the applicant's declarations filling only the
 * self-declared ones (a declared GMV or credit tier is ignored).
 */
export function mergeDeclared(own: Facts, declared: Facts): { facts: Facts; declared: Facts } {
  const kept: Facts = {};
  for (const k of SELF_DECLARED_FACTS) {
    const v = declared[k];
    if (v !== undefined && v !== null) kept[k] = v;
  }
  return { facts: { ...own, ...kept }, declared: kept };
}
