// A business service as a Nest application: HTTP for /health and /metrics, and a NATS microservice
// in the service's queue group for its commands and queries (every replica shares the subjects).
// Every command and query passes the signed-envelope guard first: a request the gateway did not
// sign, for this subject, now, over this payload, is refused before any handler reads it.
import { DomainErrorRpcFilter, EnvelopeVerifier, SignedEnvelopeGuard } from '@jineng/messaging';
import { HttpObservation, type JsonLogger } from '@jineng/observability';
import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type NatsOptions } from '@nestjs/microservices';
import type { ServiceConfig } from './service-config';
import { ServiceRuntimeModule } from './service-runtime.module';

export async function createServiceApp(
  feature: Type | DynamicModule,
  config: ServiceConfig,
  logger: JsonLogger,
): Promise<INestApplication> {
  @Module({ imports: [ServiceRuntimeModule.forRoot(config, logger), feature] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, { logger, abortOnError: false });
  app.use(app.get(HttpObservation).middleware);
  const rpc = app.connectMicroservice<NatsOptions>(
    {
      transport: Transport.NATS,
      options: { servers: config.messaging.natsUrl.split(','), queue: config.service },
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
