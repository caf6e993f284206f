// One middleware in front of every HTTP route: the correlation id (taken from `X-Correlation-Id` or
// new, answered in the same header, current for everything the request runs), then on the way out
// one log line and the request metrics. Logged: method, route template, status, duration — never
// the raw URL, query, headers or body, where personal data and tokens travel.
import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CORRELATION_ID_HEADER,
  correlationIdFrom,
  runWithCorrelationId,
} from '../correlation/correlation-context';
import { JsonLogger } from '../logging/json-logger';
import { Metrics } from '../metrics/metrics';

/** What Express adds to Node's request and response that this middleware reads. */
export type ObservedRequest = IncomingMessage & {
  readonly route?: { readonly path?: unknown };
  readonly baseUrl?: string;
};
export type ObservedResponse = ServerResponse & { locals?: Record<string, unknown> };

const ROUTE_TEMPLATE = 'jinengRouteTemplate';
/** The label for requests no route matched (404s, scanners): one series, not one per URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * For handlers that route by themselves (the gateway's dispatcher behind one catch-all route):
 * the template that matched, for the logs and metrics, instead of the catch-all's.
 */
export function setRouteTemplate(res: ObservedResponse, template: string): void {
  res.locals ??= {};
  res.locals[ROUTE_TEMPLATE] = template;
}

export function routeTemplateOf(req: ObservedRequest, res: ObservedResponse): string {
  const set = res.locals?.[ROUTE_TEMPLATE];
  if (typeof set === 'string') return set;
  const path = req.route?.path;
  if (typeof path === 'string') return `${req.baseUrl ?? ''}${path}` || '/';
  return UNMATCHED_ROUTE;
}

export interface HttpObservationOptions {
  /** route templates logged at `debug` rather than `info`: probes and scrapes every few seconds */
  readonly quietRoutes?: readonly string[];
}

@Injectable()
export class HttpObservation {
  private readonly quietRoutes: ReadonlySet<string>;

  constructor(
    private readonly logger: JsonLogger,
    private readonly metrics: Metrics,
    options: HttpObservationOptions = {},
  ) {
    this.quietRoutes = new Set(options.quietRoutes ?? ['/health/live', '/health/ready', '/metrics']);
  }

  /** For `app.use(...)`, before anything else, so every response carries the correlation id. */
  readonly middleware = (
    req: ObservedRequest,
    res: ObservedResponse,
    next: (error?: unknown) => void,
  ): void => {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_ID_HEADER]);
    res.setHeader('X-Correlation-Id', correlationId);
    const started = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplateOf(req, res);
      const method = req.method ?? 'GET';
      // a client that went away before the answer: logged as such, counted with the status set so far
      const status = res.writableFinished ? res.statusCode : 499;
      this.metrics.observeHttp({ method, route, status: String(status) }, seconds);
      const fields = {
        message: 'request',
        correlationId,
        method,
        route,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
      };
      if (status >= 500) this.logger.warn(fields, 'HttpRequest');
      else if (this.quietRoutes.has(route)) this.logger.debug(fields, 'HttpRequest');
      else this.logger.log(fields, 'HttpRequest');
    };
    res.once('finish', finish);
    res.once('close', finish);
    runWithCorrelationId(correlationId, () => next());
  };
}
