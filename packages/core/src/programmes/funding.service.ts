/**
 * 项目资金绩效评价 (project funding with performance evaluation, seed 004 § 四(三)(四)): the issuing department (a
 * regulator acting for a department) sets up a three-year project of a base with its budget, yearly tranches and
 * targets, and pays the tranches — each a balanced ledger entry from its programme fund to the project's own
 * account; the base operator files the year's self-assessment (自查自评), prefilled from LiveHub's own figures where it
 * has them; the assigned third-party evaluator (评估机构) submits its report and verified figures, graded by the
 * rules; a 不合格 year goes to rectification (整改) with a deadline; the department accepts the rectification, or
 * rejects it — or the deadline passes (the tick's sweep) — and the project exits with the failed year's tranches
 * clawed back (收回资金) by reversing entries. Every write is one transaction with its audit entry. ADR 0036.
 *
 * It must never touch another context's tables: the figures come through `FundingFiguresReader`, the parties'
 * kinds through `FundingParties`, money through the ledger service in this service's transaction.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { LedgerService } from '../settlement/ledger.service.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import {
  checkPlanYear,
  checkTranches,
  clawbackOf,
  type FundingEvent,
  GRADE_LABELS,
  gradeOf,
  nextStatus,
  RECTIFICATION_DAYS,
  scoreOf,
  yuan,
} from './funding.rules.ts';
import {
  FUNDING_TARGET_KINDS,
  type FundingEvaluationRecord,
  type FundingFigures,
  type FundingProjectDetail,
  type FundingProjectInput,
  type FundingProjectRecord,
  type FundingProjectStatus,
  type FundingTargetKind,
  type FundingTargetRecord,
  type FundingTrancheInput,
  type FundingTrancheRecord,
  PLAN_YEARS,
  type SelfFigure,
} from './funding.types.ts';

/** The department a regulator acts for. */
export interface FundingDepartments {
  departmentOf(actor: Actor): Promise<string | null>;
}

/** What the funding needs to know of organizations: their kind, and whether one has an evaluator among its members. */
export interface FundingParties {
  orgKind(orgId: string): Promise<string | null>;
  hasEvaluator(orgId: string): Promise<boolean>;
  /** the live bases a project may be set up for, and the service providers with an evaluator (the create form) */
  options(): Promise<{ bases: Array<{ id: string; name: string }>; evaluators: Array<{ id: string; name: string }> }>;
}

/** LiveHub's own figures of a base for a calendar year (null where LiveHub holds none). */
export interface FundingFiguresReader {
  figures(baseOrgId: string, year: number): Promise<FundingFigures>;
}

export interface FundingDeps {
  uow: ScopedUnitOfWork<'funding' | 'ledger' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  ledger: LedgerService;
  departments: FundingDepartments;
  parties: FundingParties;
  figures: FundingFiguresReader;
  names?: NameReader;
}

export interface SelfAssessmentInput {
  /** declared figures (自报) for the kinds LiveHub does not hold; a LiveHub figure is never overridden */
  figures: Partial<Record<FundingTargetKind, number>>;
  note: string;
}

export interface EvaluationInput {
  /** verified figures (核定值); a kind left out takes the self-assessed figure */
  verified: Partial<Record<FundingTargetKind, number>>;
  report: string;
  /** for a 不合格 grade: the rectification deadline; RECTIFICATION_DAYS from now when left out */
  rectificationDeadline?: Date | null;
}

export interface SelfAssessmentPrefill {
  planYear: number;
  year: number;
  targets: FundingTargetRecord[];
  figures: Partial<Record<FundingTargetKind, SelfFigure | null>>;
}

const LIST_LIMIT = 200;
const DAY_MS = 86_400_000;
const MAX_FIGURE = 900_000_000_000;

const STATUS_ZH: Record<FundingProjectStatus, string> = {
  planned: '待拨付',
  funded: '已拨付',
  self_assessed: '已自评',
  rectifying: '整改中',
  passed: '本年度通过',
  completed: '已完成',
  exited: '已退出',
};

