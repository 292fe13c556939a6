/**
 * The `livehub` command as a user runs it: a child process on its own data directory. Covers the audit-chain
 * verification catching a modified row, demo seeding at scale, and a clear failure when the database is absent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { livehub } from './helpers/livehub-cli.ts';

describe('livehub CLI', () => {
  it('seeds demo data at scale 10 with bulk inserts, then verifies the audit chain and catches a modified row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livehub-cli-'));
    const env = { LIVEHUB_DATA_DIR: dir };
    const seed = livehub(['seed', '--demo', '--scale', '10'], env);
    expect(seed.code, seed.err).toBe(0);
    const counts = JSON.parse(seed.out.trim().split('\n').at(-1) ?? '{}');
    expect(counts).toMatchObject({ scale: 10 });
    expect(counts.users).toBeGreaterThan(2000);
    expect(counts.orgs).toBeGreaterThan(200);

    const again = livehub(['seed', '--demo'], env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already has users/);

    const created = livehub(
      [
        'user',
        'create',
        '--username',
        'cli_made',
        '--password',
        'long-enough-pw',
        '--display-name',
        '命令行用户',
        '--phone',
        '13600001111',
      ],
      env,
    );
    expect(created.code, created.err).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ username: 'cli_made', phone: '136****1111' });
    const bad = livehub(['user', 'create', '--username', 'x', '--password', 'short', '--display-name', 'y'], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--username/);

    const ok = livehub(['audit', 'verify'], env);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true });

    const db = new PGlite(join(dir, 'pgdata'));
    await db.query(`update audit_log set actor_label = 'mallory' where seq = 3`);
    await db.close();

    const broken = livehub(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, firstBrokenSeq: 3 });

    const ev = livehub(['evidence', 'verify'], env);
    expect(ev.code, ev.err).toBe(0);
    // the demo's confirmed violations: the review queue's one, the three behind the district's credit tiers, and the
    // one a substantiated demo report confirmed on its review item (reports and review items are kept in step)
    expect(JSON.parse(ev.out)).toMatchObject({ ok: true, checked: 5 });
  });

  it('exits non-zero with a readable message when the database cannot be reached', () => {
    const r = livehub(['migrate'], {
      LIVEHUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'livehub-cli-')),
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^livehub: Cannot open the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });

  it('exits non-zero listing invalid configuration', () => {
    const r = livehub(['migrate'], { LIVEHUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'livehub-cli-')), PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Invalid configuration:\n\s+- PORT/);
  });
});
