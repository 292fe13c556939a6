/** Turn records into the contract shapes the API returns. PII leaves here only masked. */
import type { Membership, Organization, User } from '@livehub/contracts';
import type { DepartmentRecord, MembershipView, OrganizationRecord, UserRecord } from './identity.types.ts';
import type { PiiVault } from '../ports/runtime.ts';
import { maskPhone } from '../shared/masking.ts';

export function presentUser(u: UserRecord, vault: PiiVault): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phoneEnc ? maskPhone(vault.decrypt(u.phoneEnc)) : null,
    status: u.status,
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentMembership(m: MembershipView): Membership {
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: m.orgName,
    orgKind: m.orgKind,
    role: m.role,
    departmentId: m.departmentId,
    departmentCode: m.departmentCode,
    departmentName: m.departmentName,
  };
}

export function presentOrganization(o: OrganizationRecord, departments: DepartmentRecord[]): Organization {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    district: o.district,
    parentId: o.parentId,
    createdAt: o.createdAt.toISOString(),
    departments: departments.filter((d) => d.orgId === o.id).map((d) => ({ id: d.id, code: d.code, name: d.name })),
  };
}
