// append_group (migration 0004): a group of appends judged and written as a set. Mixed groups — a
// conflict in the middle, an id twice in one group, two appends to one stream — answer exactly what
// the appends would answer one after the other (append_many, kept from migration 0002, is the oracle).
import { randomUUID } from 'node:crypto';
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { ChainVerifier } from '../chain/chain-verifier';
import {
  EventIdConflictError,
  WrongExpectedVersionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedVersion,
} from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { anEvent, events } from './test-events';

let db: TestDatabase;

beforeAll(async () => {
  db = await connectTestDatabase('append_group');
});
afterAll(() => db.dispose());

async function freshStore(groupCommit?: { maxInFlight: number; maxGroupSize: number }) {
  const schema = await db.freshSchema();
  const store = await PostgresEventStore.create({ pool: db.pool, schema, groupCommit });
  return { store, schema, verifier: new ChainVerifier(db.pool, schema) };
}

type Append = { streamId: string; events: EventToAppend[]; expectedVersion: ExpectedVersion };

/** One group, inside a transaction of its own (appendToStreams sends the group as one call). */
async function inOneGroup(store: PostgresEventStore, appends: Append[]) {
  const tx = await db.pool.connect();
  try {
    await tx.query('begin');
    const results = await store.appendToStreams(appends, { on: tx });
    await tx.query('commit');
    return results;
  } catch (error) {
    await tx.query('rollback');
    throw error;
  } finally {
    tx.release();
  }
}

const ids = async (store: PostgresEventStore, streamId: string) =>
  (await store.readStream(streamId)).events.map((e) => e.id);

const headRows = async (schema: string) =>
  (
    await db.pool.query<{ stream_id: string; version: string }>(
      `select stream_id, version from "${schema}".streams order by stream_id`,
    )
  ).rows.map((r) => [r.stream_id, Number(r.version)]);

it('a conflict in the middle of a group is answered in its place; the appends around it are stored', async () => {
  const { store, schema, verifier } = await freshStore();
  await store.appendToStream('taken', events(1), { expectedVersion: 'no_stream' });
  const a = events(1);
  const c = events(3);
  const results = await inOneGroup(store, [
    { streamId: 'a', events: a, expectedVersion: 'no_stream' },
    { streamId: 'taken', events: events(1), expectedVersion: 5 },
    { streamId: 'missing', events: events(1), expectedVersion: 'exists' },
    { streamId: 'c', events: c, expectedVersion: 'any' },
  ]);
  expect(results[0]).toMatchObject({ streamId: 'a', nextExpectedVersion: 1, idempotent: false });
  expect(results[1]).toBeInstanceOf(WrongExpectedVersionError);
  expect(results[1]).toMatchObject({ streamId: 'taken', expected: 5, actual: 1 });
  expect(results[2]).toMatchObject({ streamId: 'missing', expected: 'exists', actual: 0 });
  expect(results[3]).toMatchObject({ streamId: 'c', nextExpectedVersion: 3 });
  const positions = (results[3] as AppendResult).positions;
  expect((await store.readStream('c')).events.map((e) => e.position)).toEqual(
    positions.map((p) => p.position),
  );
  expect(await ids(store, 'a')).toEqual(a.map((e) => e.id));
  expect(await ids(store, 'c')).toEqual(c.map((e) => e.id));
  expect((await store.readStream('taken')).version).toBe(1);
  // a head is kept only for a stream that has events: 'missing' has none
  expect(await headRows(schema)).toEqual([
    ['a', 1],
    ['c', 3],
    ['taken', 1],
  ]);
  expect(await verifier.verifyAll()).toEqual({ ok: true, streams: 3, events: 5, broken: [] });
});

it('two appends to the same stream in one group are judged one after the other', async () => {
  const { store, verifier } = await freshStore();
  const first = events(2);
  const second = events(1);
  const results = await inOneGroup(store, [
    { streamId: 'x', events: first, expectedVersion: 'no_stream' },
    { streamId: 'other', events: events(1), expectedVersion: 'no_stream' },
    { streamId: 'x', events: second, expectedVersion: 2 },
    { streamId: 'x', events: events(1), expectedVersion: 2 },
    { streamId: 'x', events: events(1), expectedVersion: 'no_stream' },
  ]);
  expect(results[0]).toMatchObject({ nextExpectedVersion: 2, idempotent: false });
  expect(results[1]).toMatchObject({ streamId: 'other', nextExpectedVersion: 1 });
  expect(results[2]).toMatchObject({ nextExpectedVersion: 3, idempotent: false });
  expect(results[3]).toMatchObject({ streamId: 'x', expected: 2, actual: 3 });
  expect(results[4]).toMatchObject({ streamId: 'x', expected: 'no_stream', actual: 3 });
  expect(await ids(store, 'x')).toEqual([...first, ...second].map((e) => e.id));
  expect(await verifier.verifyAll()).toMatchObject({ ok: true, streams: 2, events: 4 });
  // their recorded times never go back within the stream
  const times = (await store.readStream('x')).events.map((e) => e.recordedAt.getTime());
  expect([...times].sort((p, q) => p - q)).toEqual(times);
});

