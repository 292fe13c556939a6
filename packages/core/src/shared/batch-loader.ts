/**
 * Coalesces concurrent look-ups by key into batched calls: at most one batch is in flight; keys asked for
 * meanwhile wait and go together in the next one (up to `maxBatch`). Under no load a key is fetched alone, at
 * once (after the current I/O phase, so callers arriving together share it); under a burst — twenty thousand
 * buyers authenticating in the same seconds — the database sees a few hundred-key queries instead of one query
 * each. A key asked for twice while pending or in flight shares one result.
 */
export class BatchLoader<K, V> {
  private pending = new Map<K, Array<{ resolve: (v: V | null) => void; reject: (e: unknown) => void }>>();
  private inFlight = new Map<K, Promise<V | null>>();
  private running = false;
  private scheduled = false;

  /**
   * @param fetch loads many keys at once; returns what it found (a key it leaves out resolves to null)
   * @param maxBatch most keys in one call
   */
  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 500,
  ) {}

  load(key: K): Promise<V | null> {
    const flying = this.inFlight.get(key);
    if (flying) return flying;
    return new Promise<V | null>((resolve, reject) => {
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.running || this.pending.size === 0) return;
    this.running = true;
    const batch = new Map<K, Array<{ resolve: (v: V | null) => void; reject: (e: unknown) => void }>>();
    for (const [k, w] of this.pending) {
      batch.set(k, w);
      this.pending.delete(k);
      if (batch.size >= this.maxBatch) break;
    }
    const keys = [...batch.keys()];
    const result = this.fetch(keys);
    for (const k of keys) {
      const one = result.then((m) => m.get(k) ?? null);
      one.catch(() => {}); // its waiters below hear the failure; a late joiner hears it through `one`
      this.inFlight.set(k, one);
    }
    try {
      const found = await result;
      for (const [k, waiters] of batch) for (const w of waiters) w.resolve(found.get(k) ?? null);
    } catch (e) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(e);
    } finally {
      for (const k of keys) this.inFlight.delete(k);
      this.running = false;
      if (this.pending.size > 0) this.schedule();
    }
  }
}
