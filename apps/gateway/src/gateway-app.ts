// The gateway as a Nest application, ready to `listen`: used by main.ts and by the tests, which start
// it in-process with their own configuration and route table.
import { HttpObservation, JsonLogger } from '@jineng/observability';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import type { GatewayConfig } from './config/gateway-config';
import { GatewayModule } from './gateway.module';
import { buildOpenApiDocument } from './routing/openapi-document';
import type { RouteDefinition } from './routing/route-definition';
import { RouteTable } from './routing/route-table';

export interface GatewayAppOptions {
  readonly config: GatewayConfig;
  /** the services' routes; default SERVICE_ROUTES */
  readonly routes?: readonly RouteDefinition[];
  /** default: JSON lines on stdout at `config.logLevel` */
  readonly logger?: JsonLogger;
}

export const OPENAPI_PATH = 'api/docs';

export async function createGatewayApp(options: GatewayAppOptions): Promise<INestApplication> {
  const logger = options.logger ?? new JsonLogger({ service: 'gateway', level: options.config.logLevel });
  const app = await NestFactory.create(GatewayModule.forRoot({ ...options, logger }), {
    logger,
    // the dispatcher reads bodies itself: after authentication, with its own limit and error shape
    bodyParser: false,
    // a failing start throws to the caller (main.ts exits non-zero; a test fails) rather than exiting here
    abortOnError: false,
  });
  // no advertising of the framework to scanners
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  // first, so every answer (docs, 404s, errors) carries the correlation id and is logged and counted
  app.use(app.get(HttpObservation).middleware);
  SwaggerModule.setup(OPENAPI_PATH, app, buildOpenApiDocument(app.get(RouteTable).routes), {
    jsonDocumentUrl: `${OPENAPI_PATH}-json`,
    yamlDocumentUrl: `${OPENAPI_PATH}-yaml`,
    customSiteTitle: 'Jineng 技能 API',
  });
  return app;
}
