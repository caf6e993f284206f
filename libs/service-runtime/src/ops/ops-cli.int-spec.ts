// The operator's commands against a consumer and a projection running in this process, on the real
// NATS and PostgreSQL: list what was given up on, replay it, and see that a replay applies once.
import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore, ProjectionRunner } from '@jineng/event-store';
import {
  DEAD_LETTER_STREAM,
  DurableConsumer,
  EVENTS_STREAM,
  ensureStreams,
  eventFilter,
  eventSubject,
  readDeadLetters,
  type IntegrationEvent,
} from '@jineng/messaging';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  connectTestDatabase,
  connectTestNats,
  eventually,
  natsUrl,
  purgeSubjects,
  type TestDatabase,
} from '@jineng/testing';
import { DataSource } from 'typeorm';
import { runOps } from './ops-cli';

let db: TestDatabase;
let nc: NatsConnection;
const service = `ops${randomBytes(3).toString('hex')}`;
const stop: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await connectTestDatabase('ops_cli');
  nc = await connectTestNats();
  await ensureStreams(nc, { replicas: 1, duplicateWindowMs: 120_000 });
  await db.pool.query(`create table "${db.schema}".effects (event_id uuid, what text)`);
});
afterAll(async () => {
  for (const s of stop.reverse()) await s();
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.delete(EVENTS_STREAM, `${service}-effects`).catch(() => undefined);
  await purgeSubjects(nc, EVENTS_STREAM, eventFilter(service));
  await purgeSubjects(nc, DEAD_LETTER_STREAM, `jineng.dlq.${service}-*`);
  await nc.close();
  await db.dispose();
});

async function ops(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runOps(argv, {
    out: (line) => (out += `${line}\n`),
    err: (line) => (err += `${line}\n`),
    env: { DATABASE_URL: db.url, NATS_URL: natsUrl(), JINENG_SCHEMA: db.schema },
  });
  return { code, out, err };
}

const effects = async (what: string) =>
  (await db.pool.query(`select event_id from "${db.schema}".effects where what = $1`, [what])).rows.map(
    (r) => r.event_id,
  );

it('lists a dead letter and replays it through the consumer inbox: once, however often it is replayed', async () => {
  const consumerName = `${service}-effects`;
  let broken = true;
  const poison: IntegrationEvent = {
    id: randomUUID(),
    type: 'ThingHappened.v1',
    service,
    streamId: 'thing-1',
    streamVersion: 1,
    recordedAt: new Date().toISOString(),
    hash: 'ab'.repeat(32),
    data: {},
    metadata: {},
  };
  const consumer = new DurableConsumer({
    nc,
    pool: db.pool,
    schema: db.schema,
    name: consumerName,
    filterSubjects: [eventFilter(service)],
    maxAttempts: 1,
    replayPollMs: 50,
    handle: async (event, tx) => {
      if (broken) throw new Error('the worker is not known here yet');
      await tx.query(`insert into "${db.schema}".effects values ($1, 'consumer')`, [event.id]);
    },
  });
  await consumer.start();
  stop.push(() => consumer.stop());
  await jetstream(nc).publish(eventSubject(service, poison.type), JSON.stringify(poison), {
    msgID: poison.id,
  });
  await eventually(async () => expect(await readDeadLetters(nc, consumerName)).toHaveLength(1));
  const [{ dlqSequence }] = await readDeadLetters(nc, consumerName);

  const listed = await ops('dead-letters', 'list', '--consumer', consumerName);
  expect(listed.code).toBe(0);
  expect(listed.out).toContain('1 dead letter(s)');
  expect(listed.out).toContain(`seq ${dlqSequence}`);
  expect(listed.out).toContain(`ThingHappened.v1 thing-1@1 (${poison.id})`);
  expect(listed.out).toContain('the worker is not known here yet');

  const replay = (...which: string[]) =>
    ops('dead-letters', 'replay', '--consumer', consumerName, '--service', service, ...which);
  // still broken: the replay fails, and says why
  const failing = await replay('--seq', String(dlqSequence));
  expect(failing.code).toBe(1);
  expect(failing.out).toMatch(/^failed .* — the worker is not known here yet$/m);

  broken = false;
  const replayed = await replay('--seq', String(dlqSequence));
  expect(replayed.code).toBe(0);
  expect(replayed.out).toMatch(/^replayed /m);
  expect(await effects('consumer')).toEqual([poison.id]);
  const again = await replay('--all');
  expect(again.code).toBe(0);
  expect(await effects('consumer')).toEqual([poison.id]);
});

it('lists a parked projection event and replays it once the projection is fixed', async () => {
  const schema = await db.freshSchema();
  const store = await PostgresEventStore.create({ pool: db.pool, schema });
  const dataSource = await new DataSource({
    type: 'postgres',
    url: db.url,
    schema,
    entities: [],
    extra: { max: 2 },
  }).initialize();
  let broken = true;
  const runner = new ProjectionRunner({
    store,
    dataSource,
    projection: {
      name: 'effects',
      entities: [],
      apply: async (event, manager) => {
        if (broken && event.type === 'Bad.v1') throw new Error('no row for this class');
        await manager.query(`insert into "${db.schema}".effects values ($1, 'projection')`, [event.id]);
      },
    },
    maxAttempts: 1,
    retryDelaysMs: [20],
    replayPollMs: 50,
    pollIntervalMs: 20,
  });
  runner.start();
  stop.push(async () => {
    await runner.stop();
    await dataSource.destroy();
  });
  const bad = { id: randomUUID(), type: 'Bad.v1', data: {}, metadata: {} };
  await store.appendToStream('class-1', [bad], { expectedVersion: 'no_stream' });
  const inSchema = (...argv: string[]) =>
    runOps(argv, {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
      env: { DATABASE_URL: db.url, JINENG_SCHEMA: schema },
    });
  const lines: string[] = [];
  await eventually(async () => {
    lines.length = 0;
    expect(await inSchema('parked', 'list', '--service', 'any-service')).toBe(0);
    expect(lines[0]).toBe(`1 parked event(s) in ${schema}`);
  });
  expect(lines[1]).toMatch(
    new RegExp(
      `^#(\\d+)  projection:effects  failed/parked  Bad.v1 class-1@1 \\(${bad.id}\\)  attempts 1 — no row for this class$`,
    ),
  );
  const parkedId = /^#(\d+)/.exec(lines[1])![1];

  lines.length = 0;
  expect(await inSchema('parked', 'replay', '--service', 'any-service', '--id', parkedId)).toBe(1);
  expect(lines.join('\n')).toContain('failed');
  broken = false;
  lines.length = 0;
  expect(await inSchema('parked', 'replay', '--service', 'any-service', '--id', parkedId)).toBe(0);
  expect(lines[0]).toMatch(/^replayed /);
  expect(await effects('projection')).toEqual([bad.id]);
  lines.length = 0;
  expect(await inSchema('parked', 'replay', '--service', 'any-service', '--id', parkedId)).toBe(0);
  expect(lines).toEqual(['nothing to replay: no parked event matches (already replayed, or requested)']);
  expect(await effects('projection')).toEqual([bad.id]);
});

it('explains its usage when the command is wrong', async () => {
  const wrong = await ops('parked', 'replay', '--service', 'x');
  expect(wrong.code).toBe(2);
  expect(wrong.err).toContain('name --id <n>..., or --subscriber <name> --all');
  expect((await ops('dead-letters', 'purge')).code).toBe(2);
  expect((await ops('parked', 'list', '--bogus')).code).toBe(2);
});
