// The app's Prometheus registry: Node's default metrics, the HTTP request metrics and how many requests
// each message to a service carried (requests sent together, ADR 0024). One registry
// per app instance rather than prom-client's global one, so two apps in one process (tests) do not
// collide on metric names.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  /** written as the `service` label on every metric */
  readonly service: string;
  /** Node process metrics (CPU, memory, event loop, GC); default true */
  readonly defaultMetrics?: boolean;
}

export type HttpLabel = 'method' | 'route' | 'status';

export class Metrics {
  readonly registry = new Registry();
  /** labelled by route template (`/api/v1/classes/:classId`), never the raw URL: bounded cardinality */
  readonly httpRequests: Counter<HttpLabel>;
  readonly httpRequestDuration: Histogram<HttpLabel>;
  /** by NATS subject (one per command or query: bounded cardinality) */
  readonly rpcRequestsPerMessage: Histogram<'subject'>;

  constructor(options: MetricsOptions) {
    this.registry.setDefaultLabels({ service: options.service });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to response, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.rpcRequestsPerMessage = new Histogram({
      name: 'rpc_requests_per_message',
      help: 'Requests one message to a service carried (1: sent alone; more: sent together), by subject',
      labelNames: ['subject'],
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [this.registry],
    });
  }

  observeHttp(labels: Record<HttpLabel, string>, durationSeconds: number): void {
    this.httpRequests.inc(labels);
    this.httpRequestDuration.observe(labels, durationSeconds);
  }

  observeRpcMessage(subject: string, requests: number): void {
    this.rpcRequestsPerMessage.observe({ subject }, requests);
  }
}
