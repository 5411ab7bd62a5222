import type { User } from '@weft/core';
import type { SessionResponse } from '@weft/protocol';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { onUnauthorized, setCsrfToken } from '../api/client';
import { endpoints } from '../api/endpoints';
import { isApiError } from '../api/problem';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; message: string }
  | { status: 'setup' }
  | { status: 'anonymous'; reason?: 'expired' | 'logged-out' }
  | { status: 'signed-in'; user: User };

interface SessionValue {
  state: SessionState;
  signedIn: (session: SessionResponse) => void;
  logout: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const { needsSetup } = await endpoints.setupStatus();
        if (cancelled) return;
        if (needsSetup) return setState({ status: 'setup' });
        try {
          const session = await endpoints.session();
          if (cancelled) return;
          setCsrfToken(session.csrfToken);
          setState({ status: 'signed-in', user: session.user });
        } catch (error) {
          if (cancelled) return;
          if (isApiError(error) && error.status === 401) setState({ status: 'anonymous' });
          else throw error;
        }
      } catch (error) {
        if (!cancelled)
          setState({
            status: 'unreachable',
            message: error instanceof Error ? error.message : 'The server did not answer.',
          });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setState((current) =>
          current.status === 'signed-in' ? { status: 'anonymous', reason: 'expired' } : current,
        );
      }),
    [],
  );

  const signedIn = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await endpoints.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous', reason: 'logged-out' });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, logout, retry }), [state, signedIn, logout, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only call below the signed-in guard. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser without a session');
  return state.user;
}
