// appendToStreams: several streams in one round trip inside the caller's transaction (bulk writers
// such as the registry's roster import), each append decided on its own.
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { WrongExpectedVersionError } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
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
