// The gateway's settings, all from the environment (see the README for the table). Read once at
// start; a bad or dangerous combination stops the start with every problem named.
import {
  natsClientConfigFromEnv,
  NatsClientConfigError,
  readGatewayEnvelopeKeys,
  type GatewayEnvelopeKeys,
  type NatsClientConfig,
} from '@jineng/messaging';
import { parseLogLevel, type JsonLogLevel } from '@jineng/observability';
import type { RateLimit } from '../routing/route-definition';

export type AuthConfig =
  /** production: tokens of an OIDC provider, verified with the keys at its JWKS URL */
  | {
      readonly mode: 'oidc';
      readonly issuer: string;
      readonly audience: string;
      readonly jwksUrl: string;
      /** the web console's public client at the provider (JINENG_OIDC_CLIENT_ID): the console signs in
       * with the authorization code + PKCE; without it the console has no sign-in (API use only) */
      readonly console?: ConsoleClientConfig;
    }
  /** development: the gateway's own issuer with one demo user per role */
  | { readonly mode: 'dev'; readonly audience: string; readonly tokenTtlSeconds: number }
  /** neither configured (outside production): every token is refused */
  | { readonly mode: 'none' };

export interface ConsoleClientConfig {
  readonly clientId: string;
  /** what the console asks for; `openid` at least (JINENG_OIDC_SCOPE) */
  readonly scope: string;
}

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly natsUrl: string;
  /** the gateway's NATS identity: credentials and TLS from JINENG_NATS_* files (libs/messaging) */
  readonly nats: NatsClientConfig;
  /** how long a command or query may take before the client gets a 504 */
  readonly rpcTimeoutMs: number;
  readonly auth: AuthConfig;
  readonly logLevel: JsonLogLevel;
  readonly bodyLimitBytes: number;
  /** one HMAC key per service (JINENG_ENVELOPE_SIGNING_KEY_FILE): it MACs every envelope with the
   * key of the service it is for; services refuse what their own key did not authenticate (ADR 0022) */
  readonly envelopeKeys: GatewayEnvelopeKeys;
  /** NODE_ENV=production: HSTS, the admin port by default */
  readonly production: boolean;
  /** where metrics and the API docs are served when not on the public port (ADMIN_PORT) */
  readonly admin?: { readonly port: number; readonly host: string };
  /** proxies in front of the gateway whose X-Forwarded-For is believed, for the client IP */
  readonly trustProxyHops: number;
  /** the built web console (apps/console/dist) served on this origin; none when unset (JINENG_CONSOLE_DIR) */
  readonly consoleDir?: string;
  readonly rateLimits: RateLimitConfig;
}

export interface RateLimitConfig {
  /** a route without a limit of its own, per user */
  readonly route: RateLimit;
  /** a public route without a limit of its own, per client IP */
  readonly anonymous: RateLimit;
  /** every route together, per user (or client IP) */
  readonly caller: RateLimit;
  /** limits by environment, by route (`POST /api/v1/workers/lookups`): over the route table's */
  readonly routes: Readonly<Record<string, RateLimit>>;
}

/** In production metrics and docs are off the public port: here unless ADMIN_PORT says otherwise. */
export const DEFAULT_PRODUCTION_ADMIN_PORT = 9090;
export const DEFAULT_RATE_LIMITS = {
  route: { requests: 120, perSeconds: 60 },
  anonymous: { requests: 30, perSeconds: 60 },
  caller: { requests: 600, perSeconds: 60 },
} as const;

export class GatewayConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid gateway configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'GatewayConfigError';
  }
}

