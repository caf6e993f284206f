// Start and stop in the right order: streams exist before the relay publishes; on the way down the
// relay and the consumers finish their batch before NATS and PostgreSQL close.
import type { PostgresEventStore } from '@jineng/event-store';
import {
  DurableConsumer,
  OutboxRelay,
  ensureStreams,
  verifyStreams,
  type DurableConsumerOptions,
} from '@jineng/messaging';
import { JsonLogger, Metrics } from '@jineng/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Pool } from 'pg';
import { MessagingMetrics } from './messaging-metrics';
import type { ServiceConfig } from './service-config';
import { EVENT_STORE, NATS_CONNECTION, PG_POOL, SERVICE_CONFIG } from './service-tokens';

export type ConsumerDefinition = Omit<DurableConsumerOptions, 'nc' | 'pool' | 'schema' | 'onError'>;

@Injectable()
export class ServiceLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private readonly definitions: ConsumerDefinition[] = [];
  private readonly consumers: DurableConsumer[] = [];
  private readonly metrics: MessagingMetrics;
  private started = false;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly logger: JsonLogger,
    metrics: Metrics,
  ) {
    this.metrics = new MessagingMetrics(metrics);
  }

  /** A service's module registers what it consumes before the application starts (in onModuleInit). */
  consume(definition: ConsumerDefinition): void {
    this.definitions.push(definition);
  }

  async onApplicationBootstrap(): Promise<void> {
    // a hybrid app (HTTP + NATS microservice) runs the bootstrap hooks once per part
    if (this.started) return;
    this.started = true;
    // made by the provisioner where the bus has identities; by the service itself on a local open server
    if (this.config.messaging.streams === 'ensure') await ensureStreams(this.nc, this.config.messaging);
    else await verifyStreams(this.nc);
    this.relay = new OutboxRelay({
      store: this.store,
      nc: this.nc,
      service: this.config.service,
      onError: (error) => {
        this.metrics.relayErrors.inc();
        this.logger.error(`outbox relay: ${describe(error)}`, 'OutboxRelay');
      },
      onBatchPublished: (batch) => {
        this.metrics.relayPublished.inc(batch.events);
        this.metrics.relayDuplicates.inc(batch.duplicates);
        this.metrics.relayLastPublish.setToCurrentTime();
      },
    });
    this.relay.start();
    for (const definition of this.definitions) {
      const consumer = new DurableConsumer({
        ...definition,
        nc: this.nc,
        pool: this.pool,
        schema: this.config.schema,
        onError: (error) => {
          this.metrics.consumerErrors.inc({ consumer: definition.name });
          this.logger.error(`${definition.name}: ${describe(error)}`, 'DurableConsumer');
        },
        onBatchHandled: (batch) => {
          this.metrics.consumerMessages.inc({ consumer: definition.name }, batch.messages);
          this.metrics.consumerHandled.inc({ consumer: definition.name }, batch.handled);
          definition.onBatchHandled?.(batch);
        },
        onDeadLetter: (letter) => {
          this.metrics.consumerDeadLetters.inc({ consumer: definition.name });
          this.logger.error(
            `${definition.name}: event parked on jineng.dlq.${definition.name} after ${letter.deliveryCount} deliveries: ${letter.error.message}`,
            'DurableConsumer',
          );
          definition.onDeadLetter?.(letter);
        },
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
