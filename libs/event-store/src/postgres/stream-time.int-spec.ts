// As-of reads are exact: reading a stream as of any time gives a prefix of it, never version N+1
// without N — also when appends to one stream race through the group-commit lanes, and when a
// transaction that began before another append gets the stream's head after it (ADR 0001, decision 6).
import { connectTestDatabase, TestDatabase } from '@jineng/testing';
import { ChainVerifier } from '../chain/chain-verifier';
import { PostgresEventStore } from './postgres-event-store';
import { events } from './test-events';

let db: TestDatabase;

beforeAll(async () => {
  db = await connectTestDatabase('stream_time');
});
afterAll(() => db.dispose());

/** Every as-of read at every recorded time of the stream is exactly the versions recorded up to then. */
async function expectAsOfReadsArePrefixes(store: PostgresEventStore, streamId: string): Promise<number> {
  const { events: all } = await store.readStream(streamId);
  const times = all.map((e) => e.recordedAt.getTime());
  for (let i = 1; i < times.length; i++) {
    if (times[i] < times[i - 1])
      throw new Error(`version ${i + 1} was recorded before version ${i} (${times[i]} < ${times[i - 1]})`);
  }
  const distinct = [...new Set(times)];
  for (const time of distinct) {
    const asOf = await store.readStream(streamId, { asOf: new Date(time) });
    const expected = times.filter((t) => t <= time).length;
    expect({ time, versions: asOf.events.map((e) => e.version) }).toEqual({
      time,
      versions: Array.from({ length: expected }, (_, i) => i + 1),
    });
    expect(asOf.version).toBe(expected);
  }
  return distinct.length;
}

it('a transaction that began before another append records a time after it', async () => {
  const schema = await db.freshSchema();
  const store = await PostgresEventStore.create({ pool: db.pool, schema });
  const early = await db.pool.connect();
  try {
    await early.query('begin');
    await early.query('select 1'); // the transaction has started: now() is fixed from here
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.appendToStream('class-1', events(1), { expectedVersion: 'no_stream' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.appendToStream('class-1', events(1), { expectedVersion: 1, on: early });
    await early.query('commit');
  } finally {
    early.release();
  }
  const [first, second] = (await store.readStream('class-1')).events;
  expect(second.recordedAt.getTime()).toBeGreaterThanOrEqual(first.recordedAt.getTime());
  await expectAsOfReadsArePrefixes(store, 'class-1');
  expect((await new ChainVerifier(db.pool, schema).verifyStream('class-1')).ok).toBe(true);
});

it('concurrent appends to one stream through the group-commit lanes: every as-of read is a prefix', async () => {
  const schema = await db.freshSchema();
  const store = await PostgresEventStore.create({
    pool: db.pool,
    schema,
    groupCommit: { maxInFlight: 4, maxGroupSize: 16 },
  });
  // one hot stream and a few others, so that groups mix streams and lanes overtake each other
  const appends = Array.from({ length: 400 }, (_, i) =>
    store.appendToStream(i % 3 === 0 ? `other-${i % 7}` : 'hot', events(1 + (i % 3)), {
      expectedVersion: 'any',
    }),
  );
  await Promise.all(appends);
  const hot = await store.readStream('hot');
  expect(hot.version).toBe(
    Array.from({ length: 400 }, (_, i) => i)
      .filter((i) => i % 3 !== 0)
      .reduce((n, i) => n + 1 + (i % 3), 0),
  );
  const distinctTimes = await expectAsOfReadsArePrefixes(store, 'hot');
  expect(distinctTimes).toBeGreaterThan(1);
  for (let s = 0; s < 7; s++) await expectAsOfReadsArePrefixes(store, `other-${s}`);
  expect(await new ChainVerifier(db.pool, schema).verifyAll()).toMatchObject({ ok: true, broken: [] });
  // the stream head keeps the time of its last event: the next append starts from there
  const { rows } = await db.pool.query<{ last: Date }>(
    `select last_recorded_at as last from "${schema}".streams where stream_id = 'hot'`,
  );
  expect(rows[0].last.getTime()).toBe(hot.events[hot.events.length - 1].recordedAt.getTime());
});
