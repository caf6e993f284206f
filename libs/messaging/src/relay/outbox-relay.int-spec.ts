import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { CheckpointStore, PostgresEventStore, type EventToAppend } from '@jineng/event-store';
import {
  connectTestDatabase,
  connectTestNats,
  eventually,
  natsUrl,
  purgeSubjects,
  type TestDatabase,
} from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DurableConsumer } from '../consumer/durable-consumer';
import { migrateConsumerTables } from '../messaging.migrations';
import type { IntegrationEvent } from '../integration-event';
import { ensureStreams } from '../jetstream/ensure-streams';
import { EVENTS_STREAM, eventFilter } from '../subjects';
import { OutboxRelay, type PublishedBatch } from './outbox-relay';

const repoRoot = path.resolve(__dirname, '../../../..');
let db: TestDatabase;
let nc: NatsConnection;
const services: string[] = [];
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await connectTestDatabase('outbox_relay');
  nc = await connectTestNats();
  await ensureStreams(nc, { replicas: 1, duplicateWindowMs: 120_000 });
});

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

afterAll(async () => {
  const jsm = await jetstreamManager(nc);
  for (const info of await jsm.consumers.list(EVENTS_STREAM).next()) {
    if (services.some((s) => info.name.startsWith(`${s}-`)))
      await jsm.consumers.delete(EVENTS_STREAM, info.name);
  }
  for (const s of services) await purgeSubjects(nc, EVENTS_STREAM, eventFilter(s));
  await nc.close();
  await db.dispose();
});

/** A service of its own per test: its own store schema, subjects and consumer. */
async function aService(): Promise<{ service: string; store: PostgresEventStore; schema: string }> {
  const service = `t${randomBytes(4).toString('hex')}`;
  services.push(service);
  const schema = await db.freshSchema();
  return { service, schema, store: await PostgresEventStore.create({ pool: db.pool, schema }) };
}

const anEvent = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: i % 2 === 0 ? 'ThingOpened.v1' : 'ThingClosed.v2',
  data: { i },
  metadata: { correlationId: `corr-${i}`, actor: { userId: 'u-1', roles: ['admin'] } },
});

async function appendMany(
  store: PostgresEventStore,
  total: number,
  perStream = 100,
): Promise<EventToAppend[]> {
  const all: EventToAppend[] = [];
  for (let offset = 0; offset < total; offset += perStream) {
    const batch = Array.from({ length: Math.min(perStream, total - offset) }, (_, i) => anEvent(offset + i));
    await store.appendToStream(`thing-${randomUUID()}`, batch, { expectedVersion: 'no_stream' });
    all.push(...batch);
  }
  return all;
}

/** A consumer in "another service" whose effect is one row per event, written with the inbox. */
async function effectsConsumer(service: string, schema: string): Promise<() => Promise<Map<string, number>>> {
  const effectSchema = await db.freshSchema();
  await migrateConsumerTables(db.pool, effectSchema);
  await db.pool.query(`create table "${effectSchema}".effects (event_id uuid not null, type text not null)`);
  const consumer = new DurableConsumer({
    nc,
    pool: db.pool,
    schema: effectSchema,
    name: `${service}-effects`,
    filterSubjects: [eventFilter(service)],
    handle: async (event: IntegrationEvent, tx) => {
      await tx.query(`insert into "${effectSchema}".effects (event_id, type) values ($1, $2)`, [
        event.id,
        event.type,
      ]);
    },
  });
  await consumer.start();
  stops.push(() => consumer.stop());
  void schema;
  return async () => {
    const { rows } = await db.pool.query<{ event_id: string; n: number }>(
      `select event_id, count(*)::int as n from "${effectSchema}".effects group by event_id`,
    );
    return new Map(rows.map((r) => [r.event_id, r.n]));
  };
}

async function storedInJetStream(service: string): Promise<number> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(EVENTS_STREAM, { subjects_filter: eventFilter(service) });
  return Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
}

