/**
 * Identity records as the API shows them: organizations with their departments, members, API tokens. Pure
 * functions; PII never reaches them unmasked (the identity context masks phone numbers before anything leaves it).
 */
import type { apiTokenSchema, memberSchema, Organization } from '@livehub/contracts';
import type { ApiTokenRecord, MembershipView, OrganizationView } from '@livehub/core';
import type { z } from 'zod';

type Member = z.infer<typeof memberSchema>;
type ApiToken = z.infer<typeof apiTokenSchema>;

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
