/**
 * 包容审慎监管's enforcement modes as a job (seed 004): the platform admin sets them (首违不罚 per rule category,
 * 观察期 per party kind, 触发式监管's thresholds) and runs 监管沙盒 cohorts (create, add and remove members);
 * regulators read settings, cohorts and clues; a party reads and completes its own training tasks, each completion
 * recorded as a `training.completed` credit event. Every write is one transaction with its audit entry; a change of
 * membership rescores the party at once.
 */
import type { PartyPolicy } from '@livehub/credit';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { CreditGateService, CreditStanding } from './credit-gate.service.ts';
import type { CreditModelSource } from './credit-model.source.ts';
import { type CreditModesCache, modeSettings } from './credit-modes.hook.ts';
import { type ModeIssue, partyPolicy, validateCohort, validateModeSettings } from './credit-modes.rules.ts';
import type {
  CreditClueRecord,
  CreditCohortMemberRecord,
  CreditCohortRecord,
  CreditModeSettings,
  CreditRuleCategory,
  CreditTrainingTaskRecord,
  SandboxRelaxation,
} from './credit-modes.types.ts';
import type { CreditPartyDirectory, CreditService } from './credit.service.ts';
import type { CreditPolicyTable } from './credit-range.ts';
import { issueText } from './credit-issue.ts';

export interface CreditModeDeps {
  uow: ScopedUnitOfWork<'creditModes' | 'credit' | 'audit' | 'payouts' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  model: CreditModelSource;
  credit: CreditService;
  parties: CreditPartyDirectory;
  gate: CreditGateService;
  /** the rescoring hook's cache of settings and memberships (the container's), told of every change */
  cache?: CreditModesCache;
  /** tells the other processes that settings or memberships changed (the container publishes 'credit:modes') */
  modesChanged?: () => Promise<unknown>;
}

export interface CohortInput {
  name: string;
  description?: string | undefined;
  relax: Array<{ category: CreditRuleCategory; mode: SandboxRelaxation }>;
  extraSampling: boolean;
  startsAt: Date;
  endsAt: Date;
}

export interface CohortMemberView extends CreditCohortMemberRecord {
  partyName: string;
}

const MANAGE = new Set<Actor['role']>(['platform_admin', 'system']);
const READ = new Set<Actor['role']>(['platform_admin', 'reviewer', 'regulator', 'system']);

function refuse(code: 'credit.invalid_mode_settings' | 'credit.invalid_cohort', issues: ModeIssue[]): void {
  const first = issues[0];
  if (first) throw new AppError(code, { field: first.path, details: { issue: issueText(first.path, first.code) } });
}

export class CreditModeService {
  constructor(private readonly d: CreditModeDeps) {}

