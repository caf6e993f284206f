// The gateway end to end, over real HTTP and a real NATS: the app started in-process on a random
// port with the development issuer and a test route table, and a real Nest NATS microservice (the
// "probe" service) answering its commands and queries — recording what reaches it, echoing the
// envelope, and failing on request. The probe verifies signatures as every service does (the
// runtime's guard with the test keys), so every answer below also shows the gateway signed what it
// sent. A second gateway, configured for an OIDC issuer and a NATS address where nothing listens,
// shows the production path, readiness failing, and the dev issuer off. A third, configured as
// production runs it (an admin port, HSTS) with small rate limits, shows the limits, the security
// headers, and metrics and docs moved off the public port.
import { commandIdForRequest, defineDomainError } from '@jineng/ddd';
import {
  DomainErrorRpcFilter,
  EnvelopeVerifier,
  generateEnvelopeMacJwk,
  parseRpcRequest,
  readServiceEnvelopeKeys,
  SignedEnvelopeGuard,
  type RpcRequest,
} from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { envelopeKeyEnv, eventually, natsUrl, testEnvelopeKeys } from '@jineng/testing';
import { Controller, Module, type INestApplication, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { DEMO_INSTITUTION_ID } from './auth/demo-users';
import { DevIssuer } from './auth/dev-issuer';
import { gatewayConfigFromEnv as configFromEnv } from './config/gateway-config';
import { createGatewayApp } from './gateway-app';
import { ANONYMOUS_JURISDICTION } from './routing/authorize';
import type { JsonSchema, RouteDefinition } from './routing/route-definition';

// a service name of its own per run: other suites on the same NATS never answer for this one
const SERVICE = `probe-${randomUUID().slice(0, 8)}`;
const CLASS_ID = '2c1d0e9f-8a7b-4c6d-9e5f-4a3b2c1d0e9f';
const OTHER_INSTITUTION = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

// ---- the probe service ------------------------------------------------------------------------

/** The gateways of this file MAC with the test keys, the probe's among them. */
const gatewayConfigFromEnv = (env: NodeJS.ProcessEnv) => {
  testEnvelopeKeys().serviceKeysFile(SERVICE);
  return configFromEnv({ ...envelopeKeyEnv('gateway'), ...env });
};

const received: RpcRequest<Record<string, unknown>>[] = [];

class ClassFull extends defineDomainError<{ max: number; actual: number }>({
  code: 'PROBE.CLASS_FULL',
  category: 'illegal_state',
  zh: (d) => `学员人数 ${d.actual} 超过上限 ${d.max}`,
  en: (d) => `${d.actual} trainees exceed the maximum of ${d.max}`,
}) {}

@Controller()
class ProbeController {
  @MessagePattern(`jineng.cmd.${SERVICE}.Echo`)
  async echo(@Payload() data: unknown): Promise<unknown> {
    const request = parseRpcRequest(data) as RpcRequest<Record<string, unknown>>;
    received.push(request);
    const { note, headcount } = request.payload;
    if (note === 'reject') throw new ClassFull({ max: 50, actual: Number(headcount) });
    if (note === 'crash') throw new Error('database password=hunter2 refused');
    if (note === 'slow') await delay(2000);
    return { echoed: request };
  }

  @MessagePattern(`jineng.qry.${SERVICE}.Whoami`)
  whoami(@Payload() data: unknown): unknown {
    const request = parseRpcRequest(data) as RpcRequest<Record<string, unknown>>;
    received.push(request);
    return { echoed: request };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

async function startProbe(): Promise<INestMicroservice> {
  const probe = await NestFactory.createMicroservice(ProbeModule, {
    transport: Transport.NATS,
    options: { servers: [natsUrl()] },
    logger: false,
  });
  probe.useGlobalFilters(new DomainErrorRpcFilter());
  probe.useGlobalGuards(
    new SignedEnvelopeGuard(
      new EnvelopeVerifier(readServiceEnvelopeKeys(testEnvelopeKeys().serviceKeysFile(SERVICE), SERVICE)),
    ),
  );
  await probe.listen();
  return probe;
}

// ---- the test route table -----------------------------------------------------------------------

const ECHO_REQUEST: JsonSchema = {
  type: 'object',
  required: ['classId', 'jurisdiction', 'headcount'],
  additionalProperties: false,
  properties: {
    classId: { type: 'string', format: 'uuid' },
    jurisdiction: { type: 'string', format: 'jurisdiction' },
    institutionId: { type: 'string', format: 'uuid' },
    headcount: { type: 'integer', minimum: 1, maximum: 500 },
    note: { type: 'string', enum: ['ok', 'reject', 'crash', 'slow'] },
  },
};
const WHOAMI_REQUEST: JsonSchema = {
  type: 'object',
  required: ['jurisdiction'],
  additionalProperties: false,
  properties: {
    jurisdiction: { type: 'string', format: 'jurisdiction' },
    page: { type: 'integer', minimum: 1 },
  },
};

const PUBLIC_WHOAMI_REQUEST: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { page: { type: 'integer', minimum: 1 } },
};

const ROUTES: RouteDefinition[] = [
  {
    method: 'POST',
    path: '/api/v1/probe/classes/:classId/echo',
    summary: { zh: '回声命令', en: 'Echo command' },
    roles: ['institution', 'county_officer', 'city_approver', 'admin'],
    jurisdiction: { in: 'body', name: 'jurisdiction' },
    institution: { in: 'body', name: 'institutionId' },
    request: { name: 'ProbeEchoRequest', schema: ECHO_REQUEST },
    target: { kind: 'command', service: SERVICE, name: 'Echo', timeoutMs: 1000 },
  },
  {
    method: 'GET',
    path: '/api/v1/probe/public/whoami',
    summary: { zh: '公开回声查询', en: 'Public echo query' },
    roles: 'public',
    allowAnonymous: {},
    request: { name: 'ProbePublicWhoamiRequest', schema: PUBLIC_WHOAMI_REQUEST },
    target: { kind: 'query', service: SERVICE, name: 'Whoami' },
  },
  {
    method: 'GET',
    path: '/api/v1/probe/jurisdictions/:jurisdiction/whoami',
    summary: { zh: '回声查询', en: 'Echo query' },
    roles: ['county_officer', 'auditor', 'admin'],
    jurisdiction: { in: 'path', name: 'jurisdiction' },
    request: { name: 'ProbeWhoamiRequest', schema: WHOAMI_REQUEST },
    target: { kind: 'query', service: SERVICE, name: 'Whoami' },
  },
  {
    // a generated contract: validated by @jineng/contracts' validateContract
    method: 'POST',
    path: '/api/v1/probe/principals',
    summary: { zh: '按合同校验', en: 'Validated by a generated contract' },
    roles: ['admin'],
    request: 'jineng.common.v1.Principal',
    target: { kind: 'command', service: SERVICE, name: 'Echo' },
  },
  {
    method: 'GET',
    path: '/api/v1/probe/boom',
    summary: { zh: '网关内部错误', en: 'A bug in the gateway' },
    roles: ['admin'],
    target: {
      kind: 'local',
      operationId: 'probe.boom',
      handle: () => {
        throw new TypeError('secret internals at /srv/gateway');
      },
    },
  },
];

// ---- HTTP ----------------------------------------------------------------------------------------

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON (the docs page, metrics): kept as text
  }
  return { status: response.status, headers: response.headers, body: json, text };
}

