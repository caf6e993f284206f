// The admin port (ADMIN_PORT; on by default in production): Prometheus metrics and the API docs, off
// the public port so that neither the process's internals nor the API's full shape is served to the
// internet. Its own small Nest app, started when the gateway starts and stopped with it. Only the
// cluster (Prometheus, operators) should reach it: the Kubernetes Service exposes the public port only.
import { JsonLogger, Metrics, MetricsController } from '@jineng/observability';
import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type INestApplication,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { GatewayConfig } from '../config/gateway-config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { serveApiDocs } from '../http/api-docs';
import { securityHeaders } from '../http/security-headers';
import { RateLimits } from '../routing/rate-limits';
import { RouteTable } from '../routing/route-table';

@Module({})
class AdminModule {
  static forRoot(metrics: Metrics): DynamicModule {
    return {
      module: AdminModule,
      controllers: [MetricsController],
      providers: [{ provide: Metrics, useValue: metrics }],
    };
  }
}

@Injectable()
export class AdminServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private app?: INestApplication;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly metrics: Metrics,
    private readonly table: RouteTable,
    private readonly rateLimits: RateLimits,
    private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const app = await NestFactory.create(AdminModule.forRoot(this.metrics), {
      logger: this.logger,
      abortOnError: false,
    });
    (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
    app.use(securityHeaders({ production: this.config.production }));
    serveApiDocs(app, this.table.routes, this.rateLimits);
    await app.listen(admin.port, admin.host);
    this.app = app;
    this.logger.log(`admin port ${admin.host}:${admin.port}: /metrics and /api/docs`, 'AdminServer');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.app?.close();
  }
}
