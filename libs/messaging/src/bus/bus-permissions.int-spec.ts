// The bus as a trust boundary, on a dedicated nats-server started from the generated configuration:
// each app's identity can do its own work and nothing of another's (ADR 0002, decision 10).
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@jineng/event-store';
import { TestBus, connectTestDatabase, eventually, type TestDatabase } from '@jineng/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DurableConsumer } from '../consumer/durable-consumer';
import { readDeadLetters } from '../consumer/dead-letter-replay';
import { FileStore, ensureFilesBucket } from '../files/file-store';
import type { IntegrationEvent } from '../integration-event';
import { migrateConsumerTables } from '../messaging.migrations';
import { EventPreemptedError, OutboxRelay } from '../relay/outbox-relay';
import { LocalReadModelConsumer, defineLocalReadModel } from '../read-model/local-read-model';
import { DEAD_LETTER_STREAM, EVENTS_STREAM, deadLetterSubject, eventFilter, eventSubject } from '../subjects';
import { OPERATOR, type BusApp } from './bus-identity';

const APPS: readonly BusApp[] = [
  { name: 'gateway', kind: 'gateway', readsFilesOf: ['registry'] },
  { name: 'registry', kind: 'service', files: true },
  {
    name: 'subsidy',
    kind: 'service',
    consumers: ['subsidy-registry-workers'],
    readModels: { 'subsidy-institutions': ['registry'] },
  },
  OPERATOR,
];

let bus: TestBus;
let db: TestDatabase;
const connections: NatsConnection[] = [];

// a short duplicate window: a pre-empted event gets through soon after it (the last test)
const DUPLICATE_WINDOW_MS = 1_500;

beforeAll(async () => {
  bus = await TestBus.start(APPS, { duplicateWindowMs: DUPLICATE_WINDOW_MS });
  db = await connectTestDatabase('bus_permissions');
});
afterAll(async () => {
  for (const nc of connections) await nc.close().catch(() => undefined);
  await bus?.dispose();
  await db?.dispose();
});

async function as(app: string): Promise<NatsConnection> {
  const nc = await bus.connect(app);
  connections.push(nc);
  return nc;
}

const violation = /Permissions Violation/;

/** A subscription the server refuses is closed with the permission error. */
async function subscriptionRefusal(nc: NatsConnection, subject: string, queue?: string): Promise<string> {
  const sub = nc.subscribe(subject, { ...(queue ? { queue } : {}), callback: () => undefined });
  const closed = await sub.closed;
  return closed instanceof Error ? closed.message : 'not refused';
}

let provisioner: NatsConnection | undefined;
async function storedOn(subject: string): Promise<number> {
  provisioner ??= await as('provisioner');
  const jsm = await jetstreamManager(provisioner, { checkAPI: false });
  const info = await jsm.streams.info(EVENTS_STREAM, { subjects_filter: subject });
  return Object.values(info.state.subjects ?? {}).reduce((n, count) => n + count, 0);
}

it('refuses a connection without an identity', async () => {
  await expect(connect({ servers: bus.url, reconnect: false, timeout: 2_000 })).rejects.toThrow(
    /Authorization/i,
  );
});

it('lets the gateway send a command that the service answers in its queue group', async () => {
  const registry = await as('registry');
  registry.subscribe('jineng.cmd.registry.Ping', {
    queue: 'registry',
    callback: (error, msg) => {
      if (!error) msg.respond(JSON.stringify({ pong: msg.string() }));
    },
  });
  await registry.flush();
  const gateway = await as('gateway');
  const reply = await gateway.request('jineng.cmd.registry.Ping', '你好', { timeout: 5_000 });
  expect(reply.json()).toEqual({ pong: '你好' });
  // and only the gateway sends: a service cannot command another one
  const subsidy = await as('subsidy');
  await expect(subsidy.request('jineng.cmd.registry.Ping', 'x', { timeout: 2_000 })).rejects.toThrow(
    violation,
  );
});

it("refuses the registry another service's events, the commands it does not answer, and others' replies", async () => {
  const registry = await as('registry');
  const js = jetstream(registry);
  const own = await js.publish('jineng.evt.registry.WorkerRegistered.v1', '{}', { msgID: randomUUID() });
  expect(own.stream).toBe(EVENTS_STREAM);

  await expect(js.publish('jineng.evt.subsidy.PolicyVersionPublished.v1', '{}')).rejects.toThrow(violation);
  expect(await storedOn('jineng.evt.subsidy.>')).toBe(0);
  await expect(js.publish(deadLetterSubject('subsidy-registry-workers'), '{}')).rejects.toThrow(violation);

  expect(await subscriptionRefusal(registry, 'jineng.cmd.>')).toMatch(violation);
  expect(await subscriptionRefusal(registry, 'jineng.cmd.subsidy.>', 'subsidy')).toMatch(violation);
  // its own commands only in its queue group, so that every replica shares them
  expect(await subscriptionRefusal(registry, 'jineng.cmd.registry.RevealWorkerPersonalData')).toMatch(
    violation,
  );
  expect(await subscriptionRefusal(registry, '_INBOX_gateway.>')).toMatch(violation);
  expect(await subscriptionRefusal(registry, 'jineng.evt.>')).toMatch(violation);
});

