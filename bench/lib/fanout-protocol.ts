/** What bench/fanout.bench.ts and its load-generator processes (bench/lib/fanout-loadgen.ts) say over IPC. */

export const HIST_BUCKETS = 600_001; // 0.1 ms buckets, up to 60 s

export type LoadgenCommand =
  | { cmd: 'connect'; url: string; origin: string; viewers: number; cookies: Array<string | null>; concurrency: number }
  | { cmd: 'send'; rate: number; violatingEvery: number }
  | { cmd: 'mark' }
  | { cmd: 'report' }
  | { cmd: 'exit' };

export interface LoadgenReport {
  ev: 'report';
  windowMs: number;
  deliveries: number;
  frames: number;
  bytes: number;
  sent: number;
  /** [bucket, count] for every non-empty 0.1 ms bucket */
  hist: Array<[number, number]>;
  cpuUserMs: number;
  cpuSystemMs: number;
  elu: number;
  rssMb: number;
  totals: { sent: number; blocked: number; errors: Record<string, number>; closed: Record<string, number> };
}
