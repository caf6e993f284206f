// The observability kit as a service app would mount it: a plain Nest app with ObservabilityModule,
// a PostgreSQL check registered by the app's own module, and the NATS check — against the real servers.
import { databaseUrl, natsUrl } from '@jineng/testing';
import { Injectable, Module, type INestApplication, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { HealthChecks } from './health/health-checks';
import { NatsHealthCheck } from './health/nats.health-check';
import { PostgresHealthCheck } from './health/postgres.health-check';
import { HttpObservation } from './http/http-observation';
import { JsonLogger } from './logging/json-logger';
import { ObservabilityModule } from './observability.module';

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('NatsHealthCheck', () => {
  it('is up against the real NATS, probe after probe', async () => {
    const check = new NatsHealthCheck({ servers: natsUrl() });
    try {
      await expect(check.check()).resolves.toBeUndefined();
      await expect(check.check()).resolves.toBeUndefined();
    } finally {
      await check.close();
    }
  });

  it('is down, saying why, where nothing listens; and tries again on the next probe', async () => {
    const check = new NatsHealthCheck({
      servers: `nats://127.0.0.1:${await deadPort()}`,
      connectTimeoutMs: 1000,
    });
    try {
      await expect(check.check()).rejects.toThrow(/refused/i);
      await expect(check.check()).rejects.toThrow(/refused/i);
    } finally {
      await check.close();
    }
  });
});

describe('PostgresHealthCheck', () => {
  it('is up with SELECT 1 on the real PostgreSQL, down on a pool that cannot connect', async () => {
    const pool = new Pool({ connectionString: databaseUrl(), max: 1 });
    const dead = new Pool({
      connectionString: `postgres://postgres@127.0.0.1:${await deadPort()}/postgres`,
      connectionTimeoutMillis: 1000,
    });
    try {
      await expect(new PostgresHealthCheck(pool).check()).resolves.toBeUndefined();
      await expect(new PostgresHealthCheck(dead).check()).rejects.toThrow(/ECONNREFUSED|connect/);
    } finally {
      await pool.end();
      await dead.end();
    }
  });
});

describe('ObservabilityModule in a service app', () => {
  const pool = new Pool({ connectionString: databaseUrl(), max: 2 });
  const lines: Record<string, unknown>[] = [];
  let app: INestApplication;
  let base: string;

  // how a service adds a check that needs its own providers: register it at init
  @Injectable()
  class RegistersPostgres implements OnModuleInit {
    constructor(private readonly checks: HealthChecks) {}
    onModuleInit(): void {
      this.checks.register(new PostgresHealthCheck(pool));
    }
  }

  @Module({
    imports: [
      ObservabilityModule.forRoot({
        service: 'registry',
        logger: new JsonLogger({
          service: 'registry',
          level: 'debug',
          sink: (line) => lines.push(JSON.parse(line)),
        }),
        healthChecks: [new NatsHealthCheck({ servers: natsUrl() })],
      }),
    ],
    providers: [RegistersPostgres],
  })
  class ServiceModule {}

  beforeAll(async () => {
    app = await NestFactory.create(ServiceModule, { logger: false, abortOnError: false });
    app.use(app.get(HttpObservation).middleware);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await pool.end();
  });

  it('answers readiness with every registered check', async () => {
    const response = await fetch(`${base}/health/ready`, { headers: { 'x-correlation-id': 'ready-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('ready-1');
    expect(await response.json()).toEqual({
      status: 'up',
      checks: {
        nats: { status: 'up', durationMs: expect.any(Number) },
        postgres: { status: 'up', durationMs: expect.any(Number) },
      },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('serves /metrics with the service label and the request counter by route template', async () => {
    await fetch(`${base}/nowhere/123`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(
      /^http_requests_total\{method="GET",route="\/health\/ready",status="200",service="registry"\} 1$/m,
    );
    expect(text).toMatch(
      /^http_requests_total\{method="GET",route="unmatched",status="404",service="registry"\} 1$/m,
    );
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('logs each request as one JSON line with its correlation id', () => {
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        service: 'registry',
        context: 'HttpRequest',
        correlationId: 'ready-1',
        method: 'GET',
        route: '/health/ready',
        status: 200,
      }),
    );
  });
});
