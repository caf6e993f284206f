// Start and stop in the right order: streams exist before the relay publishes; on the way down the
// relay and the consumers finish their batch before NATS and PostgreSQL close. The tables all of this
// uses (inbox, parked_events, read_model_*, deadlines, jobs) come with the service's migrations
// (`serviceMigrations`): nothing here runs DDL.
import { ProjectionRunner, type PostgresEventStore, type Projection } from '@jineng/event-store';
import {
  DurableConsumer,
  LocalReadModelConsumer,
  OutboxRelay,
  assertOwnConsumerName,
  ensureStreams,
  verifyStreams,
  type DurableConsumerOptions,
  type LocalReadModelDefinition,
} from '@jineng/messaging';
import { HealthChecks, JsonLogger, Metrics } from '@jineng/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { FollowerStallHealthCheck, type WatchedFollower } from './health/follower-stall.health-check';
import { JobTracker } from './jobs/job-tracker';
import { DeadlineScheduler } from './scheduling/deadline-scheduler';
import { MessagingMetrics } from './messaging-metrics';
import { ParkingMetrics } from './parking-metrics';
import type { ServiceConfig } from './service-config';
import { EVENT_STORE, NATS_CONNECTION, PG_POOL, SERVICE_CONFIG } from './service-tokens';

export type ConsumerDefinition = Omit<DurableConsumerOptions, 'nc' | 'pool' | 'schema' | 'onError'>;

@Injectable()
export class ServiceLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;
  private readonly definitions: ConsumerDefinition[] = [];
  private readonly consumers: DurableConsumer[] = [];
  private readonly projections: { runner: ProjectionRunner; dataSource: DataSource }[] = [];
  private readonly readModels: LocalReadModelConsumer[] = [];
  private readonly followers: WatchedFollower[] = [];
  private readonly metrics: MessagingMetrics;
  private readonly parkingMetrics: ParkingMetrics;
  private relayError?: string;
  private started = false;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly logger: JsonLogger,
    metrics: Metrics,
    health: HealthChecks,
    private readonly jobs: JobTracker,
    private readonly deadlines: DeadlineScheduler,
  ) {
    this.metrics = new MessagingMetrics(metrics);
    this.parkingMetrics = new ParkingMetrics(metrics, pool, config.schema);
    this.followers.push({
      label: 'relay',
      checkpointId: `outbox-relay:${config.service}`,
      lastError: () => this.relayError,
    });
    health.register(
      new FollowerStallHealthCheck(pool, config.schema, config.stallAfterMs, () => this.followers),
    );
  }

  /**
   * A service's module registers what it consumes before the application starts (in onModuleInit).
   * Its name is `<service>-<purpose>` and declared in nest-cli.json (`jineng.consumers`): its bus
   * identity may use no other.
   */
  consume(definition: ConsumerDefinition): void {
    assertOwnConsumerName(this.config.service, definition.name);
    // a hybrid app (HTTP + NATS) runs onModuleInit once per part: a name registers once
    if (this.definitions.some((d) => d.name === definition.name)) return;
    this.definitions.push(definition);
  }

  /**
   * A projection of the service's own events into its read model (in onModuleInit): run from start
   * to stop, watched by readiness, a poison event parked with an alert. The DataSource (from
   * `createReadModelDataSource`) is destroyed after the runner stops. Answers the runner (to
   * `catchUp()` at start, or `rebuild()`).
   */
  project(projection: Projection, dataSource: DataSource): ProjectionRunner {
    const registered = this.projections.find(
      ({ runner }) => runner.checkpointId === `projection:${projection.name}`,
    );
    if (registered) return registered.runner; // onModuleInit runs once per part of a hybrid app
    let lastError: string | undefined;
    const runner = new ProjectionRunner({
      store: this.store,
      dataSource,
      projection,
      onError: (error) => {
        lastError = describe(error);
        this.logger.error(`projection ${projection.name}: ${lastError}`, 'ProjectionRunner');
      },
      onParked: ({ subscriber, event, error, attempts }) => {
        this.parkingMetrics.parked.inc({ subscriber });
        this.logger.error(
          `projection ${projection.name}: ${event.type} ${event.streamId}@${event.version} (${event.id}) parked after ${attempts} attempts, its stream held until replayed (npm run ops -- parked list): ${describe(error)}`,
          'ProjectionRunner',
        );
      },
    });
    this.projections.push({ runner, dataSource });
    this.followers.push({
      label: `projection ${projection.name}`,
      checkpointId: runner.checkpointId,
      lastError: () => (runner.failedAttempts > 0 ? lastError : undefined),
    });
    return runner;
  }

  /**
   * A local read model of other services' events (in onModuleInit): see `defineLocalReadModel`. Its
   * name is `<service>-<purpose>`, declared with its sources in nest-cli.json (`jineng.readModels`).
   */
  readModel(definition: LocalReadModelDefinition): void {
    assertOwnConsumerName(this.config.service, definition.name);
    if (this.readModels.some((r) => r.name === definition.name)) return; // once per hybrid app part
    this.readModels.push(
      new LocalReadModelConsumer({
        definition,
        nc: this.nc,
        pool: this.pool,
        schema: this.config.schema,
        onError: (error) => {
          this.metrics.consumerErrors.inc({ consumer: definition.name });
          this.logger.error(`read model ${definition.name}: ${describe(error)}`, 'LocalReadModel');
        },
        onApplied: (applied) => this.metrics.consumerHandled.inc({ consumer: definition.name }, applied),
        onParked: ({ readModel, event, error, attempts }) => {
          this.parkingMetrics.parked.inc({ subscriber: readModel });
          this.logger.error(
            `read model ${readModel}: ${event.service} ${event.type} ${event.streamId}@${event.streamVersion} (${event.id}) parked after ${attempts} attempts, its stream held until replayed (npm run ops -- parked list): ${describe(error)}`,
            'LocalReadModel',
          );
        },
      }),
    );
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
        this.relayError = describe(error);
        this.metrics.relayErrors.inc();
        this.logger.error(`outbox relay: ${this.relayError}`, 'OutboxRelay');
      },
      onBatchPublished: (batch) => {
        this.relayError = undefined;
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
    for (const { runner } of this.projections) runner.start();
    for (const readModel of this.readModels) await readModel.start();
    await this.deadlines.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started || this.stopped) return;
    this.stopped = true;
    await this.deadlines.stop();
    for (const consumer of this.consumers.splice(0)) await consumer.stop();
    for (const readModel of this.readModels.splice(0)) await readModel.stop();
    for (const { runner, dataSource } of this.projections.splice(0)) {
      await runner.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    }
    await this.relay?.stop();
    await this.jobs.settle();
    await this.nc.drain().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
