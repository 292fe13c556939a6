import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkTranches, clawbackOf, gradeOf, nextStatus, scoreOf } from './funding.rules.ts';
import type { FundingTrancheRecord } from './funding.types.ts';

const tranche = (planYear: number, amountFen: number, status: FundingTrancheRecord['status']): FundingTrancheRecord => ({
  id: `t${planYear}`,
  projectId: 'p',
  planYear,
  amountFen,
  status,
  paidEntryId: status === 'planned' ? null : `e${planYear}`,
  paidAt: null,
  clawbackEntryId: null,
  clawedBackAt: null,
});

function code(f: () => unknown): { code: string; field?: string | undefined } {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, field: e.field };
    throw e;
  }
  return { code: 'none' };
}

describe('tranches within the budget', () => {
  it('accepts tranches up to the budget exactly', () => {
    expect(
      code(() =>
        checkTranches(
          600,
          [],
          [
            { planYear: 1, amountFen: 200 },
            { planYear: 2, amountFen: 400 },
          ],
          'tranches.',
        ),
      ),
    ).toEqual({
      code: 'none',
    });
  });
  it('refuses the tranche that crosses the budget, by field', () => {
    expect(
      code(() =>
        checkTranches(
          600,
          [],
          [
            { planYear: 1, amountFen: 200 },
            { planYear: 2, amountFen: 401 },
          ],
          'tranches.',
        ),
      ),
    ).toEqual({
      code: 'funding.over_budget',
      field: 'tranches.1.amountFen',
    });
  });
  it('counts planned and paid tranches, not cancelled or clawed-back ones', () => {
    const existing = [tranche(1, 300, 'paid'), tranche(2, 200, 'planned'), tranche(3, 500, 'cancelled')];
    expect(code(() => checkTranches(600, existing, [{ planYear: 3, amountFen: 100 }], ''))).toEqual({ code: 'none' });
    expect(code(() => checkTranches(600, existing, [{ planYear: 3, amountFen: 101 }], ''))).toEqual({
      code: 'funding.over_budget',
      field: 'amountFen',
    });
  });
  it('refuses a zero amount and a year outside the plan', () => {
    expect(code(() => checkTranches(600, [], [{ planYear: 1, amountFen: 0 }], '')).code).toBe('funding.bad_amount');
    expect(code(() => checkTranches(600, [], [{ planYear: 4, amountFen: 1 }], ''))).toEqual({
      code: 'funding.bad_year',
      field: 'planYear',
    });
    expect(code(() => checkTranches(600, [], [{ planYear: 0, amountFen: 1 }], 'tranches.')).field).toBe('tranches.0.planYear');
  });
});

describe('grade from attainment', () => {
  const targets = [
    { kind: 'gmv' as const, target: 1000 },
    { kind: 'brands' as const, target: 4 },
  ];
  it('averages the capped attainment of each target', () => {
    expect(scoreOf(targets, { gmv: 1000, brands: 4 })).toBe(100);
    expect(scoreOf(targets, { gmv: 2000, brands: 2 })).toBe(75); // over-achieving GMV does not make up for brands
    expect(scoreOf(targets, { gmv: 500 })).toBe(25); // a missing figure counts 0
    expect(scoreOf([], {})).toBe(100);
  });
  it('grades by the thresholds 90 / 80 / 60', () => {
    expect([100, 90, 89, 80, 79, 60, 59, 0].map(gradeOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'fail',
      'fail',
    ]);
  });
});

describe('the state machine', () => {
  it('runs the year: pay, self-assess, grade', () => {
    expect(nextStatus('planned', 'pay', false)).toBe('funded');
    expect(nextStatus('funded', 'self_assess', false)).toBe('self_assessed');
    expect(nextStatus('self_assessed', 'grade_pass', false)).toBe('passed');
    expect(nextStatus('self_assessed', 'grade_pass', true)).toBe('completed');
    expect(nextStatus('self_assessed', 'grade_fail', false)).toBe('rectifying');
    expect(nextStatus('passed', 'pay', false)).toBe('funded');
  });
  it('ends a rectification in a pass or an exit', () => {
    expect(nextStatus('rectifying', 'rectify_accept', false)).toBe('passed');
    expect(nextStatus('rectifying', 'rectify_fail', false)).toBe('exited');
  });
  it('refuses grading before the self-assessment, paying while rectifying, anything after the exit', () => {
    expect(nextStatus('funded', 'grade_pass', false)).toBeNull();
    expect(nextStatus('rectifying', 'pay', false)).toBeNull();
    expect(nextStatus('exited', 'rectify_fail', false)).toBeNull();
    expect(nextStatus('exited', 'pay', false)).toBeNull();
  });
});

describe('claw-back', () => {
  it('takes back the failed year’s paid tranche, cancels planned ones, keeps the years that passed', () => {
    const r = clawbackOf([tranche(1, 200, 'paid'), tranche(2, 300, 'paid'), tranche(3, 100, 'planned')], 2);
    expect(r.clawBack.map((t) => t.planYear)).toEqual([2]);
    expect(r.cancel.map((t) => t.planYear)).toEqual([3]);
    expect(r.totalFen).toBe(300);
  });
  it('takes nothing twice: a clawed-back tranche is not paid any more', () => {
    const r = clawbackOf([tranche(1, 200, 'clawed_back')], 1);
    expect(r.totalFen).toBe(0);
  });
});
