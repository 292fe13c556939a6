import type { CaseStatus } from '@livehub/contracts';
import { describe, expect, it } from 'vitest';
import {
  caseNumber,
  chainHash,
  checkStep,
  contentHash,
  DEFENCE_WORKING_DAYS,
  decisionSeverity,
  defenceDeadline,
  GENESIS_HASH,
  measureProblem,
  verifyChain,
} from './case.rules.ts';

const now = new Date('2026-12-07T02:00:00Z'); // Monday 10:00 in China
const due = defenceDeadline(now);
const c = (status: CaseStatus, over: { defenceDueAt?: Date | null; evidenceCount?: number } = {}) => ({
  status,
  defenceDueAt: over.defenceDueAt ?? (status === 'investigating' ? null : due),
  evidenceCount: over.evidenceCount ?? 1,
});

describe('case state machine', () => {
  it('allows each step from its own state only', () => {
    expect(checkStep(c('investigating'), 'add_evidence', now)).toEqual({ ok: true });
    expect(checkStep(c('investigating'), 'notify', now)).toEqual({ ok: true });
    expect(checkStep(c('notified'), 'state', now)).toEqual({ ok: true });
    expect(checkStep(c('stated'), 'decide', now)).toEqual({ ok: true });
    expect(checkStep(c('decided'), 'execute', now)).toEqual({ ok: true });
    expect(checkStep(c('executed'), 'close', now)).toEqual({ ok: true });
  });

  it('refuses every step out of order with case_wrong_step', () => {
    const wrong = { ok: false, code: 'supervision.case_wrong_step' };
    expect(checkStep(c('notified'), 'add_evidence', now)).toEqual(wrong);
    expect(checkStep(c('investigating'), 'notify', now)).toEqual({ ok: true });
    expect(checkStep(c('investigating', { evidenceCount: 0 }), 'notify', now)).toEqual(wrong);
    expect(checkStep(c('notified'), 'notify', now)).toEqual(wrong);
    expect(checkStep(c('investigating'), 'state', now)).toEqual(wrong);
    expect(checkStep(c('stated'), 'state', now)).toEqual(wrong);
    expect(checkStep(c('investigating'), 'decide', now)).toEqual(wrong);
    expect(checkStep(c('decided'), 'decide', now)).toEqual(wrong);
    expect(checkStep(c('stated'), 'execute', now)).toEqual(wrong);
    expect(checkStep(c('executed'), 'execute', now)).toEqual(wrong);
    expect(checkStep(c('decided'), 'close', now)).toEqual(wrong);
    expect(checkStep(c('closed'), 'close', now)).toEqual(wrong);
  });

  it('takes the statement at the deadline and refuses it just past it', () => {
    expect(checkStep(c('notified'), 'state', due)).toEqual({ ok: true });
    expect(checkStep(c('notified'), 'state', new Date(due.getTime() + 1))).toEqual({
      ok: false,
      code: 'supervision.case_deadline_passed',
    });
  });

  it('decides without a statement only once the deadline has passed (逾期未陈述)', () => {
    expect(checkStep(c('notified'), 'decide', due)).toEqual({ ok: false, code: 'supervision.case_defence_open' });
    expect(checkStep(c('notified'), 'decide', new Date(due.getTime() + 1))).toEqual({ ok: true, lapsed: true });
  });
});

describe('the 陈述申辩 deadline', () => {
  it('is the end of the fifth working day after the notice, China time', () => {
    expect(DEFENCE_WORKING_DAYS).toBe(5);
    // notice on Monday 7 December: Tue–Fri are four, the next Monday the fifth
    expect(due.toISOString()).toBe('2026-12-14T15:59:59.999Z');
  });

  it('skips the National Day holiday and counts its make-up working Saturday', () => {
    // notice on Wednesday 30 September 2026: 1–7 October are holidays, Saturday 10 October a make-up working day
    const d = defenceDeadline(new Date('2026-09-30T02:00:00Z'));
    expect(d.toISOString()).toBe('2026-10-13T15:59:59.999Z'); // 8, 9, 10 (Sat, 调休), 12, 13
  });
});

describe('the evidence hash chain', () => {
  const at = new Date('2026-12-07T03:00:00Z');
  const build = () => {
    const out: Array<{ seq: number; kind: string; refId: string; contentHash: string; prevHash: string; hash: string; addedAt: Date }> = [];
    let prev = GENESIS_HASH;
    for (const [i, content] of [{ text: '全网最低价' }, { orderNo: 'LH1' }, { sha256: 'ab' }].entries()) {
      const e = { seq: i + 1, kind: 'order', refId: `r${i}`, contentHash: contentHash(content), addedAt: at };
      const hash = chainHash(prev, e);
      out.push({ ...e, prevHash: prev, hash });
      prev = hash;
    }
    return out;
  };

  it('hashes content canonically (key order does not matter) and verifies an intact chain', () => {
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(verifyChain(build())).toBe(true);
    expect(verifyChain([])).toBe(true);
  });

  it('detects an altered content hash, a removed entry and a reordering', () => {
    const altered = build();
    (altered[1] as { contentHash: string }).contentHash = contentHash({ orderNo: 'LH2' });
    expect(verifyChain(altered)).toBe(false);
    const removed = build();
    removed.splice(1, 1);
    expect(verifyChain(removed)).toBe(false);
    const swapped = build();
    [swapped[0], swapped[1]] = [swapped[1] as (typeof swapped)[0], swapped[0] as (typeof swapped)[0]];
    expect(verifyChain(swapped)).toBe(false);
  });

  it('makes each entry’s hash depend on the previous one', () => {
    const e = { seq: 2, kind: 'order', refId: 'x', contentHash: 'c', addedAt: at };
    expect(chainHash(GENESIS_HASH, e)).not.toBe(chainHash('f'.repeat(64), e));
  });
});

describe('decisions', () => {
  it('weighs a decision by its heaviest measure', () => {
    expect(decisionSeverity([{ kind: 'warning' }])).toBe(1);
    expect(decisionSeverity([{ kind: 'warning' }, { kind: 'fine', amountFen: 500_000 }])).toBe(2);
    expect(
      decisionSeverity([
        { kind: 'takedown', productId: 'p' },
        { kind: 'suspend_live', days: 7 },
      ]),
    ).toBe(3);
  });

  it('lets a live suspension or a revoked certification reach a streamer only', () => {
    expect(measureProblem('organization', { kind: 'suspend_live', days: 3 })).toBe('supervision.case_measure_party');
    expect(measureProblem('organization', { kind: 'revoke_certification' })).toBe('supervision.case_measure_party');
    expect(measureProblem('user', { kind: 'suspend_live', days: 3 })).toBeNull();
    expect(measureProblem('organization', { kind: 'takedown', productId: 'p' })).toBeNull();
  });

  it('numbers a case by its year in China and its id', () => {
    expect(caseNumber('0194f3a2-1111-7000-8000-00000000abcd', new Date('2026-12-31T17:00:00Z'))).toBe('网监案〔2027〕0000ABCD号');
  });
});
