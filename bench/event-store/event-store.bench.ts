/**
 * Event store benchmark (issue #2). Run: `npm run bench:event-store`. Last line: one JSON object.
 *
 * Every rate is measured against the real PostgreSQL at DATABASE_URL in a fresh schema that is
 * dropped at the end. Appends are durable (synchronous_commit as the server has it: on here).
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CatchUpSubscription, EventToAppend, PostgresEventStore, START } from '@jineng/event-store';
import { payload, rawEventsTable } from './check-in-payload';
import { BackendCpu } from './backend-cpu';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const replayTarget = Number(process.env.BENCH_REPLAY_EVENTS ?? 200_000);
/** group-commit lanes of the store (the store's default when unset): for the lane comparison */
// (a number: that many lanes, each used whenever appends wait; unset: the store's default, adaptive)
const lanes = process.env.BENCH_LANES ? Number(process.env.BENCH_LANES) : undefined;

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs `workers` loops of `op` for `seconds`; answers operations per second. */
async function forDuration(
  workers: number,
  op: (worker: number, n: number) => Promise<void>,
): Promise<number> {
  let count = 0;
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let n = 0; Date.now() < until; n++) {
        await op(w, n);
        count++;
      }
    }),
  );
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const schema = `bench_es_${Date.now().toString(36)}`;
  // the pool's backends are found by this name for their CPU time; they stay open for the whole run
  const pool = new Pool({ connectionString: url, max: 24, application_name: schema, idleTimeoutMillis: 0 });
  const store = await PostgresEventStore.create({
    pool,
    schema,
    ...(lanes ? { groupCommit: { maxInFlight: lanes, adaptiveLanes: false } } : {}),
  });
  const S = `"${schema}"`;
  const cpu = await BackendCpu.open(pool, schema);
  try {
    const settings = await pool.query(`select current_setting('synchronous_commit') as sc, version() as v`);
    log(
      `PostgreSQL: ${settings.rows[0].v.split(',')[0]}; synchronous_commit=${settings.rows[0].sc}; ${seconds}s per phase`,
    );

    // warm-up: plans, connections, caches
    await forDuration(4, (w, n) =>
      store
        .appendToStream(`warm-${w}-${n % 10}`, [payload(n)], { expectedVersion: 'any' })
        .then(() => undefined),
    );

    const appendSingle1PerSec = await forDuration(1, (_, n) =>
      store
        .appendToStream(`single1-${n % 1000}`, [payload(n)], { expectedVersion: 'any' })
        .then(() => undefined),
    );
    log(`single appends, 1 writer: ${appendSingle1PerSec.toFixed(0)}/s`);

    let single16Events = 0;
    const single16Cpu = await cpu.start();
    const appendSingle16PerSec = await forDuration(16, (w, n) =>
      store
        .appendToStream(`single16-${w}-${n % 100}`, [payload(n)], { expectedVersion: 'any' })
        .then(() => void single16Events++),
    );
    const pgCpuUsPerEventSingle16 = await single16Cpu(single16Events);
    log(
      `single appends, 16 writers: ${appendSingle16PerSec.toFixed(0)}/s; PostgreSQL ${pgCpuUsPerEventSingle16} µs/event (${cpu.source})`,
    );

    // the same rows as single-row INSERTs from 16 connections, each its own commit: the baseline
    await pool.query(rawEventsTable(S));
    const rawSingleInsert16PerSec = await forDuration(16, async (w, n) => {
      const e = payload(n);
      await pool.query(`insert into ${S}.raw_events values ($1, $2, $3, $4, $5)`, [
        e.id,
        `single16-${w}-${n % 100}`,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
      ]);
    });
    log(`raw single-row INSERTs, 16 connections: ${rawSingleInsert16PerSec.toFixed(0)}/s`);

    // batched appends vs. the raw baseline: same payloads, same batch size, same concurrency
    const batchWriters = 4;
    const batches = Array.from({ length: 50 }, (_, b) =>
      Array.from({ length: 100 }, (__, i) => payload(b * 100 + i)),
    );
    const fresh = (batch: EventToAppend[]) => batch.map((e) => ({ ...e, id: randomUUID() }));
    let batchEvents = 0;
    const batchCpu = await cpu.start();
    const appendBatchEventsPerSec =
      100 *
      (await forDuration(batchWriters, (w, n) =>
        store
          .appendToStream(`batch-${w}-${n % 50}`, fresh(batches[n % 50]), { expectedVersion: 'any' })
          .then(() => void (batchEvents += 100)),
      ));
    const pgCpuUsPerEventBatch = await batchCpu(batchEvents);
    log(
      `100-event batches, ${batchWriters} writers: ${appendBatchEventsPerSec.toFixed(0)} events/s; PostgreSQL ${pgCpuUsPerEventBatch} µs/event`,
    );

    const values = Array.from(
      { length: 100 },
      (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`,
    ).join(',');
    const rawValues =
      100 *
      (await forDuration(batchWriters, async (w, n) => {
        const params = fresh(batches[n % 50]).flatMap((e) => [
          e.id,
          `raw-${w}`,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
        ]);
        await pool.query(`insert into ${S}.raw_events values ${values}`, params);
      }));
    const rawRecordset =
      100 *
      (await forDuration(batchWriters, async (w, n) => {
        const rows = fresh(batches[n % 50]).map((e) => ({
          event_id: e.id,
          stream_id: `raw-${w}`,
          type: e.type,
          data: e.data,
          metadata: e.metadata,
        }));
        await pool.query(
          `insert into ${S}.raw_events select * from json_to_recordset($1::json)
             as r(event_id uuid, stream_id text, type text, data json, metadata json)`,
          [JSON.stringify(rows)],
        );
      }));
    const rawInsertEventsPerSec = Math.max(rawValues, rawRecordset);
    log(
      `raw batched INSERT into an unconstrained table: VALUES ${rawValues.toFixed(0)}, json_to_recordset ${rawRecordset.toFixed(0)} events/s (baseline: the faster)`,
    );

    // fill up to the replay size with batched appends
    let stored = await store.countEvents();
    for (let b = 0; stored < replayTarget; b++) {
      await Promise.all(
        Array.from({ length: batchWriters }, (_, w) =>
          store.appendToStream(`fill-${w}-${b % 200}`, fresh(batches[b % 50]), { expectedVersion: 'any' }),
        ),
      );
      stored += 100 * batchWriters;
    }
    const storedEvents = await store.countEvents();

    // replay everything from the start; count what was delivered and how often
    await pool.query('vacuum analyze ' + `${S}.events`);
    const seen = new Set<bigint>();
    let replayEvents = 0;
    let replayDuplicates = 0;
    const replayStarted = process.hrtime.bigint();
    // A transaction open anywhere on the server holds the safe horizon back (ADR 0001): then the
    // replay waits, inside the measured time, rather than stopping short. Bounded at 60 s.
    let at = START;
    const replayDeadline = Date.now() + 60_000;
    while (replayEvents < storedEvents && Date.now() < replayDeadline) {
      for await (const slice of store.readAllPages(at)) {
        for (const event of slice.events) {
          replayEvents++;
          if (seen.has(event.position)) replayDuplicates++;
          else seen.add(event.position);
        }
        at = slice.next;
      }
      if (replayEvents < storedEvents) await new Promise((r) => setTimeout(r, 10));
    }
    const replaySeconds = Number(process.hrtime.bigint() - replayStarted) / 1e9;
    const replayEventsPerSec = replayEvents / replaySeconds;
    log(
      `replay: ${replayEvents} of ${storedEvents} events in ${replaySeconds.toFixed(2)} s, ${replayDuplicates} duplicates`,
    );

    // catch-up subscription lag while 4 writers append small batches
    const lags: number[] = [];
    let following = false;
    const subscription = new CatchUpSubscription({
      store,
      subscriptionId: 'bench-lag',
      batchSize: 1000,
      pollIntervalMs: 50,
      handle: async (events) => {
        const now = Date.now();
        if (following) for (const e of events) lags.push(now - e.recordedAt.getTime());
      },
    });
    await pool.query(`insert into ${S}.checkpoints (subscription_id, transaction_id, position)
                      select 'bench-lag', transaction_id, global_position from ${S}.events
                      order by transaction_id desc, global_position desc limit 1`);
    subscription.start();
    following = true;
    await forDuration(4, (w, n) =>
      store
        .appendToStream(`lag-${w}-${n % 20}`, fresh(batches[n % 50].slice(0, 5)), { expectedVersion: 'any' })
        .then(() => undefined),
    );
    const deadline = Date.now() + 10_000;
    while (
      lags.length <
        (await pool.query(`select count(*)::int n from ${S}.events where stream_id like 'lag-%'`)).rows[0]
          .n &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await subscription.stop();
    lags.sort((a, b) => a - b);
    log(`subscription: ${lags.length} events followed while writing`);

    const result = {
      appendSingle1PerSec: Math.round(appendSingle1PerSec),
      appendSingle16PerSec: Math.round(appendSingle16PerSec),
      rawSingleInsert16PerSec: Math.round(rawSingleInsert16PerSec),
      single16VsRawSingleRatio: Number((appendSingle16PerSec / rawSingleInsert16PerSec).toFixed(3)),
      pgCpuUsPerEventSingle16,
      appendBatchEventsPerSec: Math.round(appendBatchEventsPerSec),
      rawInsertEventsPerSec: Math.round(rawInsertEventsPerSec),
      batchVsRawRatio: Number((appendBatchEventsPerSec / rawInsertEventsPerSec).toFixed(3)),
      pgCpuUsPerEventBatch,
      pgCpuSource: cpu.source,
      groupCommitLanes: lanes ?? 'default',
      replayEvents,
      replayDuplicates,
      storedEvents,
      replayEventsPerSec: Math.round(replayEventsPerSec),
      subscriptionLagP50Ms: percentile(lags, 50),
      subscriptionLagP99Ms: percentile(lags, 99),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await pool.query(`drop schema if exists ${S} cascade`);
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