export const DEV_AUTH_AUDIENCE = 'jineng-api';

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got '${raw}')`);
      return fallback;
    }
    return value;
  };

  let logLevel: JsonLogLevel = 'info';
  try {
    logLevel = parseLogLevel(env.LOG_LEVEL);
  } catch (error) {
    problems.push(`LOG_LEVEL: ${(error as Error).message}`);
  }

  const production = env.NODE_ENV === 'production';
  const port = integer('PORT', 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const adminPort =
    env.ADMIN_PORT !== undefined && env.ADMIN_PORT !== ''
      ? integer('ADMIN_PORT', DEFAULT_PRODUCTION_ADMIN_PORT, 0, 65535)
      : production
        ? DEFAULT_PRODUCTION_ADMIN_PORT
        : undefined;
  if (adminPort !== undefined && adminPort !== 0 && adminPort === port)
    problems.push(
      `ADMIN_PORT must differ from PORT (both ${port}): metrics and docs stay off the public port`,
    );

  let nats: NatsClientConfig = { connectOptions: {}, authentication: 'none', tls: false };
  try {
    nats = natsClientConfigFromEnv('gateway', env);
  } catch (error) {
    if (!(error instanceof NatsClientConfigError)) throw error;
    problems.push(...error.problems);
  }

  const config = {
    port,
    host,
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    nats,
    rpcTimeoutMs: integer('JINENG_RPC_TIMEOUT_MS', 5000, 1, 120_000),
    auth: authConfig(env, problems, integer),
    logLevel,
    bodyLimitBytes: integer('JINENG_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    envelopeKeys: envelopeKeys(env, problems),
    production,
    ...(adminPort === undefined ? {} : { admin: { port: adminPort, host: env.ADMIN_HOST || host } }),
    trustProxyHops: integer('JINENG_TRUST_PROXY_HOPS', 0, 0, 10),
    rateLimits: rateLimitConfig(env, problems),
    ...(env.JINENG_CONSOLE_DIR ? { consoleDir: env.JINENG_CONSOLE_DIR } : {}),
  };
  if (problems.length > 0) throw new GatewayConfigError(problems);
  return config as GatewayConfig;
}

/** Without its keys the gateway could forward nothing a service accepts: no start. */
function envelopeKeys(env: NodeJS.ProcessEnv, problems: string[]): GatewayEnvelopeKeys | undefined {
  const file = env.JINENG_ENVELOPE_SIGNING_KEY_FILE;
  if (!file) {
    problems.push(
      'JINENG_ENVELOPE_SIGNING_KEY_FILE is required: the HS256 keys, one per service, the gateway authenticates envelopes with (scripts/envelope-keys.mjs makes them)',
    );
    return undefined;
  }
  try {
    return readGatewayEnvelopeKeys(file);
  } catch (error) {
    problems.push(`JINENG_ENVELOPE_SIGNING_KEY_FILE ${(error as Error).message}`);
    return undefined;
  }
}

/** `120/60`: 120 requests per 60 seconds. */
export function parseRateLimit(text: string): RateLimit | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const [requests, perSeconds] = [Number(match[1]), Number(match[2])];
  return requests >= 1 && perSeconds >= 1 && perSeconds <= 86_400 ? { requests, perSeconds } : undefined;
}

function rateLimitConfig(env: NodeJS.ProcessEnv, problems: string[]): RateLimitConfig {
  const limit = (name: string, fallback: RateLimit): RateLimit => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const parsed = parseRateLimit(raw);
    if (!parsed)
      problems.push(
        `${name} must be <requests>/<seconds>, e.g. 120/60, seconds at most 86400 (got '${raw}')`,
      );
    return parsed ?? fallback;
  };
  // `POST /api/v1/workers/lookups=30/60, POST /api/v1/workers/:workerId/personal-data-disclosures=5/3600`
  const routes: Record<string, RateLimit> = {};
  for (const entry of (env.JINENG_RATE_LIMIT_ROUTES ?? '').split(/[,;]/)) {
    if (entry.trim() === '') continue;
    const match = /^\s*([A-Z]+ \/\S+)\s*=\s*(.+)$/.exec(entry);
    const parsed = match ? parseRateLimit(match[2] as string) : undefined;
    if (!match || !parsed)
      problems.push(
        `JINENG_RATE_LIMIT_ROUTES: '${entry.trim()}' is not '<METHOD> <path>=<requests>/<seconds>'`,
      );
    else routes[match[1] as string] = parsed;
  }
  return {
    route: limit('JINENG_RATE_LIMIT_ROUTE', DEFAULT_RATE_LIMITS.route),
    anonymous: limit('JINENG_RATE_LIMIT_ANONYMOUS', DEFAULT_RATE_LIMITS.anonymous),
    caller: limit('JINENG_RATE_LIMIT_CALLER', DEFAULT_RATE_LIMITS.caller),
    routes,
  };
}

function authConfig(
  env: NodeJS.ProcessEnv,
  problems: string[],
  integer: (name: string, fallback: number, min: number, max: number) => number,
): AuthConfig {
  const production = env.NODE_ENV === 'production';
  const devAuth = env.JINENG_DEV_AUTH ?? 'disabled';
  if (devAuth !== 'enabled' && devAuth !== 'disabled') {
    problems.push(`JINENG_DEV_AUTH must be 'enabled' or 'disabled' (got '${devAuth}')`);
  }
  const oidc = {
    issuer: env.JINENG_OIDC_ISSUER ?? '',
    audience: env.JINENG_OIDC_AUDIENCE ?? '',
    jwksUrl: env.JINENG_OIDC_JWKS_URL ?? '',
  };
  const oidcNames = ['JINENG_OIDC_ISSUER', 'JINENG_OIDC_AUDIENCE', 'JINENG_OIDC_JWKS_URL'];
  const oidcSet = Object.values(oidc).filter((value) => value !== '').length;

  if (devAuth === 'enabled') {
    // the demo users can act as anybody anywhere: never in production
    if (production) problems.push('JINENG_DEV_AUTH=enabled is refused when NODE_ENV=production');
    if (oidcSet > 0)
      problems.push(`JINENG_DEV_AUTH=enabled and ${oidcNames.join('/')} exclude each other: set one`);
    return {
      mode: 'dev',
      audience: DEV_AUTH_AUDIENCE,
      tokenTtlSeconds: integer('JINENG_DEV_TOKEN_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    };
  }
  if (oidcSet === 0) {
    if (production) problems.push(`NODE_ENV=production needs an OIDC issuer: set ${oidcNames.join(', ')}`);
    return { mode: 'none' };
  }
  if (oidcSet < 3) problems.push(`set all of ${oidcNames.join(', ')} or none of them`);
  for (const [name, value] of [
    ['JINENG_OIDC_JWKS_URL', oidc.jwksUrl],
    ['JINENG_OIDC_ISSUER', oidc.issuer],
  ] as const) {
    if (value !== '' && !isHttpUrl(value)) problems.push(`${name} must be an http(s) URL (got '${value}')`);
  }
  if (production && oidc.jwksUrl.startsWith('http:')) {
    problems.push('JINENG_OIDC_JWKS_URL must use https when NODE_ENV=production');
  }
  const clientId = env.JINENG_OIDC_CLIENT_ID ?? '';
  const scope = env.JINENG_OIDC_SCOPE || 'openid';
  if (!scope.split(' ').includes('openid'))
    problems.push(`JINENG_OIDC_SCOPE must include 'openid' (got '${scope}')`);
  return { mode: 'oidc', ...oidc, ...(clientId !== '' ? { console: { clientId, scope } } : {}) };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