it('the same ids twice in one group, at the same place: the second is idempotent with the first positions', async () => {
  const { store } = await freshStore();
  const batch = events(2);
  const results = (await inOneGroup(store, [
    { streamId: 'y', events: batch, expectedVersion: 'no_stream' },
    { streamId: 'z', events: events(1), expectedVersion: 'no_stream' },
    { streamId: 'y', events: batch, expectedVersion: 'no_stream' },
  ])) as AppendResult[];
  expect(results[0]).toMatchObject({ nextExpectedVersion: 2, idempotent: false });
  expect(results[2]).toEqual({ ...results[0], idempotent: true });
  expect(await ids(store, 'y')).toEqual(batch.map((e) => e.id));
  // and a retry of a whole stored group is idempotent in every place
  const again = (await inOneGroup(store, [
    { streamId: 'y', events: batch, expectedVersion: 'no_stream' },
  ])) as AppendResult[];
  expect(again[0]).toEqual({ ...results[0], idempotent: true });
});

it('the same id in two appends of one group to different streams is an id conflict; nothing of the group is stored', async () => {
  const { store, schema } = await freshStore();
  const shared = anEvent({ n: 1 });
  await expect(
    inOneGroup(store, [
      { streamId: 'p', events: [anEvent(), shared], expectedVersion: 'no_stream' },
      { streamId: 'q', events: [shared], expectedVersion: 'no_stream' },
    ]),
  ).rejects.toThrow(EventIdConflictError);
  expect(await store.countEvents()).toBe(0);
  expect(await headRows(schema)).toEqual([]);
});

it('refuses a group with an append of no events, called directly (the store refuses it before sending)', async () => {
  const { schema, store } = await freshStore();
  const payload = store
    .groupPayload([{ streamId: 'a', events: events(1), expectedVersion: 'any' }])
    .replace(/^\[/, '[{"streamId":"empty","kind":"any","expected":null,"events":[]},');
  await expect(db.pool.query(`select "${schema}".append_group($1)`, [payload])).rejects.toMatchObject({
    code: '22023',
  });
  expect(await store.countEvents()).toBe(0);
});

it('through group commit: the conflicting appends of a group fail alone, the others are stored', async () => {
  // one lane: while the first append is out, all the others queue and go as one group
  const { store, verifier } = await freshStore({ maxInFlight: 1, maxGroupSize: 100 });
  await store.appendToStream('hot', events(1), { expectedVersion: 'no_stream' });
  const shared = anEvent({ shared: true });
  const retried = events(2);
  const outcomes = await Promise.allSettled([
    store.appendToStream('first', events(1), { expectedVersion: 'no_stream' }),
    store.appendToStream('hot', events(1), { expectedVersion: 1 }), // wins
    store.appendToStream('hot', events(1), { expectedVersion: 1 }), // loses: version 2 by then
    store.appendToStream('s1', [shared], { expectedVersion: 'no_stream' }),
    store.appendToStream('s2', [shared], { expectedVersion: 'no_stream' }), // the id is taken by s1
    store.appendToStream('r', retried, { expectedVersion: 'no_stream' }),
    store.appendToStream('r', retried, { expectedVersion: 'no_stream' }), // a retry in the same group
    ...Array.from({ length: 20 }, (_, i) =>
      store.appendToStream(`many-${i}`, events(1 + (i % 3)), { expectedVersion: 'no_stream' }),
    ),
  ]);
  const [first, hotWin, hotLose, s1, s2, r1, r2, ...many] = outcomes;
  expect(first.status).toBe('fulfilled');
  expect(hotWin).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 2 } });
  expect(hotLose).toMatchObject({
    status: 'rejected',
    reason: expect.objectContaining({ name: 'WrongExpectedVersionError', actual: 2 }),
  });
  expect(s1).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 1 } });
  expect(s2).toMatchObject({ status: 'rejected', reason: expect.any(EventIdConflictError) });
  expect(r1).toMatchObject({ status: 'fulfilled', value: { idempotent: false, nextExpectedVersion: 2 } });
  expect(r2).toMatchObject({ status: 'fulfilled', value: { idempotent: true, nextExpectedVersion: 2 } });
  expect(many.every((o) => o.status === 'fulfilled')).toBe(true);
  expect(await ids(store, 's1')).toEqual([shared.id]);
  expect(await ids(store, 's2')).toEqual([]);
  expect(await verifier.verifyAll()).toMatchObject({ ok: true, broken: [] });
});