it('refuses every app but the provisioner to delete, purge or reconfigure the streams', async () => {
  for (const app of ['registry', 'subsidy', 'gateway', 'ops']) {
    const jsm = await jetstreamManager(await as(app), { checkAPI: false });
    await expect(jsm.streams.delete(EVENTS_STREAM)).rejects.toThrow(violation);
    await expect(jsm.streams.purge(EVENTS_STREAM)).rejects.toThrow(violation);
    await expect(jsm.streams.update(DEAD_LETTER_STREAM, { max_age: 1_000_000_000 })).rejects.toThrow(
      violation,
    );
    await expect(
      jsm.streams.add({ name: `SHADOW_${app.toUpperCase()}`, subjects: ['jineng.shadow.>'] }),
    ).rejects.toThrow(violation);
  }
  const provisioner = await jetstreamManager(await as('provisioner'));
  expect((await provisioner.streams.info(EVENTS_STREAM)).config.subjects).toEqual(['jineng.evt.>']);
});

it("refuses a service a durable consumer that is not one of its own, and the others' consumers", async () => {
  const registry = await jetstreamManager(await as('registry'));
  const config = { ack_policy: 'explicit' as never, filter_subject: eventFilter('subsidy') };
  await expect(
    registry.consumers.add(EVENTS_STREAM, { ...config, durable_name: 'subsidy-registry-workers' }),
  ).rejects.toThrow(violation);
  // not declared in its description either
  await expect(
    registry.consumers.add(EVENTS_STREAM, { ...config, durable_name: 'registry-anything' }),
  ).rejects.toThrow(violation);
  await expect(registry.consumers.delete(EVENTS_STREAM, 'subsidy-registry-workers')).rejects.toThrow(
    violation,
  );
});

