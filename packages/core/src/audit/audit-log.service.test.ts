/** The audit log as auditors read it: the query handed to the port, and the chain verified over the read side. */
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../ports/repositories.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import { AuditLogService } from './audit-log.service.ts';
import { AuditService } from './audit.service.ts';
import type { AuditRecord } from './audit.types.ts';

function memoryLog() {
  const rows: AuditRecord[] = [];
  const asked: unknown[] = [];
  const audit = {
    lockHead: async () => (rows.length ? { seq: rows.at(-1)?.seq ?? 0, hash: rows.at(-1)?.hash ?? '' } : null),
    insert: async (e: AuditRecord) => void rows.push(structuredClone(e)),
    insertMany: async (es: AuditRecord[]) => void rows.push(...es.map((e) => structuredClone(e))),
    scan: async (after: number, limit: number) => rows.filter((r) => r.seq > after).slice(0, limit),
    list: async (opts: unknown) => {
      asked.push(opts);
      return [...rows].reverse();
    },
    count: async () => rows.length,
  } as Repositories['audit'];
  const repos = { audit };
  return { rows, asked, uow: { read: repos, transaction: <T>(work: (r: typeof repos) => Promise<T>) => work(repos) } };
}

let n = 0;
const audit = new AuditService({ clock: { now: () => new Date('2026-03-01T00:00:00Z') }, ids: { next: () => `id-${++n}` } });

describe('AuditLogService', () => {
  it('passes only the filters that were asked for, an organization as a one-element scope', async () => {
    const m = memoryLog();
    const log = new AuditLogService({ uow: m.uow, audit });
    await log.list({ limit: 50 });
    await log.list({ limit: 10, beforeSeq: 7, action: 'org.create', orgId: 'o1' });
    expect(m.asked).toEqual([{ limit: 50 }, { limit: 10, beforeSeq: 7, action: 'org.create', orgIds: ['o1'] }]);
  });

  it('verifies the chain it reads, and names the first entry that no longer recomputes', async () => {
    const m = memoryLog();
    const log = new AuditLogService({ uow: m.uow, audit });
    for (let i = 0; i < 3; i++) await audit.record(m.uow.read, SYSTEM_ACTOR, { action: 'thing.write', targetType: 'thing', detail: { i } });
    expect(await log.verify()).toEqual({ ok: true, checked: 3, firstBrokenSeq: null, reason: null });
    const second = m.rows[1] as AuditRecord;
    second.detail = { i: 99 };
    expect(await log.verify()).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 2 });
  });

  it('names a page’s targets with one look-up per kind, keyed by target type and id', async () => {
    const m = memoryLog();
    const asked: unknown[] = [];
    const names = {
      namesFor: async (q: Record<string, string[]>) => {
        asked.push(q);
        return {
          users: new Map([['u1', '张三']]),
          orgs: new Map([['o1', '某商家']]),
          orders: new Map([['x1', 'LH0001']]),
          products: new Map(),
          sessions: new Map(),
        };
      },
    };
    const log = new AuditLogService({ uow: m.uow, audit, names });
    const entry = (targetType: string, targetId: string | null) => ({ action: 'thing.write', targetType, targetId, detail: {} });
    for (const e of [entry('user', 'u1'), entry('organization', 'o1'), entry('order', 'x1'), entry('order', 'x2'), entry('thing', 't1')])
      await audit.record(m.uow.read, SYSTEM_ACTOR, e);
    const page = await log.page({ limit: 50 });
    expect(page.items).toHaveLength(5);
    expect(asked).toEqual([{ users: ['u1'], orgs: ['o1'], orders: ['x2', 'x1'], products: [], sessions: [] }]); // newest first
    expect(page.targetNames).toEqual(
      new Map([
        ['user:u1', '张三'],
        ['organization:o1', '某商家'],
        ['order:x1', 'LH0001'],
      ]),
    );
  });
});
