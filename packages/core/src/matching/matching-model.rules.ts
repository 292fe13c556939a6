/**
 * The stored model (docs/matching.md, "The model: schedule, storage, fresh events"; ADR 0029): pure rules for when
 * the scheduler retrains, which streamers have events newer than the model (their vectors are folded in at query
 * time), and the byte form of the factors kept in `match_models` so that every server process ranks with the same
 * version.
 */
import type { Interaction } from '@livehub/matching';
import type { TrainedFactors } from './matching.rules.ts';

const HOUR = 3_600_000;
/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_HOURS = 8;

export interface RetrainSchedule {
  /** hours between two scheduled trainings; 0 = never on a schedule (on demand only) */
  intervalHours: number;
  /** for intervals of a day or more: the hour of the day, China time, at which it runs (a quiet hour; default 3) */
  quietHourCst: number;
  /** the fewest interactions newer than the last model that make a new one worth training */
  minNewInteractions: number;
}

export const DEFAULT_RETRAIN_SCHEDULE: RetrainSchedule = { intervalHours: 24, quietHourCst: 3, minNewInteractions: 20 };

/**
 * When the next scheduled training is due, counted from the last training (or the last check that found too few
 * new interactions). No model yet: due at once. Intervals under a day: `last + interval`. A day or more: the first
 * quiet hour (China time, on the hour) at least `interval − 12 h` after `last`, so a nightly run stays at its hour
 * whether the last one was scheduled or asked for at noon. Null: never (interval 0).
 */
export function nextRetrainAt(last: Date | null, s: RetrainSchedule): Date | null {
  if (s.intervalHours <= 0) return null;
  if (!last) return new Date(0);
  if (s.intervalHours < 24) return new Date(last.getTime() + s.intervalHours * HOUR);
  const earliest = last.getTime() + (s.intervalHours - 12) * HOUR;
  const utcHour = (((s.quietHourCst - CST_OFFSET_HOURS) % 24) + 24) % 24;
  const day = new Date(earliest);
  let t = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), utcHour);
  while (t < earliest) t += 24 * HOUR;
  return new Date(t);
}

export type RetrainDecision = { due: false; reason: 'off' | 'not_yet'; next: Date | null } | { due: true };

/** Whether the scheduler should look at the history now (the count of new interactions is checked after). */
export function retrainDue(now: Date, last: Date | null, s: RetrainSchedule): RetrainDecision {
  const next = nextRetrainAt(last, s);
  if (next === null) return { due: false, reason: 'off', next: null };
  return now.getTime() >= next.getTime() ? { due: true } : { due: false, reason: 'not_yet', next };
}

/** Interactions newer than `since` (epoch ms; null: all of them). */
export function countNewInteractions(history: readonly Interaction[], since: number | null): number {
  if (since === null) return history.length;
  let n = 0;
  for (const h of history) if (h.at > since) n++;
  return n;
}

/** Streamers with interactions newer than the model: their vectors are re-solved (folded in) before ranking. */
export function freshStreamers(history: readonly Interaction[], since: number): Set<string> {
  const out = new Set<string>();
  for (const h of history) if (h.at > since) out.add(h.streamer);
  return out;
}

// ---- the factors as bytes --------------------------------------------------------------------------------------------
// Layout: "LHMF" · uint32 header length · header (UTF-8 JSON: dim, streamer ids, product ids) · float32 LE values
// (each streamer's vector, then each product's, in the header's order). Compact (4 bytes a value) and exact.

const MAGIC = [0x4c, 0x48, 0x4d, 0x46];

export function encodeFactors(m: TrainedFactors): Uint8Array {
  const streamers = [...m.streamers.keys()];
  const products = [...m.products.keys()];
  const header = new TextEncoder().encode(JSON.stringify({ dim: m.dim, streamers, products }));
  const values = (streamers.length + products.length) * m.dim;
  const out = new Uint8Array(8 + header.length + values * 4);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, header.length, true);
  out.set(header, 8);
  let at = 8 + header.length;
  const put = (v: Float32Array) => {
    for (let q = 0; q < m.dim; q++) {
      view.setFloat32(at, (v[q] as number) ?? 0, true);
      at += 4;
    }
  };
  for (const id of streamers) put(m.streamers.get(id) as Float32Array);
  for (const id of products) put(m.products.get(id) as Float32Array);
  return out;
}

export function decodeFactors(bytes: Uint8Array): TrainedFactors {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw new RangeError('not a stored matching model');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as {
    dim: number;
    streamers: string[];
    products: string[];
  };
  const dim = header.dim;
  if (bytes.length !== 8 + len + (header.streamers.length + header.products.length) * dim * 4)
    throw new RangeError('a stored matching model of the wrong length');
  let at = 8 + len;
  const take = () => {
    const v = new Float32Array(dim);
    for (let q = 0; q < dim; q++) {
      v[q] = view.getFloat32(at, true);
      at += 4;
    }
    return v;
  };
  const streamers = new Map<string, Float32Array>();
  const products = new Map<string, Float32Array>();
  for (const id of header.streamers) streamers.set(id, take());
  for (const id of header.products) products.set(id, take());
  return { dim, streamers, products };
}
