import { Navigate } from 'react-router';
import { useMeQuery } from '../lib/session.ts';
import { PageLoading } from './page-loading.tsx';

/** `/` → the signed-in user's workbench, or /login. */
export function HomeRedirect() {
  const { data: me, isPending } = useMeQuery();
  if (isPending) return <PageLoading fullPage />;
  return <Navigate to={me ? me.workbench : '/login'} replace />;
}
