/**
 * 项目资金绩效评价's projects and money (ADR 0036; docs/programmes.md § 项目资金绩效评价): the issuing department sets up a three-year project of a base
 * with its budget, yearly tranches and targets, and pays the tranches — each a balanced ledger entry from its
 * programme fund to the project's own account; a project that fails its rectification exits (退出) with the failed
 * year's tranches clawed back (收回资金) by reversing entries — on the department's rejection or, past the deadline,
 * by the tick's sweep. Every write is one transaction with its audit entry; money moves through the ledger service
 * in this service's transaction.
 */
import { AppError } from '../errors.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import { checkPlanYear, checkTranches, clawbackOf, yuan } from './funding.rules.ts';
import {
  type FundingAccess,
  type FundingDeps,
  type FundingTx,
  locked,
  MAX_FIGURE,
  move,
  STATUS_ZH,
  trancheKey,
} from './funding.internal.ts';
import type {
  FundingEvaluationRecord,
  FundingProjectInput,
  FundingProjectRecord,
  FundingTargetRecord,
  FundingTrancheInput,
  FundingTrancheRecord,
} from './funding.types.ts';

export interface FundingProjectDeps extends FundingDeps {
  access: FundingAccess;
}

export class FundingProjectService {
  constructor(private readonly d: FundingProjectDeps) {}

  /** The bases and the evaluators a new project may name (the department's create form). */
  async options(actor: Actor): Promise<{ bases: Array<{ id: string; name: string }>; evaluators: Array<{ id: string; name: string }> }> {
    await this.d.access.issuer(actor);
    return this.d.parties.options();
  }

  async create(actor: Actor, input: FundingProjectInput): Promise<FundingProjectRecord> {
    const { orgId, department, userId } = await this.d.access.issuer(actor);
    const name = input.name.trim();
    if (name.length === 0) throw new AppError('request.invalid', { field: 'name', details: { issue: 'required' } });
    if (!Number.isSafeInteger(input.budgetFen) || input.budgetFen <= 0) throw new AppError('funding.bad_amount', { field: 'budgetFen' });
    checkTranches(input.budgetFen, [], input.tranches, 'tranches.');
    const years = new Set<number>();
    input.tranches.forEach((t, i) => {
      if (years.has(t.planYear)) throw new AppError('funding.year_taken', { field: `tranches.${i}.planYear` });
      years.add(t.planYear);
    });
    const seen = new Set<string>();
    input.targets.forEach((t, i) => {
      checkPlanYear(t.planYear, `targets.${i}.planYear`);
      if (!Number.isSafeInteger(t.target) || t.target <= 0 || t.target > MAX_FIGURE)
        throw new AppError('funding.bad_amount', { field: `targets.${i}.target` });
      const key = `${t.planYear}:${t.kind}`;
      if (seen.has(key)) throw new AppError('funding.duplicate_target', { field: `targets.${i}.kind` });
      seen.add(key);
    });
    if ((await this.d.parties.orgKind(input.ownerOrgId)) !== 'live_base') throw new AppError('funding.bad_owner', { field: 'ownerOrgId' });
    if (!(await this.d.parties.hasEvaluator(input.evaluatorOrgId)))
      throw new AppError('funding.bad_evaluator', { field: 'evaluatorOrgId' });
    const now = this.d.clock.now();
    const project: FundingProjectRecord = {
      id: this.d.ids.next(),
      kind: input.kind,
      name,
      ownerOrgId: input.ownerOrgId,
      issuerOrgId: orgId,
      issuerDepartment: department,
      evaluatorOrgId: input.evaluatorOrgId,
      startYear: input.startYear,
      budgetFen: input.budgetFen,
      status: 'planned',
      currentYear: 0,
      exitReason: null,
      exitedAt: null,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    };
    const tranches = input.tranches.map((t) => this.tranche(project.id, t));
    const targets: FundingTargetRecord[] = input.targets.map((t) => ({ id: this.d.ids.next(), projectId: project.id, ...t }));
    return this.d.uow.transaction(async (tx) => {
      await tx.funding.insertProject(project);
      if (tranches.length > 0) await tx.funding.insertTranches(tranches);
      if (targets.length > 0) await tx.funding.insertTargets(targets);
      // the project's own account and the department's fund, opened with the project (idempotent)
      await this.d.ledger.openAccount(project.id, 'project_funds', tx);
      await this.d.ledger.openAccount(orgId, 'programme_fund', tx);
      await this.d.audit.record(tx, actor, {
        action: 'funding.create',
        targetType: 'funding_project',
        targetId: project.id,
        detail: { name, budgetFen: project.budgetFen, tranches: tranches.length, targets: targets.length, department },
      });
      return project;
    });
  }

  private tranche(projectId: string, t: FundingTrancheInput): FundingTrancheRecord {
    return {
      id: this.d.ids.next(),
      projectId,
      planYear: t.planYear,
      amountFen: t.amountFen,
      status: 'planned',
      paidEntryId: null,
      paidAt: null,
      clawbackEntryId: null,
      clawedBackAt: null,
    };
  }

