import type { Principal } from '@jineng/messaging';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from '../config/gateway-config';
import { GatewayError } from '../errors/gateway-error';
import { RateLimits } from './rate-limits';
import type { RouteDefinition } from './route-definition';
import { RouteTable, type CompiledRoute } from './route-table';

const local = (method: RouteDefinition['method'], path: string, extra: Partial<RouteDefinition> = {}) =>
  ({
    method,
    path,
    summary: { zh: '测试', en: 'test' },
    roles: ['county_officer'],
    target: { kind: 'local', operationId: path, handle: () => null },
    ...extra,
  }) as RouteDefinition;

const table = new RouteTable([
  local('GET', '/api/v1/plain'),
  local('POST', '/api/v1/disclosures', { rateLimit: { requests: 2, perSeconds: 3600 } }),
  local('GET', '/api/v1/public', { roles: 'public' }),
]);
const [plain, disclosures, open] = table.routes as [CompiledRoute, CompiledRoute, CompiledRoute];

const config = (overrides: Partial<RateLimitConfig> = {}): RateLimitConfig => ({
  ...DEFAULT_RATE_LIMITS,
  routes: {},
  ...overrides,
});
const user = (userId: string): Principal => ({ userId, roles: ['county_officer'], jurisdiction: '140802' });
const request = (ip = '203.0.113.9') => ({ ip }) as IncomingMessage & { ip: string };
const response = () => {
  const headers: Record<string, string> = {};
  return {
    headers,
    res: { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse,
  };
};

async function refusal(admitting: Promise<void>): Promise<GatewayError> {
  const error = await admitting.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return error;
}

describe('RateLimits', () => {
  it("uses the route's own limit, else the default (the anonymous one on a public route), else the environment's", () => {
    const limits = new RateLimits(table.routes, config());
    expect(limits.limitOf(plain)).toEqual({ requests: 120, perSeconds: 60 });
    expect(limits.limitOf(disclosures)).toEqual({ requests: 2, perSeconds: 3600 });
    expect(limits.limitOf(open)).toEqual({ requests: 30, perSeconds: 60 });
    const overridden = new RateLimits(
      table.routes,
      config({ routes: { 'POST /api/v1/disclosures': { requests: 1, perSeconds: 60 } } }),
    );
    expect(overridden.limitOf(disclosures)).toEqual({ requests: 1, perSeconds: 60 });
  });

  it('refuses an environment limit for a route that does not exist', () => {
    expect(
      () =>
        new RateLimits(
          table.routes,
          config({ routes: { 'GET /api/v1/nope': { requests: 1, perSeconds: 1 } } }),
        ),
    ).toThrow('JINENG_RATE_LIMIT_ROUTES names routes that do not exist: GET /api/v1/nope');
  });

  it('counts per user and route: 429 with Retry-After past the limit, another user untouched', async () => {
    const limits = new RateLimits(table.routes, config());
    const first = response();
    await limits.admit(disclosures, user('a'), request(), first.res);
    expect(first.headers).toEqual({
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '1',
      'RateLimit-Reset': '3600',
    });
    await limits.admit(disclosures, user('a'), request(), response().res);

    const refused = await refusal(limits.admit(disclosures, user('a'), request(), response().res));
    expect(refused).toMatchObject({
      status: 429,
      code: 'GATEWAY.RATE_LIMITED',
      category: 'rate_limited',
      details: {
        scope: 'route',
        route: 'POST /api/v1/disclosures',
        per: 'user',
        limit: 2,
        perSeconds: 3600,
        retryAfterSeconds: 3600,
      },
      headers: { 'Retry-After': '3600' },
      messageEn:
        'too many requests: at most 2 per 3600 s to POST /api/v1/disclosures per user; retry in 3600 s',
    });
    expect(refused.messageZh).toBe(
      '请求过于频繁：接口 POST /api/v1/disclosures 每个用户每 3600 秒最多 2 次，请 3600 秒后再试',
    );
    await limits.admit(disclosures, user('b'), request(), response().res);
    await limits.admit(plain, user('a'), request(), response().res);
  });

  it('counts a caller without a principal by client IP', async () => {
    const limits = new RateLimits(table.routes, config({ anonymous: { requests: 1, perSeconds: 60 } }));
    await limits.admit(open, undefined, request('198.51.100.1'), response().res);
    expect(
      await refusal(limits.admit(open, undefined, request('198.51.100.1'), response().res)),
    ).toMatchObject({
      details: { per: 'client_ip', limit: 1 },
    });
    await limits.admit(open, undefined, request('198.51.100.2'), response().res);
  });

  it('bounds every route together per caller', async () => {
    const limits = new RateLimits(table.routes, config({ caller: { requests: 3, perSeconds: 60 } }));
    for (const route of [plain, plain, disclosures])
      await limits.admit(route, user('a'), request(), response().res);
    expect(await refusal(limits.admit(plain, user('a'), request(), response().res))).toMatchObject({
      details: { scope: 'caller', per: 'user', limit: 3, perSeconds: 60 },
      messageEn: 'too many requests: at most 3 per 60 s to all routes together per user; retry in 60 s',
    });
  });
});
