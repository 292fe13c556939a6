/**
 * Identity's wiring: sign-in and sessions (a session that ends anywhere is dropped on every process), organizations,
 * invitations, bulk imports and the workbench's cross-context counts.
 */
import { IdentityService, ImportService, InvitationService, OrganizationService, WorkbenchService } from '@livehub/core';
import { randomTokens } from '../adapters/runtime.ts';
import type { Platform } from './platform.ts';

export async function wireIdentity(p: Platform) {
  const { config, clock, ids, uow, kv, hasher, vault, audit } = p;
  // Resolved sessions are reused for a few seconds; a session that ends or changes anywhere is dropped everywhere.
  const sessionsChanged = (hash: string | null) => void kv.pubsub.publish('identity:sessions', hash ?? '*').catch(() => {});
  const identity = new IdentityService({
    uow,
    clock,
    ids,
    hasher,
    vault,
    tokens: randomTokens,
    rateLimits: kv.rateLimits,
    audit,
    principalCacheMs: config.authCacheMs,
    sessionsChanged,
  });
  const unsubscribeSessions = await kv.pubsub.subscribe('identity:sessions', (m) => identity.forgetSessions(m === '*' ? null : m));
  const orgs = new OrganizationService({ uow, clock, ids, audit, sessionsChanged: () => sessionsChanged(null) });
  const invitations = new InvitationService({ uow, clock, ids, vault, audit });
  const workbench = new WorkbenchService({
    uow,
    readers: { products: uow.read.catalog, selection: uow.read.selection, applications: uow.read.workflows, orders: uow.read.orders },
  });
  const imports = new ImportService({ uow, clock, ids, vault, audit });
  return { identity, orgs, invitations, workbench, imports, unsubscribeSessions };
}
