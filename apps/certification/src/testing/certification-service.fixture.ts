// The certification service as its integration tests run it: the Nest app on the service runtime, a
// schema of its own (migrated by the migrator, the service running as its own role), a nats-server of
// its own, the clock moved through JINENG_TEST_CLOCK_FILE; commands and queries over NATS signed as the
// gateway signs them; other services' events published on the bus as those services publish them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  EVENTS_STREAM,
  eventSubject,
  type IntegrationEvent,
  type Principal,
  type RpcClient,
} from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  DedicatedNatsServer,
  connectTestDatabase,
  connectTestNats,
  envelopeKeyEnv,
  setTestClock,
  signingRpcClient,
  type TestDatabase,
  testEnvelope,
} from '@jineng/testing';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { certificationMigrations } from '../certification.migrations';
import { CertificationModule } from '../certification.module';

export class CertificationTestService {
  private app?: INestApplication;
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly db: TestDatabase,
    readonly schema: string,
    private readonly runtimeUrl: string,
    readonly nats: DedicatedNatsServer,
    private readonly proxy: ClientProxy,
    private readonly client: RpcClient,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly clockDir: string,
  ) {}

  static async start(database: string, now: string): Promise<CertificationTestService> {
    const db = await connectTestDatabase(database);
    const schema = await db.freshSchema();
    const nats = await DedicatedNatsServer.start();
    const proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
    const nc = await connectTestNats(nats.url);
    const service = new CertificationTestService(
      db,
      schema,
      db.runtimeRole().url,
      nats,
      proxy,
      signingRpcClient(proxy, { defaultTimeoutMs: 10_000 }),
      nc,
      jetstream(nc),
      mkdtempSync(path.join(os.tmpdir(), 'jineng-cert-clock-')),
    );
    await service.setClock(now);
    await service.restart();
    await proxy.connect();
    return service;
  }

  get clockFile(): string {
    return path.join(this.clockDir, 'clock.json');
  }

  /** From now on the service's clock reads `iso` (an instant with its offset); it looks again every 50 ms. */
  async setClock(iso: string): Promise<void> {
    setTestClock(this.clockFile, iso);
    await new Promise((resolve) => setTimeout(resolve, 120));
  }

  async restart(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
    const config = serviceConfigFromEnv(
      'certification',
      { port: 0 },
      {
        DATABASE_URL: this.runtimeUrl,
        JINENG_MIGRATOR_DATABASE_URL: this.db.url,
        NATS_URL: this.nats.url,
        JINENG_SCHEMA: this.schema,
        JINENG_TEST_CLOCK_FILE: this.clockFile,
        LOG_LEVEL: 'error',
        ...envelopeKeyEnv('certification'),
      },
    );
    this.app = await createServiceApp(
      CertificationModule,
      config,
      new JsonLogger({ service: 'certification', level: 'error' }),
      { migrations: certificationMigrations },
    );
    await this.app.listen(0, '127.0.0.1');
  }

  async dispose(): Promise<void> {
    await this.proxy.close();
    await this.app?.close();
    await this.nc.close();
    await this.nats.dispose();
    await this.db.dispose();
    rmSync(this.clockDir, { recursive: true, force: true });
  }

  command<R>(
    name: string,
    principal: Principal,
    payload: object,
    commandId: string = randomUUID(),
  ): Promise<R> {
    return this.client.send<R>(
      { kind: 'command', service: 'certification', name },
      { envelope: envelope(principal, commandId), payload },
    );
  }

  query<R>(name: string, principal: Principal, payload: object): Promise<R> {
    return this.client.send<R>(
      { kind: 'query', service: 'certification', name },
      { envelope: envelope(principal), payload },
    );
  }

  /** Publishes an event of another service on the bus, the next of its stream, as its relay would. */
  async publish(service: string, streamId: string, type: string, data: object): Promise<IntegrationEvent> {
    const version = (this.versions.get(`${service}/${streamId}`) ?? 0) + 1;
    this.versions.set(`${service}/${streamId}`, version);
    const event: IntegrationEvent = {
      id: randomUUID(),
      type,
      service,
      streamId,
      streamVersion: version,
      recordedAt: new Date().toISOString(),
      hash: 'ab'.repeat(32),
      data: JSON.parse(JSON.stringify(data)),
      metadata: {},
    };
    await this.js.publish(eventSubject(service, type), JSON.stringify(event), { msgID: event.id });
    return event;
  }

  /** The last event of a type this service published on the bus (undefined before any). */
  async lastPublished(type: string): Promise<IntegrationEvent | undefined> {
    const jsm = await jetstreamManager(this.nc);
    const found = await jsm.streams
      .getMessage(EVENTS_STREAM, { last_by_subj: eventSubject('certification', type) })
      .catch(() => null);
    return found?.json<IntegrationEvent>();
  }
}

const envelope = testEnvelope;

// the replies' checks every service fixture shares
export { expectContract, rejection } from '@jineng/testing';
