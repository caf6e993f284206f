import { randomBytes, randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Pool, type PoolClient } from 'pg';
import { ParkedEvents } from '@jineng/event-store';
import {
  connectTestDatabase,
  connectTestNats,
  eventually,
  purgeSubjects,
  type TestDatabase,
} from '@jineng/testing';
import type { IntegrationEvent } from '../integration-event';
import { ensureStreams } from '../jetstream/ensure-streams';
import { DEAD_LETTER_STREAM, EVENTS_STREAM, eventFilter, eventSubject } from '../subjects';
import type { DeadLetter } from './dead-letter';
import { readDeadLetters, requestDeadLetterReplay } from './dead-letter-replay';
import { DurableConsumer, type IntegrationEventHandler } from './durable-consumer';
import { migrateConsumerTables } from '../messaging.migrations';

// Each test publishes under a service name of its own on the shared server (a new consumer reads
// its filter's whole history), and everything is purged after.
let service = '';
const services: string[] = [];
beforeEach(() => {
  service = `t${randomBytes(4).toString('hex')}`;
  services.push(service);
});
let db: TestDatabase;
let nc: NatsConnection;
let js: JetStreamClient;
const consumers: DurableConsumer[] = [];

beforeAll(async () => {
  db = await connectTestDatabase('durable_consumer');
  nc = await connectTestNats();
  await ensureStreams(nc, { replicas: 1, duplicateWindowMs: 120_000 });
  js = jetstream(nc);
  await migrateConsumerTables(db.pool, db.schema);
  await db.pool.query(
    `create table "${db.schema}".effects (event_id uuid, consumer text, data jsonb, handled_at timestamptz default clock_timestamp())`,
  );
});

afterEach(async () => {
  for (const consumer of consumers.splice(0)) await consumer.stop();
});

afterAll(async () => {
  const jsm = await jetstreamManager(nc);
  for (const info of await jsm.consumers.list(EVENTS_STREAM).next()) {
    if (services.some((s) => info.name.startsWith(`${s}-`)))
      await jsm.consumers.delete(EVENTS_STREAM, info.name);
  }
  for (const s of services) {
    await purgeSubjects(nc, EVENTS_STREAM, eventFilter(s));
    await purgeSubjects(nc, DEAD_LETTER_STREAM, `jineng.dlq.${s}-*`);
  }
  await nc.close();
  await db.dispose();
});

function anIntegrationEvent(data: Record<string, string | number> = {}): IntegrationEvent {
  return {
    id: randomUUID(),
    type: 'ThingHappened.v1',
    service,
    streamId: `thing-${randomUUID()}`,
    streamVersion: 1,
    recordedAt: new Date().toISOString(),
    hash: 'ab'.repeat(32),
    data,
    metadata: { correlationId: randomUUID() },
  };
}

async function publish(event: IntegrationEvent, msgID = event.id): Promise<void> {
  await js.publish(eventSubject(service, event.type), JSON.stringify(event), { msgID });
}

/** The effect every test consumer writes: one row per handled event, in the inbox's transaction. */
const recordEffect =
  (consumer: string): IntegrationEventHandler =>
  async (event, tx) => {
    await tx.query(`insert into "${db.schema}".effects (event_id, consumer, data) values ($1, $2, $3)`, [
      event.id,
      consumer,
      event.data,
    ]);
  };

async function effects(consumer: string): Promise<{ event_id: string; handled_at: Date }[]> {
  const { rows } = await db.pool.query(
    `select event_id, handled_at from "${db.schema}".effects where consumer = $1 order by handled_at`,
    [consumer],
  );
  return rows;
}

function startConsumer(
  name: string,
  handle: IntegrationEventHandler,
  extra: Partial<ConstructorParameters<typeof DurableConsumer>[0]> = {},
): DurableConsumer {
  const consumer = new DurableConsumer({
    nc,
    pool: db.pool,
    schema: db.schema,
    name,
    filterSubjects: [eventFilter(service)],
    handle,
    ...extra,
  });
  consumers.push(consumer);
  return consumer;
}

async function deadLetters(consumer: string): Promise<DeadLetter[]> {
  return (await readDeadLetters(nc, consumer)).map((stored) => stored.letter);
}

