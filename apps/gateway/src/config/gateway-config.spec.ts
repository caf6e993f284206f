import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateEnvelopeKeys, generateEnvelopeMacJwk } from '@jineng/messaging';
import { testEnvelopeKeys } from '@jineng/testing';
import { gatewayConfigFromEnv as fromEnv, GatewayConfigError } from './gateway-config';

// every configuration below has the signing key, unless a test says otherwise
const KEY = { JINENG_ENVELOPE_SIGNING_KEY_FILE: testEnvelopeKeys().gatewayKeysFile };
const gatewayConfigFromEnv = (env: NodeJS.ProcessEnv) => fromEnv({ ...KEY, ...env });

const OIDC = {
  JINENG_OIDC_ISSUER: 'https://sso.example.gov.cn/realms/jineng',
  JINENG_OIDC_AUDIENCE: 'jineng-api',
  JINENG_OIDC_JWKS_URL: 'https://sso.example.gov.cn/realms/jineng/protocol/openid-connect/certs',
};

function problemsOf(env: NodeJS.ProcessEnv, withKey = true): readonly string[] {
  if (withKey) env = { ...KEY, ...env };
  try {
    fromEnv(env);
  } catch (error) {
    if (error instanceof GatewayConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('gatewayConfigFromEnv', () => {
  it('has defaults for a local run, with no issuer (every token refused)', () => {
    expect(gatewayConfigFromEnv({})).toEqual({
      envelopeKeys: testEnvelopeKeys().gatewayKeys,
      port: 3000,
      host: '0.0.0.0',
      natsUrl: 'nats://127.0.0.1:4222',
      nats: { connectOptions: { inboxPrefix: '_INBOX_gateway' }, authentication: 'none', tls: false },
      rpcTimeoutMs: 5000,
      auth: { mode: 'none' },
      logLevel: 'info',
      bodyLimitBytes: 1048576,
      production: false,
      trustProxyHops: 0,
      rateLimits: {
        route: { requests: 120, perSeconds: 60 },
        anonymous: { requests: 30, perSeconds: 60 },
        caller: { requests: 600, perSeconds: 60 },
        routes: {},
      },
    });
  });

  it('serves metrics and docs on an admin port in production (9090 unless ADMIN_PORT), locally only when set', () => {
    expect(gatewayConfigFromEnv({ NODE_ENV: 'production', ...OIDC }).admin).toEqual({
      port: 9090,
      host: '0.0.0.0',
    });
    expect(
      gatewayConfigFromEnv({ NODE_ENV: 'production', ...OIDC, ADMIN_PORT: '9464', ADMIN_HOST: '10.0.0.7' })
        .admin,
    ).toEqual({ port: 9464, host: '10.0.0.7' });
    expect(gatewayConfigFromEnv({ ADMIN_PORT: '3001', HOST: '127.0.0.1' }).admin).toEqual({
      port: 3001,
      host: '127.0.0.1',
    });
    expect(gatewayConfigFromEnv({}).admin).toBeUndefined();
    expect(problemsOf({ PORT: '3000', ADMIN_PORT: '3000' })).toEqual([
      'ADMIN_PORT must differ from PORT (both 3000): metrics and docs stay off the public port',
    ]);
  });

  it('reads rate limits as <requests>/<seconds>, and per route by environment', () => {
    const { rateLimits, trustProxyHops } = gatewayConfigFromEnv({
      JINENG_RATE_LIMIT_ROUTE: '50/10',
      JINENG_RATE_LIMIT_ANONYMOUS: '5 / 60',
      JINENG_RATE_LIMIT_CALLER: '1000/60',
      JINENG_RATE_LIMIT_ROUTES:
        'POST /api/v1/workers/lookups=30/60; POST /api/v1/workers/:workerId/personal-data-disclosures=5/3600',
      JINENG_TRUST_PROXY_HOPS: '1',
    });
    expect(rateLimits).toEqual({
      route: { requests: 50, perSeconds: 10 },
      anonymous: { requests: 5, perSeconds: 60 },
      caller: { requests: 1000, perSeconds: 60 },
      routes: {
        'POST /api/v1/workers/lookups': { requests: 30, perSeconds: 60 },
        'POST /api/v1/workers/:workerId/personal-data-disclosures': { requests: 5, perSeconds: 3600 },
      },
    });
    expect(trustProxyHops).toBe(1);
    expect(
      problemsOf({
        JINENG_RATE_LIMIT_ROUTE: '120',
        JINENG_RATE_LIMIT_ROUTES: 'lookups=3/60,GET /api/v1/me=0/60',
      }),
    ).toEqual([
      "JINENG_RATE_LIMIT_ROUTES: 'lookups=3/60' is not '<METHOD> <path>=<requests>/<seconds>'",
      "JINENG_RATE_LIMIT_ROUTES: 'GET /api/v1/me=0/60' is not '<METHOD> <path>=<requests>/<seconds>'",
      "JINENG_RATE_LIMIT_ROUTE must be <requests>/<seconds>, e.g. 120/60, seconds at most 86400 (got '120')",
    ]);
  });

  it('reads the OIDC issuer, audience and JWKS URL for production', () => {
    const config = gatewayConfigFromEnv({
      NODE_ENV: 'production',
      PORT: '8080',
      NATS_URL: 'nats://nats:4222',
      ...OIDC,
    });
    expect(config.auth).toEqual({
      mode: 'oidc',
      issuer: OIDC.JINENG_OIDC_ISSUER,
      audience: 'jineng-api',
      jwksUrl: OIDC.JINENG_OIDC_JWKS_URL,
    });
    expect(config.port).toBe(8080);
    expect(config.natsUrl).toBe('nats://nats:4222');
  });

  it('enables the development issuer only when asked to', () => {
    expect(gatewayConfigFromEnv({ JINENG_DEV_AUTH: 'enabled' }).auth).toEqual({
      mode: 'dev',
      audience: 'jineng-api',
      tokenTtlSeconds: 28800,
    });
    expect(gatewayConfigFromEnv({ JINENG_DEV_AUTH: 'disabled' }).auth).toEqual({ mode: 'none' });
    expect(problemsOf({ JINENG_DEV_AUTH: 'yes' })).toEqual([
      "JINENG_DEV_AUTH must be 'enabled' or 'disabled' (got 'yes')",
    ]);
  });

  it('refuses to start with the development issuer in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', JINENG_DEV_AUTH: 'enabled' })).toContain(
      'JINENG_DEV_AUTH=enabled is refused when NODE_ENV=production',
    );
  });

  it('refuses production without an OIDC issuer, or with a plain-http JWKS URL', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'NODE_ENV=production needs an OIDC issuer: set JINENG_OIDC_ISSUER, JINENG_OIDC_AUDIENCE, JINENG_OIDC_JWKS_URL',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', ...OIDC, JINENG_OIDC_JWKS_URL: 'http://sso/certs' })).toEqual(
      ['JINENG_OIDC_JWKS_URL must use https when NODE_ENV=production'],
    );
  });

  it('refuses to start without usable envelope keys, naming the file', () => {
    expect(problemsOf({}, false)).toEqual([
      'JINENG_ENVELOPE_SIGNING_KEY_FILE is required: the HS256 keys, one per service, the gateway authenticates envelopes with (scripts/envelope-keys.mjs makes them)',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'jineng-gateway-keys-'));
    try {
      // the Ed25519 key the gateway used to sign with (before ADR 0022)
      const ed25519 = path.join(dir, 'ed25519.jwk.json');
      writeFileSync(ed25519, JSON.stringify(generateEnvelopeKeys('old').signingJwk));
      expect(problemsOf({ JINENG_ENVELOPE_SIGNING_KEY_FILE: ed25519 })).toEqual([
        `JINENG_ENVELOPE_SIGNING_KEY_FILE ${ed25519}: expected a JWK Set {"keys": [ … ]} with at least one key`,
      ]);
      // two current keys for one service: which one would it MAC with?
      const twice = path.join(dir, 'twice.json');
      writeFileSync(
        twice,
        JSON.stringify({
          keys: [generateEnvelopeMacJwk('registry', 'r1'), generateEnvelopeMacJwk('registry', 'r2')],
        }),
      );
      expect(problemsOf({ JINENG_ENVELOPE_SIGNING_KEY_FILE: twice })).toEqual([
        `JINENG_ENVELOPE_SIGNING_KEY_FILE ${twice}: two keys for service 'registry': the gateway MACs with one key per service (rotate in the services' files)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problemsOf({ JINENG_ENVELOPE_SIGNING_KEY_FILE: '/nonexistent/key.json' })[0]).toMatch(
      /^JINENG_ENVELOPE_SIGNING_KEY_FILE \/nonexistent\/key.json: cannot be read \(ENOENT\)$/,
    );
  });

  it('names every problem at once', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        JINENG_RPC_TIMEOUT_MS: '0',
        LOG_LEVEL: 'loud',
        JINENG_OIDC_ISSUER: 'not a url',
        JINENG_DEV_AUTH: 'enabled',
      }),
    ).toEqual([
      "LOG_LEVEL: unknown log level 'loud' (expected one of verbose, debug, info, warn, error, fatal)",
      "PORT must be an integer from 0 to 65535 (got 'eighty')",
      "JINENG_RPC_TIMEOUT_MS must be an integer from 1 to 120000 (got '0')",
      'JINENG_DEV_AUTH=enabled and JINENG_OIDC_ISSUER/JINENG_OIDC_AUDIENCE/JINENG_OIDC_JWKS_URL exclude each other: set one',
    ]);
    expect(problemsOf({ JINENG_OIDC_ISSUER: 'not a url' })).toEqual([
      'set all of JINENG_OIDC_ISSUER, JINENG_OIDC_AUDIENCE, JINENG_OIDC_JWKS_URL or none of them',
      "JINENG_OIDC_ISSUER must be an http(s) URL (got 'not a url')",
    ]);
  });
});
