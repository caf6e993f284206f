import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { connectTestDatabase, eventually, TestDatabase } from '@jineng/testing';
import { GlobalPosition, RecordedEvent, START } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { anEvent } from '../postgres/test-events';
import { ParkedEvents, migrateParking } from '../parking/parked-events';
import type { Projection, RebuildProgress } from './projection';
import { ProjectionRunner, type ParkedNotice } from './projection-runner';

/** The read model under test: per-stream totals of the events' amounts. */
@Entity({ name: 'stream_totals' })
class StreamTotal {
  @PrimaryColumn('text', { name: 'stream_id' })
  streamId!: string;

  @Column('int')
  count!: number;

  @Column('int')
  sum!: number;
}

type Totals = { streamId: string; count: number; sum: number }[];

const amountOf = (event: RecordedEvent) => Number(event.data.amount);

/** What the table must hold after exactly these events, each applied once. */
function totalsOf(events: readonly RecordedEvent[]): Totals {
  const byStream = new Map<string, { count: number; sum: number }>();
  for (const event of events) {
    const row = byStream.get(event.streamId) ?? { count: 0, sum: 0 };
    row.count++;
    row.sum += amountOf(event);
    byStream.set(event.streamId, row);
  }
  return [...byStream]
    .map(([streamId, row]) => ({ streamId, ...row }))
    .sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
}

const positionOf = (e: RecordedEvent): GlobalPosition => ({
  transactionId: e.transactionId,
  position: e.position,
});

/** the projection; `fault` runs before each event is applied and may throw */
function totalsProjection(fault?: (event: RecordedEvent) => void): Projection {
  return {
    name: 'totals',
    entities: [StreamTotal],
    async apply(event, manager) {
      fault?.(event);
      const repository = manager.getRepository(StreamTotal);
      const row =
        (await repository.findOneBy({ streamId: event.streamId })) ??
        repository.create({ streamId: event.streamId, count: 0, sum: 0 });
      row.count += 1;
      row.sum += amountOf(event);
      await repository.save(row);
    },
  };
}

