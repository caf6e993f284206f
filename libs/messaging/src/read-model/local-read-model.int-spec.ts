// Local read models on the real NATS and PostgreSQL: each stream's events applied in version order
// whatever the delivery order, a failing event holding back only its own stream, parking and replay,
// restarts and redeliveries without a lost or repeated effect.
import { randomBytes, randomUUID } from 'node:crypto';
import { ParkedEvents } from '@jineng/event-store';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  connectTestDatabase,
  connectTestNats,
  eventually,
  purgeSubjects,
  type TestDatabase,
} from '@jineng/testing';
import type { IntegrationEvent } from '../integration-event';
import { ensureStreams } from '../jetstream/ensure-streams';
import { migrateConsumerTables } from '../messaging.migrations';
import { EVENTS_STREAM, eventFilter, eventSubject } from '../subjects';
import {
  LocalReadModelConsumer,
  defineLocalReadModel,
  type LocalReadModelHandler,
  type ReadModelParkedNotice,
} from './local-read-model';

let db: TestDatabase;
let nc: NatsConnection;
let js: JetStreamClient;
let source = '';
const sources: string[] = [];
const running: LocalReadModelConsumer[] = [];

beforeAll(async () => {
  db = await connectTestDatabase('local_read_model');
  nc = await connectTestNats();
  await ensureStreams(nc, { replicas: 1, duplicateWindowMs: 120_000 });
  js = jetstream(nc);
  await migrateConsumerTables(db.pool, db.schema);
  await db.pool.query(
    `create table "${db.schema}".applied (seq serial, read_model text, stream_id text, version int, type text)`,
  );
});
beforeEach(() => {
  source = `s${randomBytes(4).toString('hex')}`;
  sources.push(source);
});
afterEach(async () => {
  for (const consumer of running.splice(0)) await consumer.stop();
});
afterAll(async () => {
  const jsm = await jetstreamManager(nc);
  for (const info of await jsm.consumers.list(EVENTS_STREAM).next())
    if (sources.some((s) => info.name.endsWith(`-${s}`)))
      await jsm.consumers.delete(EVENTS_STREAM, info.name);
  for (const s of sources) await purgeSubjects(nc, EVENTS_STREAM, eventFilter(s));
  await nc.close();
  await db.dispose();
});

function eventOf(streamId: string, version: number, type = 'ThingChanged.v1'): IntegrationEvent {
  return {
    id: randomUUID(),
    type,
    service: source,
    streamId,
    streamVersion: version,
    recordedAt: new Date().toISOString(),
    hash: 'ab'.repeat(32),
    data: { version },
    metadata: {},
  };
}

/** A stream's events, versions 1..n (the types given by index, else ThingChanged.v1). */
const streamOf = (streamId: string, n: number, types: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => eventOf(streamId, i + 1, types[i + 1]));

async function publish(event: IntegrationEvent, msgID = event.id): Promise<void> {
  await js.publish(eventSubject(source, event.type), JSON.stringify(event), { msgID });
}

const record =
  (readModel: string): LocalReadModelHandler =>
  async (event, tx) => {
    await tx.query(
      `insert into "${db.schema}".applied (read_model, stream_id, version, type) values ($1, $2, $3, $4)`,
      [readModel, event.streamId, event.streamVersion, event.type],
    );
  };

async function applied(readModel: string): Promise<Record<string, number[]>> {
  const { rows } = await db.pool.query<{ stream_id: string; version: number }>(
    `select stream_id, version from "${db.schema}".applied where read_model = $1 order by seq`,
    [readModel],
  );
  const byStream: Record<string, number[]> = {};
  for (const row of rows) (byStream[row.stream_id] ??= []).push(row.version);
  return byStream;
}

async function lastVersions(readModel: string): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ stream_id: string; last_version: string }>(
    `select stream_id, last_version from "${db.schema}".read_model_streams where read_model = $1`,
    [readModel],
  );
  return Object.fromEntries(rows.map((r) => [r.stream_id, Number(r.last_version)]));
}

function readModel(
  purpose: string,
  handlers: Record<string, LocalReadModelHandler>,
  extra: Partial<ConstructorParameters<typeof LocalReadModelConsumer>[0]> = {},
): LocalReadModelConsumer {
  const consumer = new LocalReadModelConsumer({
    definition: defineLocalReadModel({ name: `rm-${purpose}`, from: { [source]: handlers } }),
    nc,
    pool: db.pool,
    schema: db.schema,
    pollMs: 30,
    retryDelaysMs: [30],
    ...extra,
  });
  running.push(consumer);
  return consumer;
}

it('applies each stream in version order whatever the delivery order, skipping unused types but counting them', async () => {
  const name = `rm-order-${source}`;
  const model = readModel(`order-${source}`, {
    'ThingChanged.v1': record(name),
    'ThingRenamed.v1': record(name),
  });
  await model.start();
  const a = streamOf('a', 5, { 3: 'ThingIgnored.v1' });
  const b = streamOf('b', 3, { 2: 'ThingRenamed.v1' });
  // a arrives 4, 5, 2, 3 before its 1; b in order, interleaved
  for (const event of [a[3], b[0], a[4], a[1], b[1], a[2]]) await publish(event);
  await eventually(async () => expect(await applied(name)).toEqual({ b: [1, 2] }));
  // a waits for its version 1: nothing of it is applied, its early events are pending
  const { rows } = await db.pool.query(
    `select version from "${db.schema}".read_model_pending where read_model = $1 and stream_id = 'a' order by version`,
    [name],
  );
  expect(rows.map((r) => Number(r.version))).toEqual([2, 3, 4, 5]);
  await publish(a[0]);
  await publish(b[2]);
  // version 3 is a type the read model does not use: skipped, and 4 follows it
  await eventually(async () => expect(await applied(name)).toEqual({ b: [1, 2, 3], a: [1, 2, 4, 5] }));
  expect(await lastVersions(name)).toEqual({ a: 5, b: 3 });
  const { rows: left } = await db.pool.query(
    `select 1 from "${db.schema}".read_model_pending where read_model = $1`,
    [name],
  );
  expect(left).toHaveLength(0);
});

