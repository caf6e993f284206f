// A small History API router: the gateway answers index.html for every page path, the console picks the
// screen. Paths carry no state a screen cannot rebuild (filters live in the query string).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

interface Router {
  readonly path: string;
  /** `replace`: instead of the current history entry (the sign-in callback, which must not come back) */
  navigate(path: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<Router>({ path: '/', navigate: () => undefined });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: string, options?: { replace?: boolean }) => {
    if (options?.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    setPath(next.split('?')[0]);
  }, []);
  return <RouterContext.Provider value={{ path, navigate }}>{children}</RouterContext.Provider>;
}

export const useRouter = () => useContext(RouterContext);

/** `/institutions/:id` against `/institutions/abc` → { id: 'abc' }, or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return undefined;
  }
  return params;
}
