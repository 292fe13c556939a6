/**
 * 项目资金绩效评价's yearly assessment (ADR 0036; docs/programmes.md § 项目资金绩效评价): the base operator files the year's self-assessment (自查自评),
 * prefilled from LiveHub's own figures where it has them; the assigned third-party evaluator (评估机构) submits its
 * report and verified figures, graded by the rules (funding.rules.ts); a 不合格 year goes to rectification (整改) with a
 * deadline; the department accepts the rectification, or rejects it and the project exits with the claw-back
 * (funding-project.service.ts). Every write is one transaction with its audit entry.
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { GRADE_LABELS, gradeOf, RECTIFICATION_DAYS, scoreOf } from './funding.rules.ts';
import {
  current,
  DAY_MS,
  type FundingAccess,
  type FundingDeps,
  locked,
  MAX_FIGURE,
  move,
  STATUS_ZH,
  TARGET_ZH,
} from './funding.internal.ts';
import type { FundingProjectService } from './funding-project.service.ts';
import type { FundingViewService } from './funding-view.service.ts';
import type { FundingEvaluationRecord, FundingProjectRecord, FundingTargetKind, SelfFigure } from './funding.types.ts';

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

export interface FundingAssessmentDeps extends FundingDeps {
  access: FundingAccess;
  views: FundingViewService;
  projects: FundingProjectService;
}

export class FundingAssessmentService {
  constructor(private readonly d: FundingAssessmentDeps) {}

  /** 自查自评: the year's figures — LiveHub's own where it has them, declared (自报) for the rest — and a note. */
  async selfAssess(actor: Actor, id: string, input: SelfAssessmentInput): Promise<FundingEvaluationRecord> {
    if (actor.role !== 'base_operator' || !actor.orgId || !actor.userId) throw new AppError('funding.not_owner', { field: 'id' });
    const p0 = await this.d.uow.read.funding.findProject(id);
    if (!p0) throw new AppError('funding.not_found', { field: 'id' });
    if (p0.ownerOrgId !== actor.orgId) throw new AppError('funding.not_owner', { field: 'id' });
    const pre = await this.d.views.prefill(actor, id);
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
      const p = await locked(tx, id);
      const to = move(p, 'self_assess');
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
    const p0 = await this.d.access.visible(actor, id);
    if (p0.ownerOrgId !== actor.orgId) throw new AppError('funding.not_owner', { field: 'id' });
    const text = report.trim();
    if (text.length === 0) throw new AppError('request.invalid', { field: 'report', details: { issue: 'required' } });
    return this.d.uow.transaction(async (tx) => {
      const p = await locked(tx, id);
      if (p.status === 'exited') throw new AppError('funding.already_clawed_back', { field: 'id' });
      if (p.status !== 'rectifying') throw new AppError('funding.bad_state', { field: 'id', details: { status: STATUS_ZH[p.status] } });
      const e = await current(tx, p);
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

  /**
   * 第三方评估: the assigned evaluator's report and verified figures; the score and grade follow from the year's
   * targets (funding.rules.ts). 不合格 opens the rectification with its deadline.
   */
  async evaluate(actor: Actor, id: string, input: EvaluationInput): Promise<FundingEvaluationRecord> {
    if (actor.role !== 'evaluator' || !actor.orgId || !actor.userId) throw new AppError('funding.not_evaluator', { field: 'role' });
    await this.d.access.visible(actor, id);
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
      const p = await locked(tx, id);
      if (p.status !== 'self_assessed') move(p, 'grade_pass');
      const e = await current(tx, p);
      const targets = (await tx.funding.listTargets(p.id)).filter((t) => t.planYear === p.currentYear);
      const verified: Partial<Record<FundingTargetKind, number>> = {};
      for (const t of targets) verified[t.kind] = input.verified[t.kind] ?? e.selfFigures[t.kind]?.value ?? 0;
      const score = scoreOf(targets, verified);
      const grade = gradeOf(score);
      const to = move(p, grade === 'fail' ? 'grade_fail' : 'grade_pass');
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

  /**
   * The department's decision on a rectification: `accept` (the report filed) → the year passes; `reject` → exit
   * with the claw-back. An exited project is refused (no second claw-back).
   */
  async decideRectification(actor: Actor, id: string, decision: 'accept' | 'reject', note: string): Promise<FundingProjectRecord> {
    await this.d.access.issuerOf(actor, id);
    const text = note.trim();
    if (text.length === 0) throw new AppError('request.invalid', { field: 'note', details: { issue: 'required' } });
    return this.d.uow.transaction(async (tx) => {
      const p = await locked(tx, id);
      const to = move(p, decision === 'accept' ? 'rectify_accept' : 'rectify_fail');
      const e = await current(tx, p);
      const now = this.d.clock.now();
      if (decision === 'reject') return this.d.projects.exit(tx, actor, p, e, `整改不合格：${text}`, now);
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
}