export const trancheKey = (trancheId: string): string => `funding.tranche:${trancheId}`;

export class FundingService {
  constructor(private readonly d: FundingDeps) {}

  // ── who ──

  private async issuer(actor: Actor): Promise<{ orgId: string; department: string; userId: string }> {
    if (actor.role !== 'regulator' || !actor.orgId || !actor.userId) throw new AppError('auth.forbidden');
    const department = await this.d.departments.departmentOf(actor);
    if (!department) throw new AppError('funding.no_department');
    return { orgId: actor.orgId, department, userId: actor.userId };
  }

  /** Whether the actor may see the project: its issuing department, its base, its evaluator. */
  private async sees(actor: Actor, p: FundingProjectRecord): Promise<boolean> {
    if (!actor.orgId) return false;
    switch (actor.role) {
      case 'regulator':
        return p.issuerOrgId === actor.orgId && p.issuerDepartment === (await this.d.departments.departmentOf(actor));
      case 'base_operator':
        return p.ownerOrgId === actor.orgId;
      case 'evaluator':
        return p.evaluatorOrgId === actor.orgId;
      default:
        return false;
    }
  }

  private async visible(actor: Actor, id: string): Promise<FundingProjectRecord> {
    const p = await this.d.uow.read.funding.findProject(id);
    if (!p || !(await this.sees(actor, p))) throw new AppError('funding.not_found', { field: 'id' });
    return p;
  }

  /** The project locked in `tx`, re-checked for the actor (a project changed since the read is seen as it is now). */
  private async locked(tx: Parameters<Parameters<FundingDeps['uow']['transaction']>[0]>[0], id: string): Promise<FundingProjectRecord> {
    const p = await tx.funding.lockProject(id);
    if (!p) throw new AppError('funding.not_found', { field: 'id' });
    return p;
  }

  private move(p: FundingProjectRecord, event: FundingEvent, lastYear = p.currentYear >= PLAN_YEARS): FundingProjectStatus {
    const to = nextStatus(p.status, event, lastYear);
    if (to) return to;
    if (p.status === 'exited') throw new AppError('funding.already_clawed_back', { field: 'id' });
    if (event.startsWith('grade') && p.status === 'funded') throw new AppError('funding.not_self_assessed', { field: 'id' });
    throw new AppError('funding.bad_state', { field: 'id', details: { status: STATUS_ZH[p.status] } });
  }

  // ── reads ──

  /** The projects the actor sees, with the base's and the evaluator's names. */
  async list(actor: Actor): Promise<Array<FundingProjectRecord & { ownerName: string | null; evaluatorName: string | null }>> {
    const projects = await this.projects(actor);
    const n = this.d.names ? await this.d.names.namesFor({ orgs: projects.flatMap((p) => [p.ownerOrgId, p.evaluatorOrgId]) }) : null;
    return projects.map((p) => ({
      ...p,
      ownerName: n?.orgs.get(p.ownerOrgId) ?? null,
      evaluatorName: n?.orgs.get(p.evaluatorOrgId) ?? null,
    }));
  }

  /** The projects the actor sees: the department's, the base's own, or those assigned to the evaluator. */
  private async projects(actor: Actor): Promise<FundingProjectRecord[]> {
    const r = this.d.uow.read.funding;
    if (!actor.orgId) throw new AppError('auth.forbidden');
    switch (actor.role) {
      case 'regulator': {
        const { orgId, department } = await this.issuer(actor);
        return (await r.listProjects({ issuerOrgId: orgId, limit: LIST_LIMIT })).filter((p) => p.issuerDepartment === department);
      }
      case 'base_operator':
        return r.listProjects({ ownerOrgId: actor.orgId, limit: LIST_LIMIT });
      case 'evaluator':
        return r.listProjects({ evaluatorOrgId: actor.orgId, limit: LIST_LIMIT });
      default:
        throw new AppError('auth.forbidden');
    }
  }

  async detail(actor: Actor, id: string): Promise<FundingProjectDetail> {
    const project = await this.visible(actor, id);
    return this.detailOf(project);
  }

