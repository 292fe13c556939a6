/**
 * The worker-thread range scorer against core's `scoreRange` on the caller's thread: the same answers for the same
 * ranges (dates, the policy table's Map and the rescored events survive the hand-over), ranges in flight together
 * each get their own answer, a range that cannot be scored fails alone with the worker's message, and a small range
 * is scored without starting a worker.
 */
import { DEFAULT_MODEL as M } from '@livehub/credit';
import { type CreditPolicyTable, type CreditRangeJob, type CreditStoredScore, scoreRange } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { WorkerCreditRangeScorer } from './credit-range-scorer.ts';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const KINDS = [
  ['violation.confirmed', { severity: 3, category: 'absolute_claim', ruleId: 'R1' }],
  ['order.completed', { onTime: true }],
  ['order.returned', {}],
  ['case.penalty', { severity: 4 }],
  ['streaming.clean', { hours: 2 }],
] as const;

/** A range of `parties` streamers with 1–9 events each, as the repository's text. */
function job(prefix: string, parties: number, stored: CreditStoredScore[] = []): CreditRangeJob {
  const lines: string[] = [];
  for (let p = 0; p < parties; p++) {
    const partyId = `${prefix}0000000-0000-4000-8000-${String(p).padStart(12, '0')}`;
    for (let k = 0; k < 1 + ((p * 7) % 9); k++) {
      const [kind, data] = KINDS[(p + k) % KINDS.length]!;
      lines.push(
        [partyId, 'streamer', kind, now.getTime() - ((p * 13 + k * 29) % 300) * DAY, `e-${prefix}-${p}-${k}`, JSON.stringify(data)].join(
          '\t',
        ),
      );
    }
  }
  return { lines: lines.join('\n'), stored };
}

const policies: CreditPolicyTable = {
  fallback: {},
  parties: new Map([
    [
      'a0000000-0000-4000-8000-000000000003',
      {
        relax: [{ category: 'absolute_claim', factor: 0, from: new Date(0), to: now, reason: { zh: '监管沙盒「数字人」', en: 'sandbox' } }],
      },
    ],
  ]),
};
const context = { model: M, now, policies };

describe('WorkerCreditRangeScorer', () => {
  it('answers on its worker what scoreRange answers on this thread, range by range', async () => {
    const session = new WorkerCreditRangeScorer({ minChars: 0 }).open(context);
    try {
      const first = job('a', 300);
      const inline = scoreRange(context, first);
      expect(inline.moves.length).toBeGreaterThan(0);
      expect(await session.score(first)).toEqual(inline);
      // stored scores that differ: the rescored parties come back with their events
      const drifted = inline.records.slice(0, 5).map(({ computedAt: _, ...r }) => ({ ...r, totalCenti: 1, modelVersion: 'old' }));
      const second = job('a', 300, drifted);
      const answer = await session.score(second);
      expect(answer).toEqual(scoreRange(context, second));
      expect(answer.rescored).toHaveLength(5);
      expect(answer.rescored[0]!.events[0]!.at).toBeInstanceOf(Date);
    } finally {
      await session.close();
    }
  });

  it('gives each range in flight its own answer, and fails only the range that cannot be scored', async () => {
    const session = new WorkerCreditRangeScorer({ minChars: 0 }).open(context);
    try {
      const jobs = ['b', 'c', 'd'].map((prefix, i) => job(prefix, 50 + i * 40));
      const broken = { lines: 'not\ta\tline', stored: [] };
      const answers = await Promise.allSettled([
        session.score(jobs[0]!),
        session.score(broken),
        session.score(jobs[1]!),
        session.score(jobs[2]!),
      ]);
      expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((answers[1] as PromiseRejectedResult).reason.message).toMatch(/^credit range scorer: .*JSON/);
      expect(answers.filter((a) => a.status === 'fulfilled').map((a) => a.value.parties)).toEqual([50, 90, 130]);
      expect((answers[3] as PromiseFulfilledResult<unknown>).value).toEqual(scoreRange(context, jobs[2]!));
    } finally {
      await session.close();
    }
  });

  it('scores a range smaller than its threshold on this thread', async () => {
    const session = new WorkerCreditRangeScorer({ minChars: 1_000_000_000 }).open(context);
    const small = job('e', 20);
    // a line no worker ever sees: the failure is this thread's own JSON error, without the worker's prefix
    await expect(session.score({ lines: 'not\ta\tline', stored: [] })).rejects.toThrow(/^(?!credit range scorer)/);
    expect(await session.score(small)).toEqual(scoreRange(context, small));
    await session.close();
  });
});
