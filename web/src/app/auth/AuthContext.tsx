import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { Me, SessionToken } from '#contract/session';
import { ApiError, api, setActingOrganisation, setTokenSource } from '../../api/client';

export const meKey = ['me'] as const;

interface AuthState {
  me: Me | null;
  /** True until the first silent refresh and `/me` have answered. */
  loading: boolean;
  /** `/me` failed for another reason than a missing session (the server did not answer). */
  failed: boolean;
  retry: () => void;
  signIn: (result: SessionToken) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

const maybeSignedIn = () => document.cookie.split(/;\s*/).includes('sm_hint=1');

/**
 * Keeps the short-lived access token in memory only; the session itself lives in an httpOnly
 * cookie that page scripts cannot read. The token is renewed a minute before it runs out. Who is
 * logged in (`/me`) is a query like any other read; a change of person empties the cache, so one
 * person never sees another's data.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  /** Drops everything read for the previous person; `me` is set apart. */
  const dropPersonalData = useCallback(
    () => queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] }),
    [queryClient],
  );

  const forget = useCallback(() => {
    token.current = null;
    setActingOrganisation(null);
    window.clearTimeout(timer.current);
    dropPersonalData();
    queryClient.setQueryData(meKey, null);
  }, [dropPersonalData, queryClient]);

  // renew and schedule call each other: the timer reaches renew through a ref.
  const renewRef = useRef<() => Promise<string | null>>(async () => null);

  const schedule = useCallback((result: SessionToken) => {
    token.current = result.accessToken;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => void renewRef.current(),
      Math.max(10, result.expiresIn - 60) * 1000,
    );
  }, []);

  const renew = useCallback(async (): Promise<string | null> => {
    try {
      const result = await api('POST /api/auth/refresh');
      schedule(result);
      return result.accessToken;
    } catch {
      forget();
      return null;
    }
  }, [forget, schedule]);
  renewRef.current = renew;

  setTokenSource({ current: () => token.current, renew });

  const meQuery = useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }): Promise<Me | null> => {
      if (!token.current && !(maybeSignedIn() && (await renew()))) return null;
      try {
        return await api('GET /api/me', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const signIn = useCallback(
    async (result: SessionToken) => {
      schedule(result);
      setActingOrganisation(null);
      dropPersonalData();
      await queryClient.fetchQuery({
        queryKey: meKey,
        queryFn: ({ signal }) => api('GET /api/me', { signal }),
        staleTime: 0,
      });
    },
    [dropPersonalData, queryClient, schedule],
  );

  const logout = useCallback(async () => {
    await api('POST /api/auth/logout').catch(() => undefined);
    forget();
  }, [forget]);

  const { data, isPending, isError, refetch } = meQuery;
  const value = useMemo(
    () => ({
      me: data ?? null,
      loading: isPending,
      failed: isError,
      retry: () => void refetch(),
      signIn,
      logout,
    }),
    [data, isPending, isError, refetch, signIn, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The logged-in person, for pages behind RequireRole. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside RequireRole');
  return me;
}
