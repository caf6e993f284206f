// A tiny service on the runtime: a command over NATS request/reply appends an event; the relay
// publishes it; the service's own consumer projects it — all real PostgreSQL and NATS.
import { randomBytes, randomUUID } from 'node:crypto';
import { defineDomainError, ReceivedDomainError } from '@jineng/ddd';
import type { Migration, PostgresEventStore } from '@jineng/event-store';
import {
  EVENTS_STREAM,
  RpcClient,
  eventFilter,
  parseRpcRequest,
  rpcSubject,
  type Envelope,
} from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import {
  connectTestDatabase,
  connectTestNats,
  envelopeKeyEnv,
  eventually,
  natsUrl,
  purgeSubjects,
  signingRpcClient,
  type TestDatabase,
} from '@jineng/testing';
import { Controller, Inject, Module, type INestApplication, type OnModuleInit } from '@nestjs/common';
import {
  ClientProxyFactory,
  MessagePattern,
  Payload,
  Transport,
  type ClientProxy,
} from '@nestjs/microservices';
import { jetstreamManager } from '@nats-io/jetstream';
import { createServiceApp } from './create-service-app';
import { serviceConfigFromEnv } from './service-config';
import { ServiceLifecycle } from './service-lifecycle';
import { EVENT_STORE, SERVICE_CONFIG } from './service-tokens';
import type { ServiceConfig } from './service-config';

const service = `rt-${randomBytes(3).toString('hex')}`;

class NoteEmpty extends defineDomainError<{ field: string }>({
  code: 'NOTE.EMPTY',
  category: 'validation',
  zh: (d) => `${d.field} 不能为空`,
  en: (d) => `${d.field} must not be empty`,
}) {}

@Controller()
class TakeNoteController {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  @MessagePattern(rpcSubject({ kind: 'command', service, name: 'TakeNote' }))
  async take(@Payload() data: unknown): Promise<{ noteId: string }> {
    const { envelope, payload } = parseRpcRequest<{ text: string }>(data);
    if (!payload.text) throw new NoteEmpty({ field: 'text' });
    const noteId = randomUUID();
    await this.store.appendToStream(
      `note-${noteId}`,
      [
        {
          id: randomUUID(),
          type: 'NoteTaken.v1',
          data: { noteId, text: payload.text },
          metadata: { correlationId: envelope.correlationId },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    return { noteId };
  }
}

const notesMigrations: readonly Migration[] = [
  { id: 'notes-001', sql: (S) => `create table ${S}.notes (note_id uuid primary key, text text)` },
];

@Module({ controllers: [TakeNoteController] })
class NotesModule implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: `${service}-notes`,
      filterSubjects: [eventFilter(service)],
      handle: async (event, tx) => {
        await tx.query(`insert into "${this.config.schema}".notes values ($1, $2)`, [
          event.data.noteId,
          event.data.text,
        ]);
      },
    });
  }
}

let db: TestDatabase;
let app: INestApplication;
let proxy: ClientProxy;
let schema: string;
let runtimeRole: { name: string; url: string };

beforeAll(async () => {
  db = await connectTestDatabase('service_runtime');
  schema = await db.freshSchema();
  runtimeRole = db.runtimeRole();
  const config = serviceConfigFromEnv(
    service,
    { port: 0 },
    {
      // as its own role: the migrator (the test's superuser) applies the notes table and grants it
      DATABASE_URL: runtimeRole.url,
      JINENG_MIGRATOR_DATABASE_URL: db.url,
      NATS_URL: natsUrl(),
      JINENG_SCHEMA: schema,
      LOG_LEVEL: 'error',
      ...envelopeKeyEnv(),
    },
  );
  app = await createServiceApp(NotesModule, config, new JsonLogger({ service, level: 'error' }), {
    migrations: notesMigrations,
  });
  await app.listen(0, '127.0.0.1');
  proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [natsUrl()] } });
  await proxy.connect();
});

