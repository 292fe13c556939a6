/**
 * 政策管理 (regulator side of 政策服务包): a regulator, acting for a department, drafts a policy (conditions in the
 * condition language, parsed before anything is stored), edits the draft, publishes it to the enterprises or
 * streamers it targets, and withdraws it; reads its department's applications (the review queue) and the totals
 * granted per policy. Another organization's policy is answered as not found. docs/programmes.md.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { parseCondition } from './condition.rules.ts';
import type { GrantPayment, GrantPaymentsReader } from './facts.port.ts';
import type {
  PolicyApplicationListing,
  PolicyApplicationRecord,
  PolicyBenefit,
  PolicyInput,
  PolicyRecord,
  PolicyTotals,
} from './policies.types.ts';

/** The department a regulator acts for, and the names of an organization's departments. */
export interface PolicyDepartments {
  departmentOf(actor: Actor): Promise<string | null>;
  departmentsOf(orgId: string): Promise<Map<string, string>>;
}

export interface PolicyDeps {
  uow: ScopedUnitOfWork<'policies' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  departments: PolicyDepartments;
  names?: NameReader;
  /** the ledger's grant payments (已拨付); without it nothing shows as paid */
  payments?: GrantPaymentsReader;
}

const LIST_LIMIT = 200;
/** the granted applications whose payments the totals sum */
const GRANTED_LIMIT = 5000;
const MONEY_BENEFITS: ReadonlySet<string> = new Set(['subsidy_amount', 'subsidy_rate', 'housing_subsidy']);

/** Whether granting this benefit needs an amount (a subsidy or a housing allowance: money). */
export function grantsMoney(b: PolicyBenefit): boolean {
  return MONEY_BENEFITS.has(b.kind);
}

function checkInput(input: PolicyInput): PolicyInput & { conditions: PolicyRecord['conditions'] } {
  const conditions = parseCondition(input.conditions);
  if (input.applyFrom && input.applyUntil && input.applyUntil <= input.applyFrom)
    throw new AppError('policies.bad_window', { field: 'applyUntil' });
  const b = input.benefit;
  if (b.kind === 'subsidy_amount' && b.amountFen === null)
    throw new AppError('policies.bad_benefit', { field: 'benefit.amountFen', details: { problem: '定额补贴须填写金额' } });
  if (b.kind === 'subsidy_rate' && (b.rateBp === null || b.capFen === null))
    throw new AppError('policies.bad_benefit', { field: 'benefit.rateBp', details: { problem: '比例补贴须填写比例和上限' } });
  if (input.kind === 'talent' && (b.kind === 'subsidy_rate' || b.kind === 'subsidy_amount'))
    throw new AppError('policies.bad_benefit', {
      field: 'benefit.kind',
      details: { problem: '人才政策的待遇须为落户积分、住房补贴、子女入学或服务' },
    });
  if (input.kind === 'enterprise' && (b.kind === 'settlement_points' || b.kind === 'school_enrolment'))
    throw new AppError('policies.bad_benefit', { field: 'benefit.kind', details: { problem: '落户积分和子女入学只用于人才政策' } });
  return { ...input, conditions };
}

export class PolicyService {
  constructor(private readonly d: PolicyDeps) {}

  /** The regulator and the department it acts for; anyone else is refused. */
  async issuer(actor: Actor): Promise<{ orgId: string; department: string }> {
    if (actor.role !== 'regulator' || !actor.orgId || !actor.userId) throw new AppError('auth.forbidden');
    const department = await this.d.departments.departmentOf(actor);
    if (!department) throw new AppError('policies.no_department');
    return { orgId: actor.orgId, department };
  }

  private async own(actor: Actor, id: string): Promise<{ policy: PolicyRecord; department: string }> {
    const { orgId, department } = await this.issuer(actor);
    const policy = await this.d.uow.read.policies.findPolicy(id);
    if (!policy || policy.issuerOrgId !== orgId) throw new AppError('policies.not_found', { field: 'id' });
    return { policy, department };
  }

  /** Every policy of the regulator's organization (all departments), newest first, with department names. */
  async listIssued(actor: Actor): Promise<{ policies: PolicyRecord[]; departmentNames: Map<string, string> }> {
    const { orgId } = await this.issuer(actor);
    const [policies, departmentNames] = await Promise.all([
      this.d.uow.read.policies.listPolicies({ issuerOrgId: orgId, limit: LIST_LIMIT }),
      this.d.departments.departmentsOf(orgId),
    ]);
    return { policies, departmentNames };
  }

  async create(actor: Actor, input: PolicyInput): Promise<PolicyRecord> {
    const { orgId, department } = await this.issuer(actor);
    const ok = checkInput(input);
    const now = this.d.clock.now();
    const policy: PolicyRecord = {
      id: this.d.ids.next(),
      issuerOrgId: orgId,
      issuerDepartment: department,
      ...policyFields(ok),
      status: 'draft',
      publishedAt: null,
      withdrawnAt: null,
      createdBy: actor.userId as string,
      createdAt: now,
      updatedAt: now,
    };
    return this.d.uow.transaction(async (tx) => {
      await tx.policies.insertPolicy(policy);
      await this.d.audit.record(tx, actor, {
        action: 'policy.create',
        targetType: 'policy',
        targetId: policy.id,
        detail: { title: policy.title, kind: policy.kind, department },
      });
      return policy;
    });
  }

