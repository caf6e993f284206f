// What every business service mounts once: its database pool and event store (migrated), its NATS
// connection, the outbox relay, its consumers, readiness checks for both, logs and metrics.
import { PostgresEventStore } from '@jineng/event-store';
import { FileStore, connectNats } from '@jineng/messaging';
import { JsonLogger, NatsHealthCheck, ObservabilityModule, PostgresHealthCheck } from '@jineng/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { createServicePool } from './database/database-pool';
import { getJobControllerFor } from './jobs/get-job.nats.controller';
import { JobTracker } from './jobs/job-tracker';
import { migrateJobs } from './jobs/jobs.migrations';
import type { ServiceConfig } from './service-config';
import { ServiceLifecycle } from './service-lifecycle';
import {
  EVENT_STORE,
  FILE_STORE,
  NATS_CONNECTION,
  PG_POOL,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
} from './service-tokens';
import { serviceClock } from './clock/service-clock';
import { DeadlineScheduler, migrateDeadlines } from './scheduling/deadline-scheduler';

@Module({})
export class ServiceRuntimeModule {
  static forRoot(config: ServiceConfig, logger: JsonLogger): DynamicModule {
    const pool = createServicePool(config);
    const clock = serviceClock(config.testClockFile);
    return {
      module: ServiceRuntimeModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({
          service: config.service,
          logger,
          healthChecks: [
            new PostgresHealthCheck(pool),
            new NatsHealthCheck({ servers: config.messaging.natsUrl.split(',') }),
          ],
        }),
      ],
      controllers: [getJobControllerFor(config.service)],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: PG_POOL, useValue: pool },
        {
          provide: EVENT_STORE,
          useFactory: () => PostgresEventStore.create({ pool, schema: config.schema }),
        },
        {
          provide: NATS_CONNECTION,
          useFactory: (): Promise<NatsConnection> => connectNats(config.messaging.natsUrl, config.service),
        },
        {
          provide: FILE_STORE,
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) => new FileStore(nc, { replicas: config.messaging.replicas }),
        },
        {
          provide: JobTracker,
          inject: [JsonLogger],
          useFactory: async (json: JsonLogger) => {
            await migrateJobs(pool, config.schema);
            return new JobTracker(pool, config.schema, json);
          },
        },
        { provide: SERVICE_CLOCK, useValue: clock },
        {
          provide: DeadlineScheduler,
          inject: [JsonLogger],
          useFactory: async (json: JsonLogger) => {
            // its table exists before any command schedules a deadline
            await migrateDeadlines(pool, config.schema);
            return new DeadlineScheduler({
              pool,
              schema: config.schema,
              clock,
              onError: (error, deadline) =>
                json.error(`deadline ${deadline?.id ?? ''}: ${String(error)}`, 'DeadlineScheduler'),
              onFailed: (deadline, error) =>
                json.error(
                  `deadline ${deadline.id} (${deadline.kind}) failed its last attempt and is parked: ${String(error)}`,
                  'DeadlineScheduler',
                ),
            });
          },
        },
        ServiceLifecycle,
      ],
      exports: [
        SERVICE_CONFIG,
        PG_POOL,
        EVENT_STORE,
        NATS_CONNECTION,
        FILE_STORE,
        SERVICE_CLOCK,
        JobTracker,
        DeadlineScheduler,
        ServiceLifecycle,
      ],
    };
  }
}
