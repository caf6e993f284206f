// The database roles of ADR 0001 (decision 7) on the real PostgreSQL: the migration step, run as the
// migrator, applies a service's migrations and grants its runtime role; the runtime role appends and
// reads its events and writes its own tables, and is refused everything that would let it rewrite its
// history or look into another service's schema.
import { randomUUID } from 'node:crypto';
import {
  CheckpointStore,
  ChainVerifier,
  ParkedEvents,
  PostgresEventStore,
  chainLink,
  scramSha256Verifier,
  type Migration,
} from '@jineng/event-store';
import { connectTestDatabase, dropRoles, type TestDatabase } from '@jineng/testing';
import { Pool } from 'pg';
import { serviceDatabaseConfigFromEnv } from '../service-config';
import {
  checkServiceDatabase,
  DatabaseNotMigratedError,
  migrateServiceDatabase,
  serviceMigrations,
} from './service-database';

const notes: readonly Migration[] = [
  { id: 'notes-001', sql: (S) => `create table ${S}.notes (id uuid primary key, text text not null)` },
];

let db: TestDatabase;
const pools: Pool[] = [];
const extraRoles: string[] = [];

beforeAll(async () => {
  db = await connectTestDatabase('service_database');
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await dropRoles(db.pool, extraRoles);
  await db.dispose();
});

const configOf = (schema: string, databaseUrl: string, migratorUrl?: string) =>
  serviceDatabaseConfigFromEnv('notes', {
    DATABASE_URL: databaseUrl,
    JINENG_SCHEMA: schema,
    ...(migratorUrl ? { JINENG_MIGRATOR_DATABASE_URL: migratorUrl } : {}),
  });

const poolOf = (url: string): Pool => {
  const pool = new Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  return pool;
};

/** A service's schema migrated by the superuser as the migrator, and a pool of its runtime role. */
async function migratedService() {
  const schema = await db.freshSchema();
  const role = db.runtimeRole();
  const report = await migrateServiceDatabase(configOf(schema, role.url, db.url), notes);
  expect(report.runtimeRole).toBe(role.name);
  return { schema, S: `"${schema}"`, role, pool: poolOf(role.url) };
}

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: '42501' });

