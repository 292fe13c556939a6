/**
 * The credit model's versions (信用模型): the platform publishes a new version (validated by the engine, its version
 * new and in its changelog), everyone is re-scored under it, and each party whose tier changed gets a tier move
 * that says the model changed. Other processes are told to load the new version (`modelChanged`).
 */
import { type CreditModel, DEFAULT_MODEL, withNewKinds } from '@livehub/credit';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { assertValidModel, type StaticCreditModel } from './credit-model.source.ts';
import type { CreditModelRecord } from './credit-models.repository.ts';

export interface CreditModelDeps {
  uow: ScopedUnitOfWork<'creditModels' | 'audit'>;
  clock: Clock;
  audit: AuditService;
  source: StaticCreditModel;
  /** re-scores everyone after a publish (the recompute service) */
  rescoreAll: (actor: Actor) => Promise<{ parties: number; tierChanges: number }>;
  /** tells the other processes to load the new version */
  modelChanged?: () => Promise<void>;
}

export class CreditModelService {
  constructor(private readonly d: CreditModelDeps) {}

  /** Loads the newest published version into the source (at start-up, and when another process published). */
  async load(): Promise<CreditModel> {
    const latest = await this.d.uow.read.creditModels.latest();
    // a version published before a kind existed scores the new kind as the default model does
    if (latest) this.d.source.set(withNewKinds(latest.model, DEFAULT_MODEL));
    return this.d.source.current();
  }

  /** The published versions, newest first, each with its changelog line; the default model until one is published. */
  async versions(): Promise<Array<Omit<CreditModelRecord, 'model'> & { zh: string; en: string }>> {
    const line = (m: CreditModel, version: string) => {
      const l = m.changelog.find((x) => x.version === version);
      return { zh: l?.zh ?? '', en: l?.en ?? '' };
    };
    const rows = await this.d.uow.read.creditModels.list();
    if (rows.length > 0) return rows.map(({ model, ...v }) => ({ ...v, ...line(model, v.version) }));
    const m = this.d.source.current();
    return [
      {
        version: m.version,
        effectiveFrom: m.effectiveFrom,
        publishedBy: null,
        publishedAt: new Date(`${m.effectiveFrom}T00:00:00+08:00`),
        ...line(m, m.version),
      },
    ];
  }

  async publish(actor: Actor, model: unknown): Promise<{ version: string; parties: number; tierChanges: number }> {
    if (actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
    assertValidModel(model);
    const current = this.d.source.current();
    if (model.version === current.version)
      throw new AppError('credit.invalid_model', {
        field: 'version',
        details: { issue: { zh: 'version：与生效中的模型版本相同', en: 'version: same as the model in force' } },
      });
    await this.d.uow.transaction(async (tx) => {
      const inserted = await tx.creditModels.insert({
        version: model.version,
        model,
        effectiveFrom: model.effectiveFrom,
        publishedBy: actor.userId,
        publishedAt: this.d.clock.now(),
      });
      if (!inserted)
        throw new AppError('credit.invalid_model', {
          field: 'version',
          details: { issue: { zh: 'version：该版本已发布过', en: 'version: published before' } },
        });
      await this.d.audit.record(tx, actor, {
        action: 'credit.model_publish',
        targetType: 'credit_model',
        targetId: model.version,
        detail: { from: current.version, to: model.version, effectiveFrom: model.effectiveFrom },
      });
    });
    this.d.source.set(model);
    await this.d.modelChanged?.();
    const r = await this.d.rescoreAll(actor);
    return { version: model.version, parties: r.parties, tierChanges: r.tierChanges };
  }
}
