// One NATS connection per process, named after the service so `nats server report connections`
// tells who is who, and reconnecting for ever: a broker restart must not end a service. `options`
// carry the app's identity (natsClientConfigFromEnv: credentials, TLS, its inbox prefix).
import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';

export async function connectNats(
  url: string,
  name: string,
  options: Partial<NodeConnectionOptions> = {},
): Promise<NatsConnection> {
  return connect({
    servers: url.split(',').map((server) => server.trim()),
    name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    ...options,
  });
}
