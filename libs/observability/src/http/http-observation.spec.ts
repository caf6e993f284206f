import { EventEmitter } from 'node:events';
import { currentCorrelationId } from '../correlation/correlation-context';
import { JsonLogger } from '../logging/json-logger';
import { Metrics } from '../metrics/metrics';
import {
  HttpObservation,
  routeTemplateOf,
  setRouteTemplate,
  UNMATCHED_ROUTE,
  type ObservedRequest,
  type ObservedResponse,
} from './http-observation';

// Just enough of Node's request and response for the middleware: headers in, a header and `finish` out.
function fakeExchange(request: { method: string; headers?: Record<string, string>; route?: string }) {
  const headers = new Map<string, unknown>();
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: false,
    locals: {} as Record<string, unknown>,
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
  });
  const req = {
    method: request.method,
    headers: request.headers ?? {},
    ...(request.route ? { route: { path: request.route }, baseUrl: '' } : {}),
  };
  const end = (status: number) => {
    res.statusCode = status;
    res.writableFinished = true;
    res.emit('finish');
    res.emit('close');
  };
  return { req: req as unknown as ObservedRequest, res: res as unknown as ObservedResponse, headers, end };
}

describe('HttpObservation middleware', () => {
  const setup = () => {
    const lines: Record<string, unknown>[] = [];
    const logger = new JsonLogger({
      service: 'test',
      level: 'debug',
      sink: (l) => lines.push(JSON.parse(l)),
    });
    const metrics = new Metrics({ service: 'test', defaultMetrics: false });
    return { lines, metrics, observation: new HttpObservation(logger, metrics) };
  };

  it("answers with the caller's correlation id, makes it current for the handler, and logs the request once", async () => {
    const { lines, metrics, observation } = setup();
    const exchange = fakeExchange({ method: 'POST', headers: { 'x-correlation-id': 'abc-123' } });
    let seen: string | undefined;
    observation.middleware(exchange.req, exchange.res, () => {
      seen = currentCorrelationId();
      setRouteTemplate(exchange.res, '/api/v1/classes/:classId');
    });
    exchange.end(201);
    expect(seen).toBe('abc-123');
    expect(exchange.headers.get('x-correlation-id')).toBe('abc-123');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'HttpRequest',
        message: 'request',
        correlationId: 'abc-123',
        method: 'POST',
        route: '/api/v1/classes/:classId',
        status: 201,
        durationMs: expect.any(Number),
      }),
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_requests_total{method="POST",route="/api/v1/classes/:classId",status="201",service="test"} 1',
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{(?=[^}]*method="POST")(?=[^}]*route="\/api\/v1\/classes\/:classId")[^}]*\} 1$/m,
    );
  });

  it('makes up a correlation id when the caller sent none, and labels unrouted requests as one series', async () => {
    const { lines, metrics, observation } = setup();
    for (const url of ['/a', '/b']) {
      const exchange = fakeExchange({ method: 'GET', headers: { 'x-url': url } });
      observation.middleware(exchange.req, exchange.res, () => undefined);
      exchange.end(404);
      expect(exchange.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(lines.map((line) => line.route)).toEqual([UNMATCHED_ROUTE, UNMATCHED_ROUTE]);
    expect(await metrics.registry.metrics()).toContain(
      `http_requests_total{method="GET",route="${UNMATCHED_ROUTE}",status="404",service="test"} 2`,
    );
  });

  it('logs probes and scrapes at debug, server errors at warn', () => {
    const { lines, observation } = setup();
    for (const [route, status] of [
      ['/health/ready', 200],
      ['/api/v1/me', 500],
    ] as const) {
      const exchange = fakeExchange({ method: 'GET', route });
      observation.middleware(exchange.req, exchange.res, () => undefined);
      exchange.end(status);
    }
    expect(lines.map((line) => [line.route, line.level])).toEqual([
      ['/health/ready', 'debug'],
      ['/api/v1/me', 'warn'],
    ]);
  });
});

describe('routeTemplateOf', () => {
  it("prefers the template a dispatcher set, then Express's matched route, then 'unmatched'", () => {
    const routed = fakeExchange({ method: 'GET', route: '/health/live' });
    expect(routeTemplateOf(routed.req, routed.res)).toBe('/health/live');
    setRouteTemplate(routed.res, '/api/v1/me');
    expect(routeTemplateOf(routed.req, routed.res)).toBe('/api/v1/me');
    const unrouted = fakeExchange({ method: 'GET' });
    expect(routeTemplateOf(unrouted.req, unrouted.res)).toBe(UNMATCHED_ROUTE);
  });
});
