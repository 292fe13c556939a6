/**
 * `livehub credit recompute` as a user runs it: a child process on its own data directory. An empty district
 * recomputes to nothing; a streamer with a grave violation and an administrative penalty drops to B with one tier
 * move; run again, nothing changes and nothing is written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DEFAULT_MODEL } from '@livehub/credit';
import { describe, expect, it } from 'vitest';
import { livehub } from './helpers/livehub-cli.ts';

const STREAMER = '00000000-0000-4000-8000-0000000000c1';

describe('livehub credit recompute', () => {
  it('scores every party from its events, reports the tier moves, and writes nothing when nothing changed', async () => {
    const env = { LIVEHUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'livehub-credit-')) };
    const empty = livehub(['credit', 'recompute'], env);
    expect(empty.code, empty.err).toBe(0);
    expect(JSON.parse(empty.out)).toMatchObject({ parties: 0, events: 0, tierChanges: 0, written: 0, modelVersion: DEFAULT_MODEL.version });

    // a severity-5 violation (−20 in compliance) and a severity-3 penalty (−24): compliance 56, total 82.4 → B
    const db = new PGlite(join(env.LIVEHUB_DATA_DIR, 'pgdata'));
    await db.exec(`
      insert into credit_events (id, party_id, party_kind, kind, at, data, source, created_at) values
        (gen_random_uuid(), '${STREAMER}', 'streamer', 'violation.confirmed', now() - interval '1 minute',
         '{"severity": 5, "category": "absolute_claim", "ruleId": "r1"}', 'violation:e2e', now()),
        (gen_random_uuid(), '${STREAMER}', 'streamer', 'case.penalty', now() - interval '1 minute', '{"severity": 3}', 'manual:e2e', now());`);
    await db.close();
    const first = livehub(['credit', 'recompute'], env);
    expect(first.code, first.err).toBe(0);
    const r = JSON.parse(first.out);
    expect(r).toMatchObject({ parties: 1, events: 2, tierChanges: 1, written: 1, modelVersion: DEFAULT_MODEL.version });
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    expect(first.err).toMatch(/1 parties from 2 events under model .+, 1 tier changes/);

    const check = new PGlite(join(env.LIVEHUB_DATA_DIR, 'pgdata'));
    const scores = await check.query<{ tier: string; total_centi: number }>(
      `select tier, total_centi from credit_scores where party_id = '${STREAMER}'`,
    );
    const moves = await check.query<{ from_tier: string | null; to_tier: string; reason: string }>(
      `select from_tier, to_tier, reason from credit_tier_moves where party_id = '${STREAMER}'`,
    );
    await check.close();
    expect(scores.rows).toEqual([{ tier: 'B', total_centi: 8240 }]);
    expect(moves.rows).toEqual([{ from_tier: null, to_tier: 'B', reason: 'recompute' }]);

    const again = livehub(['credit', 'recompute'], env);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ parties: 1, events: 2, tierChanges: 0, written: 0 });
  });
});