  private async detailOf(project: FundingProjectRecord): Promise<FundingProjectDetail> {
    const r = this.d.uow.read.funding;
    const [tranches, targets, evaluations] = await Promise.all([
      r.listTranches(project.id),
      r.listTargets(project.id),
      r.listEvaluations(project.id),
    ]);
    const n = this.d.names
      ? await this.d.names.namesFor({ orgs: [project.ownerOrgId, project.issuerOrgId, project.evaluatorOrgId] })
      : null;
    return {
      project,
      tranches,
      targets,
      evaluations,
      names: {
        owner: n?.orgs.get(project.ownerOrgId) ?? null,
        issuer: n?.orgs.get(project.issuerOrgId) ?? null,
        evaluator: n?.orgs.get(project.evaluatorOrgId) ?? null,
      },
    };
  }

  /**
   * The self-assessment form's figures for the current plan year: LiveHub's own (GMV from the statistics of the
   * calendar year, the enterprises the base hosts, their certified streamers) where it has them, else to declare.
   */
  async prefill(actor: Actor, id: string): Promise<SelfAssessmentPrefill> {
    const p = await this.visible(actor, id);
    const planYear = Math.max(1, p.currentYear);
    const year = p.startYear + planYear - 1;
    const targets = (await this.d.uow.read.funding.listTargets(p.id)).filter((t) => t.planYear === planYear);
    const own = await this.d.figures.figures(p.ownerOrgId, year);
    const figures: SelfAssessmentPrefill['figures'] = {};
    for (const t of targets) {
      const v = own[t.kind];
      figures[t.kind] = v === null ? null : { value: v, source: 'livehub' };
    }
    return { planYear, year, targets, figures };
  }

  // ── the issuing department ──

  /** The bases and the evaluators a new project may name (the department's create form). */
  async options(actor: Actor): Promise<{ bases: Array<{ id: string; name: string }>; evaluators: Array<{ id: string; name: string }> }> {
    await this.issuer(actor);
    return this.d.parties.options();
  }

