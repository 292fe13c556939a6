/**
 * Organizations, departments and memberships, with tenant scoping: the platform and regulators see every
 * organization; everyone else sees their active organization and the organizations it hosts (a base's MCNs).
 */
import type { CreateOrganizationRequest, OrgKind, Role } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { DepartmentRecord, MembershipRecord, MembershipView, OrganizationRecord, OrganizationView } from './identity.types.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, isCrossTenant } from '../shared/actor.ts';
import { ORG_MANAGER_ROLES, withDepartments } from './identity.types.ts';
import { requireGrantableRole, requireManagedOrg } from './membership-rules.ts';

/** the repositories this job touches */
type OrganizationRepos = 'users' | 'orgs' | 'memberships' | 'sessions' | 'audit';

export interface OrganizationDeps {
  uow: ScopedUnitOfWork<OrganizationRepos>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  /** told when memberships go away: sessions acting through them must be resolved again */
  sessionsChanged?: () => void;
}

export class OrganizationService {
  constructor(private readonly d: OrganizationDeps) {}

  /**
   * The department code (e.g. zscqj, the intellectual-property office) a regulator acts for, from the membership
   * of the request; null for everyone else. The approval engine and the brand register ask it.
   */
  async departmentOf(actor: Actor): Promise<string | null> {
    if (!actor.membershipId || actor.role !== 'regulator' || !actor.orgId) return null;
    const m = await this.d.uow.read.memberships.findById(actor.membershipId);
    if (!m?.departmentId) return null;
    const departments = await this.d.uow.read.orgs.listDepartments([actor.orgId]);
    return departments.find((d) => d.id === m.departmentId)?.code ?? null;
  }

  /** The organization ids an actor may see, or undefined for all. */
  visibleScope(actor: Actor): string[] | undefined {
    if (isCrossTenant(actor)) return undefined;
    return actor.orgId ? [actor.orgId] : [];
  }

  async list(actor: Actor, opts: { kind?: OrgKind; limit?: number } = {}): Promise<OrganizationView[]> {
    const visibleTo = this.visibleScope(actor);
    if (visibleTo && visibleTo.length === 0) return [];
    const orgs = await this.d.uow.read.orgs.list({
      limit: opts.limit ?? 500,
      ...(opts.kind ? { kind: opts.kind } : {}),
      ...(visibleTo ? { visibleTo } : {}),
    });
    const departments = await this.d.uow.read.orgs.listDepartments(orgs.map((o) => o.id));
    return orgs.map((o) => withDepartments(o, departments));
  }

  async get(actor: Actor, id: string): Promise<OrganizationView> {
    const org = await this.requireVisible(actor, id);
    const departments = await this.d.uow.read.orgs.listDepartments([org.id]);
    return withDepartments(org, departments);
  }

  async create(actor: Actor, input: CreateOrganizationRequest, repos?: Pick<Repositories, OrganizationRepos>): Promise<OrganizationView> {
    const work = async (tx: Pick<Repositories, OrganizationRepos>) => {
      if (await tx.orgs.findByKindAndName(input.kind, input.name)) {
        throw new AppError('org.name_taken', { field: 'name' });
      }
      if (input.parentId && !(await tx.orgs.findById(input.parentId))) {
        throw new AppError('org.parent_invalid', { field: 'parentId' });
      }
      const org: OrganizationRecord = {
        id: this.d.ids.next(),
        kind: input.kind,
        name: input.name,
        district: input.district ?? null,
        parentId: input.parentId ?? null,
        createdAt: this.d.clock.now(),
      };
      await tx.orgs.insert(org);
      const codes = new Set<string>();
      const departments: DepartmentRecord[] = (input.departments ?? []).map((dep, i) => {
        if (codes.has(dep.code))
          throw new AppError('request.invalid', {
            field: `departments.${i}.code`,
            details: { issue: `duplicate department code ${dep.code}` },
          });
        codes.add(dep.code);
        return { id: this.d.ids.next(), orgId: org.id, code: dep.code, name: dep.name };
      });
      if (departments.length > 0) await tx.orgs.insertDepartments(departments);
      await this.d.audit.record(tx, actor, {
        action: 'org.create',
        targetType: 'organization',
        targetId: org.id,
        orgId: org.id,
        detail: {
          kind: org.kind,
          name: org.name,
          district: org.district,
          parentId: org.parentId,
          departments: departments.map((x) => x.code),
        },
      });
      return withDepartments(org, departments);
    };
    return repos ? work(repos) : this.d.uow.transaction(work);
  }

  async listMembers(actor: Actor, orgId: string): Promise<MembershipView[]> {
    await this.requireVisible(actor, orgId);
    return this.d.uow.read.memberships.listForOrg(orgId);
  }

