// The worker thread of `WorkerCreditRangeScorer` (credit-range-scorer.ts): scores the ranges of one recompute with
// core's pure `scoreRange`. Plain JavaScript so a worker can start it without a loader; it registers tsx itself to
// load the TypeScript of `@livehub/core/credit-range` (the engine and that one module, not the rest of core).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { scoreRange } = await import('@livehub/core/credit-range');

parentPort.on('message', ({ id, job }) => {
  try {
    parentPort.postMessage({ id, scored: scoreRange(workerData, job) });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err?.message ?? err), stack: err?.stack } });
  }
});
