import { connectTestDatabase, eventually, TestDatabase } from '@jineng/testing';
import {
  EventIdConflictError,
  type EventToAppend,
  InvalidEventError,
  START,
  WrongExpectedVersionError,
} from '../event-store.port';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresEventStore } from './postgres-event-store';
import { anEvent, events } from './test-events';

describe('PostgresEventStore (contract, real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await connectTestDatabase('event_store');
    store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
  });
  afterAll(() => db.dispose());

  describe('append and read a stream', () => {
    it('appends in order, numbers versions from 1 and reads them back', async () => {
      const written = events(3);
      const result = await store.appendToStream('order-1', written, { expectedVersion: 'no_stream' });
      expect(result).toMatchObject({ streamId: 'order-1', nextExpectedVersion: 3, idempotent: false });
      expect(result.positions).toHaveLength(3);

      const slice = await store.readStream('order-1');
      expect(slice.version).toBe(3);
      expect(slice.events.map((e) => [e.id, e.version, e.type, e.data])).toEqual(
        written.map((e, i) => [e.id, i + 1, e.type, e.data]),
      );
      expect(slice.events[0].metadata).toEqual(written[0].metadata);
      expect(slice.events.map((e) => e.position)).toEqual(result.positions.map((p) => p.position));
    });

    it('reads all with data and metadata as the text stored (readAllText): the same events as readAll', async () => {
      const first = await store.readAll(START, 1_000_000);
      const written: EventToAppend[] = [
        anEvent({ text: '张三 "q" \\', n: 1.5, list: [1, null, { deep: true }] }),
        { ...anEvent({ n: 2 }), metadata: { correlationId: 7, actor: { userId: 'u-2' } } },
        { ...anEvent({ n: 3 }), metadata: { actor: { userId: 'u-3' } } },
      ];
      await store.appendToStream('text-1', written, { expectedVersion: 'no_stream' });
      const parsed = await store.readAll(first.next, 100);
      const text = await store.readAllText(first.next, 100);
      expect(text.next).toEqual(parsed.next);
      expect(
        text.events.map(({ dataText, metadataText, correlationId, ...rest }) => ({
          ...rest,
          data: JSON.parse(dataText) as unknown,
          metadata: JSON.parse(metadataText) as unknown,
          correlationId,
        })),
      ).toEqual(
        parsed.events.map((e) => ({
          ...e,
          correlationId: typeof e.metadata.correlationId === 'string' ? e.metadata.correlationId : undefined,
        })),
      );
      // the text is the writer's, as written
      expect(text.events.map((e) => e.dataText)).toEqual(written.map((e) => JSON.stringify(e.data)));
      expect(text.events.map((e) => e.correlationId)).toEqual(['c-1', undefined, undefined]);
    });

    it('reads an unknown stream as empty at version 0', async () => {
      expect(await store.readStream('nobody')).toEqual({ streamId: 'nobody', version: 0, events: [] });
    });

    it('keeps Chinese text and nested data exactly', async () => {
      const data = { 名称: '运城市职业技能培训', amounts: [15000, 10000], nested: { ok: true, none: null } };
      await store.appendToStream('cn-1', [anEvent(data)], { expectedVersion: 'any' });
      expect((await store.readStream('cn-1')).events[0].data).toEqual(data);
    });

    it('refuses events that are not stable versioned data', async () => {
      await expect(
        store.appendToStream('bad', [{ ...anEvent(), type: 'ClassOpened' }], { expectedVersion: 'any' }),
      ).rejects.toThrow(InvalidEventError);
      await expect(
        store.appendToStream('bad', [{ ...anEvent(), id: 'not-a-uuid' }], { expectedVersion: 'any' }),
      ).rejects.toThrow(InvalidEventError);
      await expect(
        store.appendToStream('bad', [anEvent({ big: 2 ** 60 })], { expectedVersion: 'any' }),
      ).rejects.toThrow(/exact integer range/);
      await expect(store.appendToStream('bad', [], { expectedVersion: 'any' })).rejects.toThrow(
        InvalidEventError,
      );
      expect((await store.readStream('bad')).events).toHaveLength(0);
    });
  });

  describe('expected version', () => {
    it('exact: appends at the expected version and refuses any other, naming stream, expected and actual', async () => {
      await store.appendToStream('exact-1', events(2), { expectedVersion: 0 });
      await store.appendToStream('exact-1', events(1), { expectedVersion: 2 });
      const error = await store.appendToStream('exact-1', events(1), { expectedVersion: 2 }).catch((e) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({
        streamId: 'exact-1',
        expected: 2,
        actual: 3,
        code: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
      });
      expect((await store.readStream('exact-1')).version).toBe(3);
    });

    it('exact version on a stream that does not exist is a conflict with actual 0', async () => {
      await expect(
        store.appendToStream('exact-missing', events(1), { expectedVersion: 5 }),
      ).rejects.toMatchObject({ expected: 5, actual: 0 });
    });

    it('no_stream: only when the stream has no events', async () => {
      await store.appendToStream('ns-1', events(1), { expectedVersion: 'no_stream' });
      await expect(
        store.appendToStream('ns-1', events(1), { expectedVersion: 'no_stream' }),
      ).rejects.toMatchObject({
        expected: 'no_stream',
        actual: 1,
      });
    });

    it('exists: only when the stream has events', async () => {
      await expect(
        store.appendToStream('ex-1', events(1), { expectedVersion: 'exists' }),
      ).rejects.toMatchObject({ expected: 'exists', actual: 0 });
      await store.appendToStream('ex-1', events(1), { expectedVersion: 'any' });
      await expect(
        store.appendToStream('ex-1', events(1), { expectedVersion: 'exists' }),
      ).resolves.toMatchObject({ nextExpectedVersion: 2 });
    });

    it('any: appends whatever the version', async () => {
      await store.appendToStream('any-1', events(1), { expectedVersion: 'any' });
      await expect(
        store.appendToStream('any-1', events(2), { expectedVersion: 'any' }),
      ).resolves.toMatchObject({ nextExpectedVersion: 3 });
    });

    it('of concurrent writers expecting the same version exactly one wins', async () => {
      await store.appendToStream('race-1', events(1), { expectedVersion: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, () => store.appendToStream('race-1', events(1), { expectedVersion: 1 })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected.every((o) => o.reason instanceof WrongExpectedVersionError)).toBe(true);
      expect((await store.readStream('race-1')).version).toBe(2);
    });
  });

  describe('idempotent append', () => {
    it('the same ids with the same content append nothing and answer the original positions', async () => {
      const batch = events(3);
      const first = await store.appendToStream('idem-1', batch, { expectedVersion: 'no_stream' });
      const again = await store.appendToStream('idem-1', batch, { expectedVersion: 'no_stream' });
      const againAny = await store.appendToStream('idem-1', batch, { expectedVersion: 'any' });
      expect(again).toEqual({ ...first, idempotent: true });
      expect(againAny).toEqual({ ...first, idempotent: true });
      expect((await store.readStream('idem-1')).events).toHaveLength(3);
    });

    it('a retry that waited on the lock of its own original answers idempotent, not conflict', async () => {
      await store.appendToStream('idem-race', events(1), { expectedVersion: 'no_stream' });
      const batch = events(2);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => store.appendToStream('idem-race', batch, { expectedVersion: 1 })),
      );
      expect(results.filter((r) => !r.idempotent)).toHaveLength(1);
      expect(new Set(results.map((r) => r.positions.map((p) => p.position).join()))).toEqual(
        new Set([results[0].positions.map((p) => p.position).join()]),
      );
      expect((await store.readStream('idem-race')).version).toBe(3);
    });

    it('the same id with different content is an error, and nothing is stored', async () => {
      const original = anEvent({ amount: 100 });
      await store.appendToStream('idem-2', [original], { expectedVersion: 'no_stream' });
      await expect(
        store.appendToStream('idem-2', [{ ...original, data: { amount: 999 } }], { expectedVersion: 'any' }),
      ).rejects.toThrow(EventIdConflictError);
      await expect(
        store.appendToStream('idem-other', [original], { expectedVersion: 'any' }),
      ).rejects.toThrow(EventIdConflictError);
      expect((await store.readStream('idem-2')).events.map((e) => e.data)).toEqual([{ amount: 100 }]);
      expect((await store.readStream('idem-other')).events).toHaveLength(0);
    });
  });

  describe('the database refuses to change events', () => {
    it.each([
      ['UPDATE', (S: string) => `update ${S}.events set data = '{"forged":true}'`],
      ['DELETE', (S: string) => `delete from ${S}.events`],
      ['TRUNCATE', (S: string) => `truncate ${S}.events`],
    ])('%s is refused', async (operation, sql) => {
      await store.appendToStream(`immutable-${operation}`, events(2), { expectedVersion: 'any' });
      const before = await store.countEvents();
      await expect(db.pool.query(sql(`"${db.schema}"`))).rejects.toMatchObject({
        code: 'JN002',
        message: expect.stringContaining(`events are immutable: ${operation}`),
      });
      expect(await store.countEvents()).toBe(before);
    });
  });

  describe('read a stream as it stood', () => {
    it('as of a version', async () => {
      await store.appendToStream('asof-v', events(5), { expectedVersion: 'no_stream' });
      const slice = await store.readStream('asof-v', { toVersion: 3 });
      expect(slice.version).toBe(3);
      expect(slice.events.map((e) => e.version)).toEqual([1, 2, 3]);
      expect((await store.readStream('asof-v', { fromVersion: 4 })).events.map((e) => e.version)).toEqual([
        4, 5,
      ]);
    });

    it('as of a recorded time', async () => {
      await store.appendToStream('asof-t', events(2), { expectedVersion: 'no_stream' });
      const [, second] = (await store.readStream('asof-t')).events;
      const cut = second.recordedAt;
      await new Promise((r) => setTimeout(r, 20)); // two distinct recorded times are the point of this test
      await store.appendToStream('asof-t', events(2), { expectedVersion: 2 });
      const asOf = await store.readStream('asof-t', { asOf: cut });
      expect(asOf.events.map((e) => e.version)).toEqual([1, 2]);
      expect(asOf.version).toBe(2);
      expect(
        (await store.readStream('asof-t', { asOf: new Date(cut.getTime() - 60_000) })).events,
      ).toHaveLength(0);
      expect((await store.readStream('asof-t')).events).toHaveLength(4);
    });
  });

  describe('appending inside the caller transaction', () => {
    it('commits or rolls back with it', async () => {
      const client = await db.pool.connect();
      try {
        await client.query('begin');
        await store.appendToStream('tx-1', events(1), { expectedVersion: 'no_stream', on: client });
        await client.query('rollback');
        expect((await store.readStream('tx-1')).events).toHaveLength(0);
        await client.query('begin');
        await store.appendToStream('tx-1', events(1), { expectedVersion: 'no_stream', on: client });
        await client.query('commit');
        expect((await store.readStream('tx-1')).events).toHaveLength(1);
      } finally {
        client.release();
      }
    });
  });

  describe('one schema per service', () => {
    it('creates the store in a named schema with idempotent migrations, also when started concurrently', async () => {
      const schema = `${db.schema}_svc`;
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => PostgresEventStore.create({ pool: db.pool, schema })),
      );
      await PostgresEventStore.create({ pool: db.pool, schema });
      const { rows } = await db.pool.query(`select id from "${schema}".schema_migrations order by id`);
      expect(rows.map((r) => r.id)).toEqual(eventStoreMigrations.map((m) => m.id));
      await stores[0].appendToStream('s', events(1), { expectedVersion: 'any' });
      // reading in global order stops below the server-wide horizon (ADR 0001, decision 3): while another
      // connection of the server (another test file) holds a transaction open, the event waits for it
      await eventually(async () => expect((await stores[1].readAll(START, 10)).events).toHaveLength(1));
      expect((await store.readStream('s')).events).toHaveLength(0); // the other schema is untouched
      await db.pool.query(`drop schema "${schema}" cascade`);
    });

    it('refuses schema names that could inject SQL', async () => {
      await expect(
        PostgresEventStore.create({ pool: db.pool, schema: 'x"; drop table y; --' }),
      ).rejects.toThrow(/invalid schema name/);
    });
  });

  it('finds an event by id', async () => {
    const event = anEvent({ n: 1 });
    await store.appendToStream('find-1', [event], { expectedVersion: 'any' });
    expect(await store.findEvent(event.id)).toMatchObject({ id: event.id, streamId: 'find-1', version: 1 });
    expect(await store.findEvent('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await store.findEvent('nonsense')).toBeUndefined();
  });
});
