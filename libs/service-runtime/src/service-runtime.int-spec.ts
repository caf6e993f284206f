// A tiny service on the runtime: a command over NATS request/reply appends an event; the relay
// publishes it; the service's own consumer projects it — all real PostgreSQL and NATS.
import { randomBytes, randomUUID } from 'node:crypto';
import { defineDomainError, ReceivedDomainError } from '@jineng/ddd';
import type { Migration, PostgresEventStore } from '@jineng/event-store';
import {
  EVENTS_STREAM,
  RpcClient,
  defineLocalReadModel,
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
  testEnvelopeKeys,
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
import { Client, type Pool } from 'pg';
import { createServiceApp } from './create-service-app';
import { createReadModelDataSource } from './database/database-pool';
import { JobTracker } from './jobs/job-tracker';
import { serviceConfigFromEnv } from './service-config';
import { ServiceLifecycle } from './service-lifecycle';
import { EVENT_STORE, PG_POOL, SERVICE_CONFIG } from './service-tokens';
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
  { id: 'notes-002', sql: (S) => `create table ${S}.note_copies (note_id uuid primary key)` },
];

@Module({ controllers: [TakeNoteController] })
class NotesModule implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    // a local read model of the service's own events: applied per stream in version order
    this.lifecycle.readModel(
      defineLocalReadModel({
        name: `${service}-note-copies`,
        from: {
          [service]: {
            'NoteTaken.v1': async (event, tx) => {
              await tx.query(`insert into "${this.config.schema}".note_copies values ($1)`, [
                event.data.noteId,
              ]);
            },
          },
        },
      }),
    );
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
      JINENG_STALL_AFTER_MS: '300',
      JINENG_DB_STATEMENT_TIMEOUT_MS: '1500',
      JINENG_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '700',
      ...envelopeKeyEnv(service),
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
  await jsm.consumers.delete(EVENTS_STREAM, `${service}-note-copies-${service}`).catch(() => undefined);
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
  await eventually(async () => {
    const { rows } = await db.pool.query(`select note_id from "${schema}".note_copies`);
    expect(rows).toEqual([{ note_id: noteId }]);
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
      // the gateway's file: every service's key, which no one service may hold
      { JINENG_ENVELOPE_VERIFY_KEYS_FILE: testEnvelopeKeys().gatewayKeysFile },
    ),
  ).toThrow(new RegExp(`gateway.keys.json: key '[^']+' is for service '[^']+', not '${service}'`));
});

it('is ready when PostgreSQL and NATS answer, and serves metrics', async () => {
  const url = await app.getUrl();
  const ready = await fetch(`${url.replace('[::1]', '127.0.0.1')}/health/ready`);
  expect(ready.status).toBe(200);
  const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
  expect(body.status).toBe('up');
  expect(Object.keys(body.checks).sort()).toEqual(['followers', 'nats', 'postgres']);
  expect(Object.values(body.checks).every((c) => c.status === 'up')).toBe(true);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  expect(metrics).toContain('process_cpu_user_seconds_total');
  expect(metrics).toContain('# HELP jineng_parked_events ');
  expect(metrics).toContain('# HELP jineng_events_parked_total ');
  // the note of the first test went out through the relay and into the projection
  expect(metrics).toMatch(/^jineng_relay_events_published_total\{service="rt-[0-9a-f]+"\} [1-9]/m);
  expect(metrics).toMatch(
    /^jineng_consumer_events_handled_total\{consumer="rt-[0-9a-f]+-notes",service="rt-[0-9a-f]+"\} [1-9]/m,
  );
});

async function readiness(): Promise<{
  status: number;
  body: { checks: Record<string, { status: string; error?: string }> };
}> {
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const response = await fetch(`${url}/health/ready`);
  return { status: response.status, body: (await response.json()) as never };
}

it('is not ready while an open transaction elsewhere holds the relay back, says which, and is ready again when it ends', async () => {
  const holderName = `stall-holder-${randomBytes(3).toString('hex')}`;
  const holder = new Client({ connectionString: db.url, application_name: holderName });
  await holder.connect();
  try {
    await holder.query('begin');
    const { rows } = await holder.query<{ pid: number }>(
      'select pg_backend_pid() as pid, pg_current_xact_id()',
    );
    // a note appended now commits above the holder's transaction: no reader may see it yet
    const { noteId } = await signingRpcClient(proxy).send<{ noteId: string }>(
      { kind: 'command', service, name: 'TakeNote' },
      { envelope: envelope(), payload: { text: '被挡住的事件' } },
    );
    const stalled = await eventually(
      async () => {
        const answer = await readiness();
        expect(answer.status).toBe(503);
        return answer.body.checks.followers;
      },
      { timeoutMs: 10_000 },
    );
    expect(stalled.status).toBe('down');
    expect(stalled.error).toMatch(/^relay: 1 events waiting, not moved for \d+ s; held back by /);
    expect(stalled.error).toContain(`open transaction pid ${rows[0].pid} (application_name '${holderName}'`);
    // NATS and PostgreSQL themselves answer: only the followers are down
    const { body } = await readiness();
    expect(body.checks.postgres.status).toBe('up');
    expect(body.checks.nats.status).toBe('up');

    await holder.query('commit');
    await eventually(async () => expect((await readiness()).status).toBe(200), { timeoutMs: 10_000 });
    await eventually(async () => {
      const { rows: notes } = await db.pool.query(`select text from "${schema}".notes where note_id = $1`, [
        noteId,
      ]);
      expect(notes).toEqual([{ text: '被挡住的事件' }]);
    });
  } finally {
    await holder.end();
  }
});

