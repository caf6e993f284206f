// A full event stream refuses new events instead of dropping its oldest ones (ensure-streams.ts): the
// relay keeps them in the service's store and retries, and once the limit is raised every event arrives,
// none twice. The server is the test's own, so the shared stream's limits are never touched.
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventToAppend } from '@jineng/event-store';
import { DedicatedNatsServer, connectTestDatabase, eventually, type TestDatabase } from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '../nats-connection';
import { OutboxRelay } from '../relay/outbox-relay';
import { EVENTS_STREAM } from '../subjects';
import { ensureStreams, eventStreamConfig } from './ensure-streams';

let db: TestDatabase;
let server: DedicatedNatsServer;
let nc: NatsConnection;

beforeAll(async () => {
  db = await connectTestDatabase('stream_limits');
  server = await DedicatedNatsServer.start();
  nc = await connectNats(server.url, 'stream-limits');
});

afterAll(async () => {
  await nc?.close().catch(() => undefined);
  await server?.dispose();
  await db?.dispose();
});

const anEvent = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: 'ThingCounted.v1',
  data: { i, padding: 'x'.repeat(400) },
  metadata: { correlationId: `corr-${i}` },
});

it('has no byte limit unless configured, and never discards old events', () => {
  expect(eventStreamConfig({ replicas: 1, duplicateWindowMs: 1_000 })).toMatchObject({
    max_bytes: -1,
    discard: 'new',
  });
  expect(eventStreamConfig({ replicas: 1, duplicateWindowMs: 1_000, eventsMaxBytes: 1 << 20 })).toMatchObject(
    { max_bytes: 1 << 20, discard: 'new' },
  );
});

it('refuses events past the limit, keeps the first ones, and delivers the rest once it is raised', async () => {
  const settings = { replicas: 1, duplicateWindowMs: 120_000, eventsMaxBytes: 16 * 1024 };
  await ensureStreams(nc, settings);
  const store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
  const errors: unknown[] = [];
  const relay = new OutboxRelay({
    store,
    nc,
    service: 'registry',
    batchSize: 20,
    retryDelayMs: 100,
    publishTimeoutMs: 1_000,
    onError: (error) => errors.push(error),
  });
  const events = Array.from({ length: 100 }, (_, i) => anEvent(i));
  for (let i = 0; i < events.length; i += 10)
    await store.appendToStream(`thing-${randomUUID()}`, events.slice(i, i + 10), {
      expectedVersion: 'no_stream',
    });
  relay.start();

  const jsm = await jetstreamManager(nc);
  const info = async () => (await jsm.streams.info(EVENTS_STREAM)).state;
  // the stream fills up and the relay is refused, again and again
  await eventually(async () => expect(errors.length).toBeGreaterThan(1), { timeoutMs: 15_000 });
  const full = await info();
  expect(full.messages).toBeLessThan(events.length);
  expect(full.bytes).toBeLessThanOrEqual(16 * 1024);
  // nothing was discarded to make room: the stream still starts with the first event
  expect(full.first_seq).toBe(1);
  const first = await jsm.streams.getMessage(EVENTS_STREAM, { seq: 1 });
  expect(first?.header?.get('Nats-Msg-Id')).toBe(events[0]!.id);

  // the operator raises the limit: the relay catches up, every event once
  await ensureStreams(nc, { ...settings, eventsMaxBytes: 1024 * 1024 });
  await eventually(async () => expect((await info()).messages).toBe(events.length), { timeoutMs: 20_000 });
  expect((await info()).first_seq).toBe(1);
  await relay.stop();
});
