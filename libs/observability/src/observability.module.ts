import { Module, type DynamicModule } from '@nestjs/common';
import type { HealthCheck } from './health/health-check';
import { HealthChecks } from './health/health-checks';
import { HealthController } from './health/health.controller';
import { HttpObservation, type HttpObservationOptions } from './http/http-observation';
import { JsonLogger } from './logging/json-logger';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';

export interface ObservabilityOptions extends HttpObservationOptions {
  /** the app's name, on every log line and metric */
  readonly service: string;
  /** the app's logger, when it was made before Nest (for the bootstrap's own lines); else a new one */
  readonly logger?: JsonLogger;
  /** readiness checks known at start; modules may add theirs with `HealthChecks.register` */
  readonly healthChecks?: readonly HealthCheck[];
  /** per readiness check (default 2000 ms) */
  readonly healthCheckTimeoutMs?: number;
  /** Node process metrics; default true */
  readonly defaultMetrics?: boolean;
  /**
   * `GET /metrics` on the app's own port; default true. An app that serves its metrics elsewhere (the
   * gateway's admin port) turns it off and mounts `MetricsController` there.
   */
  readonly serveMetrics?: boolean;
}

/**
 * What every app mounts: `/health/live`, `/health/ready`, `/metrics`, the JSON logger and the HTTP
 * observation middleware. The app still installs the last two (see the README):
 * `app.useLogger(app.get(JsonLogger))` and `app.use(app.get(HttpObservation).middleware)`.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const logger = options.logger ?? new JsonLogger({ service: options.service });
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [HealthController, ...(options.serveMetrics === false ? [] : [MetricsController])],
      providers: [
        { provide: JsonLogger, useValue: logger },
        {
          provide: Metrics,
          useFactory: () => new Metrics({ service: options.service, defaultMetrics: options.defaultMetrics }),
        },
        {
          provide: HealthChecks,
          useFactory: () => new HealthChecks(options.healthChecks, options.healthCheckTimeoutMs),
        },
        {
          provide: HttpObservation,
          inject: [JsonLogger, Metrics],
          useFactory: (json: JsonLogger, metrics: Metrics) => new HttpObservation(json, metrics, options),
        },
      ],
      exports: [JsonLogger, Metrics, HealthChecks, HttpObservation],
    };
  }
}
