/** Who may manage an organization's members, and which roles they may hand out: shared by direct adds and invitations. */
import { ROLES_BY_ORG_KIND, type Role } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { OrganizationRecord } from './identity.types.ts';
import { type Actor, isCrossTenant } from '../shared/actor.ts';
import { ORG_MANAGER_ROLES } from './identity.types.ts';

/** The platform, or a manager acting through a membership of this very organization. */
export function requireOrgManager(actor: Actor, org: OrganizationRecord): void {
  if (actor.role === 'platform_admin' || actor.role === 'system') return;
  if (actor.orgId === org.id && actor.role !== 'consumer' && ORG_MANAGER_ROLES.has(actor.role)) return;
  throw new AppError(actor.orgId === org.id || isCrossTenant(actor) ? 'auth.forbidden' : 'auth.tenant');
}

/**
 * The organization `orgId` for a caller who manages it (see requireOrgManager); a missing one is `org.not_found` on
 * `field`, the name the caller's request gave the id. Takes only the reader it needs, so a transaction's repositories
 * and the read side both serve.
 */
export async function requireManagedOrg(
  orgs: { findById(id: string): Promise<OrganizationRecord | null> },
  actor: Actor,
  orgId: string,
  field: 'orgId' | 'id' = 'orgId',
): Promise<OrganizationRecord> {
  const org = await orgs.findById(orgId);
  if (!org) throw new AppError('org.not_found', { field });
  requireOrgManager(actor, org);
  return org;
}

/**
 * The roles a caller may give in an organization: those the organization's kind allows, and below the caller's
 * own manager role (only the platform creates another MCN manager or base operator; merchants' staff are peers).
 */
export function requireGrantableRole(actor: Actor, org: OrganizationRecord, role: Role): void {
  if (!ROLES_BY_ORG_KIND[org.kind].includes(role)) {
    throw new AppError('org.role_not_allowed', { field: 'role', details: { role } });
  }
  if (
    actor.role !== 'platform_admin' &&
    actor.role !== 'system' &&
    ORG_MANAGER_ROLES.has(role) &&
    role === actor.role &&
    org.kind !== 'merchant'
  ) {
    throw new AppError('auth.forbidden', { field: 'role' });
  }
}
