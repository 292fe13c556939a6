/**
 * The learned part of 人货匹配 (docs/matching.md, "The model"; ADR 0029): trains the ALS model, stores it by version
 * (`match_models`) with its audit entry, loads the newest version into this process (on start, when announced on the
 * pub/sub port, on the tick), and retrains on the tick's schedule — a quiet hour in China time, given enough new
 * interactions — as the system.
 */
import { MatchingEngine, type MatchCatalog, type Interaction } from '@livehub/matching';
import { AppError } from '../errors.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import {
  countNewInteractions,
  DEFAULT_RETRAIN_SCHEDULE,
  decodeFactors,
  encodeFactors,
  type RetrainSchedule,
  retrainDue,
} from './matching-model.rules.ts';
import { extractFactors, type TrainedFactors } from './matching.rules.ts';
import type { MatchingDeps } from './matching.service.ts';
import type { MatchModelMeta, MatchModelTrigger, MatchSnapshot } from './matching.types.ts';

/** Stored versions kept (older ones are deleted when a new one is stored). */
export const MATCH_MODELS_KEPT = 3;
const RETRAIN_LOCK = 'matching:retrain';

export type TrainedModelInfo = MatchModelMeta;

export interface ModelStatus {
  /** the newest stored version (null: none trained yet — signals only) */
  latest: TrainedModelInfo | null;
  /** the version this process ranks with */
  loadedVersion: number | null;
  schedule: RetrainSchedule;
  /** when the scheduler next looks (null: on demand only) */
  nextRetrainAt: Date | null;
}

/** Where the trainings read from: the matching service's snapshot and its mapping to the engine's input. */
export interface ModelSource {
  snapshot(now: Date): Promise<MatchSnapshot>;
  input(snap: MatchSnapshot, now: Date): { catalog: MatchCatalog; history: Interaction[] };
}

export class MatchingModels {
  private model: { factors: TrainedFactors; info: TrainedModelInfo } | null = null;
  /** the last scheduled look that found too few new interactions (the next look is a period later) */
  private skippedAt: Date | null = null;
  private readonly schedule: RetrainSchedule;

  constructor(
    private readonly d: MatchingDeps,
    private readonly src: ModelSource,
  ) {
    this.schedule = d.schedule ?? DEFAULT_RETRAIN_SCHEDULE;
  }

  /** the loaded model (factors by id and its version) or null */
  current(): { factors: TrainedFactors; info: TrainedModelInfo } | null {
    return this.model;
  }

  /** The model this process ranks with (null: none stored yet — rankings use the signals only). */
  info(): TrainedModelInfo | null {
    return this.model ? { ...this.model.info } : null;
  }

  /** The newest stored model, the one loaded here and the schedule (for the admin and the base's 匹配动态). */
  async status(actor: Actor): Promise<ModelStatus> {
    if (actor.role !== 'platform_admin' && actor.role !== 'base_operator' && actor.role !== 'system') throw new AppError('auth.forbidden');
    const latest = await this.d.uow.read.matching.latestModel();
    const decision = retrainDue(this.d.clock.now(), this.lastLook(latest), this.schedule);
    return {
      latest,
      loadedVersion: this.model?.info.version ?? null,
      schedule: { ...this.schedule },
      nextRetrainAt: decision.due ? this.d.clock.now() : decision.next,
    };
  }

  /** Loads the newest stored model when it is newer than the one in memory (on start, on the tick, when told). */
  async load(): Promise<number | null> {
    return this.loadFrom(await this.d.uow.read.matching.latestModel());
  }

  /** `load` with the newest version's meta already read. */
  private async loadFrom(latest: MatchModelMeta | null): Promise<number | null> {
    if (!latest || (this.model && this.model.info.version >= latest.version)) return this.model?.info.version ?? null;
    const rec = await this.d.uow.read.matching.loadModel(latest.version);
    if (!rec) return this.model?.info.version ?? null;
    const { factors, ...info } = rec;
    this.model = { factors: decodeFactors(factors), info };
    return info.version;
  }

  /** Trains the learned part (ALS) on the current pool and history, stores it as the next version. Audited. */
  async retrain(actor: Actor): Promise<TrainedModelInfo> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    return this.train(actor, 'manual', now, await this.src.snapshot(now));
  }

  /**
   * The tick's scheduled training: when the schedule says it is time (a quiet hour, China time) and enough
   * interactions arrived since the last version, trains as the system (audited) under a lock, so that one process
   * does it; every tick also picks up a version another process stored.
   */
  async scheduledRetrain(now: Date = this.d.clock.now()): Promise<{ matchingRetrained: number }> {
    const latest = await this.d.uow.read.matching.latestModel();
    await this.loadFrom(latest);
    const idle = () => ({ matchingRetrained: 0 });
    if (!retrainDue(now, this.lastLook(latest), this.schedule).due) return idle();
    const token = this.d.locks ? await this.d.locks.acquire(RETRAIN_LOCK, 10 * 60_000) : 'none';
    if (token === null) return idle();
    try {
      const again = await this.d.uow.read.matching.latestModel();
      if (!retrainDue(now, this.lastLook(again), this.schedule).due) return idle();
      const snap = await this.src.snapshot(now);
      const fresh = snap.history.filter((h) => !again || h.at.getTime() > again.trainedAt.getTime()).length;
      if (fresh < this.schedule.minNewInteractions) {
        this.skippedAt = now;
        return idle();
      }
      await this.train(SYSTEM_ACTOR, 'schedule', now, snap);
      return { matchingRetrained: 1 };
    } finally {
      if (this.d.locks && token !== 'none') await this.d.locks.release(RETRAIN_LOCK, token);
    }
  }

  private lastLook(latest: MatchModelMeta | null): Date | null {
    const t = latest?.trainedAt ?? null;
    if (!this.skippedAt) return t;
    return !t || this.skippedAt > t ? this.skippedAt : t;
  }

  /** One training: ALS on the snapshot, stored as the next version with its audit entry in one transaction. */
  private async train(actor: Actor, trigger: MatchModelTrigger, now: Date, snap: MatchSnapshot): Promise<TrainedModelInfo> {
    const { catalog, history } = this.src.input(snap, now);
    const engine = MatchingEngine.build(catalog, { history, asOf: now.getTime() });
    const factors = extractFactors(engine);
    const bytes = encodeFactors(factors);
    const info = await this.d.uow.transaction(async (tx) => {
      const prev = await tx.matching.latestModel();
      const meta: TrainedModelInfo = {
        version: (prev?.version ?? 0) + 1,
        trainedAt: now,
        trigger,
        streamers: catalog.streamers.length,
        products: catalog.products.length,
        interactions: history.length,
        pairs: engine.historyPairs,
        newInteractions: countNewInteractions(history, prev ? prev.trainedAt.getTime() : null),
        dim: factors.dim,
      };
      await tx.matching.saveModel({ ...meta, factors: bytes }, MATCH_MODELS_KEPT);
      await this.d.audit.record(tx, actor, {
        action: 'matching.retrain',
        targetType: 'matching_model',
        targetId: String(meta.version),
        detail: { ...meta, trainedAt: now.toISOString(), bytes: bytes.length, learned: engine.learned && engine.f > 0 },
      });
      return meta;
    });
    this.model = { factors, info };
    this.skippedAt = null;
    await this.d.modelChanged?.().catch(() => {});
    return { ...info };
  }
}
