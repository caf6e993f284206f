import { connectTestDatabase, TestDatabase } from '@jineng/testing';
import { START } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { anEvent } from './test-events';

// A schema's name may take PostgreSQL's whole 63 bytes: the store's prepared statements must still be
// statements of their own on one connection. Named `<schema>.read_all` and `<schema>.read_all_text`,
// both were cut to the same 63 bytes and the second failed ("prepared statement … already exists").
describe('prepared statements of a store whose schema has a long name (real PostgreSQL)', () => {
  let db: TestDatabase;
  let schema: string;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await connectTestDatabase('statement_names', 1);
    schema = `${db.schema}_${'x'.repeat(62 - db.schema.length)}`;
    expect(schema).toHaveLength(63);
    await db.pool.query(`create schema "${schema}"`);
    store = await PostgresEventStore.create({ pool: db.pool, schema });
  });
  afterAll(async () => {
    await db.pool.query(`drop schema if exists "${schema}" cascade`);
    await db.dispose();
  });

  it('appends and reads with every statement on the one connection of its pool', async () => {
    await db.pool.query(`create table "${schema}".marks (id text primary key)`);
    for (const n of [1, 2]) {
      await store.appendToStream(`long-${n}`, [anEvent({ n })], { expectedVersion: 'no_stream' });
      await store.appendToStreams(
        [{ streamId: `long-rows-${n}`, events: [anEvent({ n })], expectedVersion: 'no_stream' }],
        {
          rows: {
            text: `insert into "${schema}".marks (id) values ($1) returning id`,
            values: [`mark-${n}`],
            expectedRows: 1,
          },
        },
      );
      // the parsed and the text read in turn: each prepared once, then used again
      expect((await store.readAll(START, 10)).events).toHaveLength(2 * n);
      expect((await store.readAllText(START, 10)).events).toHaveLength(2 * n);
    }
    expect(db.pool.totalCount).toBe(1);
  });
});
