// The gateway's NATS request/reply client: a @nestjs/microservices NATS ClientProxy, connected on
// first use (a broker that is down at start must not stop the gateway: readiness reports it), and
// closed with the app.
import { RpcClient } from '@jineng/messaging';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';

export class RpcConnection implements OnApplicationShutdown {
  readonly proxy: ClientProxy;
  readonly client: RpcClient;

  constructor(natsUrl: string, defaultTimeoutMs: number) {
    this.proxy = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: {
        servers: natsUrl.split(',').map((server) => server.trim()),
        name: 'jineng-gateway',
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
      },
    });
    this.client = new RpcClient(this.proxy, { defaultTimeoutMs });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
