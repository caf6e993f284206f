// Standard security headers on every answer (helmet), for an API and, later, a single-page console
// served from the same origin: content from this origin only, no framing, no MIME sniffing, no
// referrer, HSTS in production; API answers (personal data) are never cached. The docs page (Swagger
// UI) needs inline styles, and gets them on its own paths only.
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX } from '../routing/route-table';
import { OPENAPI_PATH } from './api-docs';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * `connectTo`: origins besides this one the console may call — the OIDC provider's, whose discovery
 * document and token endpoint it fetches when it signs in (ADR 0020).
 */
export function securityHeaders({
  production,
  connectTo = [],
}: {
  production: boolean;
  connectTo?: readonly string[];
}): Middleware {
  const directives = {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'", ...connectTo],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    // over plain HTTP locally it would send the browser to an https that is not there
    ...(production ? { upgradeInsecureRequests: [] } : {}),
  };
  const headers = (styleSrc: string[]) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { ...directives, styleSrc } },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: production ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
    }) as unknown as Middleware;
  const api = headers(["'self'"]);
  const docs = headers(["'self'", "'unsafe-inline'"]);
  return (req, res, next) => {
    const path = req.url ?? '/';
    if (path.startsWith(`${API_PREFIX}/`) || path === API_PREFIX) res.setHeader('Cache-Control', 'no-store');
    (path.startsWith(`/${OPENAPI_PATH}`) ? docs : api)(req, res, next);
  };
}
