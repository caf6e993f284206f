/**
 * Where a batched append's time goes: CPU time per event in this Node process and in all PostgreSQL
 * processes (from /proc, so Linux only), for our 100-event appends and for the raw-insert baseline,
 * 4 writers each for BENCH_SECONDS (default 5). Run: `npm run bench:event-store-cpu`; last line JSON.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { Pool } from 'pg';
import { EventToAppend, PostgresEventStore } from '@jineng/event-store';
import { payload, rawEventsTable } from './check-in-payload';

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
  const pool = new Pool({ connectionString: url, max: 12 });
  const schema = `bench_cpu_${Date.now().toString(36)}`;
  const store = await PostgresEventStore.create({ pool, schema });
  await pool.query(rawEventsTable(`"${schema}"`));
  const batches = Array.from({ length: 50 }, (_, b) =>
    Array.from({ length: 100 }, (__, i) => payload(b * 100 + i)),
  );
  const fresh = (batch: EventToAppend[]) => batch.map((e) => ({ ...e, id: randomUUID() }));

  const measure = async (op: (writer: number, n: number) => Promise<unknown>) => {
    let events = 0;
    const node0 = process.cpuUsage();
    const pg0 = postgresCpuMs();
    const started = Date.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let n = 0; Date.now() < until; n++) {
          await op(w, n);
          events += 100;
        }
      }),
    );
    const node = process.cpuUsage(node0);
    const pgMs = postgresCpuMs() - pg0;
    return {
      eventsPerSec: Math.round(events / ((Date.now() - started) / 1000)),
      nodeUsPerEvent: Number(((node.user + node.system) / events).toFixed(1)),
      postgresUsPerEvent: Number(((pgMs * 1000) / events).toFixed(1)),
    };
  };

  try {
    const ours = await measure((w, n) =>
      store.appendToStream(`batch-${w}-${n % 50}`, fresh(batches[n % 50]), { expectedVersion: 'any' }),
    );
    const raw = await measure((w, n) =>
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
    process.stdout.write(
      `${JSON.stringify({
        oursEventsPerSec: ours.eventsPerSec,
        oursNodeUsPerEvent: ours.nodeUsPerEvent,
        oursPostgresUsPerEvent: ours.postgresUsPerEvent,
        rawEventsPerSec: raw.eventsPerSec,
        rawNodeUsPerEvent: raw.nodeUsPerEvent,
        rawPostgresUsPerEvent: raw.postgresUsPerEvent,
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
