/**
 * `livehub screen` as the stable offline interface: JSON Lines in, one line out per input in order, malformed
 * lines reported with their line number, another pack with --rules, and an invalid pack refused naming the rule.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'apps/cli/bin/livehub.mjs');
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [bin, 'screen', ...args], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });

describe('livehub screen', () => {
  it('writes one line per input line, in order, and reports malformed lines', () => {
    const input = [
      JSON.stringify({ id: 'a', text: '家人们加我薇信，全网最低价' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'b', text: '今天天气不错', kind: 'chat' }),
      '',
      JSON.stringify({ id: 'c', text: 42 }),
      JSON.stringify({ id: 'd', text: '最\ud800好', kind: 'overlay' }),
      JSON.stringify({ id: 7, text: '一三八零零一三八零零零' }),
    ].join('\n');
    const r = run([], input);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b', null, 'd', '7']);
    expect(out[0].hits.length).toBeGreaterThan(0);
    for (const h of out[0].hits) {
      expect(Object.keys(h).sort()).toEqual(['basis', 'category', 'end', 'matched', 'rule', 'severity', 'start']);
      expect('家人们加我薇信，全网最低价'.slice(h.start, h.end)).toBe(h.matched);
    }
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringMatching(/not JSON/) });
    expect(out[2].hits).toEqual([]);
    expect(out[3]).toMatchObject({ line: 5, error: expect.stringMatching(/^text/) });
    expect(out[5].hits.map((h: { category: string }) => h.category)).toContain('off_platform_diversion');
    expect(r.stderr).toMatch(/line 2:/);
  });

  it('loads another pack with --rules and refuses an invalid one naming the rule and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livehub-pack-'));
    const rule = {
      id: 'TST-001',
      category: 'absolute_claim',
      severity: 2,
      action: 'review',
      basis: { law: '测试法', article: '第一条', summaryZh: '测试', summaryEn: 'test' },
      explain: { zh: '命中“{matched}”', en: 'hit “{matched}”' },
      terms: ['独门秘方'],
    };
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ id: 'test-pack', version: '2026.11.1', publishedAt: '2026-11-21', rules: [rule] }));
    const r = run(['--rules', good], `${JSON.stringify({ id: 'x', text: '祖传独门秘方，全网最低价' })}\n`);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).hits.map((h: { rule: string }) => h.rule)).toEqual(['TST-001']);

    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ id: 'test-pack', version: '2026.11.1', publishedAt: '2026-11-21', rules: [{ ...rule, category: 'rudeness' }] }),
    );
    const b = run(['--rules', bad], '');
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/rule TST-001: category/);
  });

  it('screens a large input quickly enough to stream (no timing threshold, just completes)', () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ id: String(i), text: i % 2 ? '点点关注，三二一上链接' : '这款是全网最低价的羽绒服' }),
    ).join('\n');
    const r = run([], lines);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(5000);
  });
});
