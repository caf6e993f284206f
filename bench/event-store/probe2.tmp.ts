import { Pool } from 'pg';
import { readFileSync } from 'node:fs';
const ticks = (pid: number) => {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
};
async function main() {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', max: 1 });
  const c = await pool.connect();
  const pid = (await c.query('select pg_backend_pid() p')).rows[0].p;
  await c.query('create temp table if not exists x (a int)');
  await c.query('create table if not exists public.probe_esa (a int)');
  for (const [name, sql] of [
    ['select1', 'select 1'],
    ['insert-commit', 'insert into public.probe_esa values (1)'],
    ['temp insert', 'insert into x values (1)'],
  ]) {
    const t0 = ticks(pid);
    const w0 = Date.now();
    for (let i = 0; i < 2000; i++) await c.query(sql);
    console.log(
      name,
      'pg µs/stmt',
      (((ticks(pid) - t0) * 10000) / 2000).toFixed(1),
      'wall',
      (((Date.now() - w0) * 1000) / 2000).toFixed(1),
    );
  }
  await c.query('drop table public.probe_esa');
  c.release();
  await pool.end();
}
main();