const baseUrl = (app: INestApplication) => {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---- the suite -----------------------------------------------------------------------------------

describe('gateway (dev issuer, real NATS, probe service)', () => {
  let probe: INestMicroservice;
  let gateway: INestApplication;
  let base: string;
  const logLines: string[] = [];
  const issuedTokens: string[] = [];
  const tokens: Record<string, string> = {};

  const echo = (
    classId: string,
    body: Record<string, unknown>,
    token = tokens.county_officer,
    headers = {},
  ) => call(base, 'POST', `/api/v1/probe/classes/${classId}/echo`, { token, body, headers });

  beforeAll(async () => {
    probe = await startProbe();
    const config = gatewayConfigFromEnv({
      JINENG_DEV_AUTH: 'enabled',
      NATS_URL: natsUrl(),
      LOG_LEVEL: 'debug',
      JINENG_BODY_LIMIT_BYTES: '65536',
    });
    gateway = await createGatewayApp({
      config,
      routes: ROUTES,
      logger: new JsonLogger({ service: 'gateway', level: 'debug', sink: (line) => logLines.push(line) }),
    });
    await gateway.listen(0, '127.0.0.1');
    base = baseUrl(gateway);
    for (const user of ['worker', 'institution', 'county_officer', 'city_approver', 'auditor', 'admin']) {
      const answer = await call(base, 'POST', '/api/v1/dev/tokens', { body: { user } });
      expect(answer.status).toBe(200);
      tokens[user] = answer.body.accessToken as string;
      issuedTokens.push(tokens[user] as string);
    }
  });

  afterAll(async () => {
    await gateway?.close();
    await probe?.close();
  });

  describe('the development issuer', () => {
    it('lists one demo user per role, in the seed jurisdictions', async () => {
      const users = await call(base, 'GET', '/api/v1/dev/users');
      expect(users.status).toBe(200);
      const list = users.body as unknown as { user: string; principal: { jurisdiction: string } }[];
      expect(Object.fromEntries(list.map((u) => [u.user, u.principal.jurisdiction]))).toEqual({
        worker: '140802',
        institution: '140802',
        enterprise: '140802',
        county_officer: '140802',
        city_approver: '140800',
        finance_officer: '140800',
        auditor: '140000',
        admin: '140000',
      });
    });

    it('serves its public key set, and issues tokens the gateway verifies through that JWKS', async () => {
      const jwks = await call(base, 'GET', '/api/v1/dev/jwks');
      expect(jwks.body.keys).toEqual([
        expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }),
      ]);
      expect(JSON.stringify(jwks.body)).not.toMatch(/"d"/); // no private part

      const me = await call(base, 'GET', '/api/v1/me', { token: tokens.institution });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        userId: '0b6e1f2a-0002-4a00-8000-000000000002',
        roles: ['institution'],
        jurisdiction: '140802',
        institutionId: DEMO_INSTITUTION_ID,
      });
      // the keys were fetched over HTTP from the gateway's own JWKS endpoint, like an OIDC provider's
      expect(logLines.some((line) => JSON.parse(line).route === '/api/v1/dev/jwks')).toBe(true);
    });

    it('refuses an unknown demo user with a 400 naming the field', async () => {
      const answer = await call(base, 'POST', '/api/v1/dev/tokens', { body: { user: 'root' } });
      expect(answer.status).toBe(400);
      expect(answer.body.violations).toEqual([
        {
          path: 'user',
          reason: expect.stringContaining('应为以下之一'),
          reasonEn: expect.stringContaining('must be one of'),
        },
      ]);
    });
  });

  describe('authentication', () => {
    it('answers 401 without a token, with the reason in both languages', async () => {
      const answer = await call(base, 'GET', '/api/v1/me');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.body).toEqual({
        code: 'GATEWAY.UNAUTHENTICATED',
        message: '身份验证失败：缺少访问令牌（Authorization: Bearer <token>）',
        messageEn: 'authentication failed: no access token (Authorization: Bearer <token>)',
        details: { reason: 'missing_token' },
        correlationId: answer.headers.get('x-correlation-id'),
      });
    });

    it('forwards a public query (allowAnonymous) without a token as the anonymous principal, with a token as the caller; its neighbour without a token stays 401', async () => {
      const before = received.length;
      const anonymous = await call(base, 'GET', '/api/v1/probe/public/whoami?page=2');
      expect(anonymous.status).toBe(200);
      const echoed = anonymous.body.echoed as { envelope: { principal: unknown }; payload: unknown };
      expect(echoed.envelope.principal).toEqual({
        userId: 'anonymous',
        roles: ['anonymous'],
        jurisdiction: ANONYMOUS_JURISDICTION,
      });
      expect(echoed.payload).toEqual({ page: 2 });
      // a caller with a token is forwarded as itself
      const withToken = await call(base, 'GET', '/api/v1/probe/public/whoami', {
        token: tokens.county_officer,
      });
      expect(
        (withToken.body.echoed as { envelope: { principal: { roles: string[] } } }).envelope.principal.roles,
      ).toEqual(['county_officer']);
      expect(received.length).toBe(before + 2);
      // the same service's other query needs a token, and nothing reaches the service without one
      const closed = await call(base, 'GET', '/api/v1/probe/jurisdictions/140802/whoami');
      expect([closed.status, closed.body.code]).toEqual([401, 'GATEWAY.UNAUTHENTICATED']);
      expect(received.length).toBe(before + 2);
    });

    it('answers 401 for a bad signature', async () => {
      const [header, payload, signature] = (tokens.admin as string).split('.') as [string, string, string];
      const middle = Math.floor(signature.length / 2);
      const flipped = signature[middle] === 'A' ? 'B' : 'A';
      const forged = `${header}.${payload}.${signature.slice(0, middle)}${flipped}${signature.slice(middle + 1)}`;
      const answer = await call(base, 'GET', '/api/v1/me', { token: forged });
      expect([answer.status, answer.body.code, answer.body.details]).toEqual([
        401,
        'GATEWAY.UNAUTHENTICATED',
        { reason: 'bad_signature' },
      ]);
    });

    it('answers 401 for a token signed by another key, or with claims changed', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const jwks = (await call(base, 'GET', '/api/v1/dev/jwks')).body.keys as { kid: string }[];
      const impostor = await new SignJWT({ roles: ['admin'], jurisdiction: '140000' })
        .setProtectedHeader({ alg: 'ES256', kid: jwks[0]?.kid })
        .setIssuer('urn:jineng:dev-issuer')
        .setAudience('jineng-api')
        .setSubject('intruder')
        .setExpirationTime('10m')
        .sign(privateKey);
      expect((await call(base, 'GET', '/api/v1/me', { token: impostor })).body.details).toEqual({
        reason: 'bad_signature',
      });
    });

    it('answers 401 for an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await gateway
        .get(DevIssuer)
        .sign(
          { roles: ['admin'], jurisdiction: '140000' },
          { subject: 'u', issuedAt: now - 7200, expiresAt: now - 3600 },
        );
      const answer = await call(base, 'GET', '/api/v1/me', { token: expired });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        details: { reason: 'token_expired' },
        messageEn: 'authentication failed: the access token has expired',
      });
    });

    it('answers 401 naming the claim for a token without a valid jurisdiction or roles', async () => {
      const now = Math.floor(Date.now() / 1000);
      const sign = (claims: JWTPayload) =>
        gateway.get(DevIssuer).sign(claims, { subject: 'u', issuedAt: now, expiresAt: now + 600 });
      const noJurisdiction = await call(base, 'GET', '/api/v1/me', {
        token: await sign({ roles: ['admin'] }),
      });
      expect([noJurisdiction.status, noJurisdiction.body.details]).toEqual([
        401,
        { reason: 'invalid_claim', claim: 'jurisdiction' },
      ]);
      const badRole = await call(base, 'GET', '/api/v1/me', {
        token: await sign({ roles: ['root'], jurisdiction: '140000' }),
      });
      expect(badRole.body.details).toEqual({ reason: 'invalid_claim', claim: 'roles' });
      expect(badRole.body.message).toContain('未知角色 root');
    });

    it('answers 401 for a malformed Authorization header', async () => {
      const answer = await call(base, 'GET', '/api/v1/me', {
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      expect([answer.status, answer.body.details]).toEqual([401, { reason: 'malformed_authorization' }]);
    });
  });

  describe('authorization at the edge', () => {
    it('answers 403 GATEWAY.FORBIDDEN_ROLE for a role the route does not allow, and forwards nothing', async () => {
      const before = received.length;
      const answer = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 10 }, tokens.worker);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({
        code: 'GATEWAY.FORBIDDEN_ROLE',
        category: 'forbidden',
        details: {
          requiredRoles: ['institution', 'county_officer', 'city_approver', 'admin'],
          roles: ['worker'],
        },
      });
      expect(received.length).toBe(before);
    });

    it('answers 403 GATEWAY.FOREIGN_JURISDICTION for a county officer of 140802 acting in 140821', async () => {
      const answer = await echo(CLASS_ID, { jurisdiction: '140821', headcount: 10 });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({
        code: 'GATEWAY.FOREIGN_JURISDICTION',
        message: '无权在行政区划 140821 内操作：您的管辖范围是 140802 及其下级',
        messageEn: 'not allowed in jurisdiction 140821: yours is 140802 and the jurisdictions below it',
        details: { field: 'jurisdiction', jurisdiction: '140821', principalJurisdiction: '140802' },
      });
    });

    it('lets the city approver of 140800 act in 140821, and the province admin anywhere in the province', async () => {
      expect(
        (await echo(CLASS_ID, { jurisdiction: '140821', headcount: 10 }, tokens.city_approver)).status,
      ).toBe(200);
      expect((await echo(CLASS_ID, { jurisdiction: '140821', headcount: 10 }, tokens.admin)).status).toBe(
        200,
      );
      expect((await echo(CLASS_ID, { jurisdiction: '410000', headcount: 10 }, tokens.admin)).status).toBe(
        403,
      );
    });

    it('checks a jurisdiction in the path the same way', async () => {
      const foreign = await call(base, 'GET', '/api/v1/probe/jurisdictions/140821/whoami', {
        token: tokens.county_officer,
      });
      expect(foreign.body.code).toBe('GATEWAY.FOREIGN_JURISDICTION');
      const own = await call(base, 'GET', '/api/v1/probe/jurisdictions/140802/whoami?page=2', {
        token: tokens.county_officer,
      });
      expect(own.status).toBe(200);
      // a query reaches the service as a query: payload from path and (converted) query, no command id
      const { echoed } = own.body as { echoed: RpcRequest<Record<string, unknown>> };
      expect(echoed.payload).toEqual({ jurisdiction: '140802', page: 2 });
      expect(echoed.envelope.commandId).toBeUndefined();
    });

    it('lets an institution act for itself only (403 GATEWAY.FOREIGN_INSTITUTION)', async () => {
      const other = await echo(
        CLASS_ID,
        { jurisdiction: '140802', institutionId: OTHER_INSTITUTION, headcount: 5 },
        tokens.institution,
      );
      expect(other.status).toBe(403);
      expect(other.body).toMatchObject({
        code: 'GATEWAY.FOREIGN_INSTITUTION',
        details: { institutionId: OTHER_INSTITUTION },
      });
      const own = await echo(
        CLASS_ID,
        { jurisdiction: '140802', institutionId: DEMO_INSTITUTION_ID, headcount: 5 },
        tokens.institution,
      );
      expect(own.status).toBe(200);
    });
  });

  describe('forwarding', () => {
    it('is refused by the services when signed with a key they do not accept (403 MESSAGING.UNTRUSTED_REQUEST)', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'jineng-other-key-'));
      const keyFile = path.join(dir, 'keys.json');
      writeFileSync(keyFile, JSON.stringify({ keys: [generateEnvelopeMacJwk(SERVICE, 'not-the-gateway')] }));
      const impostor = await createGatewayApp({
        config: configFromEnv({
          JINENG_DEV_AUTH: 'enabled',
          NATS_URL: natsUrl(),
          JINENG_ENVELOPE_SIGNING_KEY_FILE: keyFile,
        }),
        routes: ROUTES,
        logger: new JsonLogger({ service: 'gateway', sink: () => undefined }),
      });
      try {
        await impostor.listen(0, '127.0.0.1');
        const impostorBase = baseUrl(impostor);
        const token = (
          await call(impostorBase, 'POST', '/api/v1/dev/tokens', { body: { user: 'county_officer' } })
        ).body.accessToken as string;
        const before = received.length;
        const answer = await call(impostorBase, 'POST', `/api/v1/probe/classes/${CLASS_ID}/echo`, {
          token,
          body: { jurisdiction: '140802', headcount: 3 },
        });
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({
          code: 'MESSAGING.UNTRUSTED_REQUEST',
          details: { reason: 'unknown_key', subject: `jineng.cmd.${SERVICE}.Echo` },
        });
        expect(received.length).toBe(before);
      } finally {
        await impostor.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('does not start when a route calls a service its key file has no key for', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'jineng-other-key-'));
      const keyFile = path.join(dir, 'keys.json');
      writeFileSync(keyFile, JSON.stringify({ keys: [generateEnvelopeMacJwk('registry', 'registry-only')] }));
      try {
        await expect(
          createGatewayApp({
            config: configFromEnv({ NATS_URL: natsUrl(), JINENG_ENVELOPE_SIGNING_KEY_FILE: keyFile }),
            routes: ROUTES,
            logger: new JsonLogger({ service: 'gateway', sink: () => undefined }),
          }),
        ).rejects.toThrow(
          `JINENG_ENVELOPE_SIGNING_KEY_FILE has no envelope key for '${SERVICE}', which the routes call`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('passes the principal, the correlation id and the command id derived from the idempotency key on, signed', async () => {
      const key = randomUUID();
      const answer = await echo(
        CLASS_ID,
        { jurisdiction: '140802', headcount: 12, note: 'ok' },
        tokens.county_officer,
        {
          'x-correlation-id': 'e2e-corr-echo',
          'idempotency-key': key,
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-correlation-id')).toBe('e2e-corr-echo');
      const { echoed } = answer.body as { echoed: RpcRequest<Record<string, unknown>> };
      expect(echoed.envelope).toEqual({
        principal: {
          userId: '0b6e1f2a-0004-4a00-8000-000000000004',
          roles: ['county_officer'],
          jurisdiction: '140802',
        },
        correlationId: 'e2e-corr-echo',
        commandId: commandIdForRequest({
          userId: '0b6e1f2a-0004-4a00-8000-000000000004',
          subject: `jineng.cmd.${SERVICE}.Echo`,
          idempotencyKey: key,
        }),
        sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        signature: {
          alg: 'HS256',
          keyId: testEnvelopeKeys().signer.keyIdFor(SERVICE),
          subject: `jineng.cmd.${SERVICE}.Echo`,
          payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          issuedAt: expect.any(String),
          expiresAt: expect.any(String),
          value: expect.any(String),
        },
      });
      expect(echoed.payload).toEqual({
        classId: CLASS_ID,
        jurisdiction: '140802',
        headcount: 12,
        note: 'ok',
      });
      expect(received.at(-1)?.envelope.correlationId).toBe('e2e-corr-echo');
    });

    it('makes up a correlation id and a command id when the client sent none', async () => {
      const answer = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 1 });
      const { echoed } = answer.body as { echoed: RpcRequest<unknown> };
      expect(echoed.envelope.correlationId).toBe(answer.headers.get('x-correlation-id'));
      expect(echoed.envelope.commandId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers a domain error of the service with its HTTP status, code and messages', async () => {
      const answer = await echo(
        CLASS_ID,
        { jurisdiction: '140802', headcount: 53, note: 'reject' },
        tokens.county_officer,
        {
          'x-correlation-id': 'e2e-corr-reject',
        },
      );
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({
        code: 'PROBE.CLASS_FULL',
        category: 'illegal_state',
        message: '学员人数 53 超过上限 50',
        messageEn: '53 trainees exceed the maximum of 50',
        details: { max: 50, actual: 53 },
        correlationId: 'e2e-corr-reject',
      });
    });

    it("answers 502 for the service's non-domain failure, without its internals", async () => {
      const answer = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 1, note: 'crash' });
      expect(answer.status).toBe(502);
      expect(answer.body).toMatchObject({
        code: 'GATEWAY.SERVICE_FAILURE',
        details: { service: SERVICE, operation: 'Echo' },
      });
      expect(answer.text).not.toContain('hunter2');
    });

    it('answers 504 when the service does not answer within the route timeout', async () => {
      const answer = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 1, note: 'slow' });
      expect(answer.status).toBe(504);
      expect(answer.body).toMatchObject({
        code: 'GATEWAY.SERVICE_TIMEOUT',
        details: { service: SERVICE, operation: 'Echo', timeoutMs: 1000, reason: 'no_reply_in_time' },
      });
    });

    it('answers 500 GATEWAY.INTERNAL_ERROR for a bug in the gateway, leaking nothing', async () => {
      const answer = await call(base, 'GET', '/api/v1/probe/boom', { token: tokens.admin });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        code: 'GATEWAY.INTERNAL_ERROR',
        message: '网关内部错误',
        messageEn: 'internal error in the gateway',
        correlationId: answer.headers.get('x-correlation-id'),
      });
      expect(answer.text).not.toMatch(/secret|srv|TypeError/);
      // the log has it, for whoever investigates with the correlation id
      const logged = logLines
        .map((line) => JSON.parse(line))
        .find((line) => line.level === 'error' && line.correlationId === answer.body.correlationId);
      expect(logged?.message).toBe('secret internals at /srv/gateway');
    });
  });

  describe('validation', () => {
    it('answers 400 with every field and its reason in both languages, and nothing reaches the service', async () => {
      const before = received.length;
      const answer = await echo('not-a-uuid', { jurisdiction: '1408', headcount: 0, colour: 'red' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        code: 'GATEWAY.INVALID_REQUEST',
        category: 'validation',
        correlationId: expect.any(String),
      });
      const violations = answer.body.violations as { path: string; reason: string; reasonEn: string }[];
      expect(violations.map((v) => v.path).sort()).toEqual([
        'classId',
        'colour',
        'headcount',
        'jurisdiction',
      ]);
      expect(violations.find((v) => v.path === 'headcount')).toEqual({
        path: 'headcount',
        reason: '应不小于 1',
        reasonEn: 'must be at least 1',
      });
      expect(violations.find((v) => v.path === 'colour')?.reasonEn).toBe(
        'is an unknown field: this message has no such field',
      );
      expect(violations.find((v) => v.path === 'jurisdiction')?.reason).toContain('行政区划代码');

      // a request that passes arrives after it: had the bad one been sent, it would have arrived first
      const good = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 2 }, tokens.county_officer, {
        'x-correlation-id': 'e2e-after-400',
      });
      expect(good.status).toBe(200);
      expect(received.slice(before).map((r) => r.envelope.correlationId)).toEqual(['e2e-after-400']);
    });

    it('validates against a generated contract (@jineng/contracts)', async () => {
      const answer = await call(base, 'POST', '/api/v1/probe/principals', {
        token: tokens.admin,
        body: { userId: 'u-9', roles: ['superuser'], jurisdiction: '140802' },
      });
      expect(answer.status).toBe(400);
      expect((answer.body.violations as { path: string }[]).map((v) => v.path)).toEqual(['roles[0]']);
    });

    it('answers 400 for malformed JSON, 415 for a body that is not JSON, 413 for one too large, 400 for a bad Idempotency-Key', async () => {
      const malformed = await call(base, 'POST', `/api/v1/probe/classes/${CLASS_ID}/echo`, {
        token: tokens.county_officer,
        rawBody: '{"jurisdiction": ',
        headers: { 'content-type': 'application/json' },
      });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'GATEWAY.MALFORMED_JSON']);
      const form = await call(base, 'POST', `/api/v1/probe/classes/${CLASS_ID}/echo`, {
        token: tokens.county_officer,
        rawBody: 'jurisdiction=140802',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect([form.status, form.body.code]).toEqual([415, 'GATEWAY.UNSUPPORTED_MEDIA_TYPE']);
      const huge = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 1, note: 'x'.repeat(70_000) });
      expect([huge.status, huge.body.code, huge.body.details]).toEqual([
        413,
        'GATEWAY.PAYLOAD_TOO_LARGE',
        { limitBytes: 65536 },
      ]);
      const badKey = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 2 }, tokens.county_officer, {
        'idempotency-key': 'retry-1',
      });
      expect(badKey.status).toBe(400);
      expect(badKey.body.violations).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
    });

    it('answers 404 GATEWAY.ROUTE_NOT_FOUND for unknown routes, 405 for a known path with another method', async () => {
      const unknown = await call(base, 'GET', '/api/v1/nothing/here', { token: tokens.admin });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'GATEWAY.ROUTE_NOT_FOUND']);
      const outside = await call(base, 'GET', '/nothing');
      expect([outside.status, outside.body.code, outside.body.messageEn]).toEqual([
        404,
        'GATEWAY.ROUTE_NOT_FOUND',
        'no such endpoint: GET /nothing',
      ]);
      const wrongMethod = await call(base, 'GET', `/api/v1/probe/classes/${CLASS_ID}/echo`, {
        token: tokens.admin,
      });
      expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    });
  });

  describe('operations', () => {
    it('answers liveness and readiness (NATS reachable)', async () => {
      expect((await call(base, 'GET', '/health/live')).body).toEqual({ status: 'up' });
      const ready = await call(base, 'GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({
        status: 'up',
        checks: { nats: { status: 'up', durationMs: expect.any(Number) } },
      });
    });

    it('serves the OpenAPI document built from the route table, and the docs page', async () => {
      const document = await call(base, 'GET', '/api/docs-json');
      expect(document.status).toBe(200);
      const paths = document.body.paths as Record<string, Record<string, { operationId: string }>>;
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/me',
          '/api/v1/dev/tokens',
          '/api/v1/probe/classes/{classId}/echo',
          '/api/v1/probe/jurisdictions/{jurisdiction}/whoami',
        ]),
      );
      expect(paths['/api/v1/probe/classes/{classId}/echo']?.post?.operationId).toBe(`${SERVICE}.Echo`);
      const schemas = (document.body.components as { schemas: Record<string, unknown> }).schemas;
      expect(Object.keys(schemas)).toEqual(
        expect.arrayContaining(['ProbeEchoRequest', 'jineng.common.v1.Principal', 'GatewayErrorResponse']),
      );
      const yaml = await call(base, 'GET', '/api/docs-yaml');
      expect([yaml.status, yaml.text.startsWith('openapi: 3.0.3')]).toEqual([200, true]);
      const page = await call(base, 'GET', '/api/docs');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    });

    it('counts requests in /metrics by method, route template and status, never by raw URL', async () => {
      const metrics = await call(base, 'GET', '/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).toMatch(
        /^http_requests_total\{method="POST",route="\/api\/v1\/probe\/classes\/:classId\/echo",status="403",service="gateway"\} \d+$/m,
      );
      expect(metrics.text).toMatch(
        /^http_request_duration_seconds_bucket\{.*route="\/api\/v1\/me".*\} \d+$/m,
      );
      expect(metrics.text).toContain('route="unmatched"');
      expect(metrics.text).toContain('process_cpu_user_seconds_total');
      expect(metrics.text).not.toContain(CLASS_ID);
      expect(metrics.text).not.toContain('not-a-uuid');
    });

    it('logs one JSON object per line, requests with correlation id, route template, status and duration', () => {
      const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const request = lines.find(
        (line) => line.message === 'request' && line.correlationId === 'e2e-corr-echo',
      );
      expect(request).toEqual({
        time: expect.any(String),
        level: 'info',
        service: 'gateway',
        context: 'HttpRequest',
        correlationId: 'e2e-corr-echo',
        message: 'request',
        method: 'POST',
        route: '/api/v1/probe/classes/:classId/echo',
        status: 200,
        durationMs: expect.any(Number),
      });
    });

    it('sends the security headers on every answer, without HSTS outside production', async () => {
      for (const [path, status] of [
        ['/api/v1/me', 200],
        ['/api/v1/nothing', 404],
        ['/health/live', 200],
      ] as const) {
        const answer = await call(base, 'GET', path, { token: tokens.auditor });
        expect(answer.status).toBe(status);
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('x-frame-options')).toBe('DENY');
        expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
        expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(answer.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('never logs a token or a raw URL', () => {
      const all = logLines.join('\n');
      for (const token of issuedTokens) {
        expect(all).not.toContain(token);
        expect(all).not.toContain((token.split('.')[2] as string).slice(0, 20));
      }
      expect(all).not.toContain(CLASS_ID);
    });
  });

  // last: it stops the probe service
  it('answers 504 with a clear code when the service is stopped', async () => {
    await probe.close();
    const answer = await echo(CLASS_ID, { jurisdiction: '140802', headcount: 3 });
    expect(answer.status).toBe(504);
    expect(answer.body).toMatchObject({
      code: 'GATEWAY.SERVICE_TIMEOUT',
      messageEn: expect.stringContaining(`the ${SERVICE} service`),
      details: { service: SERVICE, operation: 'Echo' },
    });
  });
});

