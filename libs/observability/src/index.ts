// @jineng/observability: what every app mounts to be run in production — JSON logs with correlation
// ids, Prometheus metrics, liveness and readiness probes. Mechanisms only.
export {
  CORRELATION_ID_HEADER,
  correlationIdFrom,
  currentCorrelationId,
  runWithCorrelationId,
} from './correlation/correlation-context';
export {
  JsonLogger,
  parseLogLevel,
  type JsonLoggerOptions,
  type JsonLogLevel,
  type LogFields,
} from './logging/json-logger';
export { REDACTED, redact, redactText } from './logging/redact';
export { Metrics, type HttpLabel, type MetricsOptions } from './metrics/metrics';
export { MetricsController } from './metrics/metrics.controller';
export {
  runHealthChecks,
  type HealthCheck,
  type HealthCheckResult,
  type HealthReport,
} from './health/health-check';
export { HealthChecks } from './health/health-checks';
export { HealthController } from './health/health.controller';
export { NatsHealthCheck, type NatsHealthCheckOptions } from './health/nats.health-check';
export { PostgresHealthCheck } from './health/postgres.health-check';
export {
  HttpObservation,
  routeTemplateOf,
  setRouteTemplate,
  UNMATCHED_ROUTE,
  type HttpObservationOptions,
  type ObservedRequest,
  type ObservedResponse,
} from './http/http-observation';
export { ObservabilityModule, type ObservabilityOptions } from './observability.module';
