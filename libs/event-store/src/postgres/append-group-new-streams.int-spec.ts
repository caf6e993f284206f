// append_group (migration 0007) for a group whose appends all open new streams: heads written once
// with their final values, no lock-judge-move. Whether a group took that path is seen in the
// transaction's own counters: the judged path updates every head it moves, the new-streams path none.
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import type { PoolClient } from 'pg';
import { ChainVerifier } from '../chain/chain-verifier';
import {
  WrongExpectedVersionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedVersion,
} from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { events } from './test-events';

let db: TestDatabase;

beforeAll(async () => {
  db = await connectTestDatabase('append_group_new');
});
afterAll(() => db.dispose());

async function freshStore() {
  const schema = await db.freshSchema();
  const store = await PostgresEventStore.create({ pool: db.pool, schema });
  return { store, schema, verifier: new ChainVerifier(db.pool, schema) };
}

type Append = { streamId: string; events: EventToAppend[]; expectedVersion: ExpectedVersion };

/** One group in a transaction of its own; `headUpdates` counts the stream heads it updated. */
async function inOneGroup(store: PostgresEventStore, schema: string, appends: Append[], tx?: PoolClient) {
  const client = tx ?? (await db.pool.connect());
  try {
    await client.query('begin');
    const results = await store.appendToStreams(appends, { on: client });
    const { rows } = await client.query<{ n: string }>(
      `select pg_stat_get_xact_tuples_updated('"${schema}".streams'::regclass) as n`,
    );
    await client.query('commit');
    return { results, headUpdates: Number(rows[0].n) };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    if (!tx) client.release();
  }
}

const heads = async (schema: string) =>
  (
    await db.pool.query<{ stream_id: string; version: string; last_hash: string }>(
      `select stream_id, version, encode(last_hash, 'hex') as last_hash from "${schema}".streams order by stream_id`,
    )
  ).rows.map((r) => [r.stream_id, Number(r.version), r.last_hash]);

it('writes a group of new streams without moving a head: answers, positions, heads and chain as the judged path', async () => {
  const { store, schema, verifier } = await freshStore();
  const a = events(1);
  const b = events(3);
  const c = events(2);
  const { results, headUpdates } = await inOneGroup(store, schema, [
    { streamId: 'n-b', events: b, expectedVersion: 'no_stream' },
    { streamId: 'n-a', events: a, expectedVersion: 'no_stream' },
    { streamId: 'n-c', events: c, expectedVersion: 0 }, // exact version 0 is a new stream too
  ]);
  expect(headUpdates).toBe(0);
  expect(results.map((r) => (r as AppendResult).nextExpectedVersion)).toEqual([3, 1, 2]);
  expect(results.every((r) => (r as AppendResult).idempotent === false)).toBe(true);
  // each append's positions are its events', in order, and the group's events are in group order
  const read = await Promise.all(['n-b', 'n-a', 'n-c'].map((s) => store.readStream(s)));
  read.forEach((stream, i) =>
    expect(stream.events.map((e) => e.position)).toEqual(
      (results[i] as AppendResult).positions.map((p) => p.position),
    ),
  );
  expect(read.map((s) => s.events.map((e) => e.id))).toEqual([b, a, c].map((x) => x.map((e) => e.id)));
  const positions = read.flatMap((s) => s.events.map((e) => e.position));
  expect([...positions].sort((p, q) => (p < q ? -1 : 1))).toEqual(positions);
  // one recorded time for the group; each head holds its stream's version and last link
  const times = new Set(read.flatMap((s) => s.events.map((e) => e.recordedAt.getTime())));
  expect(times.size).toBe(1);
  expect(await heads(schema)).toEqual([
    ['n-a', 1, read[1].events[0].hash],
    ['n-b', 3, read[0].events[2].hash],
    ['n-c', 2, read[2].events[1].hash],
  ]);
  expect(await verifier.verifyAll()).toEqual({ ok: true, streams: 3, events: 6, broken: [] });
});