it('handles every event once, writing the effect and the inbox row in one transaction', async () => {
  const name = `${service}-once`;
  const consumer = startConsumer(name, recordEffect(name));
  await consumer.start();
  const sent = Array.from({ length: 50 }, (_, i) => anIntegrationEvent({ n: i }));
  for (const event of sent) await publish(event);
  // the same events again under other message ids: JetStream keeps them, the inbox absorbs them
  for (const event of sent.slice(0, 10)) await publish(event, randomUUID());

  await eventually(async () => expect(await effects(name)).toHaveLength(50));
  const { rows: inbox } = await db.pool.query(
    `select event_id from "${db.schema}".inbox where consumer = $1 order by event_id`,
    [name],
  );
  expect(inbox.map((r) => r.event_id)).toEqual(sent.map((e) => e.id).sort());
  await eventually(async () => {
    const info = await (await jetstreamManager(nc)).consumers.info(EVENTS_STREAM, name);
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
  });
  expect(await effects(name)).toHaveLength(50);
});

it('retries a throwing handler with growing delays, dead-letters it after the last attempt, and keeps the others flowing', async () => {
  const name = `${service}-dlq`;
  const poison = anIntegrationEvent({ poison: 'yes' });
  // first time each delivery of the poison event reached the handler (a batch that fails is
  // handled again message by message within the same delivery)
  const deliveries = new Map<number, number>();
  const handler: IntegrationEventHandler = async (event, tx, delivery) => {
    await recordEffect(name)(event, tx, delivery);
    if (event.id === poison.id) {
      if (!deliveries.has(delivery.deliveryCount)) deliveries.set(delivery.deliveryCount, Date.now());
      // the effect written above must be rolled back with the failure
      throw new Error(`cannot handle ${event.type} (attempt ${delivery.deliveryCount})`);
    }
  };
  const lettered: DeadLetter[] = [];
  const consumer = startConsumer(name, handler, {
    maxAttempts: 3,
    backoffMs: [300, 900],
    onDeadLetter: (letter) => lettered.push(letter),
  });
  await consumer.start();

  const before = Array.from({ length: 20 }, (_, i) => anIntegrationEvent({ n: i }));
  const after = Array.from({ length: 20 }, (_, i) => anIntegrationEvent({ n: 100 + i }));
  for (const event of before) await publish(event);
  await publish(poison);
  for (const event of after) await publish(event);

  // the healthy events are all handled long before the poison one gives up
  await eventually(async () => expect(await effects(name)).toHaveLength(40), { timeoutMs: 5_000 });
  expect(deliveries.size).toBeLessThan(3);

  await eventually(() => expect(lettered).toHaveLength(1), { timeoutMs: 10_000 });
  expect([...deliveries.keys()]).toEqual([1, 2, 3]);
  const attempts = [...deliveries.values()];
  // backoff: ~300 ms before attempt 2, ~900 ms before attempt 3 (timer slack allowed below, not above)
  expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(250);
  expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(800);
  expect((await effects(name)).map((r) => r.event_id)).not.toContain(poison.id);

  const letters = await deadLetters(name);
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({
    consumer: name,
    subject: eventSubject(service, poison.type),
    deliveryCount: 3,
    error: { name: 'Error', message: `cannot handle ThingHappened.v1 (attempt 3)` },
    event: { id: poison.id, data: { poison: 'yes' } },
  });
  // terminated: the broker no longer redelivers it
  await eventually(async () => {
    const info = await (await jetstreamManager(nc)).consumers.info(EVENTS_STREAM, name);
    expect(info.num_ack_pending).toBe(0);
  });
  const { rows } = await db.pool.query(
    `select 1 from "${db.schema}".inbox where consumer = $1 and event_id = $2`,
    [name, poison.id],
  );
  expect(rows).toHaveLength(0);
});

