/** Turn records into the contract shapes the API returns. PII leaves here only masked. */
import type { Membership, User } from '@livehub/contracts';
import type { MembershipView, UserRecord } from './identity.types.ts';
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
