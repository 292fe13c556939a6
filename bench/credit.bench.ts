/**
 * Credit benchmark (issue #16: "a full recompute of 100,000 parties from 2,000,000 events (`recompute_s`, goal
 * ≤ 10 s on PGlite and on PostgreSQL), and incremental updates from a stream of events (`p99_ms` per event, goal
 * ≤ 5 ms)").
 *
 * Data: --parties parties of the four kinds (half streamers, a third merchants, MCNs, bases) with --events events
 * between them (5 to 35 each, 20 on average), drawn from a fixed seed: mostly completed orders, with returns,
 * late shipments, overdue refunds and samples, violations by severity (most of them minor), upheld complaints,
 * lapsed certifications, penalties, training and clean streaming hours — over the last 400 days. They are loaded
 * through the repository's bulk insert (`insertEvents`: one unnest statement per 2,000), which is not timed, with
 * what recording them one by one would have left beside them: a training task for each first offence the modes
 * waived (so the stream meets the steady state a running platform is in, not a backlog of tasks never assigned).
 *
 * Recompute: `CreditRecomputeService.recompute` end to end — reading every event, scoring every party, writing
 * every score, the tier moves, the tier listeners (tier D holds payouts) and the audit entry. Timed twice: first
 * on an empty score table (every score written: the headline, the worst case) and again right after (`again`:
 * the scores are stored and most are unchanged).
 * Incremental: --stream events, one at a time, each through `CreditService.ingest` (record, audit, rescore the
 * party from its ~20 events with the modes' hook, store the score, a tier move when the tier changes) for a party drawn at random:
 * BEGIN, the event's insert with the party's events (taking the audit chain's lock), the score's upsert (reading the
 * chain's head, and the party's training tasks and last clues when the modes' hook will act on them), the audit
 * entries, COMMIT — two more (the task and its audit entry) when a first offence is newly waived, a clue and its
 * outbox event when a trigger raises one, and the tier move and its listeners when the tier changes. Timed in steady
 * state: 200 untimed events first, and a full garbage collection (of the recompute's) just before the timed ones.
 * On PGlite (in memory) and on PostgreSQL (BENCH_DATABASE_URL / DATABASE_URL, else 127.0.0.1:5432/test) in a
 * scratch database of its own from @livehub/testing, dropped afterwards.
 * ratio = 10 s ÷ the PGlite recompute_s (≥ 1 meets the goal).
 * Options: --parties N (100,000), --events N (2,000,000), --stream N (2,000), --skip-postgres, --skip-pglite (for
 * profiling one side; the headline needs both).
 */
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SCREENING_CATEGORIES } from '@livehub/contracts';
import {
  AuditService,
  ObservationPeriods,
  type CreditEventInput,
  type CreditEventKind,
  type CreditEventRecord,
  CreditGateService,
  CreditModeHook,
  CreditModeService,
  CreditModesCache,
  type CreditPartyDirectory,
  type CreditPartyKind,
  CreditRecomputeService,
  CreditService,
  type CreditTrainingTaskRecord,
  DEFAULT_MODE_SETTINGS,
  NameDirectory,
  partyPolicy,
  PayoutHoldMeasure,
  PayoutHoldService,
  StaticCreditModel,
  SYSTEM_ACTOR,
  toEngineEvent,
  waivedFirstOffences,
} from '@livehub/core';
import { scoreParty } from '@livehub/credit';
import { WorkerCreditRangeScorer } from '@livehub/server';
import { openTestDatabase, type TestDatabase } from '@livehub/testing';
import { numberArg } from './lib/args.ts';
import { percentile } from './lib/load.ts';

const GOAL_RECOMPUTE_S = 10;
const GOAL_P99_MS = 5;
const DAY_MS = 86_400_000;
const LOAD_TX = 20_000;
/** events ingested untimed before the stream is timed */
const WARM_UP = 200;

/** A full garbage collection (V8's `gc`, exposed for this process). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** A small seeded generator (mulberry32), so every run scores the same parties from the same events. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Mix = Array<[CreditEventKind, number]>;
/** What happens to each kind of party, by relative frequency. */
const MIX: Record<CreditPartyKind, Mix> = {
  merchant: [
    ['order.completed', 72],
    ['order.returned', 8],
    ['shipment.late', 6],
    ['refund.overdue', 3],
    ['complaint.upheld', 3],
    ['violation.confirmed', 4],
    ['training.completed', 2],
    ['case.penalty', 0.5],
    ['certification.lapsed', 0.5],
  ],
  streamer: [
    ['order.completed', 60],
    ['order.returned', 6],
    ['streaming.clean', 15],
    ['violation.confirmed', 6],
    ['sample.overdue', 3],
    ['shipment.late', 3],
    ['complaint.upheld', 3],
    ['training.completed', 2],
    ['case.penalty', 0.5],
    ['certification.lapsed', 0.5],
  ],
  mcn: [
    ['violation.confirmed', 30],
    ['sample.overdue', 25],
    ['complaint.upheld', 20],
    ['training.completed', 15],
    ['case.penalty', 5],
    ['certification.lapsed', 5],
  ],
  base: [
    ['violation.confirmed', 35],
    ['complaint.upheld', 25],
    ['training.completed', 25],
    ['case.penalty', 5],
    ['certification.lapsed', 10],
  ],
};

