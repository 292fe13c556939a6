/**
 * Identity records as the API shows them: organizations with their departments, members, API tokens. Pure
 * functions; PII never reaches them unmasked (the identity context masks phone numbers before anything leaves it).
 */
import {
  type apiTokenSchema,
  type Me,
  type Membership,
  type memberSchema,
  type Organization,
  type User,
  WORKBENCH_BY_ROLE,
} from '@livehub/contracts';
import type { ApiTokenRecord, MembershipView, MeView, OrganizationView, UserView } from '@livehub/core';
import type { z } from 'zod';

type Member = z.infer<typeof memberSchema>;
type ApiToken = z.infer<typeof apiTokenSchema>;

/** A user whose phone number the identity context has already masked. */
export function presentUser(u: UserView): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
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

/** The signed-in user with their memberships, and the workbench their active role opens on. */
export function presentMe(me: MeView): Me {
  return {
    user: me.user,
    memberships: me.memberships.map(presentMembership),
    active: me.active ? presentMembership(me.active) : null,
    role: me.role,
    workbench: WORKBENCH_BY_ROLE[me.role],
    csrfToken: me.csrfToken,
  };
}

export function presentOrganization(o: OrganizationView): Organization {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    district: o.district,
    parentId: o.parentId,
    createdAt: o.createdAt.toISOString(),
    departments: o.departments.map((d) => ({ id: d.id, code: d.code, name: d.name })),
  };
}

export function presentMember(m: MembershipView): Member {
  return {
    id: m.id,
    userId: m.userId,
    username: m.username,
    displayName: m.displayName,
    role: m.role,
    departmentId: m.departmentId,
    departmentName: m.departmentName,
    createdAt: m.createdAt.toISOString(),
  };
}

/** A token as its owner lists it: the prefix that identifies it, never the secret (shown once, at creation). */
export function presentApiToken(t: ApiTokenRecord): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    orgId: t.orgId,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
