// The gateway's NATS request/reply client: a @nestjs/microservices NATS ClientProxy, connected at
// start in the background (a broker that is down at start must not stop the gateway: readiness
// reports it, and the first request tries again), and closed with the app. Connecting outside any
// request also keeps a request's correlation id off the connection's own log lines. It connects
// under the gateway's NATS identity, and its client MACs every envelope for the subject it is sent
// on with the key of the service it is for (that service verifies it; ADR 0022).
import {
  EnvelopeSigner,
  RpcClient,
  type GatewayEnvelopeKeys,
  type NatsClientConfig,
} from '@jineng/messaging';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';

export class RpcConnection implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly proxy: ClientProxy;
  readonly client: RpcClient;

  constructor(
    natsUrl: string,
    defaultTimeoutMs: number,
    nats: NatsClientConfig,
    envelopeKeys: GatewayEnvelopeKeys,
    /** every message of a grouped route: how many requests it carried (the gateway's metrics) */
    onGroupSent?: (subject: string, requests: number) => void,
  ) {
    this.proxy = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: {
        // the gateway's identity: the only one allowed to send commands and queries (ADR 0002)
        ...nats.connectOptions,
        servers: natsUrl.split(',').map((server) => server.trim()),
        name: 'jineng-gateway',
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
      },
    });
    this.client = new RpcClient(this.proxy, {
      defaultTimeoutMs,
      signer: new EnvelopeSigner(envelopeKeys),
      ...(onGroupSent ? { onGroupSent } : {}),
    });
  }

  onApplicationBootstrap(): void {
    this.proxy.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
