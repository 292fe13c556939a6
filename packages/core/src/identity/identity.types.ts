import type { Role } from '@livehub/contracts';

export const AUTH_POLICY = {
  sessionTtlMs: 7 * 24 * 3600_000,
  maxFailedLogins: 5,
  lockoutMs: 15 * 60_000,
  /** per client address, across usernames: stops password spraying */
  ipWindowMs: 5 * 60_000,
  ipMaxAttempts: 30,
  /** per username, across addresses: stops guessing one account from many hosts */
  userWindowMs: 5 * 60_000,
  userMaxAttempts: 10,
} as const;

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
