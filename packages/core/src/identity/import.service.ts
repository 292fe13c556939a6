/**
 * Bulk import of organizations, users and memberships: how a district's existing register (or the demo data)
 * comes in. Validates references inside the batch, writes the batch in one transaction and audits it as one
 * entry with its counts — row-by-row audit of a 100k-row import would bury the log.
 */
import { type OrgKind, ROLES_BY_ORG_KIND, type Role } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { DepartmentRecord, MembershipRecord, OrganizationRecord, UserRecord } from './identity.types.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';

/** the repositories this job touches */
type ImportRepos = 'users' | 'orgs' | 'memberships' | 'audit';

export interface ImportOrg {
  id?: string;
  kind: OrgKind;
  name: string;
  district?: string | null;
  parentId?: string | null;
  departments?: { code: string; name: string }[];
}

export interface ImportUser {
  id?: string;
  username: string;
  displayName: string;
  /** an argon2id hash: imports carry hashes, never plain passwords */
  passwordHash: string;
  phone?: string | null;
}

export interface ImportMembership {
  userId: string;
  orgId: string;
  role: Role;
  departmentCode?: string;
}

export interface ImportBatch {
  orgs?: ImportOrg[];
  users?: ImportUser[];
  memberships?: ImportMembership[];
}

export interface ImportResult {
  orgIds: string[];
  userIds: string[];
  membershipIds: string[];
}

export class ImportService {
  constructor(
    private readonly d: { uow: ScopedUnitOfWork<ImportRepos>; clock: Clock; ids: IdGenerator; vault: PiiVault; audit: AuditService },
  ) {}

  async importBatch(actor: Actor, batch: ImportBatch, label = 'import'): Promise<ImportResult> {
    const now = this.d.clock.now();
    const orgs: OrganizationRecord[] = [];
    const departments: DepartmentRecord[] = [];
    const orgKinds = new Map<string, OrgKind>();
    const deptByOrgCode = new Map<string, string>();
    for (const o of batch.orgs ?? []) {
      const rec: OrganizationRecord = {
        id: o.id ?? this.d.ids.next(),
        kind: o.kind,
        name: o.name,
        district: o.district ?? null,
        parentId: o.parentId ?? null,
        createdAt: now,
      };
      orgs.push(rec);
      orgKinds.set(rec.id, rec.kind);
      for (const dep of o.departments ?? []) {
        const id = this.d.ids.next();
        departments.push({ id, orgId: rec.id, code: dep.code, name: dep.name });
        deptByOrgCode.set(`${rec.id}:${dep.code}`, id);
      }
    }
    const users: UserRecord[] = (batch.users ?? []).map((u) => ({
      id: u.id ?? this.d.ids.next(),
      username: u.username,
      displayName: u.displayName,
      passwordHash: u.passwordHash,
      phoneEnc: u.phone ? this.d.vault.encrypt(u.phone) : null,
      phoneIndex: u.phone ? this.d.vault.blindIndex(u.phone) : null,
      locale: 'zh-CN',
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: now,
    }));

    return this.d.uow.transaction(async (tx) => {
      const memberships: MembershipRecord[] = [];
      for (const [i, m] of (batch.memberships ?? []).entries()) {
        let kind = orgKinds.get(m.orgId);
        if (!kind) {
          kind = (await tx.orgs.findById(m.orgId))?.kind;
          if (!kind) throw new AppError('org.not_found', { field: `memberships.${i}.orgId` });
          orgKinds.set(m.orgId, kind);
        }
        if (!ROLES_BY_ORG_KIND[kind].includes(m.role)) {
          throw new AppError('org.role_not_allowed', { field: `memberships.${i}.role`, details: { role: m.role } });
        }
        let departmentId: string | null = null;
        if (m.departmentCode) {
          departmentId = deptByOrgCode.get(`${m.orgId}:${m.departmentCode}`) ?? null;
          if (!departmentId) {
            for (const dep of await tx.orgs.listDepartments([m.orgId])) deptByOrgCode.set(`${dep.orgId}:${dep.code}`, dep.id);
            departmentId = deptByOrgCode.get(`${m.orgId}:${m.departmentCode}`) ?? null;
          }
          if (!departmentId) throw new AppError('org.department_invalid', { field: `memberships.${i}.departmentCode` });
        }
        memberships.push({ id: this.d.ids.next(), userId: m.userId, orgId: m.orgId, role: m.role, departmentId, createdAt: now });
      }
      await tx.orgs.insertMany(orgs);
      await tx.orgs.insertDepartments(departments);
      await tx.users.insertMany(users);
      await tx.memberships.insertMany(memberships);
      await this.d.audit.record(tx, actor, {
        action: 'import.batch',
        targetType: 'batch',
        targetId: label,
        orgId: null,
        detail: { label, orgs: orgs.length, departments: departments.length, users: users.length, memberships: memberships.length },
      });
      return { orgIds: orgs.map((o) => o.id), userIds: users.map((u) => u.id), membershipIds: memberships.map((m) => m.id) };
    });
  }
}
