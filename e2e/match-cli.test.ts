/**
 * `livehub match evaluate` as the stable offline interface to the matching engine (人货匹配): a generated history
 * with a known ground truth in a JSON Lines file, the time split, the two baselines and the one-line JSON result
 * with the keys; bad lines reported by number with the rest used; unknown ids, an empty history and k ≤ 0
 * refused with a clear message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchingHistorySample } from '@livehub/testing/matching';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'apps/cli/bin/livehub.mjs');
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, 'match', 'evaluate', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('livehub match evaluate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'livehub-match-'));
  const sample = matchingHistorySample({ seed: 2027, streamers: 120, products: 300, days: 45 });
  const file = join(dir, 'history.jsonl');
  const lines = sample.lines();
  const catalogue = sample.products.length + sample.streamers.length;
  // three bad lines among the interactions: not JSON, a wrong kind, an unknown product
  lines.splice(catalogue + 10, 0, '{"streamer": "s00001", ');
  lines.splice(catalogue + 20, 0, JSON.stringify({ ...sample.interactions[0], kind: 'like' }));
  lines.splice(catalogue + 30, 0, JSON.stringify({ ...sample.interactions[1], product: 'p-nowhere' }));
  writeFileSync(file, `${lines.join('\n')}\n`);

  it('prints the metrics of the engine and both baselines on its last line, reporting bad lines by number', () => {
    const r = run(['--history', file, '--k', '20']);
    expect(r.status, r.stderr).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1) as string;
    const out = JSON.parse(last) as Record<string, number>;
    for (const key of [
      'hit_rate_at_k',
      'ndcg_at_k',
      'popularity_hit_rate_at_k',
      'popularity_ndcg_at_k',
      'blend_hit_rate_at_k',
      'ratio',
      'ratio_vs_blend',
    ])
      expect(typeof out[key], key).toBe('number');
    expect(out.k).toBe(20);
    for (const key of ['hit_rate_at_k', 'ndcg_at_k', 'popularity_hit_rate_at_k', 'blend_hit_rate_at_k']) {
      expect(out[key]).toBeGreaterThanOrEqual(0);
      expect(out[key]).toBeLessThanOrEqual(1);
    }
    expect(out.ratio).toBeCloseTo(out.hit_rate_at_k! / out.popularity_hit_rate_at_k!, 2);
    expect(out.ratio_vs_blend).toBeCloseTo(out.hit_rate_at_k! / out.blend_hit_rate_at_k!, 2);
    // the test set is the last 20 % of sales
    const sales = sample.interactions.filter((e) => e.kind === 'sale').length;
    expect(out.test_sales).toBeGreaterThanOrEqual(Math.floor(sales * 0.2) - 1);
    expect(out.test_sales).toBeLessThan(sales * 0.3);
    // on a history with a real structure, the engine beats both baselines
    expect(out.ratio).toBeGreaterThan(1.5);
    expect(out.ratio_vs_blend).toBeGreaterThan(1);
    expect(r.stderr).toMatch(new RegExp(`line ${catalogue + 11}: not JSON`));
    expect(r.stderr).toMatch(new RegExp(`line ${catalogue + 21}: kind: one of impression, click, sample, agreement, sale`));
    expect(r.stderr).toMatch(new RegExp(`line ${catalogue + 31}: product: unknown id p-nowhere`));
    expect(r.stderr).toMatch(/3 bad line\(s\) skipped/);
  });

  it('refuses k ≤ 0, a missing file and an empty history with a clear message', () => {
    for (const k of ['0', '-3', 'x']) {
      const bad = run(['--history', file, '--k', k]);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/--k/);
    }
    const missing = run(['--history', join(dir, 'missing.jsonl')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/no such file/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, `${lines.slice(0, catalogue).join('\n')}\n`);
    const none = run(['--history', empty]);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/empty history/);
    const unknownOnly = join(dir, 'unknown.jsonl');
    writeFileSync(unknownOnly, `${JSON.stringify({ streamer: 'ghost', product: 'p00001', kind: 'sale', at: '2026-06-01T00:00:00Z' })}\n`);
    const ghost = run(['--history', unknownOnly]);
    expect(ghost.status).not.toBe(0);
    expect(ghost.stderr).toMatch(/line 1: streamer: unknown id ghost/);
  });
});