describe('the runtime role', () => {
  it('appends and reads its events, and writes its read models, inbox and checkpoints', async () => {
    const { schema, S, pool } = await migratedService();
    const store = PostgresEventStore.open({ pool, schema });
    await store.appendToStream('note-1', [anEvent(), anEvent()], { expectedVersion: 'no_stream' });
    await store.appendToStream('note-1', [anEvent()], { expectedVersion: 2 });
    expect((await store.readStream('note-1')).version).toBe(3);
    await pool.query(`insert into ${S}.notes values ($1, '开班')`, [randomUUID()]);
    await pool.query(`update ${S}.notes set text = '结业'`);
    await pool.query(`truncate ${S}.notes`); // a projection rebuild
    await pool.query(
      `insert into ${S}.inbox (consumer, event_id, event_type, stream_sequence) values ('notes-x', $1, 'A.v1', 1)`,
      [randomUUID()],
    );
    const checkpoints = new CheckpointStore(pool, schema);
    await checkpoints.save('notes-projection', { transactionId: 5n, position: 7n });
    expect(await checkpoints.load('notes-projection')).toEqual({ transactionId: 5n, position: 7n });
    await checkServiceDatabase(configOf(schema, db.url), notes);
  });

  it("writes the runtime's own tables, all made by the migration step: parked events, read models, deadlines, jobs", async () => {
    const { schema, S, pool, role } = await migratedService();
    const { rows } = await db.pool.query<{ table: string; writable: boolean }>(
      `select c.relname as table, has_table_privilege($1, c.oid, 'INSERT, UPDATE, DELETE') as writable
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $2 and c.relkind = 'r' order by c.relname`,
      [role.name, schema],
    );
    expect(rows.filter((row) => row.writable).map((row) => row.table)).toEqual(
      expect.arrayContaining([
        'checkpoints',
        'deadlines',
        'inbox',
        'jobs',
        'notes',
        'parked_events',
        'read_model_pending',
        'read_model_streams',
      ]),
    );
    // parked_events has an identity column: the runtime role parks through its sequence
    const parking = new ParkedEvents(schema);
    await parking.park(pool, {
      subscriber: 'projection:notes',
      eventId: randomUUID(),
      streamId: 'note-1',
      streamVersion: 1,
      eventType: 'NoteTaken.v1',
      event: {},
      reason: 'failed',
    });
    expect(await parking.countOpen(pool)).toEqual(new Map([['projection:notes', 1]]));
    await pool.query(
      `insert into ${S}.deadlines (deadline_id, kind, due_at, data) values ('d-1', 'k', now(), '{}')`,
    );
    await pool.query(
      `insert into ${S}.jobs (job_id, kind, status, requested_by) values ($1, 'export', 'queued', 'u-1')`,
      [randomUUID()],
    );
  });

  it('cannot change events, disable their trigger, rewrite a stream head, forge a link or run DDL', async () => {
    const { schema, S, pool } = await migratedService();
    const store = PostgresEventStore.open({ pool, schema });
    await store.appendToStream('victim', [anEvent(), anEvent()], { expectedVersion: 'no_stream' });
    const [, last] = (await store.readStream('victim')).events;

    await refused(pool.query(`alter table ${S}.events disable trigger events_are_immutable`));
    await refused(pool.query(`alter table ${S}.events disable trigger all`));
    await refused(pool.query(`drop trigger events_are_immutable on ${S}.events`));
    await refused(pool.query('set session_replication_role = replica'));
    await refused(pool.query(`update ${S}.events set data = '{"forged":true}'`));
    await refused(pool.query(`delete from ${S}.events`));
    await refused(pool.query(`truncate ${S}.events`));
    await refused(
      pool.query(`update ${S}.streams set version = 1, last_hash = null where stream_id = 'victim'`),
    );
    await refused(pool.query(`delete from ${S}.streams`));
    // a forged event with a correct-looking link beyond the head: INSERT itself is not granted
    const forged = anEvent();
    await refused(
      pool.query(
        `insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
         values ($1, 'victim', 3, 'Forged.v1', '{}', '{}', '\\x00', decode($2, 'hex'), now())`,
        [forged.id, chainLink(last.hash, 'victim', 3, Date.now(), '00')],
      ),
    );
    await refused(pool.query(`select setval('${S}.events_global_position_seq', 1)`));
    await refused(pool.query(`create table ${S}.sneaky (x int)`));
    await refused(
      pool.query(
        `create or replace function ${S}.next_recorded_at(p timestamptz) returns timestamptz language sql as $$ select p $$`,
      ),
    );
    await refused(pool.query(`insert into ${S}.schema_migrations (id) values ('9999-sneaky')`));

    // and its history is as it wrote it
    expect(await new ChainVerifier(db.pool, schema).verifyAll()).toMatchObject({ ok: true, events: 2 });
  });

  it("cannot read or append to another service's schema", async () => {
    const mine = await migratedService();
    const theirs = await migratedService();
    const theirStore = PostgresEventStore.open({ pool: theirs.pool, schema: theirs.schema });
    await theirStore.appendToStream('worker-1', [anEvent()], { expectedVersion: 'no_stream' });

    await refused(mine.pool.query(`select * from ${theirs.S}.events`));
    await refused(mine.pool.query(`select * from ${theirs.S}.notes`));
    await refused(mine.pool.query(`insert into ${theirs.S}.notes values ($1, 'x')`, [randomUUID()]));
    await expect(
      PostgresEventStore.open({ pool: mine.pool, schema: theirs.schema }).appendToStream(
        'worker-1',
        [anEvent()],
        {
          expectedVersion: 'any',
        },
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect((await theirStore.readStream('worker-1')).version).toBe(1);
  });
});

describe('the migration step', () => {
  it('works with a migrator that is not a superuser: it owns the schema and creates the runtime role', async () => {
    const migrator = `${db.schema}_mig`;
    const runtime = `${db.schema}_own_rt`;
    extraRoles.push(runtime, migrator); // the runtime role first: the migrator created it
    await db.pool.query(`create role "${migrator}" login createrole`);
    const { rows } = await db.pool.query<{ db: string }>('select current_database() as db');
    await db.pool.query(`grant create on database "${rows[0].db}" to "${migrator}"`);
    const url = (user: string) => {
      const u = new URL(db.url);
      u.username = user;
      return u.toString();
    };
    const schema = `${db.schema}_own`;
    const config = configOf(schema, url(runtime), url(migrator));

    const first = await migrateServiceDatabase(config, notes);
    expect(first).toEqual({
      applied: expect.arrayContaining([
        '0001-events',
        'event-store-parking-0001',
        'messaging-0001-inbox',
        'messaging-read-model-0001',
        'service-runtime-jobs-0001',
        'service-runtime-deadlines-0001',
        'notes-001',
      ]),
      runtimeRole: runtime,
    });
    expect((await migrateServiceDatabase(config, notes)).applied).toEqual([]); // idempotent
    const owners = await db.pool.query<{ owner: string }>(
      `select distinct pg_get_userbyid(c.relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1
       union select pg_get_userbyid(p.proowner) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = $1`,
      [schema],
    );
    expect(owners.rows).toEqual([{ owner: migrator }]);

    const pool = poolOf(url(runtime));
    const store = PostgresEventStore.open({ pool, schema });
    await store.appendToStream('note-1', [anEvent()], { expectedVersion: 'no_stream' });
    await refused(pool.query(`alter table "${schema}".events disable trigger events_are_immutable`));
    await checkServiceDatabase(config, notes);
  });

  it('refuses a service migration under an id the runtime already uses', () => {
    expect(() => serviceMigrations([{ id: 'messaging-0001-inbox', sql: () => 'select 1' }])).toThrow(
      "migration id 'messaging-0001-inbox' is used twice",
    );
  });

  it('is required: a service whose migrations were not applied does not start', async () => {
    const schema = await db.freshSchema();
    await expect(checkServiceDatabase(configOf(schema, db.url), notes)).rejects.toThrow(
      DatabaseNotMigratedError,
    );
    await migrateServiceDatabase(configOf(schema, db.url, db.url), []);
    // the notes table is declared but not applied yet
    await expect(checkServiceDatabase(configOf(schema, db.url), notes)).rejects.toThrow(
      /pending migrations notes-001/,
    );
  });

  it('sets the runtime role password from the URL as a SCRAM verifier, never in clear', async () => {
    const schema = await db.freshSchema();
    const role = db.runtimeRole();
    const withPassword = new URL(role.url);
    withPassword.password = 'correct horse battery staple';
    await migrateServiceDatabase(configOf(schema, withPassword.toString(), db.url), []);
    const { rows } = await db.pool.query<{ password: string }>(
      'select rolpassword as password from pg_authid where rolname = $1',
      [role.name],
    );
    expect(rows[0].password).toMatch(
      /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/,
    );
    expect(rows[0].password).not.toContain('horse');
    // the verifier is the one SCRAM derives from that password and the stored salt
    const salt = Buffer.from(rows[0].password.split('$')[1].split(':')[1], 'base64');
    expect(scramSha256Verifier('correct horse battery staple', salt)).toBe(rows[0].password);
    expect(scramSha256Verifier('correct horse battery stable', salt)).not.toBe(rows[0].password);
  });
});

function anEvent() {
  return {
    id: randomUUID(),
    type: 'NoteTaken.v1',
    data: { text: '笔记' },
    metadata: { correlationId: 'c-1' },
  };
}
