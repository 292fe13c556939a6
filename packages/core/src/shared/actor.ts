/**
 * Who is acting: resolved once per request (session cookie, API token) or command (CLI, seed), and passed to every
 * service call. Services decide tenant scope from it; they never read transport details.
 */
import type { ApiTokenScope, Role } from '@livehub/contracts';

export interface Actor {
  userId: string | null;
  label: string;
  /** organization the actor acts for; null for consumers and the system */
  orgId: string | null;
  membershipId: string | null;
  role: Role | 'system';
  via: 'session' | 'token' | 'cli' | 'system';
  /** present when authenticated by an API token */
  scopes?: readonly ApiTokenScope[];
  requestId?: string;
  ip?: string;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  label: 'system',
  orgId: null,
  membershipId: null,
  role: 'system',
  via: 'system',
};

export function cliActor(label = 'cli'): Actor {
  return { ...SYSTEM_ACTOR, label, via: 'cli' };
}

/** Roles that see every organization (the platform operator and regulators). */
export const CROSS_TENANT_ROLES: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'reviewer', 'regulator', 'system']);

export function isCrossTenant(actor: Actor): boolean {
  return CROSS_TENANT_ROLES.has(actor.role);
}