it('dead-letters a message that is not an integration event at once, with the reason', async () => {
  const name = `${service}-unreadable`;
  const consumer = startConsumer(name, recordEffect(name), { maxAttempts: 5 });
  await consumer.start();
  await js.publish(eventSubject(service, 'Garbled.v1'), '{"not":"an event"', { msgID: randomUUID() });
  const good = anIntegrationEvent();
  await publish(good);

  await eventually(async () => expect(await effects(name)).toHaveLength(1));
  await eventually(async () => expect(await deadLetters(name)).toHaveLength(1));
  const [letter] = await deadLetters(name);
  expect(letter).toMatchObject({
    deliveryCount: 1,
    raw: '{"not":"an event"',
    error: {
      name: 'UnreadableEventError',
      code: 'MESSAGING.UNREADABLE_EVENT',
      message: 'not an integration event: not JSON',
    },
  });
});

it('resumes where it stopped: a restarted consumer gets what was published while it was down, once', async () => {
  const name = `${service}-resume`;
  let consumer = startConsumer(name, recordEffect(name));
  await consumer.start();
  const first = Array.from({ length: 10 }, () => anIntegrationEvent());
  for (const event of first) await publish(event);
  await eventually(async () => expect(await effects(name)).toHaveLength(10));
  await consumer.stop();
  consumers.splice(consumers.indexOf(consumer), 1);

  const second = Array.from({ length: 10 }, () => anIntegrationEvent());
  for (const event of second) await publish(event);
  consumer = startConsumer(name, recordEffect(name));
  await consumer.start();
  await eventually(async () => expect(await effects(name)).toHaveLength(20));
  expect(new Set((await effects(name)).map((r) => r.event_id))).toEqual(
    new Set([...first, ...second].map((e) => e.id)),
  );
});

it('two replicas of one consumer share the work and still handle each event once', async () => {
  const name = `${service}-replicas`;
  await startConsumer(name, recordEffect(name), { batchSize: 5 }).start();
  await startConsumer(name, recordEffect(name), { batchSize: 5 }).start();
  const sent = Array.from({ length: 200 }, () => anIntegrationEvent());
  await Promise.all(sent.map((event) => publish(event)));
  await eventually(async () => expect(await effects(name)).toHaveLength(200), { timeoutMs: 10_000 });
  expect(new Set((await effects(name)).map((r) => r.event_id)).size).toBe(200);
});

it('a batch handler gets the new events together; when it throws, only the failing event is held back', async () => {
  const name = `${service}-batch`;
  const poison = anIntegrationEvent({ poison: 'yes' });
  const batchSizes: number[] = [];
  const lettered: DeadLetter[] = [];
  const consumer = new DurableConsumer({
    nc,
    pool: db.pool,
    schema: db.schema,
    name,
    filterSubjects: [eventFilter(service)],
    maxAttempts: 2,
    backoffMs: [200],
    onDeadLetter: (letter) => lettered.push(letter),
    handleBatch: async (events, tx) => {
      batchSizes.push(events.length);
      for (const event of events)
        await recordEffect(name)(event, tx, { subject: '', streamSequence: 0, deliveryCount: 1 });
      if (events.some((e) => e.id === poison.id)) throw new Error('poison in the batch');
    },
  });
  consumers.push(consumer);
  const sent = Array.from({ length: 30 }, (_, i) => anIntegrationEvent({ n: i }));
  for (const event of sent.slice(0, 15)) await publish(event);
  await publish(poison);
  for (const event of sent.slice(15)) await publish(event);
  // everything is waiting before the consumer starts, so the first batch holds all 31
  await consumer.start();

  await eventually(() => expect(lettered).toHaveLength(1), { timeoutMs: 10_000 });
  expect(lettered[0].event).toMatchObject({ id: poison.id });
  expect(Math.max(...batchSizes)).toBe(31);
  const handled = (await effects(name)).map((r) => r.event_id);
  expect(new Set(handled)).toEqual(new Set(sent.map((e) => e.id)));
  expect(handled).toHaveLength(30);
});

