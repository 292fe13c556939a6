/**
 * The department code (e.g. zscqj, the intellectual-property office) a regulator acts for, from the membership
 * of the request; null for everyone else. Shared by the route modules that pass it to services.
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';

export function departmentOf(c: Container, actor: Actor): Promise<string | null> {
  return c.orgs.departmentOf(actor);
}
