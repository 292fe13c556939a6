/** A worker of the matching batch: rebuilds the benchmark engine from its seed, ranks its share of streamers, eight at a time (`rankBlockInto`). */
import { parentPort, workerData } from 'node:worker_threads';
import { TopK } from '@livehub/matching';
import { type BenchCatalogOptions, benchEngine } from './matching-catalog.ts';

const { options, from, to, k } = workerData as { options: BenchCatalogOptions; from: number; to: number; k: number };
const t0 = performance.now();
const engine = benchEngine(options);
const built = performance.now();
const BLOCK = 8;
const heaps = Array.from({ length: BLOCK }, () => new TopK(k));
let results = 0;
let checksum = 0;
for (let s0 = from; s0 < to; s0 += BLOCK) {
  const s1 = Math.min(to, s0 + BLOCK);
  engine.rankBlockInto(s0, s1, heaps);
  for (let b = 0; b < s1 - s0; b++) {
    const heap = heaps[b] as TopK;
    results += heap.size;
    checksum = (checksum + (heap.ids[0] ?? 0)) % 1_000_003;
  }
}
parentPort?.postMessage({ buildMs: built - t0, rankMs: performance.now() - built, results, checksum });