it('a batch costs three round trips: begin with the inbox claim, the batch effect, commit', async () => {
  const name = `${service}-trips`;
  // a pool of its own whose clients note every query of each checkout
  const pool = new Pool({ ...(db.pool as unknown as { options: object }).options, max: 2 });
  const checkouts: string[][] = [];
  const patched = new WeakSet<PoolClient>();
  pool.on('acquire', (client) => {
    const queries: string[] = [];
    checkouts.push(queries);
    if (!patched.has(client)) {
      patched.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
        checkouts[checkouts.length - 1]?.push(text.trim().split(/\s+/).slice(0, 3).join(' '));
        return query(...args);
      };
    }
  });
  const sent = Array.from({ length: 20 }, (_, i) => anIntegrationEvent({ n: i }));
  for (const event of sent) await publish(event);
  const consumer = new DurableConsumer({
    nc,
    pool,
    schema: db.schema,
    name,
    filterSubjects: [eventFilter(service)],
    handleBatch: async (events, tx) => {
      await tx.query(
        `insert into "${db.schema}".effects (event_id, consumer) select unnest($1::uuid[]), $2::text`,
        [events.map((e) => e.id), name],
      );
    },
  });
  consumers.push(consumer);
  await consumer.start();
  await eventually(async () => expect(await effects(name)).toHaveLength(20));
  await consumer.stop();
  await pool.end();
  const batches = checkouts.filter((queries) => queries[0]?.startsWith('begin; insert into'));
  expect(batches.length).toBeGreaterThan(0);
  for (const queries of batches) {
    expect(queries).toEqual(['begin; insert into', `insert into "${db.schema}".effects`, 'commit']);
  }
  const { rows } = await db.pool.query(
    `select count(*)::int as n from "${db.schema}".inbox where consumer = $1`,
    [name],
  );
  expect(rows[0].n).toBe(20);
});

it('replays a dead letter an operator asks for through the inbox: once, however often it is asked', async () => {
  const name = `${service}-replay`;
  const poison = anIntegrationEvent({ poison: 'yes' });
  let broken = true;
  const consumer = startConsumer(
    name,
    async (event, tx, delivery) => {
      if (event.id === poison.id && broken) throw new Error('not yet');
      await recordEffect(name)(event, tx, delivery);
    },
    { maxAttempts: 1, replayPollMs: 50 },
  );
  await consumer.start();
  const good = anIntegrationEvent();
  await publish(poison);
  await publish(good);
  await eventually(async () => expect(await readDeadLetters(nc, name)).toHaveLength(1));
  // the good event is handled on its own delivery, which may commit after the poison was dead-lettered
  await eventually(async () => expect((await effects(name)).map((r) => r.event_id)).toEqual([good.id]));

  const [stored] = await readDeadLetters(nc, name);
  // still broken: the replay fails and the request is parked again with the error
  const first = await requestDeadLetterReplay(db.pool, db.schema, stored.letter);
  expect(first).toMatchObject({ status: 'replay_requested', reason: 'dead_letter', eventId: poison.id });
  const parking = new ParkedEvents(db.schema);
  await eventually(async () => {
    const [row] = await parking.list(db.pool, { subscriber: name });
    expect(row.status).toBe('parked');
    expect(row.replayError?.message).toBe('not yet');
  });

  broken = false;
  await requestDeadLetterReplay(db.pool, db.schema, stored.letter);
  await eventually(async () =>
    expect((await effects(name)).map((r) => r.event_id).sort()).toEqual([good.id, poison.id].sort()),
  );
  const [done] = await parking.list(db.pool, { subscriber: name, statuses: ['replayed'] });
  expect(done.eventId).toBe(poison.id);
  // asked again: answered with the replayed row, nothing handled again
  expect((await requestDeadLetterReplay(db.pool, db.schema, stored.letter)).status).toBe('replayed');
  // even if the request row were made again by hand, the inbox keeps the effect single
  await db.pool.query(
    `update "${db.schema}".parked_events set status = 'replay_requested' where event_id = $1`,
    [poison.id],
  );
  await eventually(async () => expect(await parking.list(db.pool, { subscriber: name })).toEqual([]));
  expect((await effects(name)).filter((r) => r.event_id === poison.id)).toHaveLength(1);
});

it('refuses to replay a dead letter that holds no event', async () => {
  await expect(
    requestDeadLetterReplay(db.pool, db.schema, {
      consumer: `${service}-x`,
      subject: 'jineng.evt.x.Y.v1',
      streamSequence: 1,
      deliveryCount: 1,
      failedAt: new Date().toISOString(),
      error: { name: 'UnreadableEventError', message: 'not JSON' },
      raw: '{',
    }),
  ).rejects.toThrow('this dead letter cannot be replayed: it holds no event (unreadable message)');
});
