import type { Role } from '@livehub/contracts';

/**
 * Sign-in throttles. No account is ever locked: a lock is a weapon (anyone who knows a username can keep its owner
 * out) and its distinct answer tells which usernames exist. Instead:
 * - per client address, across usernames: a hard limit (stops password spraying from one host);
 * - per username and address: a hard limit on failures (stops one host guessing one account; its owner elsewhere
 *   is not affected);
 * - per username, across addresses: failures slow every further attempt down, doubling from `slowBaseMs` up to
 *   `slowMaxMs` — the right password still signs in, only later. Unknown usernames are counted and slowed exactly
 *   like real ones, so neither status nor timing tells them apart.
 */
export const AUTH_POLICY = {
  sessionTtlMs: 7 * 24 * 3600_000,
  ipWindowMs: 5 * 60_000,
  ipMaxAttempts: 30,
  pairWindowMs: 15 * 60_000,
  pairMaxFailures: 10,
  slowWindowMs: 15 * 60_000,
  slowAfterFailures: 5,
  slowBaseMs: 250,
  slowMaxMs: 8_000,
} as const;

/** How long a sign-in waits before its password is checked, after `failures` recent failures on the username. */
export function loginSlowdownMs(failures: number): number {
  if (failures < AUTH_POLICY.slowAfterFailures) return 0;
  const steps = failures - AUTH_POLICY.slowAfterFailures;
  return Math.min(AUTH_POLICY.slowMaxMs, AUTH_POLICY.slowBaseMs * 2 ** Math.min(steps, 16));
}

export const INVITATION_POLICY = {
  /** an invitation not answered within a week lapses (the organization may send a new one) */
  ttlMs: 7 * 24 * 3600_000,
  /** how many invitations a list shows, newest first */
  listLimit: 200,
} as const;

/** Roles that manage members of their own organization. */
export const ORG_MANAGER_ROLES: ReadonlySet<Role> = new Set(['base_operator', 'mcn_manager', 'merchant_staff', 'provider_staff']);

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId?: string;
}