describe('gateway (OIDC issuer, NATS unreachable, dev issuer off)', () => {
  let oidc: Server;
  let oidcKey: CryptoKey;
  let issuer: string;
  let devGateway: INestApplication;
  let gateway: INestApplication;
  let base: string;
  const logLines: string[] = [];

  const oidcToken = async (claims: JWTPayload, expiresAt = Math.floor(Date.now() / 1000) + 600) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'oidc-1' })
      .setIssuer(issuer)
      .setAudience('jineng-api')
      .setSubject('sso-user-42')
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(oidcKey);

  beforeAll(async () => {
    // a stand-in OIDC provider: its JWKS over HTTP, like Keycloak's /protocol/openid-connect/certs
    const pair = await generateKeyPair('ES256');
    oidcKey = pair.privateKey;
    const jwks = {
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'oidc-1', alg: 'ES256', use: 'sig' }],
    };
    oidc = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => oidc.listen(0, '127.0.0.1', resolve));
    const oidcBase = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}`;
    issuer = `${oidcBase}/realms/jineng`;

    devGateway = await createGatewayApp({
      config: gatewayConfigFromEnv({ JINENG_DEV_AUTH: 'enabled', NATS_URL: natsUrl() }),
      routes: ROUTES,
      logger: new JsonLogger({ service: 'gateway', sink: () => undefined }),
    });
    await devGateway.listen(0, '127.0.0.1');

    const config = gatewayConfigFromEnv({
      NATS_URL: `nats://127.0.0.1:${await freePort()}`,
      JINENG_OIDC_ISSUER: issuer,
      JINENG_OIDC_AUDIENCE: 'jineng-api',
      JINENG_OIDC_JWKS_URL: `${oidcBase}/realms/jineng/protocol/openid-connect/certs`,
    });
    gateway = await createGatewayApp({
      config,
      routes: ROUTES,
      logger: new JsonLogger({ service: 'gateway', level: 'debug', sink: (line) => logLines.push(line) }),
    });
    await gateway.listen(0, '127.0.0.1');
    base = baseUrl(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
    await devGateway?.close();
    await new Promise((resolve) => oidc?.close(resolve));
  });

  it('answers readiness 503 naming the NATS check, while liveness stays up', async () => {
    expect((await call(base, 'GET', '/health/live')).status).toBe(200);
    const ready = await call(base, 'GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({
      status: 'down',
      checks: {
        nats: {
          status: 'down',
          durationMs: expect.any(Number),
          error: expect.stringMatching(/refused|timeout|no answer/i),
        },
      },
    });
  });

  it('has no development issuer: its routes are unknown and its tokens are refused', async () => {
    for (const [method, path] of [
      ['POST', '/api/v1/dev/tokens'],
      ['GET', '/api/v1/dev/jwks'],
      ['GET', '/api/v1/dev/users'],
    ] as const) {
      const answer = await call(base, method, path, method === 'POST' ? { body: { user: 'admin' } } : {});
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'GATEWAY.ROUTE_NOT_FOUND']);
    }
    const devToken = (
      await call(baseUrl(devGateway), 'POST', '/api/v1/dev/tokens', { body: { user: 'admin' } })
    ).body.accessToken as string;
    expect((await call(baseUrl(devGateway), 'GET', '/api/v1/me', { token: devToken })).status).toBe(200);
    const refused = await call(base, 'GET', '/api/v1/me', { token: devToken });
    expect([refused.status, refused.body.code]).toEqual([401, 'GATEWAY.UNAUTHENTICATED']);
    const paths = (await call(base, 'GET', '/api/docs-json')).body.paths as Record<string, unknown>;
    expect(Object.keys(paths).filter((path) => path.startsWith('/api/v1/dev/'))).toEqual([]);
  });

  it("accepts the OIDC provider's tokens, verified with its JWKS, and refuses its expired ones", async () => {
    const token = await oidcToken({ roles: ['admin'], jurisdiction: '140000' });
    const me = await call(base, 'GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ userId: 'sso-user-42', roles: ['admin'], jurisdiction: '140000' });
    const expired = await oidcToken(
      { roles: ['admin'], jurisdiction: '140000' },
      Math.floor(Date.now() / 1000) - 3600,
    );
    expect((await call(base, 'GET', '/api/v1/me', { token: expired })).body.details).toEqual({
      reason: 'token_expired',
    });
  });

  it('answers 503 GATEWAY.MESSAGING_UNAVAILABLE for a command while NATS is unreachable', async () => {
    const token = await oidcToken({ roles: ['admin'], jurisdiction: '140000' });
    const answer = await call(base, 'POST', `/api/v1/probe/classes/${CLASS_ID}/echo`, {
      token,
      body: { jurisdiction: '140802', headcount: 1 },
    });
    expect([answer.status, answer.body.code]).toEqual([503, 'GATEWAY.MESSAGING_UNAVAILABLE']);
    await eventually(() => expect(logLines.join('\n')).toContain('GATEWAY.MESSAGING_UNAVAILABLE'));
  });
});