  /** Runs a write of settings or membership so the modes' cache neither keeps nor serves a stale value. */
  private async changing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await (this.d.cache ? this.d.cache.changing(write) : write());
    } finally {
      void Promise.resolve(this.d.modesChanged?.()).catch(() => {});
    }
  }

  private assert(actor: Actor, roles: Set<Actor['role']>): void {
    if (!roles.has(actor.role)) throw new AppError('auth.forbidden');
  }

  async settings(actor: Actor): Promise<{ settings: CreditModeSettings; updatedAt: Date | null }> {
    this.assert(actor, READ);
    const row = await this.d.uow.read.creditModes.settings();
    return { settings: await modeSettings(this.d.uow.read.creditModes), updatedAt: row?.updatedAt ?? null };
  }

  /** Saves new settings; they apply from each party's next rescore (or a full recompute). */
  async updateSettings(actor: Actor, settings: CreditModeSettings): Promise<{ settings: CreditModeSettings; updatedAt: Date }> {
    this.assert(actor, MANAGE);
    refuse('credit.invalid_mode_settings', validateModeSettings(settings, this.d.model.current()));
    const now = this.d.clock.now();
    await this.changing(() =>
      this.d.uow.transaction(async (tx) => {
        await tx.creditModes.saveSettings({ settings, updatedAt: now, updatedBy: actor.userId });
        await this.d.audit.record(tx, actor, {
          action: 'credit.modes_settings',
          targetType: 'credit_modes',
          targetId: 'settings',
          detail: settings as unknown as Record<string, unknown>,
        });
      }),
    );
    return { settings, updatedAt: now };
  }

  async cohorts(actor: Actor): Promise<CreditCohortRecord[]> {
    this.assert(actor, READ);
    return this.d.uow.read.creditModes.listCohorts();
  }

  async createCohort(actor: Actor, input: CohortInput): Promise<CreditCohortRecord> {
    this.assert(actor, MANAGE);
    refuse('credit.invalid_cohort', validateCohort(input));
    const cohort: CreditCohortRecord = {
      id: this.d.ids.next(),
      name: input.name.trim(),
      description: input.description?.trim() || null,
      relax: input.relax,
      extraSampling: input.extraSampling,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdBy: actor.userId,
      createdAt: this.d.clock.now(),
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.creditModes.insertCohort(cohort);
      await this.d.audit.record(tx, actor, {
        action: 'credit.cohort_created',
        targetType: 'credit_cohort',
        targetId: cohort.id,
        detail: { name: cohort.name, relax: cohort.relax, endsAt: cohort.endsAt.toISOString() },
      });
    });
    return cohort;
  }

  private async cohortOr404(id: string): Promise<CreditCohortRecord> {
    const cohort = await this.d.uow.read.creditModes.findCohort(id);
    if (!cohort) throw new AppError('credit.cohort_not_found', { field: 'id' });
    return cohort;
  }

  async members(actor: Actor, cohortId: string): Promise<CohortMemberView[]> {
    this.assert(actor, READ);
    await this.cohortOr404(cohortId);
    const members = await this.d.uow.read.creditModes.membersOf(cohortId);
    const names = await this.d.parties.resolve(members.map((m) => m.partyId));
    return members.map((m) => ({ ...m, partyName: names.get(m.partyId)?.name ?? '' }));
  }

  /** Adds a party to a cohort and rescores it (its relaxed categories count less from now). */
  async addMember(actor: Actor, cohortId: string, partyId: string): Promise<CohortMemberView[]> {
    this.assert(actor, MANAGE);
    await this.cohortOr404(cohortId);
    const party = (await this.d.parties.resolve([partyId])).get(partyId);
    if (!party) throw new AppError('credit.unknown_party', { field: 'partyId' });
    const now = this.d.clock.now();
    await this.changing(() =>
      this.d.uow.transaction(async (tx) => {
        const added = await tx.creditModes.addMember({
          cohortId,
          partyId,
          partyKind: party.kind,
          addedAt: now,
          addedBy: actor.userId,
          removedAt: null,
        });
        if (!added) return;
        await this.d.audit.record(tx, actor, {
          action: 'credit.cohort_member_added',
          targetType: 'credit_cohort',
          targetId: cohortId,
          detail: { partyId },
        });
        await this.d.credit.rescoreIn(tx, partyId, party.kind, 'recompute');
      }),
    );
    return this.members(actor, cohortId);
  }

  async removeMember(actor: Actor, cohortId: string, partyId: string): Promise<CohortMemberView[]> {
    this.assert(actor, MANAGE);
    await this.cohortOr404(cohortId);
    const party = (await this.d.parties.resolve([partyId])).get(partyId);
    if (!party) throw new AppError('credit.unknown_party', { field: 'partyId' });
    await this.changing(() =>
      this.d.uow.transaction(async (tx) => {
        if (!(await tx.creditModes.removeMember(cohortId, partyId, this.d.clock.now())))
          throw new AppError('credit.not_a_member', { field: 'partyId' });
        await this.d.audit.record(tx, actor, {
          action: 'credit.cohort_member_removed',
          targetType: 'credit_cohort',
          targetId: cohortId,
          detail: { partyId },
        });
        await this.d.credit.rescoreIn(tx, partyId, party.kind, 'recompute');
      }),
    );
    return this.members(actor, cohortId);
  }

  /** The caller's training tasks (首违不罚), newest first. */
  async tasks(actor: Actor): Promise<CreditTrainingTaskRecord[]> {
    return this.d.uow.read.creditModes.trainingTasksOf(this.d.credit.partyOf(actor));
  }

  /** The party completes its task: the task closes and a `training.completed` event restores compliance points. */
  async completeTask(actor: Actor, id: string): Promise<CreditTrainingTaskRecord> {
    const partyId = this.d.credit.partyOf(actor);
    return this.d.uow.transaction(async (tx) => {
      const task = await tx.creditModes.findTrainingTask(id, { lock: true });
      if (!task || task.partyId !== partyId) throw new AppError('credit.task_not_found', { field: 'id' });
      if (task.status !== 'open') throw new AppError('credit.task_done');
      const now = this.d.clock.now();
      const [event] = await this.d.credit.recordIn(
        tx,
        [
          {
            partyId,
            partyKind: task.partyKind,
            kind: 'training.completed',
            at: now,
            data: { hours: task.hours },
            source: `training:${task.id}`,
          },
        ],
        actor,
      );
      if (!event) throw new AppError('credit.task_done');
      await tx.creditModes.completeTrainingTask(task.id, now, event.id);
      await this.d.audit.record(tx, actor, {
        action: 'credit.training_completed',
        targetType: 'credit_training_task',
        targetId: task.id,
        detail: { eventId: event.id, hours: task.hours },
      });
      return { ...task, status: 'completed', completedAt: now, completionEventId: event.id };
    });
  }

  async clues(actor: Actor, q: { partyId?: string | undefined; limit: number }): Promise<Array<CreditClueRecord & { partyName: string }>> {
    this.assert(actor, READ);
    const clues = await this.d.uow.read.creditModes.listClues(q);
    const names = await this.d.parties.resolve(clues.map((c) => c.partyId));
    return clues.map((c) => ({ ...c, partyName: names.get(c.partyId)?.name ?? '' }));
  }

  /** The standing with the modes in force (what /api/credit/me shows). */
  standing(partyId: string): Promise<CreditStanding> {
    return this.d.gate.standing(partyId);
  }

  /** The party's scoring policy outside a transaction (the explanation a screen shows). */
  async policyFor(partyId: string): Promise<PartyPolicy> {
    const repo = this.d.uow.read.creditModes;
    return partyPolicy(await modeSettings(repo), this.d.model.current(), await repo.cohortsOf(partyId));
  }

  /** Every party's policy at once, for a full recompute: as data, so it can go to another thread. */
  async policies(): Promise<CreditPolicyTable> {
    const repo = this.d.uow.read.creditModes;
    const settings = await modeSettings(repo);
    const model = this.d.model.current();
    const byParty = new Map<string, Awaited<ReturnType<typeof repo.allMemberships>>>();
    for (const m of await repo.allMemberships()) byParty.set(m.member.partyId, [...(byParty.get(m.member.partyId) ?? []), m]);
    const parties = new Map<string, PartyPolicy>();
    for (const [partyId, ms] of byParty) parties.set(partyId, partyPolicy(settings, model, ms));
    return { fallback: partyPolicy(settings, model, []), parties };
  }
}
