/**
 * 政策服务包 (applicant side): each enterprise — merchant, MCN, base, service provider — sees the published
 * policies for it with the verdict on its own facts, read fresh from the other contexts (eligible, nearly with what
 * is missing, or not, and why); a certified streamer sees the talent policies (人才政策) the same way. It applies
 * through the approval engine with its documents and its declarations (自报) of the facts LiveHub does not hold;
 * eligibility is judged again at submission and a refusal names the unmet conditions. The issuing department
 * reviews (grant with the amount, reject, return for more documents); the policies context keeps its record in step
 * through its workflow hooks (policy-hooks.ts). docs/programmes.md.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { WorkflowService } from '../workflows/workflow.service.ts';
import { evaluate, factsRead, mergeDeclared } from './condition.rules.ts';
import type { ApplicantFactsReader, GrantPaymentsReader } from './facts.port.ts';
import type {
  Condition,
  Eligibility,
  FactKey,
  Facts,
  MatchedPolicy,
  PolicyApplicationListing,
  PolicyApplicationRecord,
  PolicyKind,
  PolicyRecord,
} from './policies.types.ts';
import { grantsMoney, listings, type PolicyDepartments } from './policy.service.ts';

export interface PolicyApplicationDeps {
  /** the whole bag: an application is submitted through the approval engine in this context's transaction */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  workflows: Pick<WorkflowService, 'submit' | 'actAndView'>;
  facts: ApplicantFactsReader;
  departments: PolicyDepartments;
  names?: NameReader;
  /** the ledger's grant payments (已拨付); without it nothing shows as paid */
  payments?: GrantPaymentsReader;
}

export interface ApplyInput {
  declared: Facts;
  documents: Array<{ id: string; docType: string }>;
  requestedFen: number | null;
  note: string | null;
}

export interface ReviewInput {
  action: 'approve' | 'reject' | 'return';
  reason: string | null;
  grantedFen: number | null;
}

/** Who applies, as whom: an organization's manager or staff for it, a streamer for themself. */
interface Applicant {
  kind: PolicyKind;
  subjectType: 'organization' | 'streamer';
  subjectId: string;
  userId: string;
}

const ENTERPRISE_ROLES: ReadonlySet<Actor['role']> = new Set(['merchant_staff', 'mcn_manager', 'base_operator', 'provider_staff']);
const OPEN: PolicyApplicationRecord['status'][] = ['in_review', 'returned'];
const ORDER: Record<Eligibility['status'], number> = { eligible: 0, nearly: 1, not_eligible: 2 };

function applicantOf(actor: Actor): Applicant {
  if (!actor.userId) throw new AppError('auth.required');
  if (actor.role === 'streamer') return { kind: 'talent', subjectType: 'streamer', subjectId: actor.userId, userId: actor.userId };
  if (ENTERPRISE_ROLES.has(actor.role) && actor.orgId)
    return { kind: 'enterprise', subjectType: 'organization', subjectId: actor.orgId, userId: actor.userId };
  throw new AppError('auth.forbidden');
}

function isOpen(p: PolicyRecord, now: Date): boolean {
  return p.status === 'published' && (!p.applyFrom || p.applyFrom <= now) && (!p.applyUntil || p.applyUntil >= now);
}

/** The base ids a condition names (hostBase), whose names the reasons show. */
function namedOrgs(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(namedOrgs);
  if ('any' in c) return c.any.flatMap(namedOrgs);
  return c.fact === 'hostBase' ? (Array.isArray(c.value) ? c.value : [c.value]).map(String) : [];
}

export class PolicyApplicationService {
  constructor(private readonly d: PolicyApplicationDeps) {}

  private async factsOf(a: Applicant, now: Date): Promise<Facts> {
    const f = a.kind === 'talent' ? await this.d.facts.talent(a.subjectId, now) : await this.d.facts.enterprise(a.subjectId, now);
    if (!f) throw new AppError('policies.wrong_kind');
    return f;
  }

