/**
 * The department code (e.g. zscqj, the intellectual-property office) a regulator acts for, from the membership
 * of the request; null for everyone else. Shared by the route modules that pass it to services.
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';

export async function departmentOf(c: Container, actor: Actor): Promise<string | null> {
  if (!actor.membershipId || actor.role !== 'regulator' || !actor.orgId) return null;
  const m = await c.uow.read.memberships.findById(actor.membershipId);
  if (!m?.departmentId) return null;
  const deps = await c.uow.read.orgs.listDepartments([actor.orgId]);
  return deps.find((d) => d.id === m.departmentId)?.code ?? null;
}
