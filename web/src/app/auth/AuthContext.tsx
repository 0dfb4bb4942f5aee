import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api, setTokenSource } from '../api/client';
import type { Role } from '../layout/navigation';

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: { id: string; type: Role; name: string; tracks?: string[] } | null;
  schoolYear: { id: string; blackout: { from: string; to: string; visibleFrom: string } };
}

interface SignedIn {
  accessToken: string;
  expiresIn: number;
}

interface AuthState {
  me: Me | null;
  /** True until the first silent refresh has answered. */
  loading: boolean;
  signIn: (result: SignedIn) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * Keeps the short-lived access token in memory only; the session itself lives in an httpOnly
 * cookie that page scripts cannot read. The token is renewed a minute before it runs out.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const token = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const forget = useCallback(() => {
    token.current = null;
    window.clearTimeout(timer.current);
    setMe(null);
  }, []);

  // renew and schedule call each other: the timer reaches renew through a ref.
  const renewRef = useRef<() => Promise<string | null>>(async () => null);

  const schedule = useCallback((result: SignedIn) => {
    token.current = result.accessToken;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => void renewRef.current(),
      Math.max(10, result.expiresIn - 60) * 1000,
    );
  }, []);

  const renew = useCallback(async (): Promise<string | null> => {
    try {
      const result = await api<SignedIn>('/auth/refresh', { method: 'POST' });
      schedule(result);
      return result.accessToken;
    } catch {
      forget();
      return null;
    }
  }, [forget, schedule]);
  renewRef.current = renew;

  setTokenSource({ current: () => token.current, renew });

  const signIn = useCallback(
    async (result: SignedIn) => {
      schedule(result);
      setMe(await api<Me>('/me'));
    },
    [schedule],
  );

  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    forget();
  }, [forget]);

  useEffect(() => {
    void (async () => {
      const maybeSignedIn = document.cookie.split(/;\s*/).includes('sm_hint=1');
      if (maybeSignedIn && (await renew())) setMe(await api<Me>('/me').catch(() => null));
      setLoading(false);
    })();
    return () => window.clearTimeout(timer.current);
  }, [renew]);

  const value = useMemo(() => ({ me, loading, signIn, logout }), [me, loading, signIn, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