  /**
   * The open policies for the actor (enterprise or talent), each with the verdict on the actor's facts and its
   * application, eligible first; and the facts themselves (what LiveHub knows of the actor).
   */
  async matched(actor: Actor): Promise<{ facts: Facts; names: Map<string, string>; policies: MatchedPolicy[] }> {
    const a = applicantOf(actor);
    const now = this.d.clock.now();
    const r = this.d.uow.read.policies;
    const [facts, published, apps] = await Promise.all([
      this.factsOf(a, now),
      r.listPolicies({ status: ['published'], kind: a.kind, limit: 500 }),
      r.listApplications({ subjectId: a.subjectId, limit: 500 }),
    ]);
    const open = published.filter((p) => isOpen(p, now));
    const names = await this.d.facts.orgNames(
      [...new Set([...open.flatMap((p) => namedOrgs(p.conditions)), String(facts.hostBase ?? '')])].filter(Boolean),
    );
    const issuerNames = new Map<string, Map<string, string>>();
    for (const orgId of new Set(open.map((p) => p.issuerOrgId))) issuerNames.set(orgId, await this.d.departments.departmentsOf(orgId));
    const policies = open
      .map((policy) => ({
        policy,
        issuerName: issuerNames.get(policy.issuerOrgId)?.get(policy.issuerDepartment) ?? null,
        eligibility: evaluate(policy.conditions, facts, { names }),
        application: apps.find((x) => x.policyId === policy.id) ?? null,
      }))
      .sort((x, y) => ORDER[x.eligibility.status] - ORDER[y.eligibility.status]);
    return { facts, names, policies };
  }

  /** My applications (the organization's, or the streamer's own), newest first. */
  async mine(actor: Actor): Promise<PolicyApplicationListing[]> {
    const a = applicantOf(actor);
    const r = this.d.uow.read.policies;
    const apps = await r.listApplications({ subjectId: a.subjectId, limit: 200 });
    const policies = await Promise.all([...new Set(apps.map((x) => x.policyId))].map((id) => r.findPolicy(id)));
    return listings(
      apps,
      policies.filter((p): p is PolicyRecord => p !== null),
      this.d.names,
      this.d.payments,
    );
  }