  async create(actor: Actor, input: FundingProjectInput): Promise<FundingProjectRecord> {
    const { orgId, department, userId } = await this.issuer(actor);
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
    await this.issuerOf(actor, id);
    return this.d.uow.transaction(async (tx) => {
      const p = await this.locked(tx, id);
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

  private async issuerOf(actor: Actor, id: string): Promise<FundingProjectRecord> {
    await this.issuer(actor);
    return this.visible(actor, id);
  }

  /**
   * Pays the next year's tranche (资金拨付): one ledger entry, the department's programme fund −amount and the
   * project's account +amount, with the tranche and the project's state in the same transaction.
   */
  async payTranche(actor: Actor, id: string, trancheId: string): Promise<FundingTrancheRecord> {
    await this.issuerOf(actor, id);
    return this.d.uow.transaction(async (tx) => {
      const p = await this.locked(tx, id);
      const tranches = await tx.funding.listTranches(id);
      const t = tranches.find((x) => x.id === trancheId);
      if (!t) throw new AppError('funding.tranche_not_found', { field: 'trancheId' });
      const to = this.move(p, 'pay');
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

  // ── the base operator ──

  /** 自查自评: the year's figures — LiveHub's own where it has them, declared (自报) for the rest — and a note. */
  async selfAssess(actor: Actor, id: string, input: SelfAssessmentInput): Promise<FundingEvaluationRecord> {
    if (actor.role !== 'base_operator' || !actor.orgId || !actor.userId) throw new AppError('funding.not_owner', { field: 'id' });
    const p0 = await this.d.uow.read.funding.findProject(id);
    if (!p0) throw new AppError('funding.not_found', { field: 'id' });
    if (p0.ownerOrgId !== actor.orgId) throw new AppError('funding.not_owner', { field: 'id' });
    const pre = await this.prefill(actor, id);
    const figures: Partial<Record<FundingTargetKind, SelfFigure>> = {};
    for (const t of pre.targets) {
      const own = pre.figures[t.kind];
      if (own) {
        figures[t.kind] = own;
        continue;
      }
      const v = input.figures[t.kind];
      if (v === undefined || !Number.isSafeInteger(v) || v < 0 || v > MAX_FIGURE)
        throw new AppError('funding.figure_missing', { field: `figures.${t.kind}`, details: { target: TARGET_ZH[t.kind] } });
      figures[t.kind] = { value: v, source: 'declared' };
    }
    const userId = actor.userId;
    return this.d.uow.transaction(async (tx) => {
      const p = await this.locked(tx, id);
      const to = this.move(p, 'self_assess');
      const now = this.d.clock.now();
      const e: FundingEvaluationRecord = {
        id: this.d.ids.next(),
        projectId: p.id,
        planYear: p.currentYear,
        status: 'self_assessed',
        selfFigures: figures,
        selfNote: input.note.trim(),
        selfAssessedBy: userId,
        selfAssessedAt: now,
        evaluatorOrgId: p.evaluatorOrgId,
        verifiedFigures: null,
        reportText: null,
        score: null,
        grade: null,
        evaluatedBy: null,
        evaluatedAt: null,
        rectificationDeadline: null,
        rectificationReport: null,
        rectificationReportedAt: null,
        outcomeNote: null,
        decidedAt: null,
      };
      await tx.funding.insertEvaluation(e);
      await tx.funding.updateProject(p.id, { status: to, updatedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'funding.self_assess',
        targetType: 'funding_project',
        targetId: p.id,
        detail: { planYear: e.planYear, figures },
      });
      return e;
    });
  }

  /** 整改报告: what the base did about a 不合格 year, before the deadline. */
  async fileRectification(actor: Actor, id: string, report: string): Promise<FundingEvaluationRecord> {
    if (actor.role !== 'base_operator' || !actor.orgId) throw new AppError('funding.not_owner', { field: 'id' });
    const p0 = await this.visible(actor, id);
    if (p0.ownerOrgId !== actor.orgId) throw new AppError('funding.not_owner', { field: 'id' });
    const text = report.trim();
    if (text.length === 0) throw new AppError('request.invalid', { field: 'report', details: { issue: 'required' } });
    return this.d.uow.transaction(async (tx) => {
      const p = await this.locked(tx, id);
      if (p.status === 'exited') throw new AppError('funding.already_clawed_back', { field: 'id' });
      if (p.status !== 'rectifying') throw new AppError('funding.bad_state', { field: 'id', details: { status: STATUS_ZH[p.status] } });
      const e = await this.current(tx, p);
      const now = this.d.clock.now();
      const patch = { rectificationReport: text, rectificationReportedAt: now };
      await tx.funding.updateEvaluation(e.id, patch);
      await this.d.audit.record(tx, actor, {
        action: 'funding.rectification_report',
        targetType: 'funding_project',
        targetId: p.id,
        detail: { planYear: e.planYear },
      });
      return { ...e, ...patch };
    });
  }

  private async current(tx: Parameters<Parameters<FundingDeps['uow']['transaction']>[0]>[0], p: FundingProjectRecord) {
    const e = (await tx.funding.listEvaluations(p.id)).find((x) => x.planYear === p.currentYear);
    if (!e) throw new AppError('funding.not_self_assessed', { field: 'id' });
    return e;
  }

  // ── the third-party evaluator ──

  /**
   * 第三方评估: the assigned evaluator's report and verified figures; the score and grade follow from the year's
   * targets (funding.rules.ts). 不合格 opens the rectification with its deadline.
   */
  async evaluate(actor: Actor, id: string, input: EvaluationInput): Promise<FundingEvaluationRecord> {
    if (actor.role !== 'evaluator' || !actor.orgId || !actor.userId) throw new AppError('funding.not_evaluator', { field: 'role' });
    await this.visible(actor, id);
    const report = input.report.trim();
    if (report.length === 0) throw new AppError('request.invalid', { field: 'report', details: { issue: 'required' } });
    const now = this.d.clock.now();
    const deadline = input.rectificationDeadline ?? new Date(now.getTime() + RECTIFICATION_DAYS * DAY_MS);
    if (deadline.getTime() <= now.getTime()) throw new AppError('funding.bad_deadline', { field: 'rectificationDeadline' });
    for (const [k, v] of Object.entries(input.verified))
      if (v !== undefined && (!Number.isSafeInteger(v) || v < 0 || v > MAX_FIGURE))
        throw new AppError('request.invalid', { field: `verified.${k}`, details: { issue: 'figure' } });
    const userId = actor.userId;
    return this.d.uow.transaction(async (tx) => {
      const p = await this.locked(tx, id);
      if (p.status !== 'self_assessed') this.move(p, 'grade_pass');
      const e = await this.current(tx, p);
      const targets = (await tx.funding.listTargets(p.id)).filter((t) => t.planYear === p.currentYear);
      const verified: Partial<Record<FundingTargetKind, number>> = {};
      for (const t of targets) verified[t.kind] = input.verified[t.kind] ?? e.selfFigures[t.kind]?.value ?? 0;
      const score = scoreOf(targets, verified);
      const grade = gradeOf(score);
      const to = this.move(p, grade === 'fail' ? 'grade_fail' : 'grade_pass');
      const patch: Partial<FundingEvaluationRecord> = {
        status: grade === 'fail' ? 'rectifying' : 'passed',
        verifiedFigures: verified,
        reportText: report,
        score,
        grade,
        evaluatedBy: userId,
        evaluatedAt: now,
        rectificationDeadline: grade === 'fail' ? deadline : null,
      };
      await tx.funding.updateEvaluation(e.id, patch);
      await tx.funding.updateProject(p.id, { status: to, updatedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'funding.evaluate',
        targetType: 'funding_project',
        targetId: p.id,
        detail: { planYear: e.planYear, score, grade: GRADE_LABELS[grade], deadline: patch.rectificationDeadline ?? null },
      });
      return { ...e, ...patch };
    });
  }

  // ── the rectification's outcome ──

  /**
   * The department's decision on a rectification: `accept` (the report filed) → the year passes; `reject` → exit
   * with the claw-back. An exited project is refused (no second claw-back).
   */
  async decideRectification(actor: Actor, id: string, decision: 'accept' | 'reject', note: string): Promise<FundingProjectRecord> {
    await this.issuerOf(actor, id);
    const text = note.trim();
    if (text.length === 0) throw new AppError('request.invalid', { field: 'note', details: { issue: 'required' } });
    return this.d.uow.transaction(async (tx) => {
      const p = await this.locked(tx, id);
      const to = this.move(p, decision === 'accept' ? 'rectify_accept' : 'rectify_fail');
      const e = await this.current(tx, p);
      const now = this.d.clock.now();
      if (decision === 'reject') return this.exit(tx, actor, p, e, `整改不合格：${text}`, now);
      if (!e.rectificationReport) throw new AppError('funding.no_rectification_report', { field: 'id' });
      await tx.funding.updateEvaluation(e.id, { status: 'rectified', outcomeNote: text, decidedAt: now });
      await tx.funding.updateProject(p.id, { status: to, updatedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'funding.rectification_accept',
        targetType: 'funding_project',
        targetId: p.id,
        detail: { planYear: e.planYear, note: text },
      });
      return { ...p, status: to, updatedAt: now };
    });
  }

  /** Exit (退出) with the claw-back (收回资金): a reversing ledger entry per tranche clawed back, planned ones cancelled. */
  private async exit(
    tx: Parameters<Parameters<FundingDeps['uow']['transaction']>[0]>[0],
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

export const TARGET_ZH: Record<FundingTargetKind, string> = {
  gmv: '直播电商交易额',
  enterprises: '集聚企业数',
  talent: '直播人才数',
  brands: '培育品牌数',
};

export { FUNDING_TARGET_KINDS, STATUS_ZH as FUNDING_STATUS_ZH };
export type { FundingFigures };
