/** The signed-in session: the `me` query, its context inside the shell, and helpers to replace it. */
import type { Me } from '@livehub/contracts';
import { type QueryClient, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { shellKeys } from '../queries/shell.ts';
import { isApiError, setCsrfToken } from './api-client.ts';
import { endpoints } from './endpoints.ts';

/** GET /api/auth/me; a 401 means "not signed in" and resolves to null. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await endpoints.me();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery(): UseQueryResult<Me | null> {
  return useQuery({ queryKey: shellKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** Store a fresh Me (from login / register / switch) as the session. */
export function applyMe(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(shellKeys.me, me);
}

/** Forget the session locally (after logout or a 401). */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== shellKeys.me[0] });
  queryClient.setQueryData(shellKeys.me, null);
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only valid inside the authenticated shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used inside the authenticated shell');
  return me;
}
