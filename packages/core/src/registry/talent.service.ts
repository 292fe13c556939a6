/**
 * 人才培训: a person's talent record — training courses and the 互联网营销师 level — kept by the platform, the
 * person's MCN or the base hosting that MCN, and read within the same scope.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { IdGenerator } from '../ports/runtime.ts';
import { type Actor, isCrossTenant } from '../shared/actor.ts';
import type { TalentView, TrainingInput } from './registry.types.ts';

/** the registry's records; the person, their memberships and organizations decide who may read them */
type TalentScope = 'registry' | 'users' | 'orgs' | 'memberships' | 'audit';

export interface TalentDeps {
  uow: ScopedUnitOfWork<TalentScope>;
  ids: IdGenerator;
  audit: AuditService;
}

export class TalentService {
  constructor(private readonly d: TalentDeps) {}

  /**
   * Records a training course for a person: by the platform, by the person's MCN, or by the base hosting that MCN.
   * Training records and the 互联网营销师 level make up the talent record the seeds ask bases to keep.
   */
  async recordTraining(actor: Actor, input: TrainingInput): Promise<{ id: string }> {
    return this.d.uow.transaction(async (tx) => {
      if (!(await tx.users.findById(input.userId))) throw new AppError('user.not_found', { field: 'userId' });
      await this.requireScope(tx, actor, input.userId);
      const id = this.d.ids.next();
      await tx.registry.insertTraining({
        id,
        userId: input.userId,
        course: input.course,
        hours: input.hours,
        completedAt: input.completedAt,
        documentId: input.documentId ?? null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'talent.training',
        targetType: 'user',
        targetId: input.userId,
        detail: { course: input.course, hours: input.hours },
      });
      return { id };
    });
  }

  async talent(actor: Actor, userId: string): Promise<TalentView> {
    const r = this.d.uow.read;
    const user = await r.users.findById(userId);
    if (!user) throw new AppError('user.not_found', { field: 'userId' });
    await this.requireScope(r, actor, userId);
    const [profile, training] = await Promise.all([r.registry.findStreamer(userId), r.registry.listTraining(userId)]);
    return {
      userId,
      displayName: user.displayName,
      marketerLevel: profile?.marketerLevel ?? null,
      streamerStatus: profile?.status ?? null,
      training: training.map((t) => ({
        id: t.id,
        course: t.course,
        hours: t.hours,
        completedAt: t.completedAt.toISOString().slice(0, 10),
      })),
      totalHours: training.reduce((n, t) => n + t.hours, 0),
    };
  }

  /**
   * Platform and regulators see everyone; an MCN manager its own people; a base the people of the MCNs it hosts;
   * everyone else (a streamer, a merchant) only themselves — colleagues never read each other's records.
   */
  async requireScope(tx: Pick<Repositories, 'memberships' | 'orgs'>, actor: Actor, userId: string): Promise<void> {
    if (isCrossTenant(actor)) return;
    if (actor.userId === userId) return;
    if (actor.role !== 'mcn_manager' && actor.role !== 'base_operator') throw new AppError('auth.tenant', { field: 'userId' });
    const ms = await tx.memberships.listForUser(userId);
    if (actor.orgId && ms.some((m) => m.orgId === actor.orgId)) return;
    if (actor.role === 'base_operator' && actor.orgId) {
      for (const m of ms) if ((await tx.orgs.findById(m.orgId))?.parentId === actor.orgId) return;
    }
    throw new AppError('auth.tenant', { field: 'userId' });
  }

  /** Whether `actor` may read `userId`'s records (the live gate as an API answer uses it). */
  requireReadScope(actor: Actor, userId: string): Promise<void> {
    return this.requireScope(this.d.uow.read, actor, userId);
  }
}