it('gives every service connection a statement timeout and an idle-in-transaction timeout, the read models too', async () => {
  const pool = app.get<Pool>(PG_POOL);
  const settings = async (on: { query: (sql: string) => Promise<unknown> }) => {
    const result = (await on.query(
      `select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle, current_setting('application_name') as name`,
    )) as { rows?: unknown[] } | unknown[];
    return Array.isArray(result) ? result[0] : result.rows?.[0];
  };
  expect(await settings(pool)).toEqual({ statement: '1500ms', idle: '700ms', name: `jineng-${service}` });
  const dataSource = await createReadModelDataSource(app.get(SERVICE_CONFIG), { entities: [] });
  try {
    expect(await settings(dataSource)).toEqual({
      statement: '1500ms',
      idle: '700ms',
      name: `jineng-${service}`,
    });
  } finally {
    await dataSource.destroy();
  }
  // a statement longer than the timeout is cancelled
  await expect(pool.query('select pg_sleep(3)')).rejects.toMatchObject({ code: '57014' });
  // a transaction left idle is ended with its session
  const client = await pool.connect();
  const errors: unknown[] = [];
  client.on('error', (error) => errors.push(error));
  try {
    await client.query('begin');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await expect(client.query('select 1')).rejects.toThrow();
  } finally {
    client.release(true);
  }
});

it('survives the server ending a connection it holds between two queries, in the pool and the read models', async () => {
  // Unhandled, the connection's 'error' event would end this process (pg-pool drops its own listener
  // when the connection is checked out); the idle-in-transaction timeout (700 ms) ends the sessions.
  const pool = app.get<Pool>(PG_POOL);
  const dataSource = await createReadModelDataSource(app.get(SERVICE_CONFIG), { entities: [] });
  try {
    const client = await pool.connect();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await client.query('begin');
    await runner.startTransaction();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await expect(client.query('select 1')).rejects.toThrow();
    await expect(runner.query('select 1')).rejects.toThrow();
    client.release(true);
    await runner.release().catch(() => undefined);
    // the next work opens new connections
    expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect(await dataSource.query('select 1 as one')).toEqual([{ one: 1 }]);
  } finally {
    await dataSource.destroy();
  }
});

it('runs a long job that reports progress, answers GetJob to whoever started it, and records a failure with its reason', async () => {
  const jobs = app.get(JobTracker);
  const asker = envelope();
  const client = signingRpcClient(proxy);
  const getJob = (jobId: string, as = asker) =>
    client.send<Record<string, unknown>>(
      { kind: 'query', service, name: 'GetJob' },
      { envelope: as, payload: { jobId } },
    );
  const { jobId, created } = await jobs.create({ kind: 'note-export', requestedBy: asker.principal });
  expect(created).toBe(true);
  expect(await jobs.create({ jobId, kind: 'note-export', requestedBy: asker.principal })).toEqual({
    jobId,
    created: false,
  });
  expect(await getJob(jobId)).toMatchObject({ jobId, kind: 'note-export', status: 'queued', done: 0 });

  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  jobs.run(jobId, async (progress) => {
    await progress.report(2, 4);
    await gate;
    return { notes: 4 };
  });
  await eventually(async () =>
    expect(await getJob(jobId)).toMatchObject({ status: 'running', done: 2, total: 4 }),
  );
  // someone else does not see it
  const stranger = { ...envelope(), principal: { ...asker.principal, userId: 'u-2' } };
  const hidden = await getJob(jobId, stranger).catch((e: unknown) => e);
  expect(hidden).toBeInstanceOf(ReceivedDomainError);
  expect((hidden as ReceivedDomainError).code).toBe('JOB.NOT_FOUND');

  release();
  await eventually(async () =>
    expect(await getJob(jobId)).toMatchObject({
      status: 'succeeded',
      done: 4,
      total: 4,
      result: { notes: 4 },
    }),
  );
  expect((await getJob(jobId)).finishedAt).toEqual(expect.any(String));

  const { jobId: failing } = await jobs.create({ kind: 'note-export', requestedBy: asker.principal });
  jobs.run(failing, async () => {
    throw new NoteEmpty({ field: 'text' });
  });
  await eventually(async () =>
    expect(await getJob(failing)).toMatchObject({
      status: 'failed',
      error: {
        code: 'NOTE.EMPTY',
        category: 'validation',
        message: 'text 不能为空',
        messageEn: 'text must not be empty',
      },
    }),
  );
});
