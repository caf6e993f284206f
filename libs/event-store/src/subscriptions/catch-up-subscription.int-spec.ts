import { connectTestDatabase, eventually, TestDatabase } from '@jineng/testing';
import { GlobalPosition, RecordedEvent, START } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { events } from '../postgres/test-events';
import { CatchUpSubscription } from './catch-up-subscription';

const positionOf = (e: RecordedEvent): GlobalPosition => ({
  transactionId: e.transactionId,
  position: e.position,
});
const ids = (list: readonly RecordedEvent[]) => list.map((e) => e.id);

describe('CatchUpSubscription (real PostgreSQL)', () => {
  let db: TestDatabase;
  const running: CatchUpSubscription[] = [];

  beforeAll(async () => {
    db = await connectTestDatabase('catch_up_subscription');
  });
  afterEach(async () => {
    // a failed test must not leave a loop polling a schema that is about to be dropped
    await Promise.all(running.splice(0).map((sub) => sub.stop()));
  });
  afterAll(async () => {
    await db.dispose();
  });

  /** Each test gets a store of its own: a subscription reads the whole store. */
  async function freshStore() {
    const schema = await db.freshSchema();
    const store = await PostgresEventStore.create({ pool: db.pool, schema });
    return { store, schema, S: `"${schema}"` };
  }

  function subscribe(options: ConstructorParameters<typeof CatchUpSubscription>[0]) {
    const sub = new CatchUpSubscription(options);
    running.push(sub);
    sub.start();
    return sub;
  }

  async function readEverything(store: PostgresEventStore): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for (let at = START; ;) {
      const slice = await store.readAll(at, 1000);
      if (slice.events.length === 0) return all;
      all.push(...slice.events);
      at = slice.next;
    }
  }

  async function checkpointRows(S: string) {
    const { rows } = await db.pool.query<{
      subscription_id: string;
      transaction_id: string;
      position: string;
    }>(
      `select subscription_id, transaction_id::text, position from ${S}.checkpoints order by subscription_id`,
    );
    return rows.map((r) => ({
      id: r.subscription_id,
      transactionId: BigInt(r.transaction_id),
      position: BigInt(r.position),
    }));
  }

  /** appends to a few streams in turn, one append per call, so that streams interleave in the global order */
  async function appendInterleaved(store: PostgresEventStore, appends: number, tag: string) {
    for (let i = 0; i < appends; i++) {
      await store.appendToStream(
        `${tag}-${i % 3}`,
        events(1 + (i % 4), (n) => ({ tag, i, n })),
        { expectedVersion: 'any' },
      );
    }
  }

  it('catches up with the existing events, then follows new ones, in global order', async () => {
    const { store, S } = await freshStore();
    await appendInterleaved(store, 10, 'before'); // 1+2+3+4+1+2+3+4+1+2 = 23 events
    const existing = await readEverything(store);
    expect(existing).toHaveLength(23);

    const seen: RecordedEvent[] = [];
    const batches: number[] = [];
    const sub = subscribe({
      store,
      subscriptionId: 'follow',
      batchSize: 7,
      handle: async (batch) => {
        batches.push(batch.length);
        seen.push(...batch);
      },
    });
    await eventually(() => expect(ids(seen)).toEqual(ids(existing)));
    expect(batches.slice(0, 4)).toEqual([7, 7, 7, 2]); // in pages of the batch size

    await appendInterleaved(store, 6, 'after'); // 13 more, through this process's store
    // and 5 from "another process": a second store object on the same schema, which nudges nobody
    const elsewhere = await PostgresEventStore.create({ pool: db.pool, schema: S.slice(1, -1) });
    await elsewhere.appendToStream('elsewhere', events(5), { expectedVersion: 'no_stream' });

    const everything = await readEverything(store);
    expect(everything).toHaveLength(41);
    await eventually(() => expect(ids(seen)).toEqual(ids(everything)));

    // global order: strictly increasing (transaction id, position), streams interleaved
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      expect(
        b.transactionId > a.transactionId || (b.transactionId === a.transactionId && b.position > a.position),
      ).toBe(true);
    }
    expect(new Set(seen.slice(0, 6).map((e) => e.streamId)).size).toBeGreaterThan(1);

    // the durable checkpoint ends at the last event handled
    const last = positionOf(seen[seen.length - 1]);
    await eventually(async () => expect(await checkpointRows(S)).toEqual([{ id: 'follow', ...last }]));
    expect(sub.position).toEqual(last);
  });

  it('stopped while writers append and resumed by a new instance: every event exactly once', async () => {
    const { store, S } = await freshStore();
    await appendInterleaved(store, 20, 'initial'); // 5 × (1+2+3+4) = 50 events

    const written = new Set<string>();
    let writing = true;
    const writer = async (w: number) => {
      let n = 0;
      while (writing) {
        const batch = events(1 + ((w + n) % 5), (i) => ({ w, n: n + i }));
        await store.appendToStream(`shared-${(w + n) % 5}`, batch, { expectedVersion: 'any' });
        batch.forEach((e) => written.add(e.id));
        n += batch.length;
      }
    };

    const first: RecordedEvent[] = [];
    const second: RecordedEvent[] = [];
    const batchesOfFirst: string[][] = [];
    // the first run's handler holds one batch in hand until the test has asked it to stop
    let release: (() => void) | undefined;
    let heldBatch: string[] | undefined;
    const handleInto =
      (into: RecordedEvent[], batches?: string[][]) => async (batch: readonly RecordedEvent[]) => {
        into.push(...batch);
        batches?.push(ids(batch));
        if (batches && !heldBatch && into.length > 150) {
          heldBatch = ids(batch);
          await new Promise<void>((resolve) => (release = resolve));
        }
        await new Promise((resolve) => setImmediate(resolve)); // a handler that does some I/O
      };
    const options = { store, subscriptionId: 'resumable', batchSize: 13 };

    const sub1 = subscribe({ ...options, handle: handleInto(first, batchesOfFirst) });
    const writers = Promise.all(Array.from({ length: 4 }, (_, w) => writer(w)));
    try {
      // stop in the middle of the writers' run, with a batch in hand
      await eventually(() => expect(release).toBeDefined());
      const stopping = sub1.stop();
      release?.();
      await stopping;
      const writtenAtStop = written.size;
      // stop() waited for the batch in hand, saved its checkpoint, and handled nothing after it
      expect(batchesOfFirst[batchesOfFirst.length - 1]).toEqual(heldBatch);
      expect(await checkpointRows(S)).toEqual([{ id: 'resumable', ...positionOf(first[first.length - 1]) }]);

      const sub2 = subscribe({ ...options, handle: handleInto(second) });
      await eventually(() => expect(written.size).toBeGreaterThan(writtenAtStop + 200));
      await eventually(() => expect(second.length).toBeGreaterThan(0));
      writing = false;
      await writers;
      expect(written.size).toBeGreaterThan(writtenAtStop); // the writers did go on after the stop

      const everything = await readEverything(store);
      expect(everything).toHaveLength(50 + written.size);
      const all = new Set(ids(everything));
      await eventually(() => expect(new Set([...ids(first), ...ids(second)])).toEqual(all));
      await sub2.stop();
    } finally {
      writing = false;
      await writers;
    }

    // no loss, no duplicate: the two runs together are the whole log, once, in global order
    expect([...ids(first), ...ids(second)]).toEqual(ids(await readEverything(store)));
    expect(
      [...written].every((id) => first.some((e) => e.id === id) || second.some((e) => e.id === id)),
    ).toBe(true);
    const last = second[second.length - 1];
    expect(await checkpointRows(S)).toEqual([{ id: 'resumable', ...positionOf(last) }]);
  });

  it('stop() with a batch in hand returns once that batch is done, not after a poll interval', async () => {
    const { store, S } = await freshStore();
    await store.appendToStream('slow', events(3), { expectedVersion: 'no_stream' });
    const seen: RecordedEvent[] = [];
    let release: (() => void) | undefined;
    let inHand!: () => void;
    const batchInHand = new Promise<void>((resolve) => (inHand = resolve));
    const sub = subscribe({
      store,
      subscriptionId: 'slow',
      // a quiet store polled rarely: stopping must not have to wait for the next poll
      pollIntervalMs: 10 * 60_000,
      retryDelayMs: 10 * 60_000,
      handle: async (batch) => {
        seen.push(...batch);
        await new Promise<void>((resolve) => {
          release = resolve;
          inHand();
        });
      },
    });
    await batchInHand;
    let stopped = false;
    const stopping = sub.stop().then(() => (stopped = true));
    release?.();
    await eventually(() => expect(stopped).toBe(true));
    await stopping;
    expect(ids(seen)).toEqual(ids((await store.readStream('slow')).events));
    expect(await checkpointRows(S)).toEqual([{ id: 'slow', ...positionOf(seen[2]) }]);
  });

  it('a handler that throws: the checkpoint stays, the batch comes again, and after recovery nothing is lost', async () => {
    const { store, S } = await freshStore();
    for (let i = 0; i < 5; i++) {
      await store.appendToStream(
        `retry-${i % 2}`,
        events(4, (n) => ({ i, n })),
        { expectedVersion: 'any' },
      );
    }
    const log = await readEverything(store);
    expect(log).toHaveLength(20);
    const poison = log[7]; // in the second batch of 5: log[5..9]

    let failing = true;
    const calls: { ids: string[]; failed: boolean }[] = [];
    const processed: string[] = []; // what the handler got done, also in attempts that failed halfway
    const errors: unknown[] = [];
    subscribe({
      store,
      subscriptionId: 'flaky',
      batchSize: 5,
      retryDelayMs: 10,
      onError: (error) => errors.push(error),
      handle: async (batch) => {
        const call = { ids: ids(batch), failed: false };
        calls.push(call);
        for (const event of batch) {
          if (failing && event.id === poison.id) {
            call.failed = true;
            throw new Error('read model unavailable');
          }
          processed.push(event.id);
        }
      },
    });

    await eventually(() => expect(calls.filter((c) => c.failed).length).toBeGreaterThanOrEqual(3));
    // while it fails, the checkpoint stays after the first batch
    expect(await checkpointRows(S)).toEqual([{ id: 'flaky', ...positionOf(log[4]) }]);
    failing = false;

    await eventually(async () =>
      expect(await checkpointRows(S)).toEqual([{ id: 'flaky', ...positionOf(log[19]) }]),
    );
    const failed = calls.filter((c) => c.failed);
    const succeeded = calls.filter((c) => !c.failed);
    expect(errors.length).toBe(failed.length);
    expect(errors.every((e) => (e as Error).message === 'read model unavailable')).toBe(true);

    // every failed attempt was the same batch, from the same place, and it was delivered again after
    const secondBatch = ids(log.slice(5, 10));
    expect(failed.every((c) => c.ids.join() === secondBatch.join())).toBe(true);
    expect(succeeded.map((c) => c.ids)).toContainEqual(secondBatch);
    // at-least-once: what the failing attempts had done before the throw is done again
    const times = (id: string) => processed.filter((p) => p === id).length;
    expect(times(log[5].id)).toBe(failed.length + 1);
    expect(times(log[6].id)).toBe(failed.length + 1);
    expect(times(poison.id)).toBe(1);
    // no event lost: the successful batches are the whole log, once each, in order
    expect(succeeded.flatMap((c) => c.ids)).toEqual(ids(log));
    expect(new Set(processed)).toEqual(new Set(ids(log)));
  });

  it('two subscriptions with different ids keep independent checkpoints', async () => {
    const { store, S } = await freshStore();
    await store.appendToStream('s-1', events(12), { expectedVersion: 'no_stream' });

    const seenA: RecordedEvent[] = [];
    const seenB: RecordedEvent[] = [];
    const a1 = subscribe({
      store,
      subscriptionId: 'a',
      batchSize: 5,
      handle: async (b) => void seenA.push(...b),
    });
    await eventually(() => expect(seenA).toHaveLength(12));
    await a1.stop();
    const afterFirst = (await store.readStream('s-1')).events;
    expect(await checkpointRows(S)).toEqual([{ id: 'a', ...positionOf(afterFirst[11]) }]);

    await store.appendToStream('s-2', events(6), { expectedVersion: 'no_stream' });
    const b = subscribe({
      store,
      subscriptionId: 'b',
      batchSize: 5,
      handle: async (b) => void seenB.push(...b),
    });
    // b starts from the beginning, not from a's checkpoint
    await eventually(() => expect(seenB).toHaveLength(18));
    const s2 = (await store.readStream('s-2')).events;
    await eventually(async () =>
      expect(await checkpointRows(S)).toEqual([
        { id: 'a', ...positionOf(afterFirst[11]) },
        { id: 'b', ...positionOf(s2[5]) },
      ]),
    );
    await b.stop();

    await store.appendToStream('s-3', events(3), { expectedVersion: 'no_stream' });
    const resumedA: RecordedEvent[] = [];
    subscribe({ store, subscriptionId: 'a', batchSize: 5, handle: async (b) => void resumedA.push(...b) });
    // a resumes from its own checkpoint: only what came after it, s-2 and s-3
    const s3 = (await store.readStream('s-3')).events;
    await eventually(() => expect(ids(resumedA)).toEqual([...ids(s2), ...ids(s3)]));
    await eventually(async () =>
      expect(await checkpointRows(S)).toEqual([
        { id: 'a', ...positionOf(s3[2]) },
        { id: 'b', ...positionOf(s2[5]) }, // b, stopped, did not move
      ]),
    );
    expect(ids(seenA)).toEqual(ids(afterFirst));
    expect(ids(seenB)).toEqual([...ids(afterFirst), ...ids(s2)]);
  });
  it('does not spin while appends are held back behind a running transaction, and delivers them once visible', async () => {
    const { store } = await freshStore();
    const seen: RecordedEvent[] = [];
    const sub = subscribe({
      store,
      subscriptionId: 'held',
      pollIntervalMs: 50,
      handle: async (batch) => void seen.push(...batch),
    });
    await eventually(() => expect(sub.stats.reads).toBeGreaterThan(0));
    // What a subscription sees while a transaction elsewhere holds the readers' horizon: this process
    // appends (its append count moves, each append nudges the subscription) and every read comes back
    // empty. Holding a real transaction open here would hold back every reader of the shared server
    // (other test files' too), so the appends' side is played by the store's own counter and nudge.
    const readsBefore = sub.stats.reads;
    const until = Date.now() + 300;
    let nudges = 0;
    while (Date.now() < until) {
      store.appendCount++;
      store.appended.emit('appended', 'held');
      nudges++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // it backs off to its poll interval instead of reading again at every nudge (300 ms / 50 ms, after
    // the 1, 2, 4 … ms steps)
    const reads = sub.stats.reads - readsBefore;
    expect(nudges).toBeGreaterThan(40);
    expect(reads).toBeLessThan(20);
    expect(sub.stats.emptyReads).toBeGreaterThanOrEqual(reads);
    // and what becomes readable is delivered within the poll interval
    const written = events(3);
    await store.appendToStream('held-1', written, { expectedVersion: 'no_stream' });
    await eventually(() => expect(ids(seen)).toEqual(written.map((e) => e.id)), { timeoutMs: 2_000 });
  });

  it('checkpointEveryMs: a busy subscription saves its checkpoint at most that often, and whenever it is caught up', async () => {
    const { store, S } = await freshStore();
    await appendInterleaved(store, 10, 'busy'); // 23 events
    const checkpointsSeen: (GlobalPosition & { id: string })[][] = [];
    const handled: RecordedEvent[] = [];
    subscribe({
      store,
      subscriptionId: 'busy',
      batchSize: 5,
      checkpointEveryMs: 60_000,
      handle: async (batch) => {
        checkpointsSeen.push(await checkpointRows(S));
        handled.push(...batch);
      },
    });
    await eventually(() => expect(handled).toHaveLength(23));
    // saved after the first batch, then not again while busy (batches 2 to 5 saw the first one's position)
    expect(checkpointsSeen[0]).toEqual([]);
    for (const seenThen of checkpointsSeen.slice(1))
      expect(seenThen).toEqual([{ id: 'busy', ...positionOf(handled[4]) }]);
    // and saved once caught up (the last batch was short and nothing was appended meanwhile)
    await eventually(async () =>
      expect(await checkpointRows(S)).toEqual([{ id: 'busy', ...positionOf(handled[22]) }]),
    );
  });
});
