/**
 * 项目资金绩效评价's reads (ADR 0036; docs/programmes.md § 项目资金绩效评价): the projects the caller sees — the issuing department's, the base's own,
 * those assigned to the evaluator — a project's detail with its tranches, targets and evaluations, and the
 * self-assessment form prefilled from LiveHub's own figures.
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { type FundingAccess, type FundingDeps, LIST_LIMIT } from './funding.internal.ts';
import type { FundingProjectDetail, FundingProjectRecord, FundingTargetKind, FundingTargetRecord, SelfFigure } from './funding.types.ts';

export interface SelfAssessmentPrefill {
  planYear: number;
  year: number;
  targets: FundingTargetRecord[];
  figures: Partial<Record<FundingTargetKind, SelfFigure | null>>;
}

export interface FundingViewDeps extends FundingDeps {
  access: FundingAccess;
}

export class FundingViewService {
  constructor(private readonly d: FundingViewDeps) {}

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
        const { orgId, department } = await this.d.access.issuer(actor);
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
    const project = await this.d.access.visible(actor, id);
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
    const p = await this.d.access.visible(actor, id);
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
}
