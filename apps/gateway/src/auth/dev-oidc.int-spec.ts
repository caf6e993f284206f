// The development issuer as an OIDC provider, against the real gateway (real NATS, no services): the
// discovery document, the authorization page and its redirect, and the token endpoint's checks — the
// PKCE verifier, single use, expiry (the provider's clock is moved), the redirect URI and the client.
import { JsonLogger } from '@jineng/observability';
import { envelopeKeyEnv, natsUrl } from '@jineng/testing';
import type { INestApplication } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { gatewayConfigFromEnv } from '../config/gateway-config';
import { createGatewayApp } from '../gateway-app';

const CLIENT_ID = 'jineng-console';

let gateway: INestApplication;
let base: string;
let redirectUri: string;
let clockOffsetMs = 0;

beforeAll(async () => {
  gateway = await createGatewayApp({
    config: gatewayConfigFromEnv({
      ...envelopeKeyEnv('gateway'),
      JINENG_DEV_AUTH: 'enabled',
      NATS_URL: natsUrl(),
      LOG_LEVEL: 'error',
    }),
    routes: [],
    logger: new JsonLogger({ service: 'gateway', level: 'error', sink: () => undefined }),
    devOidc: { now: () => Date.now() + clockOffsetMs, codeTtlSeconds: 60 },
  });
  await gateway.listen(0, '127.0.0.1');
  const { port } = gateway.getHttpServer().address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  redirectUri = `${base}/auth/callback`;
});

afterAll(async () => {
  await gateway?.close();
});

beforeEach(() => {
  clockOffsetMs = 0;
});

const verifier = () => randomBytes(32).toString('base64url');
const challengeOf = (v: string) => createHash('sha256').update(v).digest('base64url');

function authorizeParams(challenge: string, overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });
}

/** The form the authorization page posts when a person chooses `user`: the code from the redirect. */
async function codeFor(user: string, challenge: string): Promise<string> {
  const form = authorizeParams(challenge);
  form.set('user', user);
  const response = await fetch(`${base}/api/v1/dev/oidc/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get('state')).toBe('state-123');
  return location.searchParams.get('code') ?? '';
}

async function exchange(fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
  const response = await fetch(`${base}/api/v1/dev/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const grant = (code: string, codeVerifier: string, overrides: Record<string, string> = {}) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: redirectUri,
  client_id: CLIENT_ID,
  code_verifier: codeVerifier,
  ...overrides,
});

