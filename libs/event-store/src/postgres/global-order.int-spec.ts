import { connectTestDatabase, TestDatabase } from '@jineng/testing';
import { GlobalPosition, RecordedEvent, START } from '../event-store.port';
import { PostgresEventStore, readAllSql } from './postgres-event-store';
import { anEvent, events } from './test-events';

const after = (a: GlobalPosition, b: GlobalPosition) =>
  a.transactionId > b.transactionId || (a.transactionId === b.transactionId && a.position > b.position);

async function readEverything(store: PostgresEventStore, from = START, page = 100): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  for (let at = from; ;) {
    const slice = await store.readAll(at, page);
    if (slice.events.length === 0) return seen;
    seen.push(...slice.events);
    at = slice.next;
  }
}

describe('global order readers can trust (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  /** Waits until every transaction up to `transactionId` is below the readers' horizon. */
  async function horizonPassed(transactionId: bigint, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await db.pool.query<{ xmin: string }>(
        'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
      );
      if (BigInt(rows[0].xmin) > transactionId) return;
      if (Date.now() > deadline) throw new Error(`the horizon stayed at or below ${transactionId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    db = await connectTestDatabase('global_order', 24);
    store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
  });
  afterAll(() => db.dispose());

  it('a reader does not move past an open transaction and delivers both once it commits', async () => {
    const early = anEvent({ who: 'early, committed last' });
    const late = anEvent({ who: 'late, committed first' });
    const open = await db.pool.connect();
    try {
      await open.query('begin');
      // the early writer gets its transaction id and position first, then stays open
      await store.appendToStream('order-a', [early], { expectedVersion: 'any', on: open });
      await store.appendToStream('order-b', [late], { expectedVersion: 'any' });

      // `late` is committed and visible to a plain query, yet a reader must not hand it out:
      // after checkpointing past it, `early` would commit with a smaller position and be lost.
      const { rows } = await db.pool.query(`select count(*)::int as n from "${db.schema}".events`);
      expect(rows[0].n).toBe(1);
      const blocked = await store.readAll(START, 100);
      expect(blocked.events).toHaveLength(0);
      expect(blocked.next).toEqual(START);

      await open.query('commit');
    } finally {
      open.release();
    }
    const delivered = await readEverything(store);
    expect(delivered.map((e) => e.id)).toEqual([early.id, late.id]);
  });

  it('8 concurrent writers, 4 catch-up readers, 20 000 events: every reader sees every event exactly once, in order', async () => {
    const writers = 8;
    const perWriter = 2500;
    const total = writers * perWriter;
    const base = await readEverything(store);
    const from = base.length
      ? { transactionId: base[base.length - 1].transactionId, position: base[base.length - 1].position }
      : START;
    const written = new Set<string>();
    let lastWriterTransaction = 0n;
    let writing = true;

    const writer = async (w: number) => {
      let done = 0;
      let stream = 0;
      while (done < perWriter) {
        // batches of 1..8 events to streams shared between writers: lock waits and interleaved positions
        const size = Math.min(perWriter - done, 1 + ((w + done) % 8));
        const batch = events(size, (i) => ({ w, n: done + i }));
        const result = await store.appendToStream(`stress-${(w + stream++) % 24}`, batch, {
          expectedVersion: 'any',
        });
        for (const { transactionId } of result.positions)
          if (transactionId > lastWriterTransaction) lastWriterTransaction = transactionId;
        batch.forEach((e) => written.add(e.id));
        done += size;
      }
    };

    const reader = async () => {
      const seen: RecordedEvent[] = [];
      let at = from;
      while (seen.length < total) {
        const slice = await store.readAll(at, 1 + Math.floor(Math.random() * 400));
        seen.push(...slice.events);
        at = slice.next;
        if (slice.events.length === 0) {
          if (!writing && seen.length < total) {
            // all writers are done; once every reader may see their transactions (the horizon is
            // server-wide: another test's open transaction can hold it back for a while), whatever
            // is still unseen is lost for good
            await horizonPassed(lastWriterTransaction);
            const rest = await store.readAll(at, total);
            seen.push(...rest.events);
            break;
          }
          await new Promise((r) => setImmediate(r));
        }
      }
      return seen;
    };

    const readers = Array.from({ length: 4 }, () => reader());
    try {
      await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    } finally {
      writing = false; // readers stop either way
    }
    const results = await Promise.all(readers);

    expect(written.size).toBe(total);
    for (const seen of results) {
      const ids = seen.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length); // none twice
      expect(ids.length).toBe(total); // none skipped
      expect(ids.every((id) => written.has(id))).toBe(true);
      for (let i = 1; i < seen.length; i++) expect(after(seen[i], seen[i - 1])).toBe(true);
    }
    // and every reader saw the same order
    const order = results[0].map((e) => e.id).join();
    expect(results.every((seen) => seen.map((e) => e.id).join() === order)).toBe(true);
    // the prefetching page iterator hands out exactly the same sequence
    const paged: string[] = [];
    for await (const slice of store.readAllPages(from, 777)) paged.push(...slice.events.map((e) => e.id));
    expect(paged.join()).toBe(order);
    // stream versions stayed gapless under contention
    const { rows } = await db.pool.query(
      `select stream_id, count(*)::int as n, max(version)::int as v from "${db.schema}".events where stream_id like 'stress-%' group by stream_id`,
    );
    expect(rows.every((r) => r.n === r.v)).toBe(true);
  });
});

describe('the read-all query plan', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await connectTestDatabase('read_all_plan');
    store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
    for (let i = 0; i < 20; i++)
      await store.appendToStream(`plan-${i}`, events(200), { expectedVersion: 'any' });
    await db.pool.query(`analyze "${db.schema}".events`);
  });
  afterAll(() => db.dispose());

  it('walks the global-order index in (transaction_id, position) order, sorting nothing', async () => {
    // A sort here would mean ordering by something else than the xid8 column (e.g. its text form,
    // which is lexical: '100000' < '99999') and reading the whole table for every page.
    const { rows } = await db.pool.query(`explain (format json) ${readAllSql(`"${db.schema}"`)}`, [
      '0',
      '0',
      1000,
    ]);
    const plan = JSON.stringify(rows[0]['QUERY PLAN']);
    expect(plan).toContain('"Index Name":"events_global_order"');
    expect(plan).not.toContain('"Node Type":"Sort"');
    expect(plan).not.toContain('Seq Scan');
  });
});
