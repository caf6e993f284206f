// What every business service mounts once: its database pool and event store (migrated by the
// migration step: nothing here runs DDL), its NATS connection under its own identity, the outbox
// relay, its consumers, projections and local read models, its clock, command runner, deadline
// scheduler, jobs and files, readiness checks for all of them, logs and metrics.
import { PostgresEventStore } from '@jineng/event-store';
import { FileStore, connectNats } from '@jineng/messaging';
import { JsonLogger, NatsHealthCheck, ObservabilityModule, PostgresHealthCheck } from '@jineng/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { serviceClock } from './clock/service-clock';
import { CommandRunner } from './commands/command-runner';
import { createServicePool } from './database/database-pool';
import { getJobControllerFor } from './jobs/get-job.nats.controller';
import { JobTracker } from './jobs/job-tracker';
import { DeadlineScheduler } from './scheduling/deadline-scheduler';
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

@Module({})
export class ServiceRuntimeModule {
  static forRoot(config: ServiceConfig, logger: JsonLogger): DynamicModule {
    const pool = createServicePool(config);
    // the one clock of the service: its commands' `now` and its deadlines' (a test may move it)
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
            new NatsHealthCheck({
              servers: config.messaging.natsUrl.split(','),
              connectOptions: config.nats.connectOptions,
            }),
          ],
        }),
      ],
      controllers: [getJobControllerFor(config.service)],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: PG_POOL, useValue: pool },
        {
          provide: EVENT_STORE,
          // migrated by the migration step: the runtime runs no DDL
          useFactory: () => PostgresEventStore.open({ pool, schema: config.schema }),
        },
        {
          provide: NATS_CONNECTION,
          useFactory: (): Promise<NatsConnection> =>
            connectNats(config.messaging.natsUrl, config.service, config.nats.connectOptions),
        },
        {
          provide: FILE_STORE,
          inject: [NATS_CONNECTION],
          useFactory: (nc: NatsConnection) =>
            new FileStore(nc, config.service, {
              // where the bus has identities the provisioner made the bucket: the service only opens it
              bucket: config.messaging.streams === 'ensure' ? 'ensure' : 'open',
              replicas: config.messaging.replicas,
            }),
        },
        { provide: SERVICE_CLOCK, useValue: clock },
        {
          provide: JobTracker,
          inject: [JsonLogger],
          useFactory: (json: JsonLogger) => new JobTracker(pool, config.schema, json),
        },
        {
          provide: DeadlineScheduler,
          inject: [JsonLogger],
          useFactory: (json: JsonLogger) =>
            new DeadlineScheduler({
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
            }),
        },
        ServiceLifecycle,
        CommandRunner,
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
        CommandRunner,
      ],
    };
  }
}