it('a failing event holds back the rest of its stream only; it is parked after its last attempt and replayed in order', async () => {
  const name = `rm-poison-${source}`;
  const a = streamOf('a', 4);
  const b = streamOf('b', 3);
  let broken = true;
  const attempts: number[] = [];
  const parked: ReadModelParkedNotice[] = [];
  const model = readModel(
    `poison-${source}`,
    {
      'ThingChanged.v1': async (event, tx) => {
        await record(name)(event, tx); // written, then rolled back with the failure
        if (event.id === a[1].id) {
          attempts.push(Date.now());
          if (broken) throw new Error('cannot apply a@2');
        }
      },
    },
    { maxAttempts: 3, onParked: (notice) => parked.push(notice) },
  );
  await model.start();
  for (const event of [a[0], a[1], b[0], a[2], b[1], a[3], b[2]]) await publish(event);

  await eventually(() => expect(parked).toHaveLength(1));
  expect(parked[0]).toMatchObject({ readModel: name, attempts: 3, event: { id: a[1].id } });
  expect(attempts).toHaveLength(3);
  // b went on; a stopped before its failing version, and its later versions wait
  await eventually(async () => expect(await applied(name)).toEqual({ a: [1], b: [1, 2, 3] }));
  expect(await lastVersions(name)).toEqual({ a: 1, b: 3 });
  const parking = new ParkedEvents(db.schema);
  const [row] = await parking.list(db.pool, { subscriber: name });
  expect(row).toMatchObject({
    source,
    streamId: 'a',
    streamVersion: 2,
    reason: 'failed',
    status: 'parked',
    attempts: 3,
    error: { message: 'cannot apply a@2' },
  });
  // a later event of the held stream also waits
  const a5 = eventOf('a', 5);
  await publish(a5);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await applied(name)).toEqual({ a: [1], b: [1, 2, 3] });

  broken = false;
  await parking.requestReplay(db.pool, { parkedIds: [row.parkedId] });
  await eventually(async () => expect(await applied(name)).toEqual({ a: [1, 2, 3, 4, 5], b: [1, 2, 3] }));
  expect(await lastVersions(name)).toEqual({ a: 5, b: 3 });
  expect(
    (await parking.list(db.pool, { subscriber: name, statuses: ['replayed'] })).map((r) => r.eventId),
  ).toEqual([a[1].id]);
  // replaying again changes nothing: the request is gone, the version has moved
  expect(await parking.requestReplay(db.pool, { parkedIds: [row.parkedId] })).toEqual([]);
  expect(await model.replayRequested()).toBe(0);
  expect(await applied(name)).toEqual({ a: [1, 2, 3, 4, 5], b: [1, 2, 3] });
});

it('a restarted read model goes on where it stopped: nothing lost, nothing applied twice, still in order', async () => {
  const name = `rm-restart-${source}`;
  const handlers = { 'ThingChanged.v1': record(name) };
  const a = streamOf('a', 6);
  const b = streamOf('b', 6);
  let model = readModel(`restart-${source}`, handlers);
  await model.start();
  for (const event of [a[0], a[1], b[0], b[2], a[3]]) await publish(event);
  await eventually(async () => expect(await applied(name)).toEqual({ a: [1, 2], b: [1] }));
  await model.stop();
  running.splice(running.indexOf(model), 1);

  // while it is down: the rest, out of order, and some events again under other message ids
  for (const event of [b[5], a[5], b[1], a[2], b[3], a[4], b[4]]) await publish(event);
  for (const event of [a[0], b[2], a[3]]) await publish(event, randomUUID());
  model = readModel(`restart-${source}`, handlers);
  await model.start();
  await eventually(async () =>
    expect(await applied(name)).toEqual({ a: [1, 2, 3, 4, 5, 6], b: [1, 2, 3, 4, 5, 6] }),
  );
  expect(await lastVersions(name)).toEqual({ a: 6, b: 6 });
});

it('a redelivered or re-published event is applied once', async () => {
  const name = `rm-redelivery-${source}`;
  const model = readModel(
    `redelivery-${source}`,
    { 'ThingChanged.v1': record(name) },
    {
      consumer: { ackWaitMs: 1_000 },
    },
  );
  await model.start();
  const a = streamOf('a', 3);
  for (const event of a) await publish(event);
  await eventually(async () => expect(await applied(name)).toEqual({ a: [1, 2, 3] }));
  // the same events again: JetStream keeps them (other message ids), the inbox and the version drop them
  for (const event of a) await publish(event, randomUUID());
  await publish(a[1], randomUUID());
  await eventually(async () => {
    const info = await (await jetstreamManager(nc)).consumers.info(EVENTS_STREAM, `${name}-${source}`);
    expect(info.num_pending + info.num_ack_pending).toBe(0);
    expect(info.delivered.stream_seq).toBeGreaterThan(0);
  });
  expect(await applied(name)).toEqual({ a: [1, 2, 3] });
});
