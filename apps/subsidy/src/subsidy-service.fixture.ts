// The subsidy service as its integration tests run it: the Nest app on the service runtime, a real
// PostgreSQL schema of its own (migrated by the migrator, the service running as its own role) and a
// nats-server of its own (its queue group must not meet another test file's), commands and queries
// over NATS request/reply with any principal, signed as the gateway signs them.
import { randomUUID } from 'node:crypto';
import type { Principal, RpcClient } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  DedicatedNatsServer,
  connectTestDatabase,
  envelopeKeyEnv,
  signingRpcClient,
  type TestDatabase,
  testEnvelope,
} from '@jineng/testing';
import type { INestApplication, Type } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { subsidyMigrations } from './subsidy.migrations';
import { SubsidyModule } from './subsidy.module';

export class SubsidyTestService {
  private app?: INestApplication;

  private constructor(
    readonly db: TestDatabase,
    readonly schema: string,
    /** the service's runtime role: it runs no DDL */
    private readonly runtimeUrl: string,
    readonly nats: DedicatedNatsServer,
    private readonly proxy: ClientProxy,
    private readonly client: RpcClient,
    private readonly env: Readonly<Record<string, string>> = {},
  ) {}

  /** A fresh schema (named after `database`), a nats-server of its own, the service started. */
  static async start(
    database: string,
    options: { readonly env?: Readonly<Record<string, string>> } = {},
  ): Promise<SubsidyTestService> {
    const db = await connectTestDatabase(database);
    const schema = await db.freshSchema();
    const nats = await DedicatedNatsServer.start();
    const proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
    const service = new SubsidyTestService(
      db,
      schema,
      db.runtimeRole().url,
      nats,
      proxy,
      signingRpcClient(proxy, { defaultTimeoutMs: 10_000 }),
      options.env,
    );
    await service.restart();
    await proxy.connect();
    return service;
  }

  /** Stops the app if it runs, and starts it again on the same schema and nats-server. */
  async restart(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
    const config = serviceConfigFromEnv(
      'subsidy',
      { port: 0 },
      {
        // as its own role, migrated by the superuser as the migrator
        DATABASE_URL: this.runtimeUrl,
        JINENG_MIGRATOR_DATABASE_URL: this.db.url,
        NATS_URL: this.nats.url,
        JINENG_SCHEMA: this.schema,
        LOG_LEVEL: 'error',
        ...envelopeKeyEnv('subsidy'),
        // e.g. JINENG_TEST_CLOCK_FILE: the test moves the service's clock
        ...this.env,
      },
    );
    this.app = await createServiceApp(
      SubsidyModule,
      config,
      new JsonLogger({ service: 'subsidy', level: 'error' }),
      { migrations: subsidyMigrations },
    );
    await this.app.listen(0, '127.0.0.1');
  }

  /** A provider of the running app (to drive it from inside, as at start). */
  get<T>(type: Type<T>): T {
    if (!this.app) throw new Error('the subsidy service is not running');
    return this.app.get(type);
  }

  async dispose(): Promise<void> {
    await this.proxy.close();
    await this.app?.close();
    await this.nats.dispose();
    await this.db.dispose();
  }

  command<R>(
    name: string,
    principal: Principal,
    payload: object,
    commandId: string = randomUUID(),
  ): Promise<R> {
    return this.client.send<R>(
      { kind: 'command', service: 'subsidy', name },
      { envelope: envelope(principal, commandId), payload },
    );
  }

  query<R>(name: string, principal: Principal, payload: object): Promise<R> {
    return this.client.send<R>(
      { kind: 'query', service: 'subsidy', name },
      { envelope: envelope(principal), payload },
    );
  }
}

const envelope = testEnvelope;

export const admin = (jurisdiction: string): Principal => ({
  userId: `admin-${jurisdiction}`,
  roles: ['admin'],
  jurisdiction,
});

// the replies' checks every service fixture shares
export { expectContract, rejection } from '@jineng/testing';
