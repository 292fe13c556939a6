import { describe, expect, it } from 'vitest';
import type { Repositories } from '../ports/repositories.ts';
import type { AuditRecord } from './audit.types.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import { AuditService, GENESIS_HASH } from './audit.service.ts';

/** An in-memory audit table: enough of Repositories for the chain logic. */
function memoryRepos(): { repos: Repositories; rows: AuditRecord[] } {
  const rows: AuditRecord[] = [];
  const audit = {
    lockHead: async () => (rows.length ? { seq: rows[rows.length - 1]!.seq, hash: rows[rows.length - 1]!.hash } : null),
    insert: async (e: AuditRecord) => void rows.push(structuredClone(e)),
    insertMany: async (es: AuditRecord[]) => void rows.push(...es.map((e) => structuredClone(e))),
    scan: async (after: number, limit: number) => rows.filter((r) => r.seq > after).slice(0, limit),
    list: async () => [...rows].reverse(),
    count: async () => rows.length,
  };
  return { repos: { audit } as unknown as Repositories, rows };
}

let n = 0;
const svc = new AuditService({ clock: { now: () => new Date('2026-03-01T00:00:00Z') }, ids: { next: () => `id-${++n}` } });

async function chainOf(k: number) {
  const m = memoryRepos();
  for (let i = 0; i < k; i++) {
    await svc.record(
      m.repos,
      { ...SYSTEM_ACTOR, requestId: `r${i}` },
      { action: 'thing.write', targetType: 'thing', targetId: String(i), detail: { i, 名称: `对象${i}` } },
    );
  }
  return m;
}

describe('audit hash chain', () => {
  it('links each entry to the one before, from the genesis hash', async () => {
    const { rows } = await chainOf(3);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
  });

  it('verifies an untouched chain', async () => {
    const { repos } = await chainOf(25);
    expect(await svc.verify(repos, 7)).toEqual({ ok: true, checked: 25, firstBrokenSeq: null, reason: null });
  });

  it('chains entries recorded together to each other and to what came before', async () => {
    const m = await chainOf(2);
    await svc.recordMany(
      m.repos,
      [1, 2, 3].map((i) => ({ actor: SYSTEM_ACTOR, input: { action: 'order.create', targetType: 'order', targetId: `o${i}` } })),
    );
    expect(m.rows.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(m.rows[2]?.prevHash).toBe(m.rows[1]?.hash);
    expect(m.rows[4]?.prevHash).toBe(m.rows[3]?.hash);
    await svc.record(m.repos, SYSTEM_ACTOR, { action: 'thing.write', targetType: 'thing' });
    expect(await svc.verify(m.repos, 2)).toMatchObject({ ok: true, checked: 6 });
    await svc.recordMany(m.repos, []);
    expect(m.rows).toHaveLength(6);
  });

  it('hands a deferring repository builders that chain from the head it is given, in the order recorded', async () => {
    const m = await chainOf(2);
    const kept: Array<(head: { seq: number; hash: string } | null) => AuditRecord[]> = [];
    const deferring = { audit: { ...m.repos.audit, defer: (b: (typeof kept)[number]) => void kept.push(b) } };
    await svc.record(deferring, SYSTEM_ACTOR, { action: 'thing.write', targetType: 'thing', targetId: 'a' });
    await svc.recordMany(deferring, [
      { actor: SYSTEM_ACTOR, input: { action: 'thing.write', targetType: 'thing', targetId: 'b' } },
      { actor: SYSTEM_ACTOR, input: { action: 'thing.write', targetType: 'thing', targetId: 'c' } },
    ]);
    // nothing written until the builders run, as a repository does just before its transaction commits
    expect(m.rows).toHaveLength(2);
    let head = await m.repos.audit.lockHead();
    for (const build of kept) {
      const entries = build(head);
      await m.repos.audit.insertMany(entries);
      head = { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash };
    }
    expect(m.rows.map((r) => r.targetId)).toEqual(['0', '1', 'a', 'b', 'c']);
    expect(await svc.verify(m.repos, 2)).toMatchObject({ ok: true, checked: 5 });
  });

  it('verifies an empty chain', async () => {
    expect((await svc.verify(memoryRepos().repos)).ok).toBe(true);
  });

  it.each([
    [
      'altered detail',
      (rows: AuditRecord[]) => {
        rows[4]!.detail = { i: 999 };
      },
      5,
      /change/,
    ],
    [
      'altered action',
      (rows: AuditRecord[]) => {
        rows[4]!.action = 'thing.delete';
      },
      5,
      /recompute/,
    ],
    [
      'altered actor',
      (rows: AuditRecord[]) => {
        rows[2]!.actorLabel = 'someone-else';
      },
      3,
      /recompute/,
    ],
    [
      'altered time',
      (rows: AuditRecord[]) => {
        rows[7]!.at = new Date('2020-01-01');
      },
      8,
      /recompute/,
    ],
    ['deleted row', (rows: AuditRecord[]) => void rows.splice(5, 1), 7, /gap/],
    [
      'recomputed hash after edit',
      (rows: AuditRecord[]) => {
        rows[3]!.targetId = 'x';
        rows[3]!.hash = 'f'.repeat(64);
      },
      4,
      /recompute/,
    ],
  ])('detects %s', async (_name, tamper, seq, reason) => {
    const { repos, rows } = await chainOf(10);
    tamper(rows);
    const r = await svc.verify(repos);
    expect(r.ok).toBe(false);
    expect(r.firstBrokenSeq).toBe(seq);
    expect(r.reason).toMatch(reason);
  });

  it('hashes details independently of key order', async () => {
    const a = memoryRepos();
    const b = memoryRepos();
    await svc.record(a.repos, SYSTEM_ACTOR, { action: 'x', targetType: 't', detail: { a: 1, b: 2 } });
    await svc.record(b.repos, SYSTEM_ACTOR, { action: 'x', targetType: 't', detail: { b: 2, a: 1 } });
    expect(a.rows[0]?.changeHash).toBe(b.rows[0]?.changeHash);
  });
});
