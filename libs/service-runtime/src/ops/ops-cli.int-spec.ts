// The operator's commands against a consumer and a projection running in this process, on the real
// NATS and PostgreSQL as production runs them: the service under its own bus identity and database
// role, the command under the operator's bus identity `ops` and the service's runtime role — list
// what was given up on, replay it, and see that a replay applies once.
import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore, ProjectionRunner, type Migration } from '@jineng/event-store';
import {
  DurableConsumer,
  OPERATOR,
  eventFilter,
  eventSubject,
  readDeadLetters,
  type IntegrationEvent,
} from '@jineng/messaging';
import { jetstream } from '@nats-io/jetstream';
import { TestBus, connectTestDatabase, eventually, type TestDatabase } from '@jineng/testing';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceDatabase } from '../database/service-database';
import { runOps } from './ops-cli';

let db: TestDatabase;
let bus: TestBus;
let role: { readonly name: string; readonly url: string };
let rolePool: Pool;
const service = `ops${randomBytes(3).toString('hex')}`;
const consumerName = `${service}-effects`;
const stop: (() => Promise<void>)[] = [];

const effectsTable: Migration = {
  id: 'test-effects',
  sql: (S) => `create table ${S}.effects (event_id uuid, what text)`,
};

/** A schema of the service, migrated as the migrator and granted to its runtime role. */
async function migrated(schema: string): Promise<void> {
  await migrateServiceDatabase(
    { service, schema, databaseUrl: role.url, migratorDatabaseUrl: db.url, logLevel: 'warn' },
    [effectsTable],
  );
}

beforeAll(async () => {
  db = await connectTestDatabase('ops_cli');
  bus = await TestBus.start([{ name: service, kind: 'service', consumers: [consumerName] }, OPERATOR]);
  role = db.runtimeRole();
  await migrated(db.schema);
  rolePool = new Pool({ connectionString: role.url, max: 4 });
});
afterAll(async () => {
  for (const s of stop.reverse()) await s();
  await rolePool?.end();
  await bus?.dispose();
  await db?.dispose();
});

/** The command as an operator runs it: the service's runtime role, the `ops` identity. */
async function ops(
  argv: readonly string[],
  schema = db.schema,
): Promise<{ code: number; out: string; err: string; lines: string[] }> {
  let out = '';
  let err = '';
  const code = await runOps(argv, {
    out: (line) => (out += `${line}\n`),
    err: (line) => (err += `${line}\n`),
    env: { DATABASE_URL: role.url, JINENG_SCHEMA: schema, ...bus.envOf(OPERATOR.name) },
  });
  return { code, out, err, lines: out.split('\n').filter(Boolean) };
}

const effects = async (what: string) =>
  (await db.pool.query(`select event_id from "${db.schema}".effects where what = $1`, [what])).rows.map(
    (r) => r.event_id,
  );

it('lists a dead letter and replays it through the consumer inbox: once, however often it is replayed', async () => {
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
  const nc = await bus.connect(service);
  const consumer = new DurableConsumer({
    nc,
    pool: rolePool,
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
  stop.push(async () => {
    await consumer.stop();
    await nc.close();
  });
  await jetstream(nc).publish(eventSubject(service, poison.type), JSON.stringify(poison), {
    msgID: poison.id,
  });
  const operator = await bus.connect(OPERATOR.name);
  stop.push(() => operator.close());
  await eventually(async () => expect(await readDeadLetters(operator, consumerName)).toHaveLength(1));
  const [{ dlqSequence }] = await readDeadLetters(operator, consumerName);

  const listed = await ops(['dead-letters', 'list', '--consumer', consumerName]);
  expect(listed.code).toBe(0);
  expect(listed.out).toContain('1 dead letter(s)');
  expect(listed.out).toContain(`seq ${dlqSequence}`);
  expect(listed.out).toContain(`ThingHappened.v1 thing-1@1 (${poison.id})`);
  expect(listed.out).toContain('the worker is not known here yet');

  const replay = (...which: string[]) =>
    ops(['dead-letters', 'replay', '--consumer', consumerName, '--service', service, ...which]);
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
  await migrated(schema);
  const store = PostgresEventStore.open({ pool: rolePool, schema });
  const dataSource = await new DataSource({
    type: 'postgres',
    url: role.url,
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
  const inSchema = (...argv: string[]) => ops([...argv, '--service', service], schema);
  let lines: string[] = [];
  await eventually(async () => {
    const listed = await inSchema('parked', 'list');
    expect(listed.code).toBe(0);
    lines = listed.lines;
    expect(lines[0]).toBe(`1 parked event(s) in ${schema}`);
  });
  expect(lines[1]).toMatch(
    new RegExp(
      `^#(\\d+)  projection:effects  failed/parked  Bad.v1 class-1@1 \\(${bad.id}\\)  attempts 1 — no row for this class$`,
    ),
  );
  const parkedId = /^#(\d+)/.exec(lines[1])![1];

  const failing = await inSchema('parked', 'replay', '--id', parkedId);
  expect(failing.code).toBe(1);
  expect(failing.out).toContain('failed');
  broken = false;
  const replayed = await inSchema('parked', 'replay', '--id', parkedId);
  expect(replayed.code).toBe(0);
  expect(replayed.lines[0]).toMatch(/^replayed /);
  expect(await effects('projection')).toEqual([bad.id]);
  const again = await inSchema('parked', 'replay', '--id', parkedId);
  expect(again.code).toBe(0);
  expect(again.lines).toEqual([
    'nothing to replay: no parked event matches (already replayed, or requested)',
  ]);
  expect(await effects('projection')).toEqual([bad.id]);
});

it('explains its usage when the command is wrong', async () => {
  const wrong = await ops(['parked', 'replay', '--service', 'x']);
  expect(wrong.code).toBe(2);
  expect(wrong.err).toContain('name --id <n>..., or --subscriber <name> --all');
  expect((await ops(['dead-letters', 'purge'])).code).toBe(2);
  expect((await ops(['parked', 'list', '--bogus'])).code).toBe(2);
});

it('works with what the runtime role may do: it cannot change the events or the schema', async () => {
  // the credentials the command uses are the service's own, with no more rights (ADR 0001, decision 7)
  await expect(rolePool.query(`delete from "${db.schema}".events`)).rejects.toThrow(/permission denied/);
  await expect(rolePool.query(`create table "${db.schema}".extra (x int)`)).rejects.toThrow(
    /permission denied/,
  );
});
