/**
 * What the funding services (projects and tranches, assessment, views) share, and nothing outside the context
 * imports: their dependencies, who the caller is to a project (its issuing department, its base, its evaluator), the
 * locked project, the current year's evaluation, the state machine's step with its errors, and the labels.
 * ADR 0036; docs/programmes.md § 项目资金绩效评价.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { LedgerService } from '../settlement/ledger.service.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { FundingDepartments, FundingFiguresReader, FundingParties } from './funding.port.ts';
import { type FundingEvent, nextStatus } from './funding.rules.ts';
import { type FundingProjectRecord, type FundingProjectStatus, type FundingTargetKind, PLAN_YEARS } from './funding.types.ts';

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

/** The transaction a funding step runs in. */
export type FundingTx = Parameters<Parameters<FundingDeps['uow']['transaction']>[0]>[0];

export const LIST_LIMIT = 200;
export const DAY_MS = 86_400_000;
export const MAX_FIGURE = 900_000_000_000;

export const STATUS_ZH: Record<FundingProjectStatus, string> = {
  planned: '待拨付',
  funded: '已拨付',
  self_assessed: '已自评',
  rectifying: '整改中',
  passed: '本年度通过',
  completed: '已完成',
  exited: '已退出',
};

export const TARGET_ZH: Record<FundingTargetKind, string> = {
  gmv: '直播电商交易额',
  enterprises: '集聚企业数',
  talent: '直播人才数',
  brands: '培育品牌数',
};

export const trancheKey = (trancheId: string): string => `funding.tranche:${trancheId}`;

/** Who the caller is to a project: its issuing department, its base, its evaluator. */
export class FundingAccess {
  constructor(private readonly d: Pick<FundingDeps, 'uow' | 'departments'>) {}

  async issuer(actor: Actor): Promise<{ orgId: string; department: string; userId: string }> {
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

  async visible(actor: Actor, id: string): Promise<FundingProjectRecord> {
    const p = await this.d.uow.read.funding.findProject(id);
    if (!p || !(await this.sees(actor, p))) throw new AppError('funding.not_found', { field: 'id' });
    return p;
  }

  async issuerOf(actor: Actor, id: string): Promise<FundingProjectRecord> {
    await this.issuer(actor);
    return this.visible(actor, id);
  }
}

/** The project locked in `tx`, re-checked for the actor (a project changed since the read is seen as it is now). */
export async function locked(tx: FundingTx, id: string): Promise<FundingProjectRecord> {
  const p = await tx.funding.lockProject(id);
  if (!p) throw new AppError('funding.not_found', { field: 'id' });
  return p;
}

export function move(p: FundingProjectRecord, event: FundingEvent, lastYear = p.currentYear >= PLAN_YEARS): FundingProjectStatus {
  const to = nextStatus(p.status, event, lastYear);
  if (to) return to;
  if (p.status === 'exited') throw new AppError('funding.already_clawed_back', { field: 'id' });
  if (event.startsWith('grade') && p.status === 'funded') throw new AppError('funding.not_self_assessed', { field: 'id' });
  throw new AppError('funding.bad_state', { field: 'id', details: { status: STATUS_ZH[p.status] } });
}

export async function current(tx: FundingTx, p: FundingProjectRecord) {
  const e = (await tx.funding.listEvaluations(p.id)).find((x) => x.planYear === p.currentYear);
  if (!e) throw new AppError('funding.not_self_assessed', { field: 'id' });
  return e;
}