function picker(mix: Mix): (r: number) => CreditEventKind {
  const total = mix.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r * total;
    for (const [kind, w] of mix) {
      x -= w;
      if (x < 0) return kind;
    }
    return mix[mix.length - 1]![0];
  };
}
const PICK = Object.fromEntries(Object.entries(MIX).map(([k, m]) => [k, picker(m)])) as Record<
  CreditPartyKind,
  (r: number) => CreditEventKind
>;

/** An event's data as its source context would send it; severities are mostly minor. */
function dataOf(kind: CreditEventKind, r: () => number): Record<string, unknown> {
  const severity = (max: number) => Math.min(max, 1 + Math.floor(-Math.log(1 - r()) * 0.9));
  switch (kind) {
    case 'violation.confirmed':
      return {
        severity: severity(5),
        category: SCREENING_CATEGORIES[Math.floor(r() * SCREENING_CATEGORIES.length)],
        ruleId: `rule-${Math.floor(r() * 40)}`,
      };
    case 'complaint.upheld':
    case 'case.penalty':
      return { severity: severity(3) };
    case 'order.completed':
      return { onTime: r() < 0.92 };
    case 'refund.overdue':
    case 'shipment.late':
    case 'sample.overdue':
      return { days: 1 + Math.floor(r() * 14) };
    case 'training.completed':
      return { hours: 1 + Math.floor(r() * 4) };
    case 'streaming.clean':
      return { hours: Math.round((0.5 + r() * 5.5) * 100) / 100 };
    default:
      return {};
  }
}

interface Party {
  id: string;
  kind: CreditPartyKind;
}

function partiesOf(n: number, r: () => number): Party[] {
  return Array.from({ length: n }, () => {
    const x = r();
    const kind: CreditPartyKind = x < 0.5 ? 'streamer' : x < 0.88 ? 'merchant' : x < 0.96 ? 'mcn' : 'base';
    return { id: randomUUID(), kind };
  });
}

/** How many events each party has: 5–35 (20 on average), adjusted so they add up to `events` exactly. */
function countsOf(parties: number, events: number, r: () => number): number[] {
  const counts = Array.from({ length: parties }, () => 5 + Math.floor(r() * 31));
  let diff = events - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % parties) {
    if (diff > 0) {
      counts[i]!++;
      diff--;
    } else if (counts[i]! > 1) {
      counts[i]!--;
      diff++;
    }
  }
  return counts;
}

function eventFor(p: Party, now: number, r: () => number, source: string, recordedAt: Date): CreditEventRecord {
  const kind = PICK[p.kind](r());
  return {
    id: randomUUID(),
    partyId: p.id,
    partyKind: p.kind,
    kind,
    at: new Date(now - Math.floor(r() * 400 * DAY_MS)),
    data: dataOf(kind, r),
    source,
    voidedAt: null,
    voidReason: null,
    recordedBy: null,
    createdAt: recordedAt,
  };
}

/**
 * The services as the container wires them: the payout hold of tier D listens to tier moves, the enforcement modes'
 * hook gives each rescore its policy and acts after it (with the settings and memberships held in the process), and
 * a recompute scores with every party's policy.
 */
function servicesOf(t: TestDatabase, parties: Map<string, CreditPartyKind>) {
  const uow = t.database.uow;
  const clock = { now: () => new Date() };
  const ids = { next: () => randomUUID() };
  const audit = new AuditService({ clock, ids });
  const model = new StaticCreditModel();
  const cache = new CreditModesCache();
  const directory: CreditPartyDirectory = {
    async resolve(list) {
      const out = new Map<string, { kind: CreditPartyKind; name: string }>();
      for (const id of list) {
        const kind = parties.get(id);
        if (kind) out.set(id, { kind, name: `party ${id.slice(0, 8)}` });
      }
      return out;
    },
  };
  const holds = new PayoutHoldService({ uow, clock, ids, audit, names: new NameDirectory({ uow }) });
  const credit = new CreditService({
    uow,
    clock,
    ids,
    audit,
    parties: directory,
    model,
    // 观察期 asked as the container does (no registration here: each party's first event starts it)
    listeners: [
      new PayoutHoldMeasure({ holds, model, clock, observation: new ObservationPeriods({ partiesIn: () => directory, cache }), uow }),
    ],
    hooks: [new CreditModeHook({ model, clock, ids, audit, cache })],
  });
  const gate = new CreditGateService({ uow, model, clock });
  const modes = new CreditModeService({ uow, clock, ids, audit, model, credit, parties: directory, gate, cache });
  // as the container wires it: each range scored on a worker thread while the database reads the next
  const recompute = new CreditRecomputeService({
    uow,
    clock,
    ids,
    audit,
    credit,
    policies: modes,
    scorer: new WorkerCreditRangeScorer(),
  });
  return { credit, recompute };
}

