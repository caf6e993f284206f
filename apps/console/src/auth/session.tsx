// Who is signed in: the access token (this tab only: sessionStorage) and the principal the gateway
// reads from it (GET /api/v1/me). Signing in goes through the OIDC provider the gateway names — the
// authorization code flow with PKCE (auth/oidc.ts, ADR 0020): the development issuer on a development
// platform (its page lists the demo users), the configured provider in production.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client';
import { completeSignIn, forgetPendingSignIn } from './oidc';

export type Role =
  | 'worker'
  | 'institution'
  | 'enterprise'
  | 'county_officer'
  | 'city_approver'
  | 'finance_officer'
  | 'auditor'
  | 'admin';

export interface Principal {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly jurisdiction: string;
  readonly institutionId?: string;
  readonly enterpriseId?: string;
}

interface Session {
  readonly api: ApiClient;
  readonly principal: Principal | undefined;
  readonly displayName: { zh: string; en: string } | undefined;
  readonly ready: boolean;
  /** the provider's answer at the callback (its query string): the code exchanged, the token kept */
  completeSignIn(search: string): Promise<void>;
  signOut(): void;
}

const TOKEN_KEY = 'jineng.console.token';
const NAME_KEY = 'jineng.console.name';
const SessionContext = createContext<Session | undefined>(undefined);

const read = (key: string) => {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | undefined>(read(TOKEN_KEY));
  const [principal, setPrincipal] = useState<Principal | undefined>();
  const [ready, setReady] = useState(!read(TOKEN_KEY));
  const [displayName, setDisplayName] = useState<{ zh: string; en: string } | undefined>(() => {
    const stored = read(NAME_KEY);
    return stored ? (JSON.parse(stored) as { zh: string; en: string }) : undefined;
  });

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(NAME_KEY);
    forgetPendingSignIn();
    setToken(undefined);
    setPrincipal(undefined);
    setDisplayName(undefined);
    setReady(true);
  }, []);
  const api = useMemo(() => createApiClient(() => token, signOut), [token, signOut]);

  useEffect(() => {
    if (!token) return;
    let live = true;
    api.get<Principal>('/api/v1/me').then(
      (me) => live && (setPrincipal(me), setReady(true)),
      () => live && signOut(),
    );
    return () => {
      live = false;
    };
  }, [api, token, signOut]);

  const complete = useCallback(async (search: string) => {
    const { accessToken, displayName: name } = await completeSignIn(search);
    sessionStorage.setItem(TOKEN_KEY, accessToken);
    if (name) sessionStorage.setItem(NAME_KEY, JSON.stringify(name));
    else sessionStorage.removeItem(NAME_KEY);
    setDisplayName(name);
    setPrincipal(undefined);
    // the principal comes from GET /api/v1/me (the effect above), as after a reload
    setReady(false);
    setToken(accessToken);
  }, []);

  const value = useMemo(
    () => ({ api, principal, displayName, ready, completeSignIn: complete, signOut }),
    [api, principal, displayName, ready, complete, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
