import { JsonLogger, Metrics, ObservabilityModule } from '@jineng/observability';
import { RpcClient } from '@jineng/messaging';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { AdminServer } from './admin/admin-server';
import { DevIssuer } from './auth/dev-issuer';
import { JwtAuthenticator } from './auth/jwt-authenticator';
import { tokenVerificationFor } from './auth/token-verification';
import type { GatewayConfig } from './config/gateway-config';
import { GatewayExceptionFilter } from './errors/gateway-exception.filter';
import { GATEWAY_CONFIG, SERVICE_ROUTE_DEFINITIONS } from './gateway.tokens';
import { gatewayHealthChecks } from './health/gateway-health-checks';
import { consoleConfigRoute, devIssuerRoutes, meRoute } from './routes/gateway.routes';
import { SERVICE_ROUTES } from './routes/service.routes';
import { ApiController } from './routing/api.controller';
import { isKnownContract } from './routing/contracts';
import { Dispatcher } from './routing/dispatcher';
import { RateLimits } from './routing/rate-limits';
import { FileResponder } from './routing/file-response';
import type { RouteDefinition } from './routing/route-definition';
import { RouteTable } from './routing/route-table';
import { RpcConnection } from './routing/rpc-connection';

export interface GatewayModuleOptions {
  readonly config: GatewayConfig;
  /** the services' routes; default SERVICE_ROUTES (tests install their own) */
  readonly routes?: readonly RouteDefinition[];
  readonly logger: JsonLogger;
}

@Module({})
export class GatewayModule {
  static forRoot({ config, routes = SERVICE_ROUTES, logger }: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'gateway',
          logger,
          healthChecks: gatewayHealthChecks(config),
          // on the admin port instead when there is one (AdminServer)
          serveMetrics: config.admin === undefined,
        }),
      ],
      controllers: [ApiController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: SERVICE_ROUTE_DEFINITIONS, useValue: routes },
        {
          // null unless JINENG_DEV_AUTH=enabled: then there are no dev routes and no dev keys at all
          provide: DevIssuer,
          useFactory: () => (config.auth.mode === 'dev' ? DevIssuer.create(config.auth) : null),
        },
        {
          provide: RouteTable,
          inject: [DevIssuer, SERVICE_ROUTE_DEFINITIONS],
          useFactory: (issuer: DevIssuer | null, services: readonly RouteDefinition[]) =>
            new RouteTable(
              [
                meRoute,
                consoleConfigRoute(config.auth),
                ...(issuer ? devIssuerRoutes(issuer) : []),
                ...services,
              ],
              {
                knownContract: isKnownContract,
              },
            ),
        },
        {
          // a JINENG_RATE_LIMIT_ROUTES entry naming no route stops the start
          provide: RateLimits,
          inject: [RouteTable],
          useFactory: (table: RouteTable) => new RateLimits(table.routes, config.rateLimits),
        },
        AdminServer,
        {
          provide: JwtAuthenticator,
          inject: [HttpAdapterHost],
          useFactory: (host: HttpAdapterHost) =>
            new JwtAuthenticator(tokenVerificationFor(config.auth, () => ownUrl(host))),
        },
        {
          provide: RpcConnection,
          inject: [RouteTable, Metrics],
          useFactory: (table: RouteTable, metrics: Metrics) => {
            // a route to a service the key file has no key for could only ever answer 500: no start
            const called = table.routes.flatMap(({ definition: { target } }) =>
              target.kind === 'command' || target.kind === 'query' ? [target.service] : [],
            );
            const missing = [...new Set(called)].filter((service) => !config.envelopeKeys.has(service));
            if (missing.length > 0)
              throw new Error(
                `JINENG_ENVELOPE_SIGNING_KEY_FILE has no envelope key for ${missing.map((s) => `'${s}'`).join(', ')}, which the routes call`,
              );
            return new RpcConnection(
              config.natsUrl,
              config.rpcTimeoutMs,
              config.nats,
              config.envelopeKeys,
              (subject, requests) => metrics.observeRpcMessage(subject, requests),
            );
          },
        },
        {
          provide: RpcClient,
          inject: [RpcConnection],
          useFactory: (connection: RpcConnection) => connection.client,
        },
        { provide: FileResponder, useFactory: () => new FileResponder(config.natsUrl, config.nats) },
        Dispatcher,
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
      ],
    };
  }
}

/** The gateway's own base URL, from the address it listens on (loopback when it listens on all). */
function ownUrl(host: HttpAdapterHost): URL {
  const address = host.httpAdapter.getHttpServer().address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string')
    throw new Error('the gateway is not listening on a TCP port');
  const ip = ['0.0.0.0', '::', ''].includes(address.address) ? '127.0.0.1' : address.address;
  return new URL(
    `http://${address.family === 'IPv6' && ip !== '127.0.0.1' ? `[${ip}]` : ip}:${address.port}`,
  );
}
