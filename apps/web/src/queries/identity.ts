/** Organizations, members, invitations, users, API tokens and the audit log: their query keys and hooks. */
import type { OrgKind } from '@livehub/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { endpoints } from '../lib/endpoints.ts';
import { apiHook, apiHookBy, useApiQuery, type ApiQueryOptions } from './query-options.ts';

export const identityKeys = {
  /** every organization list, whatever its kind */
  allOrgs: ['orgs'] as const,
  orgs: (kind?: OrgKind) => ['orgs', kind ?? 'all'] as const,
  org: (id: string) => ['org', id] as const,
  members: (orgId: string) => ['org', orgId, 'members'] as const,
  orgInvitations: (orgId: string) => ['org', orgId, 'invitations'] as const,
  myInvitations: ['my-invitations'] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
  audit: (action: string) => ['audit', action] as const,
};

export const useOrgs = (kind?: OrgKind, options?: ApiQueryOptions<'listOrgs'>) =>
  useApiQuery(identityKeys.orgs(kind), () => endpoints.listOrgs(kind), options);
export const useOrg = apiHookBy(identityKeys.org, endpoints.getOrg);
export const useMembers = apiHookBy(identityKeys.members, endpoints.listMembers);
export const useOrgInvitations = apiHookBy(identityKeys.orgInvitations, endpoints.listOrgInvitations);
export const useMyInvitations = apiHook(identityKeys.myInvitations, endpoints.myInvitations);
export const useUsers = apiHook(identityKeys.users, endpoints.listUsers);
export const useTokens = apiHook(identityKeys.tokens, endpoints.listTokens);

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, page by page (before the lowest seq shown); `action` narrows it when not empty. */
export function useAuditPages(action: string) {
  return useInfiniteQuery({
    queryKey: identityKeys.audit(action),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      endpoints.listAudit({ limit: AUDIT_PAGE_SIZE, ...(pageParam ? { beforeSeq: pageParam } : {}), ...(action ? { action } : {}) }),
    getNextPageParam: (lastPage) => {
      if (lastPage.items.length < AUDIT_PAGE_SIZE) return undefined;
      const last = lastPage.items[lastPage.items.length - 1];
      return last && last.seq > 1 ? last.seq : undefined;
    },
  });
}
