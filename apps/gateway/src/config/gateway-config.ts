// The gateway's settings, all from the environment (see the README for the table). Read once at
// start; a bad or dangerous combination stops the start with every problem named.
import {
  natsClientConfigFromEnv,
  NatsClientConfigError,
  readEnvelopeSigningKey,
  type EnvelopeSigningKey,
  type NatsClientConfig,
} from '@jineng/messaging';
import { parseLogLevel, type JsonLogLevel } from '@jineng/observability';

export type AuthConfig =
  /** production: tokens of an OIDC provider, verified with the keys at its JWKS URL */
  | { readonly mode: 'oidc'; readonly issuer: string; readonly audience: string; readonly jwksUrl: string }
  /** development: the gateway's own issuer with one demo user per role */
  | { readonly mode: 'dev'; readonly audience: string; readonly tokenTtlSeconds: number }
  /** neither configured (outside production): every token is refused */
  | { readonly mode: 'none' };

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
  /** signs every envelope it sends (JINENG_ENVELOPE_SIGNING_KEY_FILE): services refuse unsigned ones */
  readonly envelopeSigningKey: EnvelopeSigningKey;
}

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

  let nats: NatsClientConfig = { connectOptions: {}, authentication: 'none', tls: false };
  try {
    nats = natsClientConfigFromEnv('gateway', env);
  } catch (error) {
    if (!(error instanceof NatsClientConfigError)) throw error;
    problems.push(...error.problems);
  }

  const config = {
    port: integer('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    nats,
    rpcTimeoutMs: integer('JINENG_RPC_TIMEOUT_MS', 5000, 1, 120_000),
    auth: authConfig(env, problems, integer),
    logLevel,
    bodyLimitBytes: integer('JINENG_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    envelopeSigningKey: signingKey(env, problems),
  };
  if (problems.length > 0) throw new GatewayConfigError(problems);
  return config as GatewayConfig;
}

/** Without its key the gateway could forward nothing a service accepts: no start. */
function signingKey(env: NodeJS.ProcessEnv, problems: string[]): EnvelopeSigningKey | undefined {
  const file = env.JINENG_ENVELOPE_SIGNING_KEY_FILE;
  if (!file) {
    problems.push(
      'JINENG_ENVELOPE_SIGNING_KEY_FILE is required: the Ed25519 private JWK the gateway signs envelopes with (scripts/envelope-keys.mjs makes a pair)',
    );
    return undefined;
  }
  try {
    return readEnvelopeSigningKey(file);
  } catch (error) {
    problems.push(`JINENG_ENVELOPE_SIGNING_KEY_FILE ${(error as Error).message}`);
    return undefined;
  }
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
  return { mode: 'oidc', ...oidc };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
