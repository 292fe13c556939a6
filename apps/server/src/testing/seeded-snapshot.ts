/**
 * The demo district, seeded once and copied into the test platforms that ask for it. Seeding goes through the real
 * services (~15 s on a two-core machine); a test platform that asks for the demo data on the embedded defaults (PGlite,
 * in-memory hot state, the system's clock) starts instead from a snapshot of a platform seeded earlier in the same run
 * — as `livehub seed` and then `livehub serve` would: the database's image, the data directory's files (documents,
 * the simulated providers' journals), the hot state's counters, the PII key the data was encrypted with, and what
 * the seed reported. The first platform of a run (and of each configuration) seeds and keeps its snapshot in the
 * run's directory (packages/testing/src/run-dir.ts).
 *
 * The demo data is placed relative to the time it was seeded (a room live "now", events 20 minutes ago), so a
 * snapshot is used for `MAX_AGE_MS` only and then seeded afresh. A platform with its own clock always seeds.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, openAsBlob, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryCounterStore } from '@livehub/core';
import type { Database } from '@livehub/db';
import type { TestKv } from '@livehub/testing';
import type { SeedResult } from '../seed/index.ts';

/** How long a snapshot stands for "just seeded". */
const MAX_AGE_MS = 10 * 60_000;

/** what a snapshot holds besides its files (when it was seeded is its directory's name) */
interface SnapshotMeta {
  piiKey: string;
  seed: SeedResult;
  counters: Array<[string, number]>;
}

export interface SeededSnapshot {
  meta: SnapshotMeta;
  /** the database's image (Database.image()) */
  image(): Promise<Blob>;
  /** copies the data directory's files into a new platform's data directory */
  copyFiles(dataDir: string): void;
  /** sets the hot state's counters of a new platform */
  loadCounters(kv: TestKv): void;
}

/** The snapshots of one configuration (the platform's extra environment variables) in the run's directory. */
export class SnapshotShelf {
  readonly #prefix: string;

  constructor(
    private readonly runDir: string,
    env: Record<string, string>,
  ) {
    const sorted = Object.entries(env).sort(([a], [b]) => a.localeCompare(b));
    this.#prefix = `seeded-${createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16)}-`;
  }

  /** The newest snapshot of this configuration younger than `MAX_AGE_MS`, if any. */
  find(now = Date.now()): SeededSnapshot | null {
    const newest = readdirSync(this.runDir)
      .filter((name) => name.startsWith(this.#prefix))
      .map((name) => ({ name, at: Number(name.slice(this.#prefix.length)) }))
      .filter((s) => Number.isFinite(s.at) && now - s.at < MAX_AGE_MS)
      .sort((a, b) => b.at - a.at)[0];
    if (!newest) return null;
    const dir = join(this.runDir, newest.name);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as SnapshotMeta;
    return {
      meta,
      image: () => openAsBlob(join(dir, 'image.tar')),
      copyFiles: (dataDir) => {
        if (existsSync(join(dir, 'data'))) cpSync(join(dir, 'data'), dataDir, { recursive: true });
      },
      loadCounters: (kv) => {
        if (kv.kv.counters instanceof MemoryCounterStore) kv.kv.counters.load(meta.counters);
      },
    };
  }

  /**
   * Keeps a just-seeded platform's state: written under a temporary name and renamed whole, so a reader sees a whole
   * snapshot or none (two files seeding at once both keep theirs; the newest is used).
   */
  async keep(
    state: { database: Database; kv: TestKv; dataDir: string; piiKey: string; seed: SeedResult },
    createdAt: number,
  ): Promise<void> {
    if (!state.database.image || !(state.kv.kv.counters instanceof MemoryCounterStore)) return;
    const tmp = mkdtempSync(join(this.runDir, 'part-'));
    writeFileSync(join(tmp, 'image.tar'), new Uint8Array(await (await state.database.image()).arrayBuffer()));
    cpSync(state.dataDir, join(tmp, 'data'), { recursive: true });
    const meta: SnapshotMeta = { piiKey: state.piiKey, seed: state.seed, counters: state.kv.kv.counters.entries() };
    writeFileSync(join(tmp, 'meta.json'), JSON.stringify(meta));
    renameSync(tmp, join(this.runDir, `${this.#prefix}${createdAt}`));
  }
}
