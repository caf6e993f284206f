/**
 * Where an append's time goes: CPU time per event in this Node process and in PostgreSQL, for our
 * 100-event appends and the raw-insert baseline (4 writers each), and for single-event appends from
 * 16 writers under group commit, for BENCH_SECONDS (default 5) each. PostgreSQL's CPU is counted two
 * ways (Linux /proc, so PostgreSQL on this machine): `…BackendUsPerEvent` the backends of this
 * benchmark's own pool (found by application_name: what the appends themselves cost, whatever else
 * runs on the server), `…PostgresUsPerEvent` every postgres process (WAL writer, checkpointer … and
 * other clients' backends too: only meaningful on an otherwise idle server).
 * Run: `npm run bench:event-store-cpu`; last line JSON.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { Pool } from 'pg';
import { EventToAppend, PostgresEventStore } from '@jineng/event-store';
import { payload, rawEventsTable } from './check-in-payload';
import { BackendCpu } from './backend-cpu';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

/** CPU milliseconds used so far by every process named postgres (clock ticks at 100 Hz). */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended while we looked
    }
  }
  return ticks * 10;
}

async function main() {
  const schema = `bench_cpu_${Date.now().toString(36)}`;
  // the pool's backends stay open for the whole run: their CPU time is read from /proc by this name
  const pool = new Pool({ connectionString: url, max: 20, application_name: schema, idleTimeoutMillis: 0 });
  const store = await PostgresEventStore.create({ pool, schema });
  await pool.query(rawEventsTable(`"${schema}"`));
  const backends = await BackendCpu.open(pool, schema);
  const batches = Array.from({ length: 50 }, (_, b) =>
    Array.from({ length: 100 }, (__, i) => payload(b * 100 + i)),
  );
  const fresh = (batch: EventToAppend[]) => batch.map((e) => ({ ...e, id: randomUUID() }));

  const measure = async (
    writers: number,
    eventsPerOp: number,
    op: (writer: number, n: number) => Promise<unknown>,
  ) => {
    let events = 0;
    const backend = await backends.start();
    const node0 = process.cpuUsage();
    const pg0 = postgresCpuMs();
    const started = Date.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let n = 0; Date.now() < until; n++) {
          await op(w, n);
          events += eventsPerOp;
        }
      }),
    );
    const node = process.cpuUsage(node0);
    const pgMs = postgresCpuMs() - pg0;
    return {
      eventsPerSec: Math.round(events / ((Date.now() - started) / 1000)),
      nodeUsPerEvent: Number(((node.user + node.system) / events).toFixed(1)),
      backendUsPerEvent: await backend(events),
      postgresUsPerEvent: Number(((pgMs * 1000) / events).toFixed(1)),
    };
  };

  try {
    // warm-up: connections, plans
    await measure(16, 1, (w, n) =>
      store.appendToStream(`warm-${w}-${n % 10}`, [payload(n)], { expectedVersion: 'any' }),
    );
    const ours = await measure(4, 100, (w, n) =>
      store.appendToStream(`batch-${w}-${n % 50}`, fresh(batches[n % 50]), { expectedVersion: 'any' }),
    );
    const raw = await measure(4, 100, (w, n) =>
      pool.query(
        `insert into "${schema}".raw_events select * from json_to_recordset($1::json)
           as r(event_id uuid, stream_id text, type text, data json, metadata json)`,
        [
          JSON.stringify(
            fresh(batches[n % 50]).map((e) => ({
              event_id: e.id,
              stream_id: `raw-${w}`,
              type: e.type,
              data: e.data,
              metadata: e.metadata,
            })),
          ),
        ],
      ),
    );
    const single16 = await measure(16, 1, (w, n) =>
      store.appendToStream(`single16-${w}-${n % 100}`, [payload(n)], { expectedVersion: 'any' }),
    );
    process.stdout.write(
      `${JSON.stringify({
        oursEventsPerSec: ours.eventsPerSec,
        oursNodeUsPerEvent: ours.nodeUsPerEvent,
        oursBackendUsPerEvent: ours.backendUsPerEvent,
        oursPostgresUsPerEvent: ours.postgresUsPerEvent,
        rawEventsPerSec: raw.eventsPerSec,
        rawNodeUsPerEvent: raw.nodeUsPerEvent,
        rawBackendUsPerEvent: raw.backendUsPerEvent,
        rawPostgresUsPerEvent: raw.postgresUsPerEvent,
        single16PerSec: single16.eventsPerSec,
        single16NodeUsPerEvent: single16.nodeUsPerEvent,
        single16BackendUsPerEvent: single16.backendUsPerEvent,
        single16PostgresUsPerEvent: single16.postgresUsPerEvent,
        backendSource: backends.source,
      })}\n`,
    );
  } finally {
    await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
