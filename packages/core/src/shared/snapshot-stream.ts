/**
 * A live view pushed to one watcher (the monitoring wall, the live-demand board): a snapshot now, then every
 * `everyMs` and shortly (`settleMs`) after any event on the given channels. One build at a time — a slow build is
 * not stacked; an event during a build asks for one more after it. A failed build is skipped (the next tick tries
 * again); the stream is not ended by it. Returns the function that stops it.
 */
import type { PubSub, Unsubscribe } from '../ports/kv.ts';

export interface SnapshotStreamOptions<T> {
  build: () => Promise<T>;
  send: (snapshot: T) => void;
  pubsub: PubSub;
  channels: readonly string[];
  everyMs: number;
  settleMs?: number;
}

export async function streamSnapshots<T>(o: SnapshotStreamOptions<T>): Promise<Unsubscribe> {
  let stopped = false;
  let running = false;
  let again = false;
  let settle: ReturnType<typeof setTimeout> | null = null;
  const push = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const s = await o.build();
      if (!stopped) o.send(s);
    } catch {
      // the next tick tries again; a stream is not ended by one failed read
    } finally {
      running = false;
    }
    if (again && !stopped) {
      again = false;
      await push();
    }
  };
  const nudge = () => {
    if (stopped || settle) return;
    settle = setTimeout(() => {
      settle = null;
      void push();
    }, o.settleMs ?? 1_000);
  };
  const subs = await Promise.all(o.channels.map((c) => o.pubsub.subscribe(c, nudge)));
  const timer = setInterval(() => void push(), o.everyMs);
  await push();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (settle) clearTimeout(settle);
    // a store already closed (the process shutting down) has nothing left to unsubscribe from
    await Promise.all(subs.map((u) => u().catch(() => {})));
  };
}
