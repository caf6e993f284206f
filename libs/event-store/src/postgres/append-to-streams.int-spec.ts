// appendToStreams: several streams in one round trip inside the caller's transaction (bulk writers
// such as the registry's roster import), each append decided on its own.
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { EventIdConflictError, WrongExpectedVersionError } from '../event-store.port';
import { PostgresEventStore, RowsNotWrittenError } from './postgres-event-store';
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

describe('with the caller’s rows in the same statement (no transaction of the caller’s)', () => {
  beforeAll(() =>
    db.pool.query(`create table "${db.schema}".intake (id text primary key, note text not null)`),
  );
  const rowsOf = (ids: string[]) => ({
    text: `insert into "${db.schema}".intake select unnest($1::text[]), 'n' on conflict do nothing returning id`,
    values: [ids],
    expectedRows: ids.length,
  });

  it('writes the rows and the appends together, in one statement that commits on its own', async () => {
    const results = await store.appendToStreams(
      [
        { streamId: 'with-rows-1', events: [anEvent({ n: 1 })], expectedVersion: 'no_stream' },
        { streamId: 'with-rows-2', events: [anEvent({ n: 2 })], expectedVersion: 'no_stream' },
      ],
      { rows: rowsOf(['r1', 'r2']) },
    );
    expect(results.map((r) => (r as { nextExpectedVersion: number }).nextExpectedVersion)).toEqual([1, 1]);
    expect((await store.readStream('with-rows-2')).version).toBe(1);
    const { rows } = await db.pool.query(
      `select id from "${db.schema}".intake where id in ('r1', 'r2') order by id`,
    );
    expect(rows).toEqual([{ id: 'r1' }, { id: 'r2' }]);
  });

  it('writes nothing, rows or events, when fewer rows go in than expected (a key taken meanwhile)', async () => {
    await db.pool.query(`insert into "${db.schema}".intake values ('taken-row', 'first')`);
    const before = await store.countEvents();
    await expect(
      store.appendToStreams(
        [
          { streamId: 'with-rows-3', events: [anEvent({ n: 3 })], expectedVersion: 'no_stream' },
          { streamId: 'with-rows-4', events: [anEvent({ n: 4 })], expectedVersion: 'no_stream' },
        ],
        { rows: rowsOf(['r3', 'taken-row']) },
      ),
    ).rejects.toBeInstanceOf(RowsNotWrittenError);
    expect(await store.countEvents()).toBe(before);
    expect((await store.readStream('with-rows-3')).version).toBe(0);
    const { rows } = await db.pool.query(
      `select id, note from "${db.schema}".intake where id in ('r3', 'taken-row')`,
    );
    expect(rows).toEqual([{ id: 'taken-row', note: 'first' }]);
    // no head left behind by the refused statement: the stream can start as new
    await store.appendToStreams(
      [{ streamId: 'with-rows-3', events: [anEvent({ n: 5 })], expectedVersion: 'no_stream' }],
      {
        rows: rowsOf(['r3']),
      },
    );
    expect((await store.readStream('with-rows-3')).version).toBe(1);
  });

  it('with a plain insert (no ON CONFLICT): a taken key writes nothing, rows or events, and is answered the same way', async () => {
    const plainRows = (ids: string[]) => ({
      text: `insert into "${db.schema}".intake select unnest($1::text[]), 'plain' returning id`,
      values: [ids],
      expectedRows: ids.length,
    });
    await db.pool.query(`insert into "${db.schema}".intake values ('plain-taken', 'first')`);
    const before = await store.countEvents();
    const error = await store
      .appendToStreams(
        [
          { streamId: 'plain-1', events: [anEvent({ n: 9 })], expectedVersion: 'no_stream' },
          { streamId: 'plain-2', events: [anEvent({ n: 10 })], expectedVersion: 'no_stream' },
        ],
        { rows: plainRows(['p1', 'plain-taken']) },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RowsNotWrittenError);
    expect((error as RowsNotWrittenError).cause).toMatchObject({ code: '23505', constraint: 'intake_pkey' });
    expect(await store.countEvents()).toBe(before);
    expect((await store.readStream('plain-1')).version).toBe(0);
    const { rows } = await db.pool.query(
      `select id from "${db.schema}".intake where id in ('p1', 'plain-taken')`,
    );
    expect(rows).toEqual([{ id: 'plain-taken' }]);
    // and when every key is free, the rows and the events go in together
    await store.appendToStreams(
      [{ streamId: 'plain-1', events: [anEvent({ n: 11 })], expectedVersion: 'no_stream' }],
      { rows: plainRows(['p1']) },
    );
    expect((await store.readStream('plain-1')).version).toBe(1);
  });

  it('with rows, an id conflict of the events is still an id conflict, not a row taken', async () => {
    const stored = anEvent({ n: 12 });
    await store.appendToStream('ids-1', [stored], { expectedVersion: 'no_stream' });
    await expect(
      store.appendToStreams(
        [{ streamId: 'ids-2', events: [anEvent({ n: 13 }), stored], expectedVersion: 'no_stream' }],
        { rows: rowsOf(['r-ids']) },
      ),
    ).rejects.toThrow(EventIdConflictError);
    const { rows } = await db.pool.query(`select id from "${db.schema}".intake where id = 'r-ids'`);
    expect(rows).toEqual([]);
  });

  it('writes nothing when an append meets another version of its stream (a conflict is not answered in place here)', async () => {
    await store.appendToStream('with-rows-taken', [anEvent({ n: 6 })], { expectedVersion: 'no_stream' });
    await expect(
      store.appendToStreams(
        [
          { streamId: 'with-rows-5', events: [anEvent({ n: 7 })], expectedVersion: 'no_stream' },
          { streamId: 'with-rows-taken', events: [anEvent({ n: 8 })], expectedVersion: 'no_stream' },
        ],
        { rows: rowsOf(['r5', 'r6']) },
      ),
    ).rejects.toBeInstanceOf(RowsNotWrittenError);
    expect((await store.readStream('with-rows-5')).version).toBe(0);
    expect((await store.readStream('with-rows-taken')).version).toBe(1);
    const { rows } = await db.pool.query(`select id from "${db.schema}".intake where id in ('r5', 'r6')`);
    expect(rows).toEqual([]);
  });
});
