import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useMe } from '../lib/session.ts';
import { canAccessPath } from '../nav.ts';
import { ForbiddenResult } from './forbidden-result.tsx';

/** Route guard: a path outside the role's navigation table renders the 403 page. */
export function RequireAccess({ children }: { children: ReactNode }) {
  const me = useMe();
  const { pathname } = useLocation();
  if (!canAccessPath(me.role, pathname)) return <ForbiddenResult />;
  return <>{children}</>;
}
