// Deadlines on the real PostgreSQL, with a clock the test moves: fired once when due (effect and
// mark in one transaction), caught up after downtime, shared by replicas, retried then parked; and a
// running service process whose clock a test moves from outside.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '@jineng/event-store';
import { controllableClock } from '@jineng/kernel';
import {
  connectTestDatabase,
  envelopeKeyEnv,
  eventually,
  freePort,
  natsUrl,
  setTestClock,
  type TestDatabase,
} from '@jineng/testing';
import { serviceConfigFromEnv } from '../service-config';
import {
  DeadlineScheduler,
  deadlineMigrations,
  type DeadlineHandler,
  type DueDeadline,
} from './deadline-scheduler';

let db: TestDatabase;
const schedulers: DeadlineScheduler[] = [];

beforeAll(async () => {
  db = await connectTestDatabase('deadlines');
});
afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
});
afterAll(async () => {
  await db.dispose();
});

async function world() {
  const schema = await db.freshSchema();
  await db.pool.query(`create table "${schema}".effects (deadline_id text, fired_at timestamptz, note text)`);
  await migrate(db.pool, schema, deadlineMigrations);
  const clock = controllableClock('2026-03-02T08:00:00+08:00');
  const record: DeadlineHandler = async (deadline, tx) => {
    await tx.query(`insert into "${schema}".effects values ($1, $2, $3)`, [
      deadline.id,
      deadline.firedAt,
      String(deadline.data.note ?? ''),
    ]);
  };
  const scheduler = (
    handler: DeadlineHandler = record,
    extra: Partial<ConstructorParameters<typeof DeadlineScheduler>[0]> = {},
  ) => {
    const s = new DeadlineScheduler({ pool: db.pool, schema, clock, pollMs: 20, ...extra });
    s.handle('reminder', handler);
    schedulers.push(s);
    return s;
  };
  const effects = async () =>
    (await db.pool.query(`select deadline_id, note from "${schema}".effects order by deadline_id`)).rows;
  const status = async (id: string) =>
    (
      await db.pool.query(
        `select status, attempts, last_error from "${schema}".deadlines where deadline_id = $1`,
        [id],
      )
    ).rows[0];
  return { schema, clock, scheduler, effects, status };
}

it('fires a deadline once its time comes by the clock, with its effect in the same transaction, and never again', async () => {
  const w = await world();
  const s = w.scheduler();
  await s.start();
  // scheduled in the same transaction as what decided it
  const tx = await db.pool.connect();
  await tx.query('begin');
  await tx.query(`insert into "${w.schema}".effects values ('decision', now(), 'decided')`);
  await s.schedule(tx, {
    id: 'class-1:opening-day',
    kind: 'reminder',
    dueAt: new Date('2026-03-02T18:00:00+08:00'),
    data: { note: 'evening of the first class day' },
  });
  await tx.query('commit');
  tx.release();

  expect(await s.fireDue()).toBe(0);
  w.clock.set('2026-03-02T17:59:59+08:00');
  expect(await s.fireDue()).toBe(0);
  w.clock.set('2026-03-02T18:00:00+08:00');
  await eventually(async () =>
    expect(await w.effects()).toEqual([
      { deadline_id: 'class-1:opening-day', note: 'evening of the first class day' },
      { deadline_id: 'decision', note: 'decided' },
    ]),
  );
  expect(await w.status('class-1:opening-day')).toMatchObject({ status: 'fired', attempts: 1 });
  w.clock.advance(24 * 3600_000);
  expect(await s.fireDue()).toBe(0);
  expect(await w.effects()).toHaveLength(2);
  // scheduling a fired deadline again changes nothing
  expect(
    await s.schedule(db.pool, { id: 'class-1:opening-day', kind: 'reminder', dueAt: new Date(), data: {} }),
  ).toBe(false);
});

it('acts at start on the deadlines that passed while no scheduler ran, once each; a moved or cancelled one follows its new state', async () => {
  const w = await world();
  const setup = w.scheduler();
  for (const [id, at] of [
    ['a', '2026-03-01T09:00:00+08:00'],
    ['b', '2026-03-02T07:59:00+08:00'],
    ['c', '2026-03-05T09:00:00+08:00'],
    ['d', '2026-03-01T10:00:00+08:00'],
    ['e', '2026-03-01T11:00:00+08:00'],
  ] as const)
    await setup.schedule(db.pool, { id, kind: 'reminder', dueAt: new Date(at), data: {} });
  // moved into the future, and cancelled: neither fires now
  await setup.schedule(db.pool, {
    id: 'd',
    kind: 'reminder',
    dueAt: new Date('2026-04-01T00:00:00Z'),
    data: { note: 'moved' },
  });
  await setup.cancel(db.pool, 'e');

  await w.scheduler().start();
  expect((await w.effects()).map((r) => r.deadline_id)).toEqual(['a', 'b']);
  expect((await w.status('e')).status).toBe('cancelled');
  // a second scheduler coming up later finds nothing left to do
  await w.scheduler().start();
  expect((await w.effects()).map((r) => r.deadline_id)).toEqual(['a', 'b']);
});

it('replicas share the due deadlines: each fires once', async () => {
  const w = await world();
  const first = w.scheduler();
  for (let i = 0; i < 60; i++)
    await first.schedule(db.pool, {
      id: `d-${String(i).padStart(2, '0')}`,
      kind: 'reminder',
      dueAt: new Date('2026-03-02T07:00:00+08:00'),
      data: {},
    });
  const counts = await Promise.all([first, w.scheduler(), w.scheduler()].map((s) => s.fireDue()));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
  const effects = await w.effects();
  expect(effects).toHaveLength(60);
  expect(new Set(effects.map((r) => r.deadline_id)).size).toBe(60);
});