describe('the development OIDC provider', () => {
  it('publishes its discovery document with the code flow and S256 only', async () => {
    const response = await fetch(`${base}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document).toEqual(
      expect.objectContaining({
        issuer: 'urn:jineng:dev-issuer',
        authorization_endpoint: `${base}/api/v1/dev/oidc/authorize`,
        token_endpoint: `${base}/api/v1/dev/oidc/token`,
        jwks_uri: `${base}/api/v1/dev/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
      }),
    );
    const config = await (await fetch(`${base}/api/v1/console-config`)).json();
    expect(config).toEqual({
      signIn: { discovery: '/.well-known/openid-configuration', clientId: CLIENT_ID, scope: 'openid' },
    });
  });

  it('shows a zh page choosing a demo user (labelled radios in a real form), en on request', async () => {
    const v = verifier();
    const zh = await fetch(`${base}/api/v1/dev/oidc/authorize?${authorizeParams(challengeOf(v))}`);
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await zh.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<form method="post" action="/api/v1/dev/oidc/authorize">');
    expect(html).toContain('<legend>演示用户</legend>');
    expect(html).toMatch(
      /<input type="radio" id="user-county_officer" name="user" value="county_officer" required><label for="user-county_officer">县级经办人员 · 盐湖区人社局经办人员（演示）<\/label>/,
    );
    expect(html.match(/type="radio"/g)).toHaveLength(8);
    expect(html).toContain(`<input type="hidden" name="state" value="state-123">`);
    // the page's one style element carries the nonce the policy names
    const nonce = /<style nonce="([^"]+)">/.exec(html)?.[1];
    expect(zh.headers.get('content-security-policy')).toContain(`style-src 'self' 'nonce-${nonce}'`);

    const en = await fetch(
      `${base}/api/v1/dev/oidc/authorize?${authorizeParams(challengeOf(v), { lang: 'en' })}`,
    );
    const english = await en.text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('County officer · Yanhu District HR officer (demo)');
  });

  it('exchanges a code with its verifier for an access token the gateway accepts, and an id token', async () => {
    const v = verifier();
    const code = await codeFor('county_officer', challengeOf(v));
    const answer = await exchange(grant(code, v));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      expect.objectContaining({ token_type: 'Bearer', expires_in: 8 * 3600, scope: 'openid' }),
    );
    const me = await fetch(`${base}/api/v1/me`, {
      headers: { authorization: `Bearer ${String(answer.body.access_token)}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      userId: '0b6e1f2a-0004-4a00-8000-000000000004',
      roles: ['county_officer'],
      jurisdiction: '140802',
    });
    // the id token: signed by the same keys, for the console's client, with the names the console shows
    const keys = createRemoteJWKSet(new URL(`${base}/api/v1/dev/jwks`));
    const { payload } = await jwtVerify(String(answer.body.id_token), keys, {
      issuer: 'urn:jineng:dev-issuer',
      audience: CLIENT_ID,
    });
    expect([payload.sub, payload.name, payload['name#en']]).toEqual([
      '0b6e1f2a-0004-4a00-8000-000000000004',
      '盐湖区人社局经办人员（演示）',
      'Yanhu District HR officer (demo)',
    ]);
    // an id token is no access token: the API refuses it
    const withIdToken = await fetch(`${base}/api/v1/me`, {
      headers: { authorization: `Bearer ${String(answer.body.id_token)}` },
    });
    expect(withIdToken.status).toBe(401);
    expect(decodeJwt(String(answer.body.access_token)).aud).toBe('jineng-api');
  });

  it('refuses a verifier that does not match the challenge (invalid_grant), and the code is spent', async () => {
    const v = verifier();
    const code = await codeFor('auditor', challengeOf(v));
    const wrong = await exchange(grant(code, verifier()));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({
      error: 'invalid_grant',
      error_description: 'code_verifier does not match the code_challenge',
    });
    const after = await exchange(grant(code, v));
    expect([after.status, after.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('answers a code once: the second exchange is invalid_grant', async () => {
    const v = verifier();
    const code = await codeFor('worker', challengeOf(v));
    expect((await exchange(grant(code, v))).status).toBe(200);
    const again = await exchange(grant(code, v));
    expect(again).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'the code is unknown or was already used' },
    });
  });

  it('refuses a code after its 60 seconds (the clock moved)', async () => {
    const v = verifier();
    const early = await codeFor('admin', challengeOf(v));
    clockOffsetMs = 59_000;
    expect((await exchange(grant(early, v))).status).toBe(200);

    clockOffsetMs = 0;
    const late = await codeFor('admin', challengeOf(v));
    clockOffsetMs = 60_000;
    expect(await exchange(grant(late, v))).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'the code has expired' },
    });
  });

  it('refuses a redirect_uri other than the one the code was issued for', async () => {
    const v = verifier();
    const code = await codeFor('institution', challengeOf(v));
    const answer = await exchange(grant(code, v, { redirect_uri: `${base}/auth/other` }));
    expect(answer).toEqual({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'redirect_uri differs from the authorization request',
      },
    });
  });

  it('refuses an unknown client (invalid_client, 401), a wrong grant type and a JSON body', async () => {
    const v = verifier();
    const code = await codeFor('institution', challengeOf(v));
    expect(await exchange(grant(code, v, { client_id: 'someone-else' }))).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: "unknown client_id 'someone-else'" },
    });
    expect((await exchange(grant(code, v, { grant_type: 'password' }))).body.error).toBe(
      'unsupported_grant_type',
    );
    expect((await exchange(grant(code, v), 'application/json')).body.error).toBe('invalid_request');
    expect((await exchange({ ...grant(code, v), code_verifier: 'short' })).body).toEqual({
      error: 'invalid_request',
      error_description: 'code_verifier must be 43 to 128 unreserved characters',
    });
  });

  it('redirects only to the console on the origin asked: another one gets an error page, no redirect', async () => {
    const challenge = challengeOf(verifier());
    for (const elsewhere of ['https://evil.example/auth/callback', `${base}/somewhere-else`]) {
      const page = await fetch(
        `${base}/api/v1/dev/oidc/authorize?${authorizeParams(challenge, { redirect_uri: elsewhere })}`,
        { redirect: 'manual' },
      );
      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(await page.text()).toContain('redirect_uri is not registered for this client');
    }
    // the chooser's form, sent to another redirect URI, gets no code either
    const form = authorizeParams(challenge, { redirect_uri: 'https://evil.example/auth/callback' });
    form.set('user', 'admin');
    const posted = await fetch(`${base}/api/v1/dev/oidc/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect([posted.status, posted.headers.get('location')]).toEqual([400, null]);
    // an unknown client: the same
    const client = await fetch(
      `${base}/api/v1/dev/oidc/authorize?${authorizeParams(challenge, { client_id: 'x' })}`,
      { redirect: 'manual' },
    );
    expect([client.status, client.headers.get('location')]).toEqual([401, null]);
  });

  it('sends a bad request back to the console with its state (plain challenge method, no challenge)', async () => {
    for (const [overrides, error] of [
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: '' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
    ] as const) {
      const response = await fetch(
        `${base}/api/v1/dev/oidc/authorize?${authorizeParams(challengeOf(verifier()), overrides)}`,
        { redirect: 'manual' },
      );
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location') ?? '');
      expect([`${location.origin}${location.pathname}`, location.searchParams.get('error')]).toEqual([
        redirectUri,
        error,
      ]);
      expect(location.searchParams.get('state')).toBe('state-123');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });
});

describe('without the development issuer', () => {
  it('serves no provider, and tells the console there is no sign-in', async () => {
    const plain = await createGatewayApp({
      config: gatewayConfigFromEnv({ ...envelopeKeyEnv('gateway'), NATS_URL: natsUrl(), LOG_LEVEL: 'error' }),
      routes: [],
      logger: new JsonLogger({ service: 'gateway', level: 'error', sink: () => undefined }),
    });
    await plain.listen(0, '127.0.0.1');
    try {
      const { port } = plain.getHttpServer().address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/.well-known/openid-configuration`)).status).toBe(404);
      expect((await fetch(`${url}/api/v1/dev/oidc/token`, { method: 'POST' })).status).toBe(404);
      expect(await (await fetch(`${url}/api/v1/console-config`)).json()).toEqual({ signIn: null });
    } finally {
      await plain.close();
    }
  });
});
