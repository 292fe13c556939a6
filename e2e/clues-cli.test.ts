/**
 * `livehub clues scan` as the stable offline interface to the fake-order (刷单) detector: a labelled month of orders
 * in a JSON Lines file, one line out per flagged order in input order, malformed lines reported by line number with
 * the rest still scanned, and the flags good enough on a sample it was not tuned on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeOrderSample } from '@livehub/testing/fake-orders';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'apps/cli/bin/livehub.mjs');
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, 'clues', 'scan', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('livehub clues scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'livehub-clues-'));
  const sample = fakeOrderSample({ seed: 2027, buyers: 4000 });
  const file = join(dir, 'orders.jsonl');
  const lines = sample.orders.map((o) => JSON.stringify(o));
  // three bad lines among the good ones: not JSON, a wrong field, a repeated id
  lines.splice(10, 0, '{"id": "broken", ');
  lines.splice(20, 0, JSON.stringify({ ...sample.orders[0], id: 'neg', amountFen: -5 }));
  lines.splice(30, 0, JSON.stringify(sample.orders[1]));
  writeFileSync(file, `${lines.join('\n')}\n`);

  it('flags the planted rings and leaves the honest district alone, reporting bad lines by number', () => {
    const r = run(['--orders', file]);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; rule: string; cluster: string; score: number });
    for (const f of out) {
      expect(Object.keys(f).sort()).toEqual(['cluster', 'id', 'rule', 'score']);
      expect(['shared_device', 'shared_pay_account', 'shared_ip_burst', 'shared_address_burst']).toContain(f.rule);
      expect(f.score).toBeGreaterThanOrEqual(0.5);
      expect(f.cluster).toMatch(/^ring-\d{3}$/);
    }
    // in input order
    const position = new Map(sample.orders.map((o, i) => [o.id, i]));
    const positions = out.map((f) => position.get(f.id) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // quality on a sample the defaults were not chosen on (no timing here: only what it finds)
    const tp = out.filter((f) => sample.fake.has(f.id)).length;
    expect(tp / out.length).toBeGreaterThan(0.95);
    expect(tp / sample.fake.size).toBeGreaterThan(0.7);
    const honestFlagged = out.filter((f) => !sample.fake.has(f.id)).map((f) => sample.honest.get(f.id));
    for (const kind of ['campus_flash_sale', 'flash_sale', 'office_group_buy']) expect(honestFlagged).not.toContain(kind);
    // the bad lines, by number; the rest scanned
    expect(r.stderr).toMatch(/line 11: not JSON/);
    expect(r.stderr).toMatch(/line 21: amountFen:/);
    expect(r.stderr).toMatch(/line 31: id: .* appeared on an earlier line/);
    expect(r.stderr).toMatch(new RegExp(`${sample.orders.length} orders scanned, 3 malformed line\\(s\\) skipped`));
  });

  it('writes each cluster with its signals after the flags with --clusters, and refuses bad options', () => {
    const r = run(['--orders', file, '--clusters', '--threshold', '0.8']);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const clusters = out.filter((l) => 'cluster' in l && 'signals' in l);
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      expect(c.score).toBeGreaterThanOrEqual(0.8);
      expect(Object.keys(c.signals).sort()).toEqual([
        'bunched',
        'exclusiveNetwork',
        'newAccounts',
        'refundedAfterSession',
        'sharedInstruments',
      ]);
      expect(out.filter((l) => l.cluster === c.cluster && 'rule' in l && !('signals' in l)).map((l) => l.id)).toEqual(c.orderIds);
    }
    expect(run(['--orders', join(dir, 'missing.jsonl')]).status).not.toBe(0);
    const bad = run(['--orders', file, '--threshold', '3']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/threshold/);
  });
});
