/**
 * The enforcement modes where they act: in rescoring (the party's scoring policy before the engine runs; after it,
 * a training task for each waived first offence and a clue for each threshold crossed, in the same transaction) and
 * on the standing every gate reads (观察期's lighter measures, 监管沙盒's extra sampling), each saying what it changed.
 */
import type { CreditScore, CreditEvent, PartyPolicy } from '@livehub/credit';
import type { AuditService } from '../audit/audit.service.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import type { CreditFollowUps, CreditFollowUpsWanted } from './credit.repository.ts';
import type { CreditPartyDirectory } from './credit.service.ts';
import type { CreditStanding, CreditStandingAdjuster } from './credit-gate.service.ts';
import type { CreditModelSource } from './credit-model.source.ts';
import type { CreditModeRepository } from './credit-modes.repository.ts';
import {
  activeCohorts,
  applySandbox,
  categoryZh,
  clueDue,
  crossedTriggers,
  DEFAULT_MODE_SETTINGS,
  lightenForObservation,
  observationUntil,
  partyPolicy,
  waivedFirstOffences,
} from './credit-modes.rules.ts';
import type { CreditCohortMemberRecord, CreditCohortRecord, CreditModeSettings, CreditTrainingTaskRecord } from './credit-modes.types.ts';
import type { CreditHookTx, CreditRecomputed, CreditRescoreHook } from './credit.service.ts';
import type { CreditPartyKind } from './credit.types.ts';

const DAY_MS = 86_400_000;
/** The credit_clue outbox topic the supervision context consumes. */
export const CLUE_TOPIC = 'credit.clue_raised';

export async function modeSettings(repo: Pick<CreditModeRepository, 'settings'>): Promise<CreditModeSettings> {
  return (await repo.settings())?.settings ?? DEFAULT_MODE_SETTINGS;
}

type Membership = { cohort: CreditCohortRecord; member: CreditCohortMemberRecord };
interface ModesState {
  settings: CreditModeSettings;
  byParty: Map<string, Membership[]>;
}

/**
 * The modes' settings and every 监管沙盒 membership, held in the process so a rescore reads neither (they change
 * rarely; every rescore needs both). `CreditModeService` runs each write of settings or membership (and the
 * rescore in its transaction) inside `changing`, and the container calls `changed()` when another process says so
 * ('credit:modes'). A load that overlaps a change — or runs while one is open, as that rescore's does — is used
 * once and not kept (a generation count), so neither a value from before a change nor an uncommitted one is held. `ttlMs` bounds how long a
 * value is kept when a message from another process is lost (30 s by default).
 */
export class CreditModesCache {
  private state: { value: ModesState; loadedAt: number } | null = null;
  private generation = 0;
  private open = 0;

  constructor(private readonly ttlMs = 30_000) {}

  changed(): void {
    this.generation++;
    this.state = null;
  }

  /** Runs a write of settings or membership: nothing loaded meanwhile is kept, and the held value is dropped after. */
  async changing<T>(write: () => Promise<T>): Promise<T> {
    this.open++;
    this.changed();
    try {
      return await write();
    } finally {
      this.open--;
      this.changed();
    }
  }

  async settings(repo: Pick<CreditModeRepository, 'settings' | 'allMemberships'>): Promise<CreditModeSettings> {
    return (await this.load(repo)).settings;
  }

  async cohortsOf(repo: Pick<CreditModeRepository, 'settings' | 'allMemberships'>, partyId: string): Promise<Membership[]> {
    return (await this.load(repo)).byParty.get(partyId) ?? [];
  }

  private async load(repo: Pick<CreditModeRepository, 'settings' | 'allMemberships'>): Promise<ModesState> {
    if (this.state && performance.now() - this.state.loadedAt < this.ttlMs) return this.state.value;
    const generation = this.generation;
    const settings = await modeSettings(repo);
    const byParty = new Map<string, Membership[]>();
    for (const m of await repo.allMemberships()) byParty.set(m.member.partyId, [...(byParty.get(m.member.partyId) ?? []), m]);
    const value = { settings, byParty };
    if (generation === this.generation && this.open === 0) this.state = { value, loadedAt: performance.now() };
    return value;
  }
}

type ModesTx = CreditHookTx & Pick<Repositories, 'creditModes' | 'outbox'>;

/** training tasks inserted (and audited) per statement after a recompute */
const TASK_BATCH = 2_000;
function modesTx(tx: CreditHookTx): ModesTx {
  if (!tx.creditModes || !tx.outbox) throw new Error('the credit modes hook needs creditModes and outbox in the rescoring transaction');
  return tx as ModesTx;
}

export interface CreditModeHookDeps {
  model: CreditModelSource;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  /** settings and memberships held in the process (the container's); without it each rescore reads them */
  cache?: CreditModesCache;
}

export class CreditModeHook implements CreditRescoreHook {
  constructor(private readonly d: CreditModeHookDeps) {}