it("carries a service's events from its relay to another service's consumer, and parks a poison event", async () => {
  const schema = await db.freshSchema();
  const effects = await db.freshSchema();
  await migrateConsumerTables(db.pool, effects);
  await db.pool.query(`create table "${effects}".effects (event_id uuid primary key)`);
  const store = await PostgresEventStore.create({ pool: db.pool, schema });
  const relay = new OutboxRelay({ store, nc: await as('registry'), service: 'registry', pollIntervalMs: 20 });
  const parked: string[] = [];
  const consumer = new DurableConsumer({
    nc: await as('subsidy'),
    pool: db.pool,
    schema: effects,
    name: 'subsidy-registry-workers',
    filterSubjects: [eventFilter('registry', 'WorkerRegistered')],
    maxAttempts: 1,
    onDeadLetter: (letter) => parked.push((letter.event as { id: string }).id),
    handle: async (event, tx) => {
      if (event.data.poison) throw new Error('cannot handle this one');
      await tx.query(`insert into "${effects}".effects values ($1)`, [event.id]);
    },
  });
  relay.start();
  await consumer.start();
  try {
    const good = randomUUID();
    const poison = randomUUID();
    await store.appendToStream(
      'worker-1',
      [
        { id: good, type: 'WorkerRegistered.v1', data: {}, metadata: { correlationId: 'c-1' } },
        {
          id: poison,
          type: 'WorkerRegistered.v1',
          data: { poison: true },
          metadata: { correlationId: 'c-2' },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    await eventually(async () => {
      const { rows } = await db.pool.query(`select event_id from "${effects}".effects`);
      expect(rows).toEqual([{ event_id: good }]);
      expect(parked).toEqual([poison]);
    });
  } finally {
    await consumer.stop();
    await relay.stop();
  }
});

it("does not let a service swallow another one's event by publishing its id first", async () => {
  const store = await PostgresEventStore.create({ pool: db.pool, schema: await db.freshSchema() });
  const eventId = randomUUID(); // ids derive from command ids: an attacker may know one in advance
  const subsidy = jetstream(await as('subsidy'));
  await subsidy.publish('jineng.evt.subsidy.Decoy.v1', '{}', { msgID: eventId });
  const errors: unknown[] = [];
  const relay = new OutboxRelay({
    store,
    nc: await as('registry'),
    service: 'registry',
    pollIntervalMs: 20,
    retryDelayMs: 200,
    onError: (error) => errors.push(error),
  });
  await store.appendToStream(
    'worker-2',
    [{ id: eventId, type: 'WorkerRegistered.v1', data: {}, metadata: { correlationId: 'c-3' } }],
    { expectedVersion: 'no_stream' },
  );
  const subject = 'jineng.evt.registry.WorkerRegistered.v1';
  const before = await storedOn(subject);
  relay.start();
  try {
    await eventually(
      async () => {
        expect(await storedOn(subject)).toBe(before + 1);
      },
      { timeoutMs: 15_000 },
    );
  } finally {
    await relay.stop();
  }
  expect(errors[0]).toBeInstanceOf(EventPreemptedError);
  expect(errors[0]).toMatchObject({ eventId, storedSubject: 'jineng.evt.subsidy.Decoy.v1' });
  const provisioner = await jetstreamManager(await as('provisioner'));
  const stored = await provisioner.streams.getMessage(EVENTS_STREAM, { last_by_subj: subject });
  expect(stored?.header.get('Nats-Msg-Id')).toBe(eventId);
});

it("runs a service's local read model under its identity, on the consumers its declaration gives it", async () => {
  const schema = await db.freshSchema();
  await migrateConsumerTables(db.pool, schema);
  await db.pool.query(`create table "${schema}".institutions (institution_id text primary key)`);
  const subsidy = await as('subsidy');
  const readModel = (name: string) =>
    new LocalReadModelConsumer({
      definition: defineLocalReadModel({
        name,
        from: {
          registry: {
            'InstitutionListed.v1': async (event, tx) => {
              await tx.query(`insert into "${schema}".institutions values ($1)`, [event.data.institutionId]);
            },
          },
        },
      }),
      nc: subsidy,
      pool: db.pool,
      schema,
      pollMs: 50,
    });
  const declared = readModel('subsidy-institutions');
  await declared.start();
  try {
    const event: IntegrationEvent = {
      id: randomUUID(),
      type: 'InstitutionListed.v1',
      service: 'registry',
      streamId: 'institution-9',
      streamVersion: 1,
      recordedAt: new Date().toISOString(),
      hash: 'ab'.repeat(32),
      data: { institutionId: 'institution-9' },
      metadata: {},
    };
    await jetstream(await as('registry')).publish(
      eventSubject('registry', event.type),
      JSON.stringify(event),
      {
        msgID: event.id,
      },
    );
    await eventually(async () => {
      const { rows } = await db.pool.query(`select institution_id from "${schema}".institutions`);
      expect(rows).toEqual([{ institution_id: 'institution-9' }]);
    });
  } finally {
    await declared.stop();
  }
  // a read model nest-cli.json does not declare has no consumer the identity may make
  await expect(readModel('subsidy-undeclared').start()).rejects.toThrow(violation);
});

it("lets the registry write its files bucket and the gateway read it, and nobody else's or otherwise", async () => {
  // more than one flow-control window of chunks (128 KiB each): the gateway answers flow control
  const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251);
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += 100_000) yield bytes.subarray(at, at + 100_000);
  }
  const registry = await as('registry');
  const file = await new FileStore(registry, 'registry').put({
    fileName: '劳动者名单.xlsx',
    contentType: 'application/octet-stream',
    bytes: chunks(),
  });
  expect(file.size).toBe(bytes.length);

  const { data, verified } = await new FileStore(await as('gateway'), 'registry').read(file.fileId);
  const received: Uint8Array[] = [];
  for await (const chunk of data) received.push(chunk);
  await verified;
  expect(Buffer.concat(received).equals(Buffer.from(bytes))).toBe(true);

  // another service can neither read nor write the registry's files, the gateway cannot write them,
  // and no service makes a bucket: the provisioner does
  const subsidy = await as('subsidy');
  await expect(new FileStore(subsidy, 'registry').read(file.fileId)).rejects.toThrow(violation);
  const one = async function* () {
    yield new Uint8Array([1]);
  };
  await expect(
    new FileStore(subsidy, 'registry').put({ fileName: 'x', contentType: 'text/plain', bytes: one() }),
  ).rejects.toThrow(violation);
  await expect(
    new FileStore(await as('gateway'), 'registry').put({
      fileName: 'x',
      contentType: 'text/plain',
      bytes: one(),
    }),
  ).rejects.toThrow(violation);
  await expect(ensureFilesBucket(subsidy, 'subsidy', { replicas: 1 })).rejects.toThrow(violation);
  await expect(ensureFilesBucket(registry, 'registry-shadow', { replicas: 1 })).rejects.toThrow(violation);
});

it('lets the operator read the dead letters, and nothing of the events or the consumers', async () => {
  const ops = await as('ops');
  // the poison event of the relay test above was dead-lettered by subsidy's consumer
  const letters = await readDeadLetters(ops, 'subsidy-registry-workers');
  expect(letters.length).toBeGreaterThanOrEqual(1);
  expect(letters[0].letter.consumer).toBe('subsidy-registry-workers');
  const jsm = await jetstreamManager(ops);
  await expect(jsm.streams.getMessage(EVENTS_STREAM, { seq: 1 })).rejects.toThrow(violation);
  await expect(
    jsm.consumers.add(EVENTS_STREAM, { durable_name: 'ops-anything', ack_policy: 'explicit' as never }),
  ).rejects.toThrow(violation);
  await expect(jetstream(ops).publish('jineng.evt.registry.WorkerRegistered.v1', '{}')).rejects.toThrow(
    violation,
  );
  expect(await subscriptionRefusal(ops, 'jineng.evt.>')).toMatch(violation);
});