  /** 申报: eligibility judged again now (refused with the unmet conditions), documents checked, then into review. */
  async apply(actor: Actor, policyId: string, input: ApplyInput): Promise<PolicyApplicationListing> {
    const a = applicantOf(actor);
    const now = this.d.clock.now();
    const policy = await this.d.uow.read.policies.findPolicy(policyId);
    if (!policy || policy.status === 'draft') throw new AppError('policies.not_found', { field: 'policyId' });
    if (policy.kind !== a.kind) throw new AppError('policies.wrong_kind', { field: 'policyId' });
    if (!isOpen(policy, now)) throw new AppError('policies.not_open', { field: 'policyId' });
    const own = await this.factsOf(a, now);
    // only the self-declared facts this policy reads are taken from the declaration
    const reads = new Set<FactKey>(factsRead(policy.conditions));
    const asked: Facts = Object.fromEntries(Object.entries(input.declared).filter(([k]) => reads.has(k as FactKey)));
    const { facts, declared } = mergeDeclared(own, asked);
    const names = await this.d.facts.orgNames(namedOrgs(policy.conditions));
    const verdict = evaluate(policy.conditions, facts, { declared: new Set(Object.keys(declared) as FactKey[]), names });
    if (verdict.status !== 'eligible')
      throw new AppError('policies.not_eligible', {
        field: 'policyId',
        details: { unmet: verdict.missing.join('；'), reasons: verdict.missing },
      });
    const missing = policy.documents.filter((t) => !input.documents.some((x) => x.docType === t));
    if (missing.length > 0)
      throw new AppError('policies.documents_missing', { field: 'documents', details: { types: missing.join('、') } });
    const benefit = policy.benefit;
    if (input.requestedFen !== null && benefit.capFen !== null && input.requestedFen > benefit.capFen)
      throw new AppError('policies.amount_over_cap', { field: 'requestedFen' });
    const rec = await this.d.uow.transaction(async (tx) => {
      for (const doc of input.documents) {
        const stored = await tx.workflows.findDocument(doc.id);
        // another party's document is answered as one that does not exist
        if (
          !stored ||
          stored.docType !== doc.docType ||
          (stored.uploadedBy !== actor.userId && (!actor.orgId || stored.ownerOrgId !== actor.orgId))
        )
          throw new AppError('document.not_found', { field: 'documents' });
      }
      const wf = await this.d.workflows.submit(tx, actor, {
        kind: a.kind === 'talent' ? 'talent_policy_application' : 'policy_application',
        subjectType: a.subjectType,
        subjectId: a.subjectId,
        data: {
          policyId: policy.id,
          title: policy.title,
          department: policy.issuerDepartment,
          declared,
          requestedFen: input.requestedFen,
          note: input.note,
        },
        documents: input.documents,
      });
      const rec: PolicyApplicationRecord = {
        id: this.d.ids.next(),
        policyId: policy.id,
        workflowApplicationId: wf.id,
        applicantUserId: a.userId,
        applicantOrgId: a.subjectType === 'organization' ? a.subjectId : null,
        subjectType: a.subjectType,
        subjectId: a.subjectId,
        status: 'in_review',
        facts,
        declared,
        reasons: verdict.reasons,
        requestedFen: input.requestedFen,
        grantedFen: null,
        decisionReason: null,
        decidedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.policies.insertApplication(rec);
      await this.d.audit.record(tx, actor, {
        action: 'policy.apply',
        targetType: 'policy_application',
        targetId: rec.id,
        detail: { policyId: policy.id, declared, documents: input.documents.length },
      });
      return rec;
    });
    return this.listing(rec.id);
  }

  /** One application as the screens show it (after a change). */
  private async listing(id: string): Promise<PolicyApplicationListing> {
    const r = this.d.uow.read.policies;
    const rec = await r.findApplication(id);
    const policy = rec ? await r.findPolicy(rec.policyId) : null;
    if (!rec || !policy) throw new AppError('policies.application_not_found', { field: 'id' });
    const [one] = await listings([rec], [policy], this.d.names, this.d.payments);
    return one as PolicyApplicationListing;
  }

  /** The issuing department decides; another department or organization is answered as not found. */
  async review(actor: Actor, id: string, input: ReviewInput): Promise<PolicyApplicationListing> {
    const rec = await this.d.uow.read.policies.findApplication(id);
    const policy = rec ? await this.d.uow.read.policies.findPolicy(rec.policyId) : null;
    const department = await this.d.departments.departmentOf(actor);
    if (!rec || !policy || actor.role !== 'regulator' || actor.orgId !== policy.issuerOrgId || department !== policy.issuerDepartment)
      throw new AppError('policies.application_not_found', { field: 'id' });
    let grantedFen: number | null = null;
    if (input.action === 'approve') {
      grantedFen = input.grantedFen ?? policy.benefit.amountFen;
      if (moneyMissing(policy, grantedFen)) throw new AppError('policies.amount_required', { field: 'grantedFen' });
      if (grantedFen !== null && policy.benefit.capFen !== null && grantedFen > policy.benefit.capFen)
        throw new AppError('policies.amount_over_cap', { field: 'grantedFen' });
    }
    await this.d.workflows.actAndView(actor, rec.workflowApplicationId, {
      action: input.action,
      reason: input.reason ?? undefined,
      detail: { grantedFen },
    });
    return this.listing(id);
  }

  /** 补充材料: the applicant adds documents to a returned application and sends it back to review. */
  async resubmit(actor: Actor, id: string, documents: Array<{ id: string; docType: string }>): Promise<PolicyApplicationListing> {
    const rec = await this.mineOr404(actor, id);
    await this.d.workflows.actAndView(actor, rec.workflowApplicationId, { action: 'resubmit', attachments: documents.map((x) => x.id) });
    return this.listing(id);
  }

  async withdraw(actor: Actor, id: string): Promise<PolicyApplicationListing> {
    const rec = await this.mineOr404(actor, id);
    if (!OPEN.includes(rec.status)) throw new AppError('workflow.action_not_allowed', { field: 'action' });
    await this.d.workflows.actAndView(actor, rec.workflowApplicationId, { action: 'withdraw' });
    return this.listing(id);
  }

  private async mineOr404(actor: Actor, id: string): Promise<PolicyApplicationRecord> {
    const a = applicantOf(actor);
    const rec = await this.d.uow.read.policies.findApplication(id);
    if (!rec || rec.subjectId !== a.subjectId) throw new AppError('policies.application_not_found', { field: 'id' });
    return rec;
  }
}

function moneyMissing(policy: PolicyRecord, grantedFen: number | null): boolean {
  return grantsMoney(policy.benefit) && grantedFen === null;
}
