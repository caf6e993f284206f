import type { PoolClient } from 'pg';
import { connectTestDatabase, TestDatabase } from '@jineng/testing';
import type { EventToAppend, JsonObject, RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { anEvent, events } from '../postgres/test-events';
import { ChainVerifier } from './chain-verifier';
import { GENESIS_HASH, chainLink, contentDigest } from './event-chain';

/**
 * The content digest Node computes for an event as a writer hands it over (`contentDigest` from
 * event-chain.ts). The content is given both as values and as the JSON text a writer sends and the
 * store keeps, so this helper is the one place that knows how the digest takes its input.
 */
/** The digest a forger would compute for a row they write themselves (data stored as JSON.stringify gives it). */
function digestOf(event: { id: string; type: string; data: JsonObject; metadata: JsonObject }): string {
  return contentDigest({
    id: event.id,
    type: event.type,
    dataText: JSON.stringify(event.data),
    metadataText: JSON.stringify(event.metadata),
  });
}

describe('ChainVerifier (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await connectTestDatabase('chain_verifier');
  });
  afterAll(async () => {
    await db.dispose();
  });

  /** Each test gets a store of its own, so `verifyAll` reports on exactly what that test wrote. */
  async function freshStore() {
    const schema = await db.freshSchema();
    const store = await PostgresEventStore.create({ pool: db.pool, schema });
    return { store, S: `"${schema}"`, verifier: new ChainVerifier(db.pool, schema) };
  }

  /**
   * Runs `work` as a superuser who switched the immutability trigger off for one session
   * (`session_replication_role = replica` skips ordinary triggers). The role is reset before the
   * connection goes back to the pool; a connection that cannot be reset is destroyed instead.
   */
  async function tamper<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await db.pool.connect();
    let resetError: Error | undefined;
    try {
      await client.query('set session_replication_role = replica');
      return await work(client);
    } finally {
      try {
        await client.query('reset session_replication_role');
      } catch (error) {
        resetError = error as Error;
      }
      client.release(resetError);
    }
  }

  const eventAt = async (store: PostgresEventStore, streamId: string, version: number) => {
    const event = (await store.readStream(streamId, { fromVersion: version, toVersion: version })).events[0];
    if (!event) throw new Error(`no event at ${streamId}@${version}`);
    return event;
  };

  describe('an untouched store', () => {
    it('verifies ok, stream by stream and as a whole, counting streams and events', async () => {
      const { store, verifier } = await freshStore();
      await store.appendToStream('order-1', events(3), { expectedVersion: 'no_stream' });
      await store.appendToStream('order-1', events(2), { expectedVersion: 3 });
      await store.appendToStream('order-2', events(1), { expectedVersion: 'no_stream' });
      await store.appendToStream('学员-张三', events(4), { expectedVersion: 'no_stream' });
      for (let i = 0; i < 4; i++) {
        await store.appendToStream('class-9', events(3), { expectedVersion: 'any' });
      }

      expect(await verifier.verifyAll()).toEqual({ ok: true, streams: 4, events: 22, broken: [] });
      expect(await verifier.verifyStream('order-1')).toEqual({ ok: true, streams: 1, events: 5, broken: [] });
      expect(await verifier.verifyStream('order-2')).toEqual({ ok: true, streams: 1, events: 1, broken: [] });
      expect(await verifier.verifyStream('学员-张三')).toEqual({
        ok: true,
        streams: 1,
        events: 4,
        broken: [],
      });
      expect(await verifier.verifyStream('class-9')).toEqual({
        ok: true,
        streams: 1,
        events: 12,
        broken: [],
      });
      expect(await verifier.verifyStream('nobody')).toEqual({ ok: true, streams: 0, events: 0, broken: [] });
    });

    it('gives the same answer when it reads in pages smaller than a stream', async () => {
      const { store, S } = await freshStore();
      await store.appendToStream('a', events(5), { expectedVersion: 'no_stream' });
      await store.appendToStream('b', events(2), { expectedVersion: 'no_stream' });
      await store.appendToStream('c', events(4), { expectedVersion: 'no_stream' });
      const schema = S.slice(1, -1);
      for (const pageSize of [1, 2, 3, 4]) {
        const paged = new ChainVerifier(db.pool, schema, pageSize);
        expect(await paged.verifyAll()).toEqual({ ok: true, streams: 3, events: 11, broken: [] });
        expect(await paged.verifyStream('a')).toEqual({ ok: true, streams: 1, events: 5, broken: [] });
      }
    });
  });

  describe('the immutability trigger is what the tampering below goes around', () => {
    it('an ordinary session still cannot update the rows', async () => {
      const { store, S } = await freshStore();
      await store.appendToStream('guarded', events(2), { expectedVersion: 'no_stream' });
      await expect(db.pool.query(`update ${S}.events set data = '{"forged":true}'`)).rejects.toMatchObject({
        code: 'JN002',
      });
      // and the connection the tamperer used went back to the pool with the trigger on again
      await tamper(async (client) => {
        await client.query(`update ${S}.events set data = data where version = 1`);
      });
      const clients = await Promise.all(Array.from({ length: 10 }, () => db.pool.connect()));
      try {
        for (const client of clients) {
          const { rows } = await client.query('show session_replication_role');
          expect(rows[0].session_replication_role).toBe('origin');
        }
      } finally {
        clients.forEach((client) => client.release());
      }
    });
  });

  describe('rows changed in place', () => {
    it.each([
      [
        'data',
        (S: string) => `update ${S}.events set data = '{"i":999}' where stream_id = $1 and version = $2`,
      ],
      [
        'metadata',
        (S: string) =>
          `update ${S}.events set metadata = '{"correlationId":"c-1","actor":{"userId":"u-forged","roles":["admin"]}}'
            where stream_id = $1 and version = $2`,
      ],
      [
        'recorded_at (back-dated by a day)',
        (S: string) =>
          `update ${S}.events set recorded_at = recorded_at - interval '1 day' where stream_id = $1 and version = $2`,
      ],
      [
        'recorded_at (moved by one millisecond)',
        (S: string) =>
          `update ${S}.events set recorded_at = recorded_at + interval '1 millisecond' where stream_id = $1 and version = $2`,
      ],
      [
        'type',
        (S: string) =>
          `update ${S}.events set type = 'SomethingElse.v1' where stream_id = $1 and version = $2`,
      ],
    ])('a changed %s is a hash_mismatch at exactly that stream and version', async (_what, sql) => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(5), { expectedVersion: 'no_stream' });
      await store.appendToStream('bystander', events(4), { expectedVersion: 'no_stream' });
      const before = await eventAt(store, 'victim', 3);

      const { rowCount } = await tamper((client) => client.query(sql(S), ['victim', 3]));
      expect(rowCount).toBe(1);
      expect(await eventAt(store, 'victim', 3)).not.toEqual(before); // the change did happen

      const expected = {
        ok: false,
        streams: 1,
        events: 5,
        broken: [
          {
            streamId: 'victim',
            version: 3,
            position: before.position,
            reason: 'hash_mismatch',
            detail: expect.any(String),
          },
        ],
      };
      expect(await verifier.verifyStream('victim')).toEqual(expected);
      expect(await verifier.verifyAll()).toEqual({ ...expected, streams: 2, events: 9 });
      expect(await verifier.verifyStream('bystander')).toEqual({
        ok: true,
        streams: 1,
        events: 4,
        broken: [],
      });
    });

    it('recorded_at moved by less than a millisecond is a hash_mismatch too', async () => {
      // the chain hashes whole milliseconds, and the store writes nothing finer
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(3), { expectedVersion: 'no_stream' });
      await tamper((client) =>
        client.query(
          `update ${S}.events set recorded_at = recorded_at + interval '300 microseconds' where stream_id = 'victim' and version = 2`,
        ),
      );
      expect(await verifier.verifyStream('victim')).toMatchObject({
        ok: false,
        broken: [
          {
            streamId: 'victim',
            version: 2,
            reason: 'hash_mismatch',
            detail: 'recorded_at was changed below the millisecond',
          },
        ],
      });
    });

    it('several tampered streams are each reported once, at their first broken link, in stream order', async () => {
      const { store, S, verifier } = await freshStore();
      for (const stream of ['c-data', 'a-meta', 'b-time', 'ok-1', 'ok-2']) {
        await store.appendToStream(stream, events(5), { expectedVersion: 'no_stream' });
      }
      await tamper(async (client) => {
        await client.query(
          `update ${S}.events set data = '{"i":-1}' where stream_id = 'c-data' and version in (3, 5)`,
        );
        await client.query(
          `update ${S}.events set metadata = '{"correlationId":"c-forged","actor":{"userId":"u-1","roles":["admin"]}}'
            where stream_id = 'a-meta' and version = 2`,
        );
        await client.query(
          `update ${S}.events set recorded_at = recorded_at + interval '2 hours' where stream_id = 'b-time' and version = 4`,
        );
      });

      const report = await verifier.verifyAll();
      expect(report).toMatchObject({ ok: false, streams: 5, events: 25 });
      expect(report.broken.map((b) => [b.streamId, b.version, b.reason])).toEqual([
        ['a-meta', 2, 'hash_mismatch'],
        ['b-time', 4, 'hash_mismatch'],
        ['c-data', 3, 'hash_mismatch'],
      ]);
      expect((await verifier.verifyStream('ok-1')).ok).toBe(true);
      expect((await verifier.verifyStream('ok-2')).ok).toBe(true);
    });
  });

  describe('rows removed', () => {
    it('a row deleted from the middle is a version_gap at the missing version', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(5), { expectedVersion: 'no_stream' });
      await store.appendToStream('bystander', events(2), { expectedVersion: 'no_stream' });
      const fourth = await eventAt(store, 'victim', 4);
      await tamper((client) =>
        client.query(`delete from ${S}.events where stream_id = 'victim' and version = 3`),
      );

      const broken = [
        {
          streamId: 'victim',
          version: 3,
          position: fourth.position, // found where version 4 follows version 2
          reason: 'version_gap',
          detail: expect.any(String),
        },
      ];
      expect(await verifier.verifyStream('victim')).toEqual({ ok: false, streams: 1, events: 4, broken });
      expect(await verifier.verifyAll()).toEqual({ ok: false, streams: 2, events: 6, broken });
    });

    it('the first row deleted is a version_gap at version 1', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(3), { expectedVersion: 'no_stream' });
      await tamper((client) =>
        client.query(`delete from ${S}.events where stream_id = 'victim' and version = 1`),
      );
      expect((await verifier.verifyStream('victim')).broken).toMatchObject([
        { streamId: 'victim', version: 1, reason: 'version_gap' },
      ]);
    });

    it('the last row deleted is a head_mismatch at the missing version', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(5), { expectedVersion: 'no_stream' });
      await store.appendToStream('bystander', events(2), { expectedVersion: 'no_stream' });
      await tamper((client) =>
        client.query(`delete from ${S}.events where stream_id = 'victim' and version = 5`),
      );

      const broken = [
        { streamId: 'victim', version: 5, reason: 'head_mismatch', detail: expect.any(String) },
      ];
      expect(await verifier.verifyStream('victim')).toEqual({ ok: false, streams: 1, events: 4, broken });
      expect(await verifier.verifyAll()).toEqual({ ok: false, streams: 2, events: 6, broken });
      expect((await verifier.verifyStream('bystander')).ok).toBe(true);
    });

    it('a stream whose rows were all deleted is reported by verifyAll (and by verifyStream)', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('a-before', events(2), { expectedVersion: 'no_stream' });
      await store.appendToStream('m-victim', events(4), { expectedVersion: 'no_stream' });
      await store.appendToStream('z-after', events(3), { expectedVersion: 'no_stream' });
      await tamper((client) => client.query(`delete from ${S}.events where stream_id = 'm-victim'`));

      const broken = [
        { streamId: 'm-victim', version: 1, reason: 'head_mismatch', detail: expect.any(String) },
      ];
      expect(await verifier.verifyAll()).toEqual({ ok: false, streams: 3, events: 5, broken });
      expect(await verifier.verifyStream('m-victim')).toEqual({ ok: false, streams: 0, events: 0, broken });
      expect((await verifier.verifyStream('a-before')).ok).toBe(true);
      expect((await verifier.verifyStream('z-after')).ok).toBe(true);
    });
  });

  describe('the stream head', () => {
    it('a stream whose head row was removed is a head_mismatch from version 1', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(3), { expectedVersion: 'no_stream' });
      await store.appendToStream('bystander', events(2), { expectedVersion: 'no_stream' });
      await db.pool.query(`delete from ${S}.streams where stream_id = 'victim'`);

      const broken = [
        { streamId: 'victim', version: 1, reason: 'head_mismatch', detail: expect.any(String) },
      ];
      expect(await verifier.verifyStream('victim')).toEqual({ ok: false, streams: 1, events: 3, broken });
      expect(await verifier.verifyAll()).toEqual({ ok: false, streams: 2, events: 5, broken });
    });
  });

  describe('an attacker who also rewrites the hash', () => {
    /** Changes the data of one event and stores the hash a correct append of that content would have got. */
    async function forge(store: PostgresEventStore, S: string, streamId: string, version: number) {
      const victim = await eventAt(store, streamId, version);
      const previousHash = version === 1 ? GENESIS_HASH : (await eventAt(store, streamId, version - 1)).hash;
      const data = { i: 4242, forged: true };
      const digest = digestOf({ ...victim, data });
      const hash = chainLink(previousHash, streamId, version, victim.recordedAt.getTime(), digest);
      await tamper((client) =>
        client.query(
          `update ${S}.events set data = $3, content_digest = decode($4, 'hex'), hash = decode($5, 'hex')
            where stream_id = $1 and version = $2`,
          [streamId, version, JSON.stringify(data), digest, hash],
        ),
      );
      const forged = await eventAt(store, streamId, version);
      // the forged row is self-consistent: on its own it would pass
      expect(forged.data).toEqual(data);
      expect(forged.hash).toBe(hash);
      expect(forged.hash).not.toBe(victim.hash);
      return forged;
    }

    it('is caught at the next version, whose link was made from the original hash', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(5), { expectedVersion: 'no_stream' });
      await store.appendToStream('bystander', events(3), { expectedVersion: 'no_stream' });
      await forge(store, S, 'victim', 3);
      const fourth = await eventAt(store, 'victim', 4);

      const broken = [
        {
          streamId: 'victim',
          version: 4,
          position: fourth.position,
          reason: 'hash_mismatch',
          detail: expect.any(String),
        },
      ];
      expect(await verifier.verifyStream('victim')).toEqual({ ok: false, streams: 1, events: 5, broken });
      expect(await verifier.verifyAll()).toEqual({ ok: false, streams: 2, events: 8, broken });
    });

    it('of the last event is caught by the stream head, at that last version', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(5), { expectedVersion: 'no_stream' });
      await forge(store, S, 'victim', 5);

      const broken = [
        { streamId: 'victim', version: 5, reason: 'head_mismatch', detail: expect.any(String) },
      ];
      expect(await verifier.verifyStream('victim')).toEqual({ ok: false, streams: 1, events: 5, broken });
      expect(await verifier.verifyAll()).toEqual({ ok: false, streams: 1, events: 5, broken });
    });

    it('who inserts a well-linked event beyond the head (INSERT is not refused) is caught at that version', async () => {
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(5), { expectedVersion: 'no_stream' });
      const last = await eventAt(store, 'victim', 5);
      const extra = anEvent({ forged: true });
      const digest = digestOf(extra);
      const recordedAt = last.recordedAt.getTime() + 1000;
      const hash = chainLink(last.hash, 'victim', 6, recordedAt, digest);
      await db.pool.query(
        `insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
         values ($1, 'victim', 6, $2, $3, $4, decode($5, 'hex'), decode($6, 'hex'), $7)`,
        [
          extra.id,
          extra.type,
          JSON.stringify(extra.data),
          JSON.stringify(extra.metadata),
          digest,
          hash,
          new Date(recordedAt),
        ],
      );
      expect((await store.readStream('victim')).version).toBe(6);

      const broken = [
        { streamId: 'victim', version: 6, reason: 'head_mismatch', detail: expect.any(String) },
      ];
      expect(await verifier.verifyStream('victim')).toEqual({ ok: false, streams: 1, events: 6, broken });
    });
  });

  describe('recorded times within a stream', () => {
    it('a time earlier than the previous version, even with every link recomputed, is a time_reversal there', async () => {
      // what a writer with a clock that went back (or the append of before issue 9, see ADR 0001) leaves:
      // a well-linked chain whose version 3 was recorded before version 2
      const { store, S, verifier } = await freshStore();
      await store.appendToStream('victim', events(4), { expectedVersion: 'no_stream' });
      const stored = (await store.readStream('victim')).events;
      const times = stored.map((e) => e.recordedAt.getTime());
      times[2] = times[1] - 1000;
      let previous = GENESIS_HASH;
      await tamper(async (client) => {
        for (const [i, event] of stored.entries()) {
          const { rows } = await client.query<{ data: string; metadata: string }>(
            `select data::text as data, metadata::text as metadata from ${S}.events where event_id = $1`,
            [event.id],
          );
          const digest = contentDigest({
            id: event.id,
            type: event.type,
            dataText: rows[0].data,
            metadataText: rows[0].metadata,
          });
          previous = chainLink(previous, 'victim', event.version, times[i], digest);
          await client.query(
            `update ${S}.events set recorded_at = $2, hash = decode($3, 'hex') where event_id = $1`,
            [event.id, new Date(times[i]), previous],
          );
        }
        await client.query(
          `update ${S}.streams set last_hash = decode($1, 'hex') where stream_id = 'victim'`,
          [previous],
        );
      });

      expect(await verifier.verifyStream('victim')).toEqual({
        ok: false,
        streams: 1,
        events: 4,
        broken: [
          {
            streamId: 'victim',
            version: 3,
            position: stored[2].position,
            reason: 'time_reversal',
            detail: expect.stringContaining('before version 2'),
          },
        ],
      });
    });
  });

  describe('PostgreSQL and Node compute the same links', () => {
    const tricky: EventToAppend[] = [
      anEvent({
        名称: '运城市职业技能培训',
        备注: '含"引号"、\\反斜杠、换行\n、制表\t、表情🎓、\u2028\u2029',
        机构: { 名称: '晋中市技工学校', 地址: ['山西省', '晋中市', '榆次区'] },
      }),
      anEvent({
        nested: [[1, [2, [3, [[]]]]], [{}], [{ a: [] }, { b: [{ c: [null, true, false] }] }]],
        empty: {},
        emptyArray: [],
        emptyString: '',
      }),
      anEvent({
        floats: [0.1, 0.2, 0.1 + 0.2, 1e-7, 1.5e-10, 123456.789, 5e-324, 2.5e-300, 1 / 3],
        negatives: [-1, -0.5, -1e-7, -0.1, -Number.MAX_SAFE_INTEGER, -0],
        integers: [0, 1, 100, Number.MAX_SAFE_INTEGER],
      }),
      anEvent({ z: 1, a: 2, B: 3, 中: 4, é: 5, '': 6, aa: { y: 1, b: 2, 'a b': 3 } }),
    ];

    it('appends events with Chinese text, nested arrays, floats, negatives and empty objects; the chain verifies', async () => {
      const { store, verifier } = await freshStore();
      await store.appendToStream('学员-李四', tricky.slice(0, 2), { expectedVersion: 'no_stream' });
      await store.appendToStream('学员-李四', tricky.slice(2), { expectedVersion: 2 });
      const unicodeMetadata: EventToAppend = {
        ...anEvent({ amountFen: 1500000, rate: 0.85 }),
        metadata: { actor: { userId: '用户-1', roles: ['审核员'] }, note: {}, tags: [[]], weight: -1e-7 },
      };
      await store.appendToStream('机构/晋中', [unicodeMetadata], { expectedVersion: 'no_stream' });

      expect(await verifier.verifyStream('学员-李四')).toEqual({
        ok: true,
        streams: 1,
        events: 4,
        broken: [],
      });
      expect(await verifier.verifyStream('机构/晋中')).toEqual({
        ok: true,
        streams: 1,
        events: 1,
        broken: [],
      });
      expect(await verifier.verifyAll()).toEqual({ ok: true, streams: 2, events: 5, broken: [] });

      // and each stored link equals the one Node computes from the events as they were handed over
      const check = (stored: readonly RecordedEvent[], original: readonly EventToAppend[]) => {
        let previous = GENESIS_HASH;
        stored.forEach((event, i) => {
          // as JSON carries it (-0 travels as 0, which is also how the canonical form writes it)
          expect(event.data).toEqual(JSON.parse(JSON.stringify(original[i].data)));
          const link = chainLink(
            previous,
            event.streamId,
            event.version,
            event.recordedAt.getTime(),
            digestOf(original[i]),
          );
          expect(event.hash).toBe(link);
          previous = link;
        });
      };
      check((await store.readStream('学员-李四')).events, tricky);
      check((await store.readStream('机构/晋中')).events, [unicodeMetadata]);
    });
  });
});