  async policyFor(tx: CreditHookTx, partyId: string): Promise<PartyPolicy> {
    const r = modesTx(tx);
    const cache = this.d.cache;
    if (cache)
      return partyPolicy(await cache.settings(r.creditModes), this.d.model.current(), await cache.cohortsOf(r.creditModes, partyId));
    return partyPolicy(await modeSettings(r.creditModes), this.d.model.current(), await r.creditModes.cohortsOf(partyId));
  }

  async followUpsFor(
    tx: CreditHookTx,
    _partyId: string,
    _partyKind: CreditPartyKind,
    score: CreditScore,
    events: CreditEvent[],
  ): Promise<CreditFollowUpsWanted | undefined> {
    const r = modesTx(tx);
    const settings = await (this.d.cache?.settings(r.creditModes) ?? modeSettings(r.creditModes));
    const trainingTasks = waivedFirstOffences(score, events).length > 0;
    const clues = crossedTriggers(settings, events, score, this.d.clock.now()).length > 0;
    return trainingTasks || clues ? { trainingTasks, clues } : undefined;
  }

  async afterRescore(
    tx: CreditHookTx,
    partyId: string,
    partyKind: CreditPartyKind,
    score: CreditScore,
    events: CreditEvent[],
    known?: CreditFollowUps,
  ): Promise<void> {
    const r = modesTx(tx);
    const now = this.d.clock.now();
    const settings = await (this.d.cache?.settings(r.creditModes) ?? modeSettings(r.creditModes));
    // with what the score's statement read, only waived offences without a task yet are written (most rescores of a
    // party with a waived offence assign nothing new); the insert still skips a task another transaction assigned
    const assignedBefore = new Set(known?.trainingEventIds ?? []);
    const waived = waivedFirstOffences(score, events).filter((w) => !assignedBefore.has(w.eventId));
    await this.assignTraining(
      r,
      settings,
      waived.map((w) => ({ partyId, partyKind, ...w })),
      now,
    );
    for (const crossed of crossedTriggers(settings, events, score, now)) {
      const last = known?.lastClues
        ? (known.lastClues[crossed.trigger] ?? null)
        : ((await r.creditModes.lastClue(partyId, crossed.trigger))?.raisedAt ?? null);
      if (clueDue(last, crossed.windowDays, now)) await this.raiseClue(r, partyId, partyKind, crossed, now);
    }
  }

  /** 触发式监管: a clue for a threshold crossed — its row, the outbox event supervision consumes, and the audit entry. */
  private async raiseClue(
    r: ModesTx,
    partyId: string,
    partyKind: CreditPartyKind,
    crossed: ReturnType<typeof crossedTriggers>[number],
    now: Date,
  ): Promise<void> {
    const clue = { id: this.d.ids.next(), partyId, partyKind, trigger: crossed.trigger, detail: crossed.detail, raisedAt: now };
    await r.creditModes.insertClue(clue);
    await r.outbox.add({
      id: this.d.ids.next(),
      topic: CLUE_TOPIC,
      payload: { partyId, partyKind, trigger: crossed.trigger, detail: crossed.detail },
      createdAt: now,
      publishedAt: null,
    });
    await this.d.audit.record(r, SYSTEM_ACTOR, {
      action: 'credit.clue_raised',
      targetType: 'credit_party',
      targetId: partyId,
      detail: { trigger: crossed.trigger, ...crossed.detail },
    });
  }

  /**
   * After a full recompute, for the parties it scored differently: the training tasks rescoring would have assigned
   * for first offences now waived (a new model or new mode settings can waive one that counted before), and the clues
   * for thresholds the new score crosses (a new model can put a party at D) where none was raised inside the
   * trigger's window. Parties scored for the first time are left: their events were loaded in bulk, not recorded,
   * and carry no follow-ups. A party whose score did not change had its thresholds checked when its events came in.
   */
  async afterRecompute(tx: CreditHookTx, scored: CreditRecomputed[]): Promise<void> {
    if (scored.length === 0) return;
    const r = modesTx(tx);
    const now = this.d.clock.now();
    const settings = await (this.d.cache?.settings(r.creditModes) ?? modeSettings(r.creditModes));
    const waived = scored.flatMap((p) =>
      waivedFirstOffences(p.score, p.events).map((w) => ({ partyId: p.partyId, partyKind: p.partyKind, ...w })),
    );
    for (let i = 0; i < waived.length; i += TASK_BATCH) await this.assignTraining(r, settings, waived.slice(i, i + TASK_BATCH), now);
    for (const p of scored)
      for (const crossed of crossedTriggers(settings, p.events, p.score, now))
        if (clueDue((await r.creditModes.lastClue(p.partyId, crossed.trigger))?.raisedAt ?? null, crossed.windowDays, now))
          await this.raiseClue(r, p.partyId, p.partyKind, crossed, now);
  }

