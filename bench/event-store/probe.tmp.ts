import { Pool } from 'pg';
import { readFileSync } from 'node:fs';
import { PostgresEventStore } from '@jineng/event-store';
import { payload } from './check-in-payload';
const ticks = (pid: number) => {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
};
async function main() {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', max: 1 });
  const schema = `probe_${Date.now().toString(36)}`;
  const store = await PostgresEventStore.create({ pool, schema });
  const c = await pool.connect();
  const pid = (await c.query('select pg_backend_pid() p')).rows[0].p;
  const size = Number(process.env.G ?? 16),
    per = Number(process.env.E ?? 1),
    n = Number(process.env.N ?? 200);
  if (process.env.MODE) await c.query(`set plan_cache_mode = ${process.env.MODE}`);
  for (const fn of (process.env.FNS ?? 'append_group,append_many').split(',')) {
    let events = 0;
    const t0 = ticks(pid);
    const w0 = Date.now();
    for (let i = 0; i < n; i++) {
      const p = store.groupPayload(
        Array.from({ length: size }, (_, k) => ({
          streamId: `${fn}-${i}-${k}`,
          events: Array.from({ length: per }, (_, j) => payload(j)),
          expectedVersion: 'any' as const,
        })),
      );
      await c.query(`select "${schema}".${fn}($1)`, [p]);
      events += size * per;
    }
    console.log(
      fn,
      'size',
      size,
      'per',
      per,
      'pg µs/event',
      (((ticks(pid) - t0) * 10000) / events).toFixed(1),
      'wall µs/event',
      (((Date.now() - w0) * 1000) / events).toFixed(1),
    );
  }
  c.release();
  await pool.query(`drop schema "${schema}" cascade`);
  await pool.end();
}
main();