describe('random mixed groups answer as append_many (one append after the other) does', () => {
  /** a small deterministic generator, so a failure can be replayed */
  const rng = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };

  it.each([1, 2, 3])('seed %i', async (seed) => {
    const random = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const reference = await freshStore();
    const subject = await freshStore();
    const used: EventToAppend[] = [];
    const streams = ['s-a', 's-b', 's-c', 's-d', 's-e', 'ß-中'];
    const versions = new Map<string, number>();

    for (let group = 0; group < 25; group++) {
      const appends: Append[] = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
        const streamId = pick(streams);
        const known = versions.get(streamId) ?? 0;
        const expectedVersion = pick<ExpectedVersion>([
          'any',
          'no_stream',
          'exists',
          known,
          known,
          known + 1,
          0,
        ]);
        const n = 1 + Math.floor(random() * 3);
        const fresh = Array.from({ length: n }, () => anEvent({ group, r: Math.floor(random() * 1000) }));
        // now and then a stored or already used event again: a retry, or an id in another place
        const evs = used.length > 0 && random() < 0.2 ? [pick(used)] : fresh;
        return { streamId, events: evs, expectedVersion };
      });
      const viaMany = await runWithAppendMany(reference.schema, appends);
      const viaGroup = await inOneGroup(subject.store, appends).then(
        (results) => ({ results }),
        (error: unknown) => ({ error }),
      );
      if ('error' in viaMany) {
        expect(viaGroup).toMatchObject({ error: expect.any(Error) });
        expect((viaGroup as { error: Error }).error.constructor.name).toBe(viaMany.error);
        continue;
      }
      expect('results' in viaGroup).toBe(true);
      const answered = (viaGroup as { results: (AppendResult | WrongExpectedVersionError)[] }).results.map(
        (r) =>
          r instanceof WrongExpectedVersionError
            ? ['conflict', r.actual]
            : [r.idempotent ? 'idempotent' : 'ok', r.nextExpectedVersion],
      );
      expect({ group, answered }).toEqual({ group, answered: viaMany.results });
      appends.forEach((a) => used.push(...a.events));
      for (const s of streams) versions.set(s, (await subject.store.readStream(s)).version);
    }
    for (const s of streams) expect(await ids(subject.store, s)).toEqual(await ids(reference.store, s));
    expect(await headRows(subject.schema)).toEqual(await headRows(reference.schema));
    expect(await subject.verifier.verifyAll()).toMatchObject({ ok: true, broken: [] });
    expect(await subject.store.countEvents()).toBe(await reference.store.countEvents());
  });

  /**
   * append_group's flat array of events (migration 0007) as the array of appends, each with its events,
   * that append_many reads. The event texts come back as they went (JSON.stringify of JSON.parse of
   * what JSON.stringify wrote), so their digests still hold.
   */
  function nestedGroup(flat: string): string {
    type Element = { o: number; streamId: string; kind: string; expected: number | null } & EventText;
    type EventText = { id: string; type: string; data: object; metadata: object; digest: string };
    const appends: { streamId: string; kind: string; expected: number | null; events: EventText[] }[] = [];
    for (const { o, streamId, kind, expected, id, type, data, metadata, digest } of JSON.parse(
      flat,
    ) as Element[])
      (appends[o - 1] ??= { streamId, kind, expected, events: [] }).events.push({
        id,
        type,
        data,
        metadata,
        digest,
      });
    return JSON.stringify(appends);
  }

  /** The same group through append_many (migration 0002, still there), as the store sent it before. */
  async function runWithAppendMany(
    schema: string,
    appends: Append[],
  ): Promise<{ results: [string, number][] } | { error: string }> {
    const store = PostgresEventStore.open({ pool: db.pool, schema });
    const tx = await db.pool.connect();
    try {
      await tx.query('begin');
      // the store's own serialisation of the group, in the nested form the old function reads
      const payload = nestedGroup(store.groupPayload(appends));
      const { rows } = await tx.query<{ results: { status: string; stream_version: number }[] }>(
        `select "${schema}".append_many($1) as results`,
        [payload],
      );
      await tx.query('commit');
      return { results: rows[0].results.map((r) => [r.status, Number(r.stream_version)]) };
    } catch (error) {
      await tx.query('rollback');
      const code = (error as { code?: string }).code;
      return {
        error:
          code === 'JN001' || code === '23505'
            ? EventIdConflictError.name
            : `unexpected ${code ?? ''} ${String(error)}`,
      };
    } finally {
      tx.release();
    }
  }
});

it('keeps the recorded times of a hot stream in order while groups of many streams overtake each other', async () => {
  const { store, verifier } = await freshStore({ maxInFlight: 2, maxGroupSize: 50 });
  const appends = Array.from({ length: 300 }, (_, i) =>
    store.appendToStream(i % 2 ? 'hot' : `cold-${randomUUID()}`, events(1 + (i % 2)), {
      expectedVersion: 'any',
    }),
  );
  await Promise.all(appends);
  expect((await store.readStream('hot')).version).toBe(300);
  const times = (await store.readStream('hot')).events.map((e) => e.recordedAt.getTime());
  expect([...times].sort((p, q) => p - q)).toEqual(times);
  expect(await verifier.verifyAll()).toMatchObject({ ok: true, events: 450, broken: [] });
});