it('publishes each event on jineng.evt.<service>.<Name>.v<N> with its id as Nats-Msg-Id, then checkpoints', async () => {
  const { service, store, schema } = await aService();
  const appended = await appendMany(store, 30, 10);
  const batches: PublishedBatch[] = [];
  const relay = new OutboxRelay({
    store,
    nc,
    service,
    batchSize: 8,
    onBatchPublished: (b) => batches.push(b),
  });
  relay.start();
  stops.push(() => relay.stop());

  await eventually(async () => expect(await storedInJetStream(service)).toBe(30));
  const jsm = await jetstreamManager(nc);
  const first = await jsm.streams.getMessage(EVENTS_STREAM, {
    last_by_subj: `jineng.evt.${service}.ThingClosed.v2`,
  });
  const body = first!.json<IntegrationEvent>();
  const original = appended.find((e) => e.id === body.id)!;
  expect(original.type).toBe('ThingClosed.v2');
  expect(first!.header.get('Nats-Msg-Id')).toBe(body.id);
  expect(first!.header.get('Jineng-Event-Type')).toBe('ThingClosed.v2');
  expect(first!.header.get('Jineng-Correlation-Id')).toBe(original.metadata.correlationId);
  expect(body).toMatchObject({
    type: 'ThingClosed.v2',
    service,
    data: original.data,
    metadata: original.metadata,
    streamVersion: expect.any(Number),
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
  });

  await eventually(() => expect(batches.reduce((n, b) => n + b.events, 0)).toBe(30));
  const checkpoint = await new CheckpointStore(db.pool, schema).load(`outbox-relay:${service}`);
  expect(checkpoint).toEqual(batches[batches.length - 1].position);
  expect(batches.every((b) => b.events <= 8 && b.duplicates === 0)).toBe(true);
});

it('a relay killed in the middle of a batch and restarted loses nothing, and the consumer sees each event once', async () => {
  const { service, store, schema } = await aService();
  const total = 20_000;
  const batchSize = 5_000;
  const appended = await appendMany(store, total, 500);
  const effects = await effectsConsumer(service, schema);

  const child = spawn(
    process.execPath,
    ['-r', './scripts/ts-register.cjs', 'libs/messaging/src/relay/relay-process.fixture.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        SCHEMA: schema,
        NATS_URL: natsUrl(),
        SERVICE: service,
        BATCH_SIZE: String(batchSize),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  // kill it as soon as part of the first batch is acknowledged
  await eventually(async () => expect(await storedInJetStream(service)).toBeGreaterThan(0), {
    timeoutMs: 30_000,
    intervalMs: 2,
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(stderr).toBe('');

  const inJetStream = await storedInJetStream(service);
  const checkpoint = await new CheckpointStore(db.pool, schema).load(`outbox-relay:${service}`);
  const { events: checkpointed } = await store.readAll({ transactionId: 0n, position: 0n }, total);
  const behindCheckpoint = checkpointed.filter(
    (e) =>
      e.transactionId < checkpoint.transactionId ||
      (e.transactionId === checkpoint.transactionId && e.position <= checkpoint.position),
  ).length;
  // the crash left published events beyond the checkpoint: they will be sent again
  expect(inJetStream).toBeLessThan(total);
  expect(inJetStream).toBeGreaterThan(behindCheckpoint);

  const batches: PublishedBatch[] = [];
  const relay = new OutboxRelay({ store, nc, service, batchSize, onBatchPublished: (b) => batches.push(b) });
  relay.start();
  stops.push(() => relay.stop());

  await eventually(async () => expect((await effects()).size).toBe(total), { timeoutMs: 60_000 });
  const seen = await effects();
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  expect(new Set(seen.keys())).toEqual(new Set(appended.map((e) => e.id)));
  expect(await storedInJetStream(service)).toBe(total);
  // the re-sent part of the interrupted batch was recognised by JetStream, not stored twice
  expect(batches.reduce((n, b) => n + b.duplicates, 0)).toBe(inJetStream - behindCheckpoint);
});

it('of two relays on one store, one publishes and the other stands by until the first stops', async () => {
  const { service, store } = await aService();
  const counts = { a: 0, b: 0 };
  const relayA = new OutboxRelay({
    store,
    nc,
    service,
    retryDelayMs: 100,
    onBatchPublished: (b) => (counts.a += b.events),
  });
  relayA.start();
  await appendMany(store, 50, 10);
  await eventually(() => expect(counts.a).toBe(50));
  const relayB = new OutboxRelay({
    store,
    nc,
    service,
    retryDelayMs: 100,
    onBatchPublished: (b) => (counts.b += b.events),
  });
  relayB.start();
  stops.push(() => relayB.stop());
  await appendMany(store, 50, 10);
  await eventually(() => expect(counts.a).toBe(100));
  expect(counts.b).toBe(0);

  await relayA.stop();
  await appendMany(store, 50, 10);
  await eventually(() => expect(counts.b).toBe(50));
  expect(await storedInJetStream(service)).toBe(150);
});
