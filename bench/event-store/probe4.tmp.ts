import { Pool } from 'pg';
import { PostgresEventStore } from '@jineng/event-store';
import { payload } from './check-in-payload';
async function main() {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', max: 20 });
  const schema = `probe_${Date.now().toString(36)}`;
  const lanes = Number(process.env.L ?? 1);
  const store = await PostgresEventStore.create({ pool, schema, groupCommit: { maxInFlight: lanes, maxGroupSize: 200 } });
  const gc = (store as any).groupCommit; const orig = gc.sendGroup; const sizes: number[] = []; let alone = 0;
  gc.sendGroup = (a: any[]) => { sizes.push(a.length); return orig(a); }; const o1 = gc.sendOne; gc.sendOne = (a: any) => { alone++; return o1(a); };
  let n = 0; const until = Date.now() + 3000;
  await Promise.all(Array.from({ length: 16 }, async (_, w) => { while (Date.now() < until) { await store.appendToStream(`s-${w}-${n % 50}`, [payload(n)], { expectedVersion: 'any' }); n++; } }));
  console.log('lanes', lanes, 'appends/s', Math.round(n / 3), 'groups', sizes.length, 'avg size', (sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1), 'alone', alone);
  await pool.query(`drop schema "${schema}" cascade`); await pool.end();
}
main();
