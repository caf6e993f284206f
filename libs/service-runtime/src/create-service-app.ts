// A business service as a Nest application: HTTP for /health and /metrics, and a NATS microservice
// in the service's queue group for its commands and queries (every replica shares the subjects).
// Every command and query passes the signed-envelope guard first: a request the gateway did not
// sign, for this subject, now, over this payload, is refused before any handler reads it.
import type { Migration } from '@jineng/event-store';
import { DomainErrorRpcFilter, EnvelopeVerifier, SignedEnvelopeGuard } from '@jineng/messaging';
import { HttpObservation, type JsonLogger } from '@jineng/observability';
import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type NatsOptions } from '@nestjs/microservices';
import { checkServiceDatabase, migrateServiceDatabase } from './database/service-database';
import type { ServiceConfig } from './service-config';
import { ServiceRuntimeModule } from './service-runtime.module';

export interface ServiceAppOptions {
  /** the service's own tables, after the event store's and the inbox's (see `serviceMigrations`) */
  readonly migrations?: readonly Migration[];
}

export async function createServiceApp(
  feature: Type | DynamicModule,
  config: ServiceConfig,
  logger: JsonLogger,
  options: ServiceAppOptions = {},
): Promise<INestApplication> {
  // the database first: migrated by the migrator when it is configured, then checked as the runtime role
  if (config.migratorDatabaseUrl) {
    const report = await migrateServiceDatabase(config, options.migrations);
    logger.log(
      `schema ${config.schema} migrated${report.applied.length ? `: ${report.applied.join(', ')}` : ''}; ` +
        (report.runtimeRole
          ? `runtime role ${report.runtimeRole} granted`
          : 'the service runs as the migrator role (no separate runtime role)'),
      'Database',
    );
  }
  await checkServiceDatabase(config, options.migrations);
  if (config.nats.authentication === 'none')
    logger.warn(
      'NATS: unauthenticated connection (a local development server): any process on the bus can act as any app',
      'Bus',
    );
  @Module({ imports: [ServiceRuntimeModule.forRoot(config, logger), feature] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, { logger, abortOnError: false });
  app.use(app.get(HttpObservation).middleware);
  const rpc = app.connectMicroservice<NatsOptions>(
    {
      transport: Transport.NATS,
      options: {
        ...config.nats.connectOptions,
        servers: config.messaging.natsUrl.split(','),
        name: config.service,
        queue: config.service,
      },
    },
    // its handlers are set up when it starts, so the filter below is in place by then
    { deferInitialization: true },
  );
  // on the NATS side only: HTTP errors (health, metrics) keep Nest's own handling
  rpc.useGlobalFilters(new DomainErrorRpcFilter());
  rpc.useGlobalGuards(new SignedEnvelopeGuard(new EnvelopeVerifier(config.envelopeVerifyKeys)));
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  return app;
}