const LOAD_TASKS = 2_000;
function trainingTask(p: Party, w: { eventId: string; category: string; severity: number }, at: Date): CreditTrainingTaskRecord {
  const days = DEFAULT_MODE_SETTINGS.firstOffence.trainingDueDays;
  return {
    id: randomUUID(),
    partyId: p.id,
    partyKind: p.kind,
    eventId: w.eventId,
    category: w.category,
    severity: w.severity,
    hours: DEFAULT_MODE_SETTINGS.firstOffence.trainingHours,
    status: 'open',
    createdAt: at,
    dueAt: new Date(at.getTime() + days * DAY_MS),
    completedAt: null,
    completionEventId: null,
  };
}

interface Options {
  parties: number;
  events: number;
  stream: number;
}

async function runOn(t: TestDatabase, o: Options, label: string) {
  const r = rng(16);
  const parties = partiesOf(o.parties, r);
  const counts = countsOf(o.parties, o.events, r);
  const kinds = new Map(parties.map((p) => [p.id, p.kind]));
  const { credit, recompute } = servicesOf(t, kinds);

  // load (not timed): parties in random order so the table is not already laid out by party
  const order = parties.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const loadStart = performance.now();
  const now = Date.now();
  const recordedAt = new Date(now);
  let batch: CreditEventRecord[] = [];
  let tasks: CreditTrainingTaskRecord[] = [];
  const model = new StaticCreditModel().current();
  const policy = partyPolicy(DEFAULT_MODE_SETTINGS, model, []);
  let n = 0;
  for (const i of order) {
    const p = parties[i]!;
    const own: CreditEventRecord[] = [];
    for (let k = 0; k < counts[i]!; k++) {
      const e = eventFor(p, now, r, `bench:${n++}`, recordedAt);
      own.push(e);
      batch.push(e);
      if (batch.length === LOAD_TX) {
        const rows = batch;
        await t.database.uow.transaction((tx) => tx.credit.insertEvents(rows));
        batch = [];
      }
    }
    // what recording these events one by one would have left besides them: a training task for each first offence
    // the modes waived (the stream's rescores then find them, as a running platform's do)
    const engine = own.map(toEngineEvent);
    for (const w of waivedFirstOffences(scoreParty(p.id, p.kind, engine, model, new Date(now), policy), engine))
      tasks.push(trainingTask(p, w, recordedAt));
    if (tasks.length >= LOAD_TASKS) {
      const rows = tasks;
      await t.database.uow.transaction((tx) => tx.creditModes.insertTrainingTasks(rows));
      tasks = [];
    }
  }
  if (batch.length > 0) {
    const rows = batch;
    await t.database.uow.transaction((tx) => tx.credit.insertEvents(rows));
  }
  if (tasks.length > 0) {
    const rows = tasks;
    await t.database.uow.transaction((tx) => tx.creditModes.insertTrainingTasks(rows));
  }
  await t.database.refreshStatistics();
  process.stderr.write(
    `  ${label}: loaded ${n} events for ${o.parties} parties in ${((performance.now() - loadStart) / 1000).toFixed(1)} s\n`,
  );

  const first = await recompute.recompute(SYSTEM_ACTOR);
  const again = await recompute.recompute(SYSTEM_ACTOR);
  const tiers = await t.database.uow.read.credit.tierCounts();
  const byTier: Record<string, number> = {};
  for (const c of tiers) byTier[c.tier] = (byTier[c.tier] ?? 0) + c.parties;
  process.stderr.write(
    `  ${label}: recompute ${(first.ms / 1000).toFixed(2)} s (${first.parties} parties, ${first.events} events, ${first.tierChanges} tier moves), ` +
      `again ${(again.ms / 1000).toFixed(2)} s; tiers ${JSON.stringify(byTier)}\n`,
  );

  // the stream: one event at a time for a random party (each has ~20 events). Timed in steady state, as a server
  // meets them: after a few untimed events (the code paths compiled) and with the recompute's garbage — two passes
  // over 2,000,000 events, which a server does only on a model change — collected first, so that its collection is
  // not charged to the events that happen to run into it.
  for (let i = 0; i < WARM_UP; i++) {
    const p = parties[Math.floor(r() * parties.length)]!;
    const e = eventFor(p, Date.now(), r, `warm:${i}`, new Date());
    await credit.ingest([{ partyId: e.partyId, partyKind: e.partyKind, kind: e.kind, at: e.at, data: e.data, source: e.source }]);
  }
  collectGarbage();
  const latencies: number[] = [];
  const streamStart = performance.now();
  for (let i = 0; i < o.stream; i++) {
    const p = parties[Math.floor(r() * parties.length)]!;
    const e = eventFor(p, Date.now(), r, `stream:${i}`, new Date());
    const input: CreditEventInput = { partyId: e.partyId, partyKind: e.partyKind, kind: e.kind, at: e.at, data: e.data, source: e.source };
    const t0 = performance.now();
    await credit.ingest([input]);
    latencies.push(performance.now() - t0);
  }
  const streamS = (performance.now() - streamStart) / 1000;
  latencies.sort((a, b) => a - b);
  const stream = {
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
    events_per_s: Math.round(o.stream / streamS),
  };
  process.stderr.write(
    `  ${label}: incremental p50 ${stream.p50_ms} ms, p95 ${stream.p95_ms} ms, p99 ${stream.p99_ms} ms, ${stream.events_per_s} events/s\n`,
  );
  return { first, again, byTier, stream };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const o: Options = {
    parties: numberArg(args, '--parties', 100_000),
    events: numberArg(args, '--events', 2_000_000),
    stream: numberArg(args, '--stream', 2_000),
  };
  process.stderr.write(`credit: ${o.parties} parties, ${o.events} events; ${o.stream} events streamed one at a time\n`);

  let onLite: Awaited<ReturnType<typeof runOn>> | null = null;
  if (!args.includes('--skip-pglite')) {
    const lite = await openTestDatabase('pglite');
    onLite = await runOn(lite, o, 'PGlite').finally(() => lite.drop());
  }

  let onPg: Awaited<ReturnType<typeof runOn>> | null = null;
  if (!args.includes('--skip-postgres')) {
    process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
    const pgDb = await openTestDatabase('postgres');
    onPg = await runOn(pgDb, o, 'PostgreSQL').finally(() => pgDb.drop());
  }

  const s = (ms: number) => Math.round(ms / 10) / 100;
  const head = onLite ?? onPg;
  if (!head) throw new Error('nothing was run');
  const recomputeLite = s(head.first.ms);
  const ratio = Math.round((GOAL_RECOMPUTE_S / recomputeLite) * 100) / 100;
  return {
    ratio,
    ratio_basis: 'goal 10 s ÷ PGlite recompute_s (CreditRecomputeService.recompute end to end on an empty score table); ≥ 1 meets the goal',
    // the goals: the recompute on PGlite and on PostgreSQL, the incremental p99 (`p99_ms`, the embedded
    // database's); PostgreSQL's own p99 against the same 5 ms is reported beside it
    goal_met: ratio >= 1 && (onPg === null || s(onPg.first.ms) <= GOAL_RECOMPUTE_S) && head.stream.p99_ms <= GOAL_P99_MS,
    p99_goal_met_postgres: onPg ? onPg.stream.p99_ms <= GOAL_P99_MS : null,
    recompute_s_pglite: onLite ? recomputeLite : null,
    recompute_s_postgres: onPg ? s(onPg.first.ms) : null,
    recompute_again_s_pglite: onLite ? s(onLite.again.ms) : null,
    recompute_again_s_postgres: onPg ? s(onPg.again.ms) : null,
    tier_moves: head.first.tierChanges,
    tiers: head.byTier,
    p50_ms: head.stream.p50_ms,
    p95_ms: head.stream.p95_ms,
    p99_ms: head.stream.p99_ms,
    events_per_s: head.stream.events_per_s,
    p50_ms_postgres: onPg?.stream.p50_ms ?? null,
    p95_ms_postgres: onPg?.stream.p95_ms ?? null,
    p99_ms_postgres: onPg?.stream.p99_ms ?? null,
    events_per_s_postgres: onPg?.stream.events_per_s ?? null,
    latency_basis:
      "ms per CreditService.ingest of one event (record, audit, rescore the party from its ~20 events with the modes' hook, store), sequential",
    goal_recompute_s: GOAL_RECOMPUTE_S,
    goal_p99_ms: GOAL_P99_MS,
    parties: o.parties,
    events: o.events,
    streamed: o.stream,
  };
}