it('a stream of the group opened already: the attempt is taken back and the group answered the judged way', async () => {
  const { store, schema, verifier } = await freshStore();
  await store.appendToStream('n-taken', events(2), { expectedVersion: 'no_stream' });
  const before = await heads(schema);
  const fresh = events(1);
  const { results, headUpdates } = await inOneGroup(store, schema, [
    { streamId: 'n-fresh', events: fresh, expectedVersion: 'no_stream' },
    { streamId: 'n-taken', events: events(1), expectedVersion: 'no_stream' },
    { streamId: 'n-zz', events: events(2), expectedVersion: 'no_stream' },
  ]);
  expect(headUpdates).toBeGreaterThan(0); // the judged path moved the heads it wrote
  expect(results[0]).toMatchObject({ streamId: 'n-fresh', nextExpectedVersion: 1, idempotent: false });
  expect(results[1]).toBeInstanceOf(WrongExpectedVersionError);
  expect(results[1]).toMatchObject({ streamId: 'n-taken', expected: 'no_stream', actual: 2 });
  expect(results[2]).toMatchObject({ streamId: 'n-zz', nextExpectedVersion: 2 });
  // nothing of the attempt is left: no event twice, the taken stream's head unchanged
  expect((await store.readStream('n-fresh')).events.map((e) => e.id)).toEqual(fresh.map((e) => e.id));
  expect(await store.countEvents()).toBe(5);
  expect((await heads(schema)).find((h) => h[0] === 'n-taken')).toEqual(before[0]);
  expect(await verifier.verifyAll()).toEqual({ ok: true, streams: 3, events: 5, broken: [] });
});

it('a retried group of new streams is idempotent in every place, with the first positions', async () => {
  const { store, schema } = await freshStore();
  const group: Append[] = [
    { streamId: 'r-1', events: events(2), expectedVersion: 'no_stream' },
    { streamId: 'r-2', events: events(1), expectedVersion: 'no_stream' },
  ];
  const first = await inOneGroup(store, schema, group);
  expect(first.headUpdates).toBe(0);
  const again = await inOneGroup(store, schema, group);
  expect(again.results).toEqual(first.results.map((r) => ({ ...(r as AppendResult), idempotent: true })));
  expect(await store.countEvents()).toBe(3);
});

it('two groups opening the same stream at once: the later waits, then answers it as a conflict and stores the rest', async () => {
  const { store, schema, verifier } = await freshStore();
  const first = await db.pool.connect();
  const second = await db.pool.connect();
  try {
    await first.query('begin');
    await store.appendToStreams(
      [
        { streamId: 'race-a', events: events(1), expectedVersion: 'no_stream' },
        { streamId: 'race-b', events: events(1), expectedVersion: 'no_stream' },
      ],
      { on: first },
    );
    // the second group meets race-b's head, not yet committed: it waits for the first transaction
    const later = inOneGroup(
      store,
      schema,
      [
        { streamId: 'race-b', events: events(1), expectedVersion: 'no_stream' },
        { streamId: 'race-c', events: events(1), expectedVersion: 'no_stream' },
      ],
      second,
    );
    const waited = await Promise.race([later.then(() => 'done'), sleep(300).then(() => 'waiting')]);
    expect(waited).toBe('waiting');
    await first.query('commit');
    const { results } = await later;
    expect(results[0]).toBeInstanceOf(WrongExpectedVersionError);
    expect(results[0]).toMatchObject({ streamId: 'race-b', actual: 1 });
    expect(results[1]).toMatchObject({ streamId: 'race-c', nextExpectedVersion: 1 });
  } finally {
    first.release();
    second.release();
  }
  expect((await heads(schema)).map((h) => [h[0], h[1]])).toEqual([
    ['race-a', 1],
    ['race-b', 1],
    ['race-c', 1],
  ]);
  expect(await verifier.verifyAll()).toEqual({ ok: true, streams: 3, events: 3, broken: [] });
});

it('a group with a stream twice, or an append that expects a version, goes the judged way', async () => {
  const { store, schema } = await freshStore();
  const twice = await inOneGroup(store, schema, [
    { streamId: 't-1', events: events(1), expectedVersion: 'no_stream' },
    { streamId: 't-1', events: events(1), expectedVersion: 1 },
  ]);
  expect(twice.results.map((r) => (r as AppendResult).nextExpectedVersion)).toEqual([1, 2]);
  expect(twice.headUpdates).toBeGreaterThan(0);
  const any = await inOneGroup(store, schema, [
    { streamId: 't-2', events: events(1), expectedVersion: 'any' },
  ]);
  expect(any.results[0]).toMatchObject({ nextExpectedVersion: 1 });
  expect(any.headUpdates).toBeGreaterThan(0);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('refuses a flat group whose appends are not all there (called directly: the store never sends one)', async () => {
  const { store, schema } = await freshStore();
  const payload = store.groupPayload([{ streamId: 'g-1', events: events(2), expectedVersion: 'no_stream' }]);
  // the first append numbered 2: append 1 has no events
  const renumbered = payload.replaceAll('"o":1,', '"o":2,');
  // the second event of the append left out
  const incomplete = JSON.stringify([(JSON.parse(payload) as object[])[0]]);
  for (const bad of [renumbered, incomplete])
    await expect(db.pool.query(`select "${schema}".append_group($1)`, [bad])).rejects.toMatchObject({
      code: '22023',
    });
  expect(await store.countEvents()).toBe(0);
});