  /** Training tasks for waived offences, each audited; a task another transaction assigned is skipped by the insert. */
  private async assignTraining(
    r: ModesTx,
    settings: CreditModeSettings,
    waived: Array<{ partyId: string; partyKind: CreditPartyKind; eventId: string; category: string; severity: number }>,
    now: Date,
  ): Promise<void> {
    if (waived.length === 0) return;
    const tasks: CreditTrainingTaskRecord[] = waived.map((w) => ({
      id: this.d.ids.next(),
      partyId: w.partyId,
      partyKind: w.partyKind,
      eventId: w.eventId,
      category: w.category,
      severity: w.severity,
      hours: settings.firstOffence.trainingHours,
      status: 'open',
      createdAt: now,
      dueAt: new Date(now.getTime() + settings.firstOffence.trainingDueDays * DAY_MS),
      completedAt: null,
      completionEventId: null,
    }));
    const assigned = await r.creditModes.insertTrainingTasks(tasks);
    await this.d.audit.recordMany(
      r,
      assigned.map((t) => ({
        actor: SYSTEM_ACTOR,
        input: {
          action: 'credit.training_assigned',
          targetType: 'credit_training_task',
          targetId: t.id,
          detail: { partyId: t.partyId, eventId: t.eventId, category: t.category, hours: t.hours },
        },
      })),
    );
  }
}

/** What 观察期 reads: the modes' settings and, for a party the directory does not know, its first credit event. */
export type ObservationRepos = Pick<Repositories, 'creditModes' | 'orgs' | 'users' | 'registry'>;

/**
 * 观察期: a party within N days (per kind) of joining the platform (its registration, from the party directory; its
 * first credit event when the directory does not know) is in its observation period. Asked by the standing every gate
 * reads (outside a transaction) and by the payout hold of tier D (inside the rescoring one), over the repositories
 * it is given.
 */
export class ObservationPeriods {
  constructor(
    private readonly d: {
      /** the party directory over the given repositories (identity's records; the server's adapter) */
      partiesIn?: (repos: Pick<Repositories, 'orgs' | 'users' | 'registry'>) => CreditPartyDirectory;
      cache?: CreditModesCache;
    },
  ) {}

  /** The parties (of those given) inside their 观察期 at `now`, each with the day it ends; two look-ups at most. */
  async within(
    repos: ObservationRepos,
    parties: Array<{ partyId: string; partyKind: CreditPartyKind }>,
    now: Date,
  ): Promise<Map<string, Date>> {
    const out = new Map<string, Date>();
    if (parties.length === 0) return out;
    const settings = this.d.cache ? await this.d.cache.settings(repos.creditModes) : await modeSettings(repos.creditModes);
    // no observation period for these kinds of party: no need to ask when they joined (gates ask on hot paths)
    const candidates = parties.filter((p) => (settings.observation.days[p.partyKind] ?? 0) > 0);
    if (candidates.length === 0) return out;
    const ids = candidates.map((p) => p.partyId);
    const known = (await this.d.partiesIn?.(repos).resolve(ids)) ?? new Map();
    const unknown = ids.filter((id) => !known.get(id)?.since);
    const firstEvents = unknown.length > 0 ? await repos.creditModes.firstEventsAt(unknown) : new Map<string, Date>();
    for (const p of candidates) {
      const until = observationUntil(settings, p.partyKind, known.get(p.partyId)?.since ?? firstEvents.get(p.partyId) ?? null);
      if (until && now.getTime() < until.getTime()) out.set(p.partyId, until);
    }
    return out;
  }
}

/** 观察期 on the standing: D's blocking measures turned into C's marks, with the reason and the period's end. */
export class ObservationAdjuster implements CreditStandingAdjuster {
  constructor(
    private readonly d: {
      uow: ScopedUnitOfWork<'creditModes' | 'orgs' | 'users' | 'registry'>;
      model: CreditModelSource;
      periods: ObservationPeriods;
    },
  ) {}

  async adjust(standing: CreditStanding, now: Date): Promise<CreditStanding> {
    if (!standing.partyKind) return standing;
    const until = (await this.d.periods.within(this.d.uow.read, [{ partyId: standing.partyId, partyKind: standing.partyKind }], now)).get(
      standing.partyId,
    );
    return until ? lightenForObservation(standing, until, this.d.model.current()) : standing;
  }
}

/** 监管沙盒: a member of an active cohort gets its extra monitoring, and the standing names the cohort. */
export class SandboxAdjuster implements CreditStandingAdjuster {
  constructor(private readonly d: { uow: ScopedUnitOfWork<'creditModes'>; cache?: CreditModesCache }) {}

  async adjust(standing: CreditStanding, now: Date): Promise<CreditStanding> {
    const repo = this.d.uow.read.creditModes;
    const memberships = this.d.cache ? await this.d.cache.cohortsOf(repo, standing.partyId) : await repo.cohortsOf(standing.partyId);
    const cohorts = activeCohorts(memberships, now);
    return applySandbox(standing, cohorts, categoryZh);
  }
}
