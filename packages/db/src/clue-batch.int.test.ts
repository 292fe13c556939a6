/**
 * The clue detectors by the batch on the real database (PGlite, and PostgreSQL when DATABASE_URL is set): one random
 * event stream — complaints against a dozen merchants (some redelivered, some filed twice, some out of time order),
 * confirmed violations of every severity, credit's 触发式监管 crossings, referred reports, scarcity claims — goes
 * through `ClueService.ingest` one event at a time into one database and through `ClueService.ingestBatch` in
 * batches of random sizes into another, with some clues dismissed halfway through in both. The same clues come out
 * (rule, subject, risk, facts, evidence, signals, times, version, status, department) with the same log, the same
 * signals, the same `supervision.clue_raised` events and audit entries, and both ways count the same clues touched.
 */
import { randomUUID } from 'node:crypto';
import { AuditService, type ClueEvent, type ClueRecord, ClueService, NameDirectory } from '@livehub/core';
import { availableDrivers, openTestDatabase, type TestDatabase } from '@livehub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MINUTE = 60_000;
const clock = { now: () => new Date('2026-12-01T00:00:00Z') };

/** A seeded generator (mulberry32): the same stream every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stream(n: number, seed: number): ClueEvent[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const merchants = Array.from({ length: 12 }, () => randomUUID());
  const streamers = Array.from({ length: 6 }, () => randomUUID());
  const sessions = Array.from({ length: 4 }, () => randomUUID());
  const complaints: string[] = [];
  const out: ClueEvent[] = [];
  let t = Date.UTC(2026, 9, 1);
  for (let i = 0; i < n; i++) {
    // mostly forward by up to three hours; one in ten a little back in time
    t += r() < 0.1 ? -Math.floor(r() * 600) * MINUTE : Math.floor(r() * 200) * MINUTE;
    const at = new Date(t).toISOString();
    const roll = r();
    if (i > 0 && roll < 0.05) {
      out.push({ ...(out[Math.floor(r() * out.length)] as ClueEvent) }); // redelivered
      continue;
    }
    const id = randomUUID();
    if (roll < 0.6) {
      // the same complaint filed again now and then (another event, the same fact)
      const complaintId = complaints.length > 0 && r() < 0.05 ? pick(complaints) : randomUUID();
      complaints.push(complaintId);
      out.push({
        id,
        at,
        topic: 'disputes.complaint_filed',
        payload: { complaintId, merchantOrgId: pick(merchants.slice(0, 8)), category: 'quality' },
      });
    } else if (roll < 0.75) {
      const categories = [pick(['false_advertising', 'off_platform_diversion', 'prohibited_goods', 'absolute_claim'])];
      out.push({
        id,
        at,
        topic: 'compliance.violation_confirmed',
        payload: {
          violationId: randomUUID(),
          merchantOrgId: pick(merchants),
          ...(r() < 0.7 ? { streamerUserId: pick(streamers) } : {}),
          categories,
          severity: 1 + Math.floor(r() * 5),
        },
      });
    } else if (roll < 0.85) {
      const streamer = r() < 0.3;
      out.push({
        id,
        at,
        topic: 'credit.clue_raised',
        payload: {
          partyId: streamer ? pick(streamers) : pick(merchants),
          partyKind: streamer ? 'streamer' : 'merchant',
          trigger: pick(['violations', 'tier_d', 'refund_overdue', 'unknown']),
          detail: { count: 3 + Math.floor(r() * 3), windowDays: 30 },
        },
      });
    } else if (roll < 0.93) {
      out.push({
        id,
        at,
        topic: 'reports.report_referred',
        payload: {
          reportId: randomUUID(),
          targetKind: pick(['organization', 'live_session', 'user']),
          targetId: pick([...merchants.slice(0, 3), ...sessions, ...streamers.slice(0, 2)]),
          category: pick(['fraud', 'infringement', 'vulgar', 'other']),
          outcome: pick(['下架', null]),
          anonymous: r() < 0.5,
          evidenceCount: Math.floor(r() * 4),
        },
      });
    } else {
      out.push({
        id,
        at,
        topic: 'compliance.screened',
        payload: { screeningEventId: randomUUID(), sessionRef: pick(sessions), hits: [{ category: 'false_scarcity' }] },
      });
    }
  }
  return out;
}

function detectors(t: TestDatabase): ClueService {
  const ids = { next: () => randomUUID() };
  return new ClueService({
    uow: t.database.uow,
    clock,
    ids,
    audit: new AuditService({ clock, ids }),
    names: new NameDirectory({ uow: t.database.uow }),
    departments: { departmentOf: async () => null, departmentsOf: async () => new Map([['scjgj', '市场监管局']]) },
  });
}

/** 不予立案 for every open clue of these rules, as a regulator would between two events (a later signal raises anew). */
async function dismissAll(t: TestDatabase, rules: string[]): Promise<number> {
  const open = await t.database.uow.read.clues.listClues({ status: 'open', limit: 10_000 });
  const chosen = open.filter((c) => rules.includes(c.rule));
  await t.database.uow.transaction(async (tx) => {
    for (const c of chosen)
      expect(await tx.clues.updateClue({ ...c, status: 'dismissed', closingReason: '核查无果', version: c.version + 1 }, c.version)).toBe(
        true,
      );
  });
  return chosen.length;
}