it('retries a failing handler after its delay by the clock, rolls its effect back, and parks the deadline after the last attempt', async () => {
  const w = await world();
  const failed: DueDeadline[] = [];
  const attempts: DueDeadline[] = [];
  const s = w.scheduler(
    async (deadline, tx) => {
      attempts.push(deadline);
      await tx.query(`insert into "${w.schema}".effects values ($1, now(), 'half')`, [deadline.id]);
      throw new Error('the class is not found');
    },
    { maxAttempts: 3, retryDelaysMs: [60_000], onFailed: (d) => failed.push(d) },
  );
  await s.schedule(db.pool, {
    id: 'x',
    kind: 'reminder',
    dueAt: new Date('2026-03-02T07:00:00+08:00'),
    data: {},
  });
  await s.fireDue();
  expect(attempts).toHaveLength(1);
  await s.fireDue();
  expect(attempts).toHaveLength(1); // waiting for its delay
  w.clock.advance(60_000);
  await s.fireDue();
  w.clock.advance(60_000);
  await s.fireDue();
  expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
  // the same command id at every attempt: a command it sends is the same command each time
  expect(new Set(attempts.map((a) => a.commandId)).size).toBe(1);
  expect(failed.map((d) => d.id)).toEqual(['x']);
  expect(await w.status('x')).toMatchObject({
    status: 'failed',
    attempts: 3,
    last_error: { message: 'the class is not found' },
  });
  expect(await w.effects()).toEqual([]);
  w.clock.advance(3600_000);
  await s.fireDue();
  expect(attempts).toHaveLength(3);
});

it('refuses a test clock in production', () => {
  expect(() =>
    serviceConfigFromEnv(
      'x',
      { port: 0 },
      { JINENG_TEST_CLOCK_FILE: '/tmp/clock.json', NODE_ENV: 'production' },
    ),
  ).toThrow('JINENG_TEST_CLOCK_FILE is for tests: it is refused with NODE_ENV=production');
  expect(
    serviceConfigFromEnv(
      'x',
      { port: 0 },
      { JINENG_TEST_CLOCK_FILE: '/tmp/clock.json', ...envelopeKeyEnv('x') },
    ).testClockFile,
  ).toBe('/tmp/clock.json');
});

describe('a running service process', () => {
  let child: ChildProcess | undefined;
  let dir: string;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('acts on a deadline when an end-to-end test moves its clock to "the evening of the first class day"', async () => {
    const schema = await db.freshSchema();
    dir = mkdtempSync(path.join(os.tmpdir(), 'jineng-clock-'));
    const clockFile = path.join(dir, 'clock.json');
    // the first class day is in 2031: by the real clock nothing is due
    const scheduler = new DeadlineScheduler({
      pool: db.pool,
      schema,
      clock: controllableClock('2026-01-01T00:00:00Z'),
    });
    const service = `deadline-${randomBytes(3).toString('hex')}`;
    const port = await freePort();
    let stderr = '';
    child = spawn(
      process.execPath,
      ['-r', './scripts/ts-register.cjs', 'libs/service-runtime/src/scheduling/deadline-process.fixture.ts'],
      {
        cwd: path.resolve(__dirname, '../../../..'),
        env: {
          PATH: process.env.PATH ?? '',
          SERVICE: service,
          // as production runs it: migrated as the migrator at start (the deadlines table and the
          // fixture's reminders), then run as its own role, which runs no DDL
          DATABASE_URL: db.runtimeRole().url,
          JINENG_MIGRATOR_DATABASE_URL: db.url,
          NATS_URL: natsUrl(),
          ...envelopeKeyEnv(service),
          JINENG_SCHEMA: schema,
          JINENG_TEST_CLOCK_FILE: clockFile,
          LOG_LEVEL: 'error',
          HOST: '127.0.0.1',
          PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // its JSON log (stdout) and anything else it says, for the failure message
    child.stdout!.on('data', (chunk) => (stderr += String(chunk)));
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    // ready means started: its scheduler runs (readiness answers once the bootstrap is done)
    await eventually(
      async () => {
        expect(child!.exitCode).toBeNull();
        const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
        expect(ready?.status).toBe(200);
      },
      // a whole Nest service compiled and started: as long as startPlatform allows
      { timeoutMs: 60_000 },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${stderr}`);
    });
    await scheduler.schedule(db.pool, {
      id: 'class-7:first-day-evening',
      kind: 'reminder',
      dueAt: new Date('2031-09-01T18:00:00+08:00'),
      data: {},
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a poll or more: nothing is due yet
    expect((await db.pool.query(`select * from "${schema}".reminders`)).rows).toEqual([]);

    setTestClock(clockFile, '2031-09-01T18:00:05+08:00');
    const fired = await eventually(
      async () => {
        const { rows } = await db.pool.query<{ deadline_id: string; fired_at: Date }>(
          `select * from "${schema}".reminders`,
        );
        expect(rows).toHaveLength(1);
        return rows[0];
      },
      { timeoutMs: 10_000 },
    );
    expect(fired.deadline_id).toBe('class-7:first-day-evening');
    // it fired by the moved clock, not the real one
    expect(fired.fired_at.getTime()).toBeGreaterThanOrEqual(Date.parse('2031-09-01T18:00:05+08:00'));
    expect(fired.fired_at.getTime()).toBeLessThan(Date.parse('2031-09-01T18:01:00+08:00'));
  });
});