  /** Adds a tranche: the sum of the project's tranches stays within its budget (checked on the locked project). */
  async addTranche(actor: Actor, id: string, input: FundingTrancheInput): Promise<FundingTrancheRecord> {
    await this.d.access.issuerOf(actor, id);
    return this.d.uow.transaction(async (tx) => {
      const p = await locked(tx, id);
      if (p.status === 'exited') throw new AppError('funding.already_clawed_back', { field: 'id' });
      if (p.status === 'completed') throw new AppError('funding.bad_state', { field: 'id', details: { status: STATUS_ZH[p.status] } });
      const existing = await tx.funding.listTranches(id);
      checkTranches(p.budgetFen, existing, [input], '');
      if (existing.some((t) => t.planYear === input.planYear && t.status !== 'cancelled'))
        throw new AppError('funding.year_taken', { field: 'planYear' });
      const t = this.tranche(id, input);
      await tx.funding.insertTranches([t]);
      await this.d.audit.record(tx, actor, {
        action: 'funding.tranche_add',
        targetType: 'funding_project',
        targetId: id,
        detail: { trancheId: t.id, planYear: t.planYear, amountFen: t.amountFen },
      });
      return t;
    });
  }

  /**
   * Pays the next year's tranche (资金拨付): one ledger entry, the department's programme fund −amount and the
   * project's account +amount, with the tranche and the project's state in the same transaction.
   */
  async payTranche(actor: Actor, id: string, trancheId: string): Promise<FundingTrancheRecord> {
    await this.d.access.issuerOf(actor, id);
    return this.d.uow.transaction(async (tx) => {
      const p = await locked(tx, id);
      const tranches = await tx.funding.listTranches(id);
      const t = tranches.find((x) => x.id === trancheId);
      if (!t) throw new AppError('funding.tranche_not_found', { field: 'trancheId' });
      const to = move(p, 'pay');
      if (t.status !== 'planned') throw new AppError('funding.bad_state', { field: 'trancheId', details: { status: t.status } });
      if (t.planYear !== p.currentYear + 1)
        throw new AppError('funding.tranche_out_of_order', { field: 'trancheId', details: { year: p.currentYear + 1 } });
      const fund = await this.d.ledger.openAccount(p.issuerOrgId, 'programme_fund', tx);
      const account = await this.d.ledger.openAccount(p.id, 'project_funds', tx);
      const { entry } = await this.d.ledger.postIn(tx, {
        businessKey: trancheKey(t.id),
        kind: 'funding.grant',
        memo: `${p.name} 第${t.planYear}年资金拨付`,
        postings: [
          { accountId: fund.id, amount: -t.amountFen },
          { accountId: account.id, amount: t.amountFen },
        ],
      });
      const now = this.d.clock.now();
      const paid = { status: 'paid' as const, paidEntryId: entry.id, paidAt: now };
      await tx.funding.updateTranche(t.id, paid);
      await tx.funding.updateProject(p.id, { status: to, currentYear: t.planYear, updatedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'funding.pay',
        targetType: 'funding_project',
        targetId: p.id,
        detail: { trancheId: t.id, planYear: t.planYear, amountFen: t.amountFen, entryId: entry.id },
      });
      return { ...t, ...paid };
    });
  }

  /** Exit (退出) with the claw-back (收回资金): a reversing ledger entry per tranche clawed back, planned ones cancelled. */
  async exit(
    tx: FundingTx,
    actor: Actor,
    p: FundingProjectRecord,
    e: FundingEvaluationRecord,
    reason: string,
    now: Date,
  ): Promise<FundingProjectRecord> {
    const { clawBack, cancel, totalFen } = clawbackOf(await tx.funding.listTranches(p.id), e.planYear);
    const entries: string[] = [];
    for (const t of clawBack) {
      const { entry } = await this.d.ledger.reverseIn(tx, t.paidEntryId as string, `收回资金：${p.name} 第${t.planYear}年`);
      entries.push(entry.id);
      await tx.funding.updateTranche(t.id, { status: 'clawed_back', clawbackEntryId: entry.id, clawedBackAt: now });
    }
    for (const t of cancel) await tx.funding.updateTranche(t.id, { status: 'cancelled' });
    await tx.funding.updateEvaluation(e.id, { status: 'failed', outcomeNote: reason, decidedAt: now });
    await tx.funding.updateProject(p.id, { status: 'exited', exitReason: reason, exitedAt: now, updatedAt: now });
    await this.d.audit.record(tx, actor, {
      action: 'funding.exit',
      targetType: 'funding_project',
      targetId: p.id,
      detail: { planYear: e.planYear, reason, clawedBackFen: totalFen, clawedBack: yuan(totalFen), entries, cancelled: cancel.length },
    });
    return { ...p, status: 'exited', exitReason: reason, exitedAt: now, updatedAt: now };
  }

  /** Time-driven: a rectification past its deadline without acceptance exits with the claw-back. Idempotent. */
  async sweep(at?: Date): Promise<{ fundingExited: number }> {
    const now = at ?? this.d.clock.now();
    let exited = 0;
    for (const id of await this.d.uow.read.funding.listRectificationOverdue(now, 200)) {
      await this.d.uow.transaction(async (tx) => {
        const p = await tx.funding.lockProject(id);
        if (p?.status !== 'rectifying') return;
        const e = (await tx.funding.listEvaluations(id)).find((x) => x.planYear === p.currentYear);
        if (!e?.rectificationDeadline || e.rectificationDeadline.getTime() >= now.getTime()) return;
        await this.exit(tx, SYSTEM_ACTOR, p, e, '整改期限已过，未通过整改验收', now);
        exited++;
      });
    }
    return { fundingExited: exited };
  }
}
