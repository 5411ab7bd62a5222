import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session-context';

/** Sends visitors without a session to setup (fresh instance) or login, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'setup') return <Navigate to="/setup" replace />;
  if (state.status !== 'signed-in') {
    const next = location.pathname + location.search;
    // After an explicit sign-out, the next person to sign in starts from the project list.
    const remember = state.status === 'anonymous' && state.reason !== 'logged-out' && next !== '/';
    const search = remember ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/login${search}`} replace />;
  }
  return <>{children}</>;
}