afterAll(async () => {
  await proxy?.close();
  await app?.close();
  const nc = await connectTestNats();
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.delete(EVENTS_STREAM, `${service}-notes`).catch(() => undefined);
  await purgeSubjects(nc, EVENTS_STREAM, eventFilter(service));
  await nc.close();
  await db.dispose();
});

const envelope = (): Envelope => ({
  principal: { userId: 'u-1', roles: ['admin'], jurisdiction: '140000' },
  correlationId: randomUUID(),
  commandId: randomUUID(),
  sentAt: new Date().toISOString(),
});

it('answers a command over NATS, and its event comes back through the relay into a projection', async () => {
  const client = signingRpcClient(proxy);
  const { noteId } = await client.send<{ noteId: string }>(
    { kind: 'command', service, name: 'TakeNote' },
    { envelope: envelope(), payload: { text: '开班前三个工作日申请' } },
  );
  await eventually(async () => {
    const { rows } = await db.pool.query(`select text from "${schema}".notes where note_id = $1`, [noteId]);
    expect(rows).toEqual([{ text: '开班前三个工作日申请' }]);
  });
});

it('turns a domain error into the same error at the caller', async () => {
  const error = await signingRpcClient(proxy)
    .send({ kind: 'command', service, name: 'TakeNote' }, { envelope: envelope(), payload: { text: '' } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReceivedDomainError);
  expect((error as ReceivedDomainError).code).toBe('NOTE.EMPTY');
});

it('refuses a request the gateway did not sign before any handler runs (the runtime installs the guard)', async () => {
  const error = await new RpcClient(proxy)
    .send(
      { kind: 'command', service, name: 'TakeNote' },
      { envelope: envelope(), payload: { text: '未签名' } },
    )
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReceivedDomainError);
  expect((error as ReceivedDomainError).toJSON()).toMatchObject({
    code: 'MESSAGING.UNTRUSTED_REQUEST',
    category: 'forbidden',
    details: { reason: 'unsigned', subject: `jineng.cmd.${service}.TakeNote` },
  });
  const { rows } = await db.pool.query(
    `select count(*)::int as n from "${schema}".notes where text = '未签名'`,
  );
  expect(rows[0].n).toBe(0);
  expect(
    (await db.pool.query(`select count(*)::int as n from "${schema}".events where data->>'text' = '未签名'`))
      .rows[0].n,
  ).toBe(0);
});

it('does not start without the keys to verify requests with', () => {
  expect(() =>
    serviceConfigFromEnv(
      service,
      { port: 0 },
      { DATABASE_URL: db.url, NATS_URL: natsUrl(), JINENG_SCHEMA: schema },
    ),
  ).toThrow(/JINENG_ENVELOPE_VERIFY_KEYS_FILE is required/);
  expect(() =>
    serviceConfigFromEnv(
      service,
      { port: 0 },
      { JINENG_ENVELOPE_VERIFY_KEYS_FILE: envelopeKeyEnv().JINENG_ENVELOPE_SIGNING_KEY_FILE },
    ),
  ).toThrow(/envelope-signing-key.jwk.json: expected a JWK Set/);
});

it('is ready when PostgreSQL and NATS answer, and serves metrics', async () => {
  const url = await app.getUrl();
  const ready = await fetch(`${url.replace('[::1]', '127.0.0.1')}/health/ready`);
  expect(ready.status).toBe(200);
  const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
  expect(body.status).toBe('up');
  expect(Object.keys(body.checks).sort()).toEqual(['nats', 'postgres']);
  expect(Object.values(body.checks).every((c) => c.status === 'up')).toBe(true);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  expect(metrics).toContain('process_cpu_user_seconds_total');
  // the note of the first test went out through the relay and into the projection
  expect(metrics).toMatch(/^jineng_relay_events_published_total\{service="rt-[0-9a-f]+"\} [1-9]/m);
  expect(metrics).toMatch(
    /^jineng_consumer_events_handled_total\{consumer="rt-[0-9a-f]+-notes",service="rt-[0-9a-f]+"\} [1-9]/m,
  );
});