  /**
   * Adds a membership directly, without the user's consent: the platform's administrators (and the seed and CLI,
   * acting as the system) only, always audited. Organization managers invite instead (InvitationService), and the
   * membership exists once the user accepts.
   */
  async addMember(
    actor: Actor,
    orgId: string,
    input: { userId: string; role: Role; departmentId?: string | undefined },
    repos?: Pick<Repositories, OrganizationRepos>,
  ): Promise<MembershipRecord> {
    const work = async (tx: Pick<Repositories, OrganizationRepos>) => {
      const org = await requireManagedOrg(tx.orgs, actor, orgId);
      if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('org.invitation_required', { field: 'userId' });
      requireGrantableRole(actor, org, input.role);
      if (!(await tx.users.findById(input.userId))) throw new AppError('user.not_found', { field: 'userId' });
      if (input.departmentId) {
        const deps = await tx.orgs.listDepartments([org.id]);
        if (!deps.some((x) => x.id === input.departmentId)) throw new AppError('org.department_invalid', { field: 'departmentId' });
      }
      if (await tx.memberships.find(input.userId, org.id, input.role)) throw new AppError('org.member_exists', { field: 'userId' });
      const m: MembershipRecord = {
        id: this.d.ids.next(),
        userId: input.userId,
        orgId: org.id,
        role: input.role,
        departmentId: input.departmentId ?? null,
        createdAt: this.d.clock.now(),
      };
      await tx.memberships.insert(m);
      await this.d.audit.record(tx, actor, {
        action: 'membership.add',
        targetType: 'membership',
        targetId: m.id,
        orgId: org.id,
        detail: { userId: m.userId, role: m.role, departmentId: m.departmentId, direct: true },
      });
      return m;
    };
    return repos ? work(repos) : this.d.uow.transaction(work);
  }

  /** A manager (or the platform) ends someone's membership of the organization. */
  async removeMember(actor: Actor, orgId: string, membershipId: string): Promise<void> {
    await this.d.uow.transaction(async (tx) => {
      const org = await requireManagedOrg(tx.orgs, actor, orgId);
      const m = await tx.memberships.findById(membershipId);
      if (!m || m.orgId !== org.id) throw new AppError('org.member_not_found', { field: 'memberId' });
      if (actor.role !== 'platform_admin' && actor.role !== 'system') await requireAnotherManager(tx, m, 'memberId');
      await tx.memberships.delete(m.id);
      await this.d.audit.record(tx, actor, {
        action: 'membership.remove',
        targetType: 'membership',
        targetId: m.id,
        orgId: org.id,
        detail: { userId: m.userId, role: m.role },
      });
    });
    this.d.sessionsChanged?.();
  }

  /** A member leaves an organization (a streamer leaving its MCN before signing with another). */
  async leave(actor: Actor, membershipId: string): Promise<void> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    await this.d.uow.transaction(async (tx) => {
      await tx.users.lock(userId);
      const m = await tx.memberships.findById(membershipId);
      // Someone else's membership answers like a missing one.
      if (!m || m.userId !== userId) throw new AppError('auth.membership_not_found', { field: 'membershipId' });
      await requireAnotherManager(tx, m, 'membershipId');
      await tx.memberships.delete(m.id);
      await this.d.audit.record(
        tx,
        { ...actor, orgId: m.orgId },
        {
          action: 'membership.leave',
          targetType: 'membership',
          targetId: m.id,
          orgId: m.orgId,
          detail: { userId, role: m.role },
        },
      );
    });
    this.d.sessionsChanged?.();
  }

  private async requireVisible(actor: Actor, orgId: string): Promise<OrganizationRecord> {
    const org = await this.d.uow.read.orgs.findById(orgId);
    // Another tenant's organization answers exactly like a missing one: ids are not an oracle.
    if (!org) throw new AppError('org.not_found', { field: 'id' });
    if (!this.canSee(actor, org)) throw new AppError('org.not_found', { field: 'id' });
    return org;
  }

  private canSee(actor: Actor, org: OrganizationRecord): boolean {
    if (isCrossTenant(actor)) return true;
    return actor.orgId !== null && (org.id === actor.orgId || org.parentId === actor.orgId);
  }
}

/** An organization keeps a manager: its last one cannot leave or be removed by another manager. */
async function requireAnotherManager(tx: Pick<Repositories, OrganizationRepos>, m: MembershipRecord, field: string): Promise<void> {
  if (!ORG_MANAGER_ROLES.has(m.role)) return;
  const members = await tx.memberships.listForOrg(m.orgId);
  if (!members.some((x) => x.id !== m.id && x.role === m.role)) throw new AppError('org.last_manager', { field });
}
