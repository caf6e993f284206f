// What every business service mounts once: its database pool and event store (migrated by the
// migration step), its NATS connection under its own identity, the outbox relay, its consumers, its
// clock and command runner, readiness checks for both, logs and metrics.
import { PostgresEventStore } from '@jineng/event-store';
import { systemClock } from '@jineng/kernel';
import { connectNats } from '@jineng/messaging';
import {
  type JsonLogger,
  NatsHealthCheck,
  ObservabilityModule,
  PostgresHealthCheck,
} from '@jineng/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { CommandRunner } from './commands/command-runner';
import type { ServiceConfig } from './service-config';
import { ServiceLifecycle } from './service-lifecycle';
import { EVENT_STORE, NATS_CONNECTION, PG_POOL, SERVICE_CLOCK, SERVICE_CONFIG } from './service-tokens';

@Module({})
export class ServiceRuntimeModule {
  static forRoot(config: ServiceConfig, logger: JsonLogger): DynamicModule {
    const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize });
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
        { provide: SERVICE_CLOCK, useValue: systemClock },
        ServiceLifecycle,
        CommandRunner,
      ],
      exports: [
        SERVICE_CONFIG,
        PG_POOL,
        EVENT_STORE,
        NATS_CONNECTION,
        SERVICE_CLOCK,
        ServiceLifecycle,
        CommandRunner,
      ],
    };
  }
}
