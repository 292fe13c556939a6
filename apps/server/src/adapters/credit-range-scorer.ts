/**
 * A `CreditRangeScorer` on a worker thread: while the recompute's thread reads the next range of events from the
 * database (PGlite runs on that thread) and writes the last one's scores, the worker cuts and scores this one. The
 * worker is started by a session's first range big enough to be worth the hand-over (`minChars` of event text; a
 * smaller range is scored on the caller's thread) and stopped when the session closes. The range's text and stored
 * scores go over by structured clone, the scores that changed and the moves come back the same way.
 */
import { Worker } from 'node:worker_threads';
import {
  type CreditRangeContext,
  type CreditRangeJob,
  type CreditRangeScored,
  type CreditRangeScorer,
  type CreditRangeSession,
  scoreRange,
} from '@livehub/core';

/** ~10,000 events: below it the hand-over costs more than the overlap gains (a worker takes ~0.3 s to start). */
const MIN_CHARS = 1_000_000;

interface Waiting {
  resolve: (scored: CreditRangeScored) => void;
  reject: (err: Error) => void;
}

export class WorkerCreditRangeScorer implements CreditRangeScorer {
  constructor(private readonly opts: { minChars?: number } = {}) {}

  open(context: CreditRangeContext): CreditRangeSession {
    const minChars = this.opts.minChars ?? MIN_CHARS;
    const waiting = new Map<number, Waiting>();
    let worker: Worker | undefined;
    let failed: Error | undefined;
    let nextId = 0;
    const failAll = (err: Error) => {
      failed = err;
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    const start = (): Worker => {
      // no inherited loader flags: the worker registers its own (credit-range-worker.mjs)
      const w = new Worker(new URL('./credit-range-worker.mjs', import.meta.url), { workerData: context, execArgv: [] });
      w.on('message', (msg: { id: number; scored?: CreditRangeScored; error?: { message: string; stack?: string } }) => {
        const entry = waiting.get(msg.id);
        if (!entry) return;
        waiting.delete(msg.id);
        if (msg.error) entry.reject(Object.assign(new Error(`credit range scorer: ${msg.error.message}`), { stack: msg.error.stack }));
        else entry.resolve(msg.scored!);
      });
      w.on('error', (err) => failAll(err));
      w.on('exit', (code) => {
        if (waiting.size > 0) failAll(new Error(`credit range scorer: the worker stopped (exit code ${code})`));
      });
      return w;
    };
    return {
      score: (job: CreditRangeJob) => {
        if (failed) return Promise.reject(failed);
        if (job.lines.length < minChars) return Promise.resolve().then(() => scoreRange(context, job));
        worker ??= start();
        const id = nextId++;
        const w = worker;
        return new Promise<CreditRangeScored>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          w.postMessage({ id, job });
        });
      },
      close: async () => {
        const w = worker;
        worker = undefined;
        waiting.clear();
        if (w) await w.terminate();
      },
    };
  }
}
