import { Pool } from 'pg';
import { PostgresEventStore } from '@jineng/event-store';
import { payload } from './check-in-payload';
async function main() {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', max: 1 });
  const schema = `probe_${Date.now().toString(36)}`;
  const store = await PostgresEventStore.create({ pool, schema });
  const c = await pool.connect();
  c.on('notice', (n) => console.log(n.message));
  const size = Number(process.env.G ?? 16);
  for (let i = 0; i < 8; i++) {
    const p = store.groupPayload(
      Array.from({ length: size }, (_, k) => ({
        streamId: `s-${i}-${k}`,
        events: [payload(k)],
        expectedVersion: 'any' as const,
      })),
    );
    if (i === 7) {
      await c.query(`load 'auto_explain'`);
      await c.query(
        `set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on; set auto_explain.log_analyze = on; set auto_explain.log_level = notice; set auto_explain.log_timing = on`,
      );
    }
    const t = process.hrtime.bigint();
    await c.query(`select "${schema}".append_group($1)`, [p]);
    if (i >= 5) console.log('call µs', Number(process.hrtime.bigint() - t) / 1000);
  }
  c.release();
  await pool.query(`drop schema "${schema}" cascade`);
  await pool.end();
}
main();
