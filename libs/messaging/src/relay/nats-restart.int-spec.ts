// A nats-server crash while events are being appended and relayed: nothing is lost, nothing is
// handled twice. The server here is the test's own (the shared one is never stopped).
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventToAppend } from '@jineng/event-store';
import { DedicatedNatsServer, connectTestDatabase, eventually, type TestDatabase } from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { DurableConsumer } from '../consumer/durable-consumer';
import { migrateConsumerTables } from '../messaging.migrations';
import { ensureStreams } from '../jetstream/ensure-streams';
import { connectNats } from '../nats-connection';
import { eventFilter } from '../subjects';
import { OutboxRelay } from './outbox-relay';

let db: TestDatabase;
let server: DedicatedNatsServer;
const connections: NatsConnection[] = [];

beforeAll(async () => {
  db = await connectTestDatabase('nats_restart');
  server = await DedicatedNatsServer.start();
});

afterAll(async () => {
  for (const nc of connections) await nc.close().catch(() => undefined);
  await server.dispose();
  await db.dispose();
});

const anEvent = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: 'ThingCounted.v1',
  data: { i },
  metadata: { correlationId: `corr-${i}` },
});

it('loses nothing when the NATS server is killed and restarted while events are relayed', async () => {
  const service = 'registry';
  const store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
  const effects = await db.freshSchema();
  await migrateConsumerTables(db.pool, effects);
  await db.pool.query(`create table "${effects}".effects (event_id uuid not null, i int not null)`);

  const relayNc = await connectNats(server.url, 'relay');
  const consumerNc = await connectNats(server.url, 'consumer');
  connections.push(relayNc, consumerNc);
  await ensureStreams(relayNc, { replicas: 1, duplicateWindowMs: 120_000 });
  const relayErrors: unknown[] = [];
  const relay = new OutboxRelay({
    store,
    nc: relayNc,
    service,
    batchSize: 200,
    retryDelayMs: 200,
    publishTimeoutMs: 1_000,
    onError: (error) => relayErrors.push(error),
  });
  const consumer = new DurableConsumer({
    nc: consumerNc,
    pool: db.pool,
    schema: effects,
    name: 'subsidy-registry-events',
    filterSubjects: [eventFilter(service)],
    ackWaitMs: 2_000,
    handle: async (event, tx) => {
      await tx.query(`insert into "${effects}".effects (event_id, i) values ($1, $2)`, [
        event.id,
        event.data.i,
      ]);
    },
  });
  relay.start();
  await consumer.start();

  const total = 3_000;
  const appended: EventToAppend[] = [];
  const count = async (): Promise<number> =>
    (await db.pool.query<{ n: number }>(`select count(*)::int as n from "${effects}".effects`)).rows[0].n;

  const appendSome = async (from: number, to: number): Promise<void> => {
    for (let i = from; i < to; i += 30) {
      const batch = Array.from({ length: Math.min(30, to - i) }, (_, k) => anEvent(i + k));
      await store.appendToStream(`thing-${randomUUID()}`, batch, { expectedVersion: 'no_stream' });
      appended.push(...batch);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  await appendSome(0, 1_000);
  await eventually(async () => expect(await count()).toBeGreaterThan(0), { timeoutMs: 10_000 });
  // crash while the rest is still flowing in
  const more = appendSome(1_000, 2_000);
  await server.kill('SIGKILL');
  await more;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const duringOutage = await count();
  await server.restart();
  await appendSome(2_000, total);

  await eventually(async () => expect(await count()).toBe(total), { timeoutMs: 60_000 });
  const { rows } = await db.pool.query<{ event_id: string; n: number }>(
    `select event_id, count(*)::int as n from "${effects}".effects group by event_id`,
  );
  expect(rows.every((r) => r.n === 1)).toBe(true);
  expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(appended.map((e) => e.id)));
  // the outage was real: the relay failed to publish for a while, and not everything was through
  expect(relayErrors.length).toBeGreaterThan(0);
  expect(duringOutage).toBeLessThan(total);

  await consumer.stop();
  await relay.stop();
});