describe('ProjectionRunner with TypeORM (real PostgreSQL)', () => {
  let db: TestDatabase;
  const dataSources: DataSource[] = [];
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    db = await connectTestDatabase('projection_runner');
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });
  afterAll(async () => {
    for (const dataSource of dataSources) if (dataSource.isInitialized) await dataSource.destroy();
    await db.dispose();
  });

  /**
   * A store and its read model in a schema of their own (a projection reads the whole store), and a
   * TypeORM DataSource on it; `replica()` gives another DataSource on the same schema, as a second
   * instance of the service would have.
   */
  async function freshWorld() {
    const schema = await db.freshSchema();
    const store = await PostgresEventStore.create({ pool: db.pool, schema });
    // where a runner parks a poison event (a service gets it with its migrations)
    await migrateParking(db.pool, schema);
    const connect = async (synchronize: boolean) => {
      const dataSource = new DataSource({
        type: 'postgres',
        url: db.url,
        schema,
        entities: [StreamTotal],
        synchronize,
        extra: { max: 4 },
      });
      dataSources.push(dataSource);
      return dataSource.initialize();
    };
    const dataSource = await connect(true);
    const S = `"${schema}"`;
    return {
      store,
      dataSource,
      S,
      replica: () => connect(false),
      runner(options: { projection?: Projection; batchSize?: number; on?: DataSource } = {}) {
        const runner = new ProjectionRunner({
          store,
          dataSource: options.on ?? dataSource,
          projection: options.projection ?? totalsProjection(),
          batchSize: options.batchSize,
          pollIntervalMs: 20,
        });
        runners.push(runner);
        return runner;
      },
      async table(): Promise<Totals> {
        const { rows } = await db.pool.query<{ stream_id: string; count: number; sum: number }>(
          `select stream_id, count, sum from ${S}.stream_totals`,
        );
        return normalise(rows);
      },
      async checkpoint(): Promise<GlobalPosition | undefined> {
        const { rows } = await db.pool.query<{ transaction_id: string; position: string }>(
          `select transaction_id::text, position from ${S}.checkpoints where subscription_id = 'projection:totals'`,
        );
        return rows[0]
          ? { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) }
          : undefined;
      },
      /**
       * Everything appended, once readers may see all of it: while a runner's batch transaction is
       * open, a reader's safe horizon stops below it (ADR 0001), so the whole log shows a moment later.
       */
      async settled(count: number): Promise<RecordedEvent[]> {
        return eventually(async () => {
          const all = await this.everything();
          expect(all).toHaveLength(count);
          return all;
        });
      },
      async everything(): Promise<RecordedEvent[]> {
        const all: RecordedEvent[] = [];
        for (let at = START; ;) {
          const slice = await store.readAll(at, 1000);
          if (slice.events.length === 0) return all;
          all.push(...slice.events);
          at = slice.next;
        }
      },
    };
  }

  let amount = 0;
  /** appends `n` events with varied amounts, spread over `streams` streams, one append per event group */
  async function appendSome(store: PostgresEventStore, n: number, streams = 4, prefix = 'course') {
    for (let i = 0; i < n;) {
      const size = Math.min(n - i, 1 + (i % 3));
      const batch = Array.from({ length: size }, () =>
        anEvent({ amount: (amount = (amount * 31 + 17) % 997) + 1 }),
      );
      await store.appendToStream(`${prefix}-${i % streams}`, batch, { expectedVersion: 'any' });
      i += size;
    }
  }

  it('applies each batch to its table and its checkpoint in one transaction: they always agree', async () => {
    const world = await freshWorld();
    await appendSome(world.store, 22);
    const log = await world.everything();
    expect(log).toHaveLength(22);
    const runner = world.runner({ batchSize: 4 });
    expect(runner.checkpointId).toBe('projection:totals');

    let applied = 0;
    for (const expected of [4, 4, 4, 4, 4, 2, 0]) {
      expect(await runner.runBatch()).toBe(expected);
      applied += expected;
      // the table holds exactly the events up to the checkpoint, and the checkpoint is the last of them
      expect(await world.table()).toEqual(totalsOf(log.slice(0, applied)));
      expect(await world.checkpoint()).toEqual(positionOf(log[applied - 1]));
    }

    // seen from another connection while a batch is half applied: neither its rows nor its checkpoint
    await appendSome(world.store, 4, 2, 'late');
    const late = (await world.everything()).slice(22);
    let release: (() => void) | undefined;
    let insideView: Totals | undefined;
    let halfway!: () => void;
    const reachedHalfway = new Promise<void>((resolve) => (halfway = resolve));
    // apply the first two of the batch, then hold its transaction open
    const plain = totalsProjection();
    const held = world.runner({
      batchSize: 10,
      projection: {
        ...plain,
        async apply(event, manager) {
          if (event.id === late[2].id) {
            const rows = await manager.query(`select stream_id, count, sum from ${world.S}.stream_totals`);
            insideView = normalise(rows);
            await new Promise<void>((resolve) => {
              release = resolve;
              halfway();
            });
          }
          await plain.apply(event, manager);
        },
      },
    });
    const batch = held.runBatch();
    try {
      await Promise.race([
        reachedHalfway,
        batch.then(() => Promise.reject(new Error('the batch ended without reaching the held event'))),
      ]);
      // inside the transaction the first two are applied ...
      expect(insideView).toEqual(totalsOf([...log, late[0], late[1]]));
      // ... outside, neither they nor a moved checkpoint are to be seen
      expect(await world.table()).toEqual(totalsOf(log));
      expect(await world.checkpoint()).toEqual(positionOf(log[21]));
    } finally {
      release?.();
    }
    expect(await batch).toBe(4);
    expect(await world.table()).toEqual(totalsOf([...log, ...late]));
    expect(await world.checkpoint()).toEqual(positionOf(late[3]));
  });

  it('a crash in the third batch rolls it back whole; running again applies the rest, nothing twice', async () => {
    const world = await freshWorld();
    await appendSome(world.store, 23);
    const log = await world.everything();
    expect(log).toHaveLength(23);
    const target = log[12]; // the third event of the third batch of 5
    const attempted: string[] = [];
    const faulty = world.runner({
      batchSize: 5,
      projection: totalsProjection((event) => {
        attempted.push(event.id);
        if (event.id === target.id) throw new Error('crash while applying');
      }),
    });

    expect(await faulty.runBatch()).toBe(5);
    expect(await faulty.runBatch()).toBe(5);
    const afterTwo = totalsOf(log.slice(0, 10));
    expect(await world.table()).toEqual(afterTwo);
    expect(await world.checkpoint()).toEqual(positionOf(log[9]));

    await expect(faulty.runBatch()).rejects.toThrow('crash while applying');
    // events 10 and 11 were applied inside the failed transaction before the crash ...
    expect(attempted.slice(10)).toEqual([log[10].id, log[11].id, log[12].id]);
    // ... and rolled back with it: table and checkpoint as after batch 2
    expect(await world.table()).toEqual(afterTwo);
    expect(await world.checkpoint()).toEqual(positionOf(log[9]));
    // it keeps failing at the same place, without moving anything
    await expect(faulty.catchUp()).rejects.toThrow('crash while applying');
    expect(await world.table()).toEqual(afterTwo);
    expect(await world.checkpoint()).toEqual(positionOf(log[9]));

    // the fault is gone (a restarted process): the rest is applied once
    const healthy = world.runner({ batchSize: 5 });
    expect(await healthy.catchUp()).toBe(13);
    expect(await world.table()).toEqual(totalsOf(log));
    expect(await world.checkpoint()).toEqual(positionOf(log[22]));
    const table = await world.table();
    expect(table.reduce((n, r) => n + r.count, 0)).toBe(23);
    expect(table.reduce((n, r) => n + r.sum, 0)).toBe(log.reduce((n, e) => n + amountOf(e), 0));
  });

  it('two runners of the same projection in parallel runBatch loops apply every event exactly once', async () => {
    const world = await freshWorld();
    await appendSome(world.store, 400, 6);
    const log = await world.everything();
    expect(log).toHaveLength(400);
    const one = world.runner({ batchSize: 7 });
    const two = world.runner({ batchSize: 7, on: await world.replica() });

    const [byOne, byTwo] = await Promise.all([one.catchUp(), two.catchUp()]);
    expect(byOne + byTwo).toBe(400);
    expect(byOne).toBeGreaterThan(0); // both did take part
    expect(byTwo).toBeGreaterThan(0);
    expect(await world.table()).toEqual(totalsOf(log));
    expect(await world.checkpoint()).toEqual(positionOf(log[399]));
  });

  it('two started runners of the same projection, with writers appending meanwhile: totals exact', async () => {
    const world = await freshWorld();
    await appendSome(world.store, 50, 5);
    const errors: unknown[] = [];
    const applied = { one: 0, two: 0 };
    const counting = (who: keyof typeof applied): Projection => {
      const plain = totalsProjection();
      return {
        ...plain,
        async apply(event, manager) {
          await plain.apply(event, manager);
          applied[who]++; // counts applies, committed or not: no batch fails here, so they are the same
        },
      };
    };
    const replica = await world.replica();
    const make = (who: keyof typeof applied, on?: DataSource) =>
      new ProjectionRunner({
        store: world.store,
        dataSource: on ?? world.dataSource,
        projection: counting(who),
        batchSize: 9,
        pollIntervalMs: 20,
        onError: (error) => errors.push(error),
      });
    const one = make('one');
    const two = make('two', replica);
    runners.push(one, two);
    one.start();
    two.start();

    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 15; i++) await appendSome(world.store, 5, 3, `writer-${w}`);
      }),
    );
    const log = await world.settled(50 + 4 * 15 * 5);
    await eventually(async () => expect(await world.table()).toEqual(totalsOf(log)));
    await eventually(async () => expect(await world.checkpoint()).toEqual(positionOf(log[log.length - 1])));
    await Promise.all([one.stop(), two.stop()]);

    expect(errors).toEqual([]);
    expect(applied.one + applied.two).toBe(log.length);
    expect(await world.table()).toEqual(totalsOf(log));
  });

  it('rebuild from zero gives the same table as the incremental run, and reports its progress', async () => {
    const world = await freshWorld();
    const runner = world.runner({ batchSize: 6 });
    // built incrementally, in rounds, as a live service would
    for (let round = 0; round < 5; round++) {
      await appendSome(world.store, 9 + round, 5);
      await runner.catchUp();
    }
    const log = await world.everything();
    expect(log).toHaveLength(9 + 10 + 11 + 12 + 13);
    const incremental = await world.table();
    expect(incremental).toEqual(totalsOf(log));

    // a read model that has drifted (a bug since fixed, a hand edit): the rebuild must not keep any of it
    await db.pool.query(`update ${world.S}.stream_totals set sum = sum + 1000 where stream_id = 'course-0'`);
    await db.pool.query(
      `insert into ${world.S}.stream_totals (stream_id, count, sum) values ('ghost', 1, 1)`,
    );
    expect(await world.table()).not.toEqual(incremental);

    const progress: RebuildProgress[] = [];
    const result = await world.runner({ batchSize: 6 }).rebuild((p) => progress.push(p));

    expect(await world.table()).toEqual(incremental);
    expect(await world.checkpoint()).toEqual(positionOf(log[log.length - 1]));
    expect(result).toEqual({ processed: log.length, total: log.length });
    expect(progress[0]).toEqual({ processed: 0, total: log.length });
    expect(progress[progress.length - 1]).toEqual({ processed: log.length, total: log.length });
    expect(progress.map((p) => p.processed)).toEqual(
      Array.from({ length: Math.ceil(log.length / 6) + 1 }, (_, i) => Math.min(i * 6, log.length)),
    );
    expect(progress.every((p) => p.total === log.length)).toBe(true);
  });

  it('start() follows new events until stop()', async () => {
    const world = await freshWorld();
    await appendSome(world.store, 10);
    const runner = world.runner({ batchSize: 4 });
    runner.start();

    const first = await world.settled(10);
    await eventually(async () => expect(await world.table()).toEqual(totalsOf(first)));
    await appendSome(world.store, 7, 2, 'later');
    const log = await world.settled(17);
    await eventually(async () => expect(await world.table()).toEqual(totalsOf(log)));
    await eventually(async () => expect(await world.checkpoint()).toEqual(positionOf(log[16])));

    await runner.stop();
    await appendSome(world.store, 5, 1, 'after-stop');
    const all = await world.everything();
    expect(all).toHaveLength(22); // nothing running now holds the horizon back
    // a stopped runner applies nothing more: what came after the stop is all still to do
    expect(await world.table()).toEqual(totalsOf(log));
    expect(await runner.runBatch()).toBe(4);
    expect(await runner.catchUp()).toBe(1);
    expect(await world.table()).toEqual(totalsOf(all));
  });

  it('stop() with a batch in hand returns once it has committed, not after a poll interval', async () => {
    const world = await freshWorld();
    await appendSome(world.store, 3);
    const log = await world.settled(3);
    let release: (() => void) | undefined;
    let inHand!: () => void;
    const batchInHand = new Promise<void>((resolve) => (inHand = resolve));
    const plain = totalsProjection();
    const runner = new ProjectionRunner({
      store: world.store,
      dataSource: world.dataSource,
      // a quiet store polled rarely: stopping must not have to wait for the next poll
      pollIntervalMs: 10 * 60_000,
      projection: {
        ...plain,
        async apply(event, manager) {
          await plain.apply(event, manager);
          if (event.id === log[2].id) {
            await new Promise<void>((resolve) => {
              release = resolve;
              inHand();
            });
          }
        },
      },
    });
    runners.push(runner);
    runner.start();
    await batchInHand;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    release?.();
    await eventually(() => expect(stopped).toBe(true));
    await stopping;
    expect(await world.table()).toEqual(totalsOf(log));
    expect(await world.checkpoint()).toEqual(positionOf(log[2]));
  });

  it('parks a poison event after its last attempt, holds back only its own stream, and applies both on replay', async () => {
    const world = await freshWorld();
    await appendSome(world.store, 12, 3); // course-0, course-1, course-2
    const log = await world.settled(12);
    const ofStream = (id: string) => log.filter((e) => e.streamId === id);
    const poison = ofStream('course-1')[1]; // version 2 of course-1: its version 3+ must wait for it
    let broken = true;
    const attempts: string[] = [];
    const parked: ParkedNotice[] = [];
    const runner = new ProjectionRunner({
      store: world.store,
      dataSource: world.dataSource,
      projection: totalsProjection((event) => {
        if (event.id !== poison.id) return;
        attempts.push(event.id);
        if (broken) throw new Error('cannot project this one');
      }),
      pollIntervalMs: 20,
      maxAttempts: 3,
      retryDelaysMs: [20],
      replayPollMs: 50,
      onParked: (notice) => parked.push(notice),
    });
    runners.push(runner);
    runner.start();

    await eventually(() => expect(parked).toHaveLength(1));
    expect(parked[0]).toMatchObject({
      subscriber: 'projection:totals',
      attempts: 3,
      event: { id: poison.id },
    });
    expect(attempts).toHaveLength(3); // the attempts that failed; parked without a fourth
    const before = ofStream('course-1').filter((e) => e.version < poison.version);
    const others = log.filter((e) => e.streamId !== 'course-1');
    // every other stream is complete; course-1 stops before its poison event
    await eventually(async () => expect(await world.table()).toEqual(totalsOf([...others, ...before])));
    await eventually(async () => expect(await world.checkpoint()).toEqual(positionOf(log[11])));
    const parking = new ParkedEvents(world.S.slice(1, -1));
    const open = await parking.list(db.pool);
    expect(open.map((p) => [p.streamVersion, p.reason, p.status])).toEqual(
      ofStream('course-1')
        .filter((e) => e.version >= poison.version)
        .map((e) => [e.version, e.id === poison.id ? 'failed' : 'held', 'parked']),
    );
    expect(open[0].error).toEqual({ name: 'Error', message: 'cannot project this one' });

    // a later event of the parked stream waits behind it too; another stream's does not
    await world.store.appendToStream('course-1', [anEvent({ amount: 5 })], { expectedVersion: 'any' });
    await world.store.appendToStream('course-0', [anEvent({ amount: 7 })], { expectedVersion: 'any' });
    const grown = await world.settled(14);
    const late0 = grown.find(
      (e) => e.streamId === 'course-0' && e.version === ofStream('course-0').length + 1,
    )!;
    await eventually(async () =>
      expect(await world.table()).toEqual(totalsOf([...others, late0, ...before])),
    );
    expect((await parking.list(db.pool)).length).toBe(open.length + 1);

    // a replay that fails again parks them again, with the reason
    await parking.requestReplay(db.pool, { parkedIds: [open[0].parkedId] });
    await eventually(async () => {
      const [first] = await parking.list(db.pool, { parkedIds: [open[0].parkedId] });
      expect(first.status).toBe('parked');
      expect(first.replayError?.message).toContain('cannot project this one');
    });

    // fixed: the replay applies the stream's parked events in order, once
    broken = false;
    await parking.requestReplay(db.pool, { parkedIds: [open[0].parkedId] });
    await eventually(async () => expect(await world.table()).toEqual(totalsOf(grown)));
    expect(await parking.list(db.pool)).toEqual([]);
    const replayed = await parking.list(db.pool, { statuses: ['replayed'] });
    expect(replayed).toHaveLength(open.length + 1);
    // the stream flows again
    await world.store.appendToStream('course-1', [anEvent({ amount: 11 })], { expectedVersion: 'any' });
    const all = await world.settled(15);
    await eventually(async () => expect(await world.table()).toEqual(totalsOf(all)));
    expect((await parking.list(db.pool, { statuses: ['replayed'] })).length).toBe(open.length + 1);
  });
});

function normalise(rows: { stream_id: string; count: number; sum: number }[]): Totals {
  return rows
    .map((r) => ({ streamId: r.stream_id, count: r.count, sum: r.sum }))
    .sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
}
