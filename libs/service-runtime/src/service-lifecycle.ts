// Start and stop in the right order: streams exist before the relay publishes; on the way down the
// relay and the consumers finish their batch before NATS and PostgreSQL close.
import type { PostgresEventStore } from '@jineng/event-store';
import { DurableConsumer, OutboxRelay, ensureStreams, type DurableConsumerOptions } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Pool } from 'pg';
import type { ServiceConfig } from './service-config';
import { EVENT_STORE, NATS_CONNECTION, PG_POOL, SERVICE_CONFIG } from './service-tokens';

export type ConsumerDefinition = Omit<DurableConsumerOptions, 'nc' | 'pool' | 'schema' | 'onError'>;

@Injectable()
export class ServiceLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private readonly definitions: ConsumerDefinition[] = [];
  private readonly consumers: DurableConsumer[] = [];
  private started = false;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly logger: JsonLogger,
  ) {}

  /** A service's module registers what it consumes before the application starts (in onModuleInit). */
  consume(definition: ConsumerDefinition): void {
    this.definitions.push(definition);
  }

  async onApplicationBootstrap(): Promise<void> {
    // a hybrid app (HTTP + NATS microservice) runs the bootstrap hooks once per part
    if (this.started) return;
    this.started = true;
    await ensureStreams(this.nc, this.config.messaging);
    this.relay = new OutboxRelay({
      store: this.store,
      nc: this.nc,
      service: this.config.service,
      onError: (error) => this.logger.error(`outbox relay: ${describe(error)}`, 'OutboxRelay'),
    });
    this.relay.start();
    for (const definition of this.definitions) {
      const consumer = new DurableConsumer({
        ...definition,
        nc: this.nc,
        pool: this.pool,
        schema: this.config.schema,
        onError: (error) => this.logger.error(`${definition.name}: ${describe(error)}`, 'DurableConsumer'),
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started || this.stopped) return;
    this.stopped = true;
    for (const consumer of this.consumers.splice(0)) await consumer.stop();
    await this.relay?.stop();
    await this.nc.drain().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
