// appendToStreams: several streams in one round trip inside the caller's transaction (bulk writers
// such as the registry's roster import), each append decided on its own.
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { WrongExpectedVersionError, type AppendResult } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { ChainVerifier } from '../chain/chain-verifier';
import { anEvent } from './test-events';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await connectTestDatabase('append_to_streams');
  store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
});
afterAll(() => db.dispose());

it('appends to many streams in the caller transaction: a conflict is answered in its place, the rest commit together', async () => {
  await store.appendToStream('taken', [anEvent({ n: 0 })], { expectedVersion: 'no_stream' });
  const tx = await db.pool.connect();
  await tx.query('begin');
  const first = anEvent({ n: 1 });
  const results = await store.appendToStreams(
    [
      { streamId: 'a', events: [first], expectedVersion: 'no_stream' },
      { streamId: 'taken', events: [anEvent({ n: 2 })], expectedVersion: 'no_stream' },
      { streamId: 'b', events: [anEvent({ n: 3 }), anEvent({ n: 4 })], expectedVersion: 'no_stream' },
    ],
    { on: tx },
  );
  expect(results[0]).toMatchObject({ streamId: 'a', nextExpectedVersion: 1, idempotent: false });
  expect(results[1]).toBeInstanceOf(WrongExpectedVersionError);
  expect(results[2]).toMatchObject({ streamId: 'b', nextExpectedVersion: 2 });
  // not visible before the caller commits
  expect((await store.readStream('a')).events).toHaveLength(0);
  await tx.query('commit');
  tx.release();
  expect((await store.readStream('a')).events.map((e) => e.id)).toEqual([first.id]);
  expect((await store.readStream('b')).version).toBe(2);
  expect((await store.readStream('taken')).version).toBe(1);

  // the same appends again are idempotent
  const tx2 = await db.pool.connect();
  await tx2.query('begin');
  const again = await store.appendToStreams(
    [{ streamId: 'a', events: [first], expectedVersion: 'no_stream' }],
    {
      on: tx2,
    },
  );
  await tx2.query('commit');
  tx2.release();
  expect(again[0]).toMatchObject({ idempotent: true, nextExpectedVersion: 1 });
});

it('rolls back with the caller: nothing of a rolled-back transaction is stored', async () => {
  const tx = await db.pool.connect();
  await tx.query('begin');
  await store.appendToStreams([{ streamId: 'gone', events: [anEvent({})], expectedVersion: 'no_stream' }], {
    on: tx,
  });
  await tx.query('rollback');
  tx.release();
  expect((await store.readStream('gone')).events).toHaveLength(0);
});

describe('new streams of one event each (start_streams, set-based)', () => {
  const inTx = async <T>(work: (tx: import('pg').PoolClient) => Promise<T>): Promise<T> => {
    const tx = await db.pool.connect();
    try {
      await tx.query('begin');
      const result = await work(tx);
      await tx.query('commit');
      return result;
    } finally {
      tx.release();
    }
  };

  it('starts each stream as append_events would: version 1, its own position, a valid chain; a retry is idempotent', async () => {
    const items = Array.from({ length: 200 }, (_, i) => ({
      streamId: `start-${i}`,
      events: [anEvent({ i })],
      expectedVersion: 'no_stream' as const,
    }));
    const results = await inTx((tx) => store.appendToStreams(items, { on: tx }));
    expect(results.every((r) => !(r instanceof WrongExpectedVersionError) && !r.idempotent)).toBe(true);
    const positions = results.map((r) => (r as AppendResult).positions[0].position);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions); // in the order given
    expect((await store.readStream('start-7')).events.map((e) => [e.id, e.version])).toEqual([
      [items[7].events[0].id, 1],
    ]);
    const report = await new ChainVerifier(db.pool, db.schema).verifyAll();
    expect(report).toMatchObject({ ok: true, broken: [] });
    const again = await inTx((tx) => store.appendToStreams(items.slice(0, 3), { on: tx }));
    expect(again.map((r) => (r as { idempotent: boolean }).idempotent)).toEqual([true, true, true]);
    expect(await store.countEvents()).toBeGreaterThanOrEqual(200);
  });

  it('answers each in its place: an existing stream is a conflict, a stream named twice keeps the first, a later event appends to the started stream', async () => {
    await store.appendToStream('start-existing', [anEvent({})], { expectedVersion: 'no_stream' });
    const fresh = anEvent({ fresh: true });
    const results = await inTx((tx) =>
      store.appendToStreams(
        [
          { streamId: 'start-existing', events: [anEvent({ n: 1 })], expectedVersion: 'no_stream' },
          { streamId: 'start-twice', events: [fresh], expectedVersion: 'no_stream' },
          { streamId: 'start-twice', events: [anEvent({ n: 2 })], expectedVersion: 'no_stream' },
        ],
        { on: tx },
      ),
    );
    expect(results[0]).toBeInstanceOf(WrongExpectedVersionError);
    expect(results[1]).toMatchObject({ streamId: 'start-twice', nextExpectedVersion: 1, idempotent: false });
    expect(results[2]).toBeInstanceOf(WrongExpectedVersionError);
    await store.appendToStream('start-twice', [anEvent({ n: 3 })], { expectedVersion: 1 });
    expect((await store.readStream('start-twice')).events.map((e) => e.version)).toEqual([1, 2]);
    expect((await new ChainVerifier(db.pool, db.schema).verifyStream('start-twice')).ok).toBe(true);
  });

  it('two transactions starting the same stream at once: one records it, the other is told it conflicts', async () => {
    const a = await db.pool.connect();
    const b = await db.pool.connect();
    try {
      await a.query('begin');
      await b.query('begin');
      const first = await store.appendToStreams(
        [{ streamId: 'start-raced', events: [anEvent({ by: 'a' })], expectedVersion: 'no_stream' }],
        { on: a },
      );
      const second = store.appendToStreams(
        [{ streamId: 'start-raced', events: [anEvent({ by: 'b' })], expectedVersion: 'no_stream' }],
        { on: b },
      );
      await new Promise((r) => setTimeout(r, 100)); // b waits on a's head
      await a.query('commit');
      expect(first[0]).toMatchObject({ nextExpectedVersion: 1, idempotent: false });
      expect((await second)[0]).toBeInstanceOf(WrongExpectedVersionError);
      await b.query('commit');
    } finally {
      a.release();
      b.release();
    }
    expect((await store.readStream('start-raced')).events).toHaveLength(1);
  });
});
