// The gateway as a Nest application, ready to `listen`: used by main.ts and by the tests, which start
// it in-process with their own configuration and route table.
import { HttpObservation, JsonLogger } from '@jineng/observability';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { GatewayConfig } from './config/gateway-config';
import { DevIssuer } from './auth/dev-issuer';
import { DevOidcProvider, type DevOidcOptions } from './auth/dev-oidc-provider';
import { GatewayModule } from './gateway.module';
import { serveApiDocs } from './http/api-docs';
import { serveConsole } from './http/console-static';
import { devOidc } from './http/dev-oidc';
import { securityHeaders } from './http/security-headers';
import type { RouteDefinition } from './routing/route-definition';
import { RateLimits } from './routing/rate-limits';
import { RouteTable } from './routing/route-table';

export { OPENAPI_PATH } from './http/api-docs';

export interface GatewayAppOptions {
  readonly config: GatewayConfig;
  /** the services' routes; default SERVICE_ROUTES */
  readonly routes?: readonly RouteDefinition[];
  /** default: JSON lines on stdout at `config.logLevel` */
  readonly logger?: JsonLogger;
  /** the development OIDC provider's clock and code lifetime (tests expire codes) */
  readonly devOidc?: DevOidcOptions;
}

export async function createGatewayApp(options: GatewayAppOptions): Promise<INestApplication> {
  const { config } = options;
  const logger = options.logger ?? new JsonLogger({ service: 'gateway', level: config.logLevel });
  const app = await NestFactory.create(GatewayModule.forRoot({ ...options, logger }), {
    logger,
    // the dispatcher reads bodies itself: after authentication, with its own limit and error shape
    bodyParser: false,
    // a failing start throws to the caller (main.ts exits non-zero; a test fails) rather than exiting here
    abortOnError: false,
  });
  const express = app.getHttpAdapter().getInstance() as {
    disable(setting: string): void;
    set(setting: string, value: unknown): void;
  };
  // no advertising of the framework to scanners
  express.disable('x-powered-by');
  // the client IP (rate limits of anonymous callers) from X-Forwarded-For, as far as the proxies are ours
  if (config.trustProxyHops > 0) express.set('trust proxy', config.trustProxyHops);
  // first, so every answer (docs, 404s, errors) carries the correlation id and is logged and counted
  app.use(app.get(HttpObservation).middleware);
  app.use(securityHeaders({ production: config.production, connectTo: providerOrigins(config) }));
  // with an admin port (production), docs and metrics are served there instead (AdminServer)
  if (!config.admin) serveApiDocs(app, app.get(RouteTable).routes, app.get(RateLimits));
  // JINENG_DEV_AUTH=enabled only: the development issuer as an OIDC provider the console signs in with
  const issuer = app.get(DevIssuer) as DevIssuer | null;
  if (issuer)
    app.use(devOidc(new DevOidcProvider(issuer, options.devOidc), { trustProxyHops: config.trustProxyHops }));
  // the web console (apps/console) on the same origin: its files, and index.html for its own paths
  if (config.consoleDir) app.use(serveConsole(config.consoleDir));
  return app;
}

/** The OIDC provider's origin, where the console fetches its discovery document and exchanges codes. */
function providerOrigins(config: GatewayConfig): string[] {
  return config.auth.mode === 'oidc' && config.auth.console ? [new URL(config.auth.issuer).origin] : [];
}