  /** Only a draft is edited; a published policy is withdrawn and issued anew. */
  async update(actor: Actor, id: string, input: PolicyInput): Promise<PolicyRecord> {
    const ok = checkInput(input);
    const { policy } = await this.own(actor, id);
    if (policy.status !== 'draft') throw new AppError('policies.not_editable', { field: 'id' });
    const patch = {
      ...policyFields(ok),
      updatedAt: this.d.clock.now(),
    };
    return this.d.uow.transaction(async (tx) => {
      await tx.policies.updatePolicy(id, patch);
      await this.d.audit.record(tx, actor, { action: 'policy.update', targetType: 'policy', targetId: id, detail: { title: patch.title } });
      return { ...policy, ...patch };
    });
  }

  async publish(actor: Actor, id: string): Promise<PolicyRecord> {
    return this.move(actor, id, 'draft', 'published');
  }

  /** Withdrawn: no longer matched nor open for applications; applications under review stay under review. */
  async withdraw(actor: Actor, id: string): Promise<PolicyRecord> {
    return this.move(actor, id, 'published', 'withdrawn');
  }

  private async move(actor: Actor, id: string, from: PolicyRecord['status'], to: 'published' | 'withdrawn'): Promise<PolicyRecord> {
    const { policy } = await this.own(actor, id);
    if (policy.status !== from) throw new AppError('policies.bad_status', { field: 'id' });
    const now = this.d.clock.now();
    const patch = to === 'published' ? { status: to, publishedAt: now, updatedAt: now } : { status: to, withdrawnAt: now, updatedAt: now };
    return this.d.uow.transaction(async (tx) => {
      await tx.policies.updatePolicy(id, patch);
      await this.d.audit.record(tx, actor, {
        action: to === 'published' ? 'policy.publish' : 'policy.withdraw',
        targetType: 'policy',
        targetId: id,
        detail: { title: policy.title },
      });
      return { ...policy, ...patch };
    });
  }

  /** The review queue: applications for the policies the regulator's department issued, newest first. */
  async queue(actor: Actor): Promise<PolicyApplicationListing[]> {
    const { orgId, department } = await this.issuer(actor);
    const r = this.d.uow.read.policies;
    const policies = (await r.listPolicies({ issuerOrgId: orgId, limit: 500 })).filter((p) => p.issuerDepartment === department);
    if (policies.length === 0) return [];
    const apps = await r.listApplications({ policyIds: policies.map((p) => p.id), limit: LIST_LIMIT });
    return listings(apps, policies, this.d.names, this.d.payments);
  }

  /** Granted totals per policy of the regulator's organization (the chart of 政策管理), with what the ledger paid. */
  async totals(actor: Actor): Promise<PolicyTotals[]> {
    const { orgId } = await this.issuer(actor);
    const r = this.d.uow.read.policies;
    const totals = await r.totals(orgId);
    const paidBy = new Map<string, number>();
    if (this.d.payments && totals.some((t) => t.granted > 0)) {
      const granted = await r.listApplications({
        policyIds: totals.filter((t) => t.granted > 0).map((t) => t.policyId),
        status: ['granted'],
        limit: GRANTED_LIMIT,
      });
      const paid = await this.d.payments(granted.map((a) => a.id));
      for (const a of granted) {
        const fen = paid.get(a.id)?.fen ?? 0;
        paidBy.set(a.policyId, (paidBy.get(a.policyId) ?? 0) + fen);
      }
    }
    return totals.map((t) => ({ ...t, paidFen: paidBy.get(t.policyId) ?? 0 }));
  }
}

/** Applications with their policy's title and kind and their subject's name (one name look-up per kind). */
export async function listings(
  apps: PolicyApplicationRecord[],
  policies: PolicyRecord[],
  names?: NameReader,
  payments?: GrantPaymentsReader,
): Promise<PolicyApplicationListing[]> {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const n = names
    ? await names.namesFor({
        orgs: apps.filter((a) => a.subjectType === 'organization').map((a) => a.subjectId),
        users: apps.filter((a) => a.subjectType === 'streamer').map((a) => a.subjectId),
      })
    : null;
  const granted = apps.filter((a) => a.status === 'granted').map((a) => a.id);
  const paid = payments && granted.length > 0 ? await payments(granted) : new Map<string, GrantPayment>();
  return apps.flatMap((a) => {
    const p = byId.get(a.policyId);
    if (!p) return [];
    const subjectName = (a.subjectType === 'organization' ? n?.orgs : n?.users)?.get(a.subjectId) ?? null;
    const pay = paid.get(a.id);
    return [
      {
        ...a,
        policyTitle: p.title,
        policyKind: p.kind,
        issuerDepartment: p.issuerDepartment,
        subjectName,
        paidFen: pay?.fen ?? null,
        paidAt: pay?.at ?? null,
      },
    ];
  });
}

/** The policy's own fields from checked input: texts trimmed, each required document once. */
function policyFields(ok: ReturnType<typeof checkInput>) {
  return {
    kind: ok.kind,
    title: ok.title.trim(),
    summary: ok.summary.trim(),
    basis: ok.basis.trim(),
    conditions: ok.conditions,
    benefit: ok.benefit,
    applyFrom: ok.applyFrom,
    applyUntil: ok.applyUntil,
    documents: [...new Set(ok.documents)],
  };
}
