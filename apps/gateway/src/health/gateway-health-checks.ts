import { NatsHealthCheck, type HealthCheck } from '@jineng/observability';
import type { GatewayConfig } from '../config/gateway-config';

/**
 * What the gateway cannot serve without: NATS, where every command and query goes. (The OIDC
 * provider is not a readiness check: its keys are cached, and an outage answers 503 per request.)
 */
export function gatewayHealthChecks(config: GatewayConfig): HealthCheck[] {
  return [new NatsHealthCheck({ servers: config.natsUrl, connectOptions: config.nats.connectOptions })];
}