describe('gateway as production runs it (admin port, HSTS) with small rate limits', () => {
  const DISCLOSURE = '/api/v1/probe/workers/w-1/personal-data-disclosures';
  let gateway: INestApplication;
  let base: string;
  let admin: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const adminPort = await freePort();
    const config = {
      ...gatewayConfigFromEnv({
        // the development issuer for tokens (which production refuses), with everything else as there
        JINENG_DEV_AUTH: 'enabled',
        NATS_URL: natsUrl(),
        ADMIN_PORT: String(adminPort),
        ADMIN_HOST: '127.0.0.1',
        JINENG_TRUST_PROXY_HOPS: '1',
        JINENG_RATE_LIMIT_ROUTE: '5/60',
        JINENG_RATE_LIMIT_ANONYMOUS: '3/60',
        JINENG_RATE_LIMIT_ROUTES: 'GET /api/v1/probe/notices=2/60',
      }),
      production: true,
    };
    const routes: RouteDefinition[] = [
      {
        // like the registry's disclosure route: a stricter limit of its own
        method: 'POST',
        path: '/api/v1/probe/workers/:workerId/personal-data-disclosures',
        summary: { zh: '查看明文', en: 'Disclose' },
        roles: ['county_officer', 'auditor'],
        rateLimit: { requests: 2, perSeconds: 3600 },
        target: { kind: 'local', operationId: 'probe.disclose', handle: () => ({ disclosed: true }) },
      },
      {
        // like the public notices and certificate checks to come: no token, limited per client IP
        method: 'GET',
        path: '/api/v1/probe/notices',
        summary: { zh: '公示', en: 'Public notices' },
        roles: 'public',
        target: { kind: 'local', operationId: 'probe.notices', handle: () => [] },
      },
    ];
    gateway = await createGatewayApp({
      config,
      routes,
      logger: new JsonLogger({ service: 'gateway', sink: () => undefined }),
    });
    await gateway.listen(0, '127.0.0.1');
    base = baseUrl(gateway);
    admin = `http://127.0.0.1:${adminPort}`;
    for (const user of ['county_officer', 'city_approver', 'auditor']) {
      const answer = await call(base, 'POST', '/api/v1/dev/tokens', { body: { user } });
      tokens[user] = answer.body.accessToken as string;
    }
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it("answers 429 with Retry-After and the usual error body past a route's limit, per user: another user is not limited", async () => {
    for (let i = 1; i <= 5; i++) {
      const answer = await call(base, 'GET', '/api/v1/me', { token: tokens.county_officer });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('5');
      expect(answer.headers.get('ratelimit-remaining')).toBe(String(5 - i));
    }
    const refused = await call(base, 'GET', '/api/v1/me', { token: tokens.county_officer });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      code: 'GATEWAY.RATE_LIMITED',
      category: 'rate_limited',
      message: `请求过于频繁：接口 GET /api/v1/me 每个用户每 60 秒最多 5 次，请 ${retryAfter} 秒后再试`,
      messageEn: `too many requests: at most 5 per 60 s to GET /api/v1/me per user; retry in ${retryAfter} s`,
      details: {
        scope: 'route',
        route: 'GET /api/v1/me',
        per: 'user',
        limit: 5,
        perSeconds: 60,
        retryAfterSeconds: retryAfter,
      },
      correlationId: refused.headers.get('x-correlation-id'),
    });
    expect((await call(base, 'GET', '/api/v1/me', { token: tokens.city_approver })).status).toBe(200);
  });

  it('limits personal-data disclosure more strictly than the other routes', async () => {
    const disclose = () => call(base, 'POST', DISCLOSURE, { token: tokens.auditor, body: {} });
    expect((await disclose()).status).toBe(200);
    expect((await disclose()).status).toBe(200);
    const refused = await disclose();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(refused.body.details).toMatchObject({ limit: 2, perSeconds: 3600 });
    // the same user still reaches a route of the default limit
    expect((await call(base, 'GET', '/api/v1/me', { token: tokens.auditor })).status).toBe(200);
  });

  it('limits anonymous callers of a public route per client IP (behind one trusted proxy)', async () => {
    const from = (ip: string) =>
      call(base, 'GET', '/api/v1/probe/notices', { headers: { 'x-forwarded-for': ip } });
    expect((await from('198.51.100.7')).status).toBe(200);
    expect((await from('198.51.100.7')).status).toBe(200);
    const refused = await from('198.51.100.7');
    expect(refused.status).toBe(429);
    expect(refused.body.details).toMatchObject({
      per: 'client_ip',
      limit: 2,
      route: 'GET /api/v1/probe/notices',
    });
    expect((await from('198.51.100.8')).status).toBe(200);
  });

  it('sends the security headers, HSTS included, on answers and errors', async () => {
    for (const [path, status] of [
      ['/api/v1/probe/notices', 200],
      ['/api/v1/nothing', 404],
    ] as const) {
      const answer = await call(base, 'GET', path, { headers: { 'x-forwarded-for': '192.0.2.1' } });
      expect(answer.status).toBe(status);
      const csp = answer.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        'upgrade-insecure-requests',
      ])
        expect(csp).toContain(directive);
      expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('serves metrics and the API docs on the admin port only', async () => {
    for (const path of ['/metrics', '/api/docs', '/api/docs-json']) {
      const answer = await call(base, 'GET', path);
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'GATEWAY.ROUTE_NOT_FOUND']);
    }
    const metrics = await call(admin, 'GET', '/metrics');
    expect(metrics.status).toBe(200);
    // the public port's requests, counted
    expect(metrics.text).toMatch(
      /^http_requests_total\{method="GET",route="\/api\/v1\/me",status="429",service="gateway"\} 1$/m,
    );
    const document = await call(admin, 'GET', '/api/docs-json');
    expect(document.status).toBe(200);
    const paths = document.body.paths as Record<string, Record<string, { description: string }>>;
    expect(paths['/api/v1/probe/workers/{workerId}/personal-data-disclosures']?.post?.description).toContain(
      '2 per 3600 s per user',
    );
    const page = await call(admin, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  // last: it stops the gateway
  it('stops the admin port with the gateway', async () => {
    await gateway.close();
    await expect(fetch(`${admin}/metrics`)).rejects.toThrow();
  });
});
