// Who is signed in: the access token (this tab only: sessionStorage) and the principal the gateway
// reads from it (GET /api/v1/me). Signing in asks the token issuer — the development issuer's demo users
// on a development platform; an OIDC provider's sign-in would hand the console its token the same way.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client';

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

export interface DemoUser {
  readonly user: Role;
  readonly displayName: string;
  readonly displayNameEn: string;
  readonly principal: Principal;
}

interface Session {
  readonly api: ApiClient;
  readonly principal: Principal | undefined;
  readonly displayName: { zh: string; en: string } | undefined;
  readonly ready: boolean;
  signInAsDemoUser(user: DemoUser): Promise<void>;
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

  const signInAsDemoUser = useCallback(async (user: DemoUser) => {
    const response = await fetch('/api/v1/dev/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: user.user }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { accessToken, principal: signedIn } = (await response.json()) as {
      accessToken: string;
      principal: Principal;
    };
    const name = { zh: user.displayName, en: user.displayNameEn };
    sessionStorage.setItem(TOKEN_KEY, accessToken);
    sessionStorage.setItem(NAME_KEY, JSON.stringify(name));
    setDisplayName(name);
    setPrincipal(signedIn);
    setToken(accessToken);
  }, []);

  const value = useMemo(
    () => ({ api, principal, displayName, ready, signInAsDemoUser, signOut }),
    [api, principal, displayName, ready, signInAsDemoUser, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