/** Every clue without its id, with its log; in an order that does not depend on ids. */
async function outcome(t: TestDatabase) {
  const rows = await t.database.uow.read.clues.listClues({ limit: 100_000 });
  const clues = await Promise.all(
    rows.map(async ({ id, ...c }: ClueRecord) => ({
      ...c,
      firstAt: c.firstAt.toISOString(),
      lastAt: c.lastAt.toISOString(),
      entries: (await t.database.uow.read.clues.listEntries(id)).map((e) => `${e.action} ${e.at.toISOString()} ${e.toDepartment ?? ''}`),
    })),
  );
  clues.sort((a, b) => `${a.dedupeKey} ${a.firstAt} ${a.status}`.localeCompare(`${b.dedupeKey} ${b.firstAt} ${b.status}`));
  const q = (sql: string) => t.database.exec(sql) as Promise<Array<Record<string, unknown>>>;
  const signals = (await q(`select kind, subject_id, at, source from clue_signals order by source`)).map((s) => JSON.stringify(s));
  const raised = (await q(`select payload from outbox where topic = 'supervision.clue_raised'`))
    .map((r) => {
      const { clueId: _, ...rest } = r.payload as Record<string, unknown>;
      return JSON.stringify(rest);
    })
    .sort();
  const audited = (await q(`select action, detail from audit_log order by seq`)).map((r) => {
    const { detail, ...rest } = r as { detail: unknown };
    return JSON.stringify({ ...rest, detail });
  });
  return { clues, signals, raised, audited };
}

describe.each(availableDrivers())('clue detectors by the batch on %s', (driver) => {
  const events = stream(900, 18);
  const half = 450;
  let single: TestDatabase;
  let batched: TestDatabase;
  let touchedOneByOne = 0;
  let touchedInBatches = 0;
  const batchSizes: number[] = [];

  beforeAll(async () => {
    [single, batched] = await Promise.all([openTestDatabase(driver), openTestDatabase(driver)]);
    const one = detectors(single);
    const many = detectors(batched);
    const r = random(7);
    for (const [from, to] of [
      [0, half],
      [half, events.length],
    ] as const) {
      for (const e of events.slice(from, to)) touchedOneByOne += await one.ingest(e);
      for (let i = from; i < to; ) {
        const size = Math.min(to - i, 1 + Math.floor(r() * 120));
        batchSizes.push(size);
        touchedInBatches += await many.ingestBatch(events.slice(i, i + size));
        i += size;
      }
      if (from === 0) {
        const dismissed = [
          await dismissAll(single, ['complaint_spike', 'serious_violation']),
          await dismissAll(batched, ['complaint_spike', 'serious_violation']),
        ];
        expect(dismissed[0]).toBeGreaterThan(0);
        expect(dismissed[1]).toBe(dismissed[0]);
      }
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all([single?.drop(), batched?.drop()]);
  });

  it('raises and reinforces exactly the clues one event at a time does', async () => {
    const [a, b] = await Promise.all([outcome(single), outcome(batched)]);
    // the stream reaches every detector: spikes, serious violations, credit's crossings, reports; reinforcements; a dismissal
    expect(new Set(a.clues.map((c) => c.rule))).toEqual(
      new Set(['complaint_spike', 'serious_violation', 'repeat_violation', 'credit_tier_d', 'refund_overdue_repeat', 'report']),
    );
    expect(a.clues.some((c) => c.signals > 1 && c.version > 1)).toBe(true);
    expect(a.clues.some((c) => c.status === 'dismissed')).toBe(true);
    expect(batchSizes.some((s) => s > 50)).toBe(true);
    expect(b.clues).toEqual(a.clues);
    expect(b.signals).toEqual(a.signals);
    expect(b.raised).toEqual(a.raised);
    expect(b.audited).toEqual(a.audited);
    expect(touchedInBatches).toBe(touchedOneByOne);
  });

  it('is idempotent by the batch: the whole stream again changes nothing', async () => {
    const before = await outcome(batched);
    expect(await detectors(batched).ingestBatch(events)).toBe(0);
    expect(await outcome(batched)).toEqual(before);
  });
});
