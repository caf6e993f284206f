// The audit service as its integration tests run it: the Nest app on the service runtime, a real
// PostgreSQL schema of its own (migrated by the migrator, the service running as its own role), a
// nats-server of its own (it consumes every `jineng.evt.>`: no other test's events may reach it), and
// the other services' side as they will run: each a real event store in its own schema whose outbox
// relay publishes under that service's name — so the events arrive with real metadata, stream
// versions and chain hashes.
import { randomUUID } from 'node:crypto';
import { eventMetadataOf, type Actor } from '@jineng/ddd';
import { PostgresEventStore, type JsonObject, type RecordedEvent } from '@jineng/event-store';
import { OutboxRelay, type Envelope, type Principal, type RpcClient } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  DedicatedNatsServer,
  connectTestDatabase,
  envelopeKeyEnv,
  signingRpcClient,
  type TestDatabase,
} from '@jineng/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { auditMigrations } from './audit.migrations';
import { AuditModule } from './audit.module';

/** Another service's side: its own store and relay, appending as its command runner does. */
export class SourceService {
  constructor(
    readonly service: string,
    readonly store: PostgresEventStore,
    private readonly relay: OutboxRelay,
  ) {}

  /** Appends one command's events to a stream (metadata as libs/ddd records it) and answers them. */
  async append(
    streamId: string,
    events: readonly { type: string; data: JsonObject }[],
    context: { actor: Actor; jurisdiction: string; correlationId?: string; now?: string },
  ): Promise<RecordedEvent[]> {
    const metadata = eventMetadataOf({
      type: events[0].type.replace(/\.v\d+$/, ''),
      data: events[0].data,
      metadata: {
        commandId: randomUUID(),
        actor: context.actor,
        jurisdiction: context.jurisdiction,
        now: context.now ?? new Date().toISOString(),
        correlationId: context.correlationId ?? randomUUID(),
      },
    }) as unknown as JsonObject;
    const appended = events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      metadata,
    }));
    await this.store.appendToStream(streamId, appended, { expectedVersion: 'any' });
    const stored = await this.store.readStream(streamId);
    return stored.events.filter((event) => appended.some((a) => a.id === event.id));
  }

  stop(): Promise<void> {
    return this.relay.stop();
  }
}

export class AuditTestService {
  private app?: INestApplication;
  private readonly sources: SourceService[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly schema: string,
    readonly runtimeRole: { readonly name: string; readonly url: string },
    readonly nats: DedicatedNatsServer,
    readonly nc: NatsConnection,
    private readonly proxy: ClientProxy,
    private readonly client: RpcClient,
    /** more of the service's environment (a test clock file, the seal key…) */
    private readonly env: Readonly<Record<string, string>> = {},
  ) {}

  static async start(
    database: string,
    env: Readonly<Record<string, string>> = {},
  ): Promise<AuditTestService> {
    const db = await connectTestDatabase(database);
    const schema = await db.freshSchema();
    const nats = await DedicatedNatsServer.start();
    const nc = await connect({ servers: nats.url });
    const proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
    const service = new AuditTestService(
      db,
      schema,
      db.runtimeRole(),
      nats,
      nc,
      proxy,
      signingRpcClient(proxy, { defaultTimeoutMs: 15_000 }),
      env,
    );
    await service.restart();
    await proxy.connect();
    return service;
  }

  async restart(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
    const config = serviceConfigFromEnv(
      'audit',
      { port: 0 },
      {
        DATABASE_URL: this.runtimeRole.url,
        JINENG_MIGRATOR_DATABASE_URL: this.db.url,
        NATS_URL: this.nats.url,
        JINENG_SCHEMA: this.schema,
        LOG_LEVEL: 'error',
        ...envelopeKeyEnv('audit'),
        ...this.env,
      },
    );
    this.app = await createServiceApp(
      AuditModule,
      config,
      new JsonLogger({ service: 'audit', level: 'error' }),
      { migrations: auditMigrations },
    );
    await this.app.listen(0, '127.0.0.1');
  }

  /** Another service publishing on this bus (its streams exist: the audit service made them). */
  async source(service: string): Promise<SourceService> {
    const store = await PostgresEventStore.create({
      pool: this.db.pool,
      schema: await this.db.freshSchema(),
    });
    const relay = new OutboxRelay({ store, nc: this.nc, service, pollIntervalMs: 50 });
    relay.start();
    const source = new SourceService(service, store, relay);
    this.sources.push(source);
    return source;
  }

  async dispose(): Promise<void> {
    for (const source of this.sources) await source.stop();
    await this.proxy.close();
    await this.app?.close();
    await this.nc.close();
    await this.nats.dispose();
    await this.db.dispose();
  }

  /** A command as the gateway sends it (a fresh command id unless one is given). */
  command<R>(name: string, principal: Principal, payload: object, commandId = randomUUID()): Promise<R> {
    const envelope: Envelope = {
      principal,
      correlationId: randomUUID(),
      commandId,
      sentAt: new Date().toISOString(),
    };
    return this.client.send<R>({ kind: 'command', service: 'audit', name }, { envelope, payload });
  }

  query<R>(name: string, principal: Principal, payload: object): Promise<R> {
    const envelope: Envelope = {
      principal,
      correlationId: randomUUID(),
      sentAt: new Date().toISOString(),
    };
    return this.client.send<R>({ kind: 'query', service: 'audit', name }, { envelope, payload });
  }
}
