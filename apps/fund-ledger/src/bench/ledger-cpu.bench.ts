/**
 * Where a transfer's time goes (issue 14): `npm run bench:ledger-cpu`. The transfers of
 * `npm run bench:ledger` (Dr bank / Cr fund:<writer's county>, 8 writers), a few thousand of them,
 * without the statement: per transfer the CPU of this process and of its PostgreSQL backends (from
 * /proc, as the machine is shared the CPU says more than the wall time) and the round trips to
 * PostgreSQL. `BENCH_LEDGER_CPU_PATHS` (default `post,lane`): `post` — LedgerBook.post, a PostgreSQL
 * transaction each; `lane` — the group-commit lane (LedgerBook.lane), concurrent transfers in one
 * transaction and two set-based statements. One JSON line on stdout.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { inTransaction, migrate } from '@jineng/event-store';
import { Client, Pool } from 'pg';
import { fundLedgerMigrations } from '../fund-ledger.migrations';
import { inflowPlan } from '../ledger/domain/ledger-plans';
import { LedgerBook, type LedgerEntry } from '../ledger/ledger-book';

const transfers = Number(process.env.BENCH_LEDGER_TRANSFERS ?? 4_000);
const writers = Number(process.env.BENCH_LEDGER_WRITERS ?? 8);
const inFlight = Number(process.env.BENCH_LEDGER_LANE_IN_FLIGHT ?? 0);
const paths = (process.env.BENCH_LEDGER_CPU_PATHS ?? 'post,lane').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (message: string) => process.stderr.write(`${message}\n`);
const SOURCE = 'skills_upgrading_account';
const COUNTIES = Array.from({ length: writers }, (_, w) => `5303${String(w + 10).padStart(2, '0')}`);

// every query any client sends: the round trips
let roundTrips = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  roundTrips++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

async function cpuSeconds(pool: Pool, applicationName: string): Promise<{ node: number; pg: number }> {
  const { rows } = await pool.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = $1`,
    [applicationName],
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a backend that ended
    }
  }
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, pg: ticks / 100 };
}

async function main(): Promise<void> {
  const applicationName = `bench-ledger-cpu-${randomBytes(4).toString('hex')}`;
  const pool = new Pool({
    connectionString: databaseUrl,
    max: writers + 2,
    idleTimeoutMillis: 0,
    application_name: applicationName,
  });
  const schemas: string[] = [];
  const out: Record<string, unknown> = { transfers, writers };
  try {
    for (const path of paths) {
      const schema = `bench_ledger_cpu_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      await migrate(pool, schema, fundLedgerMigrations);
      const book = new LedgerBook(pool, schema);
      await Promise.all(Array.from({ length: writers + 2 }, () => pool.connect())).then((clients) =>
        clients.forEach((c) => c.release()),
      );
      const entry = (writer: number, i: number): LedgerEntry => ({
        key: `bench:${i}`,
        kind: 'inflow',
        content: { i },
        cause: { actor: 'bench' },
        bookedOn: '2026-11-29',
        plan: inflowPlan(COUNTIES[writer]!, SOURCE, 100 + (i % 1000)),
      });
      const lane = path === 'lane' ? book.lane(inFlight ? { maxInFlight: inFlight } : {}) : undefined;
      const post = lane
        ? (writer: number, i: number) => lane.post(entry(writer, i))
        : (writer: number, i: number) => inTransaction(pool, (tx) => book.post(tx, entry(writer, i)));
      const before = await cpuSeconds(pool, applicationName);
      const trips0 = roundTrips;
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (;;) {
            const i = next++;
            if (i >= transfers) return;
            await post(writer, i);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const trips = roundTrips - trips0 - 1; // the CPU read's own query
      const after = await cpuSeconds(pool, applicationName);
      const verification = await book.verify();
      if (!verification.ok || verification.transactions !== transfers) {
        throw new Error(`the ledger does not verify: ${JSON.stringify(verification).slice(0, 400)}`);
      }
      const ms = (s: number) => Number(((s * 1000) / transfers).toFixed(3));
      out[path] = {
        perSec: Math.round(transfers / seconds),
        cpuMsPerTransfer: { node: ms(after.node - before.node), pg: ms(after.pg - before.pg) },
        roundTripsPerTransfer: Number((trips / transfers).toFixed(3)),
        ...(lane ? { batches: lane.stats().batches } : {}),
      };
      log(`${path}: ${JSON.stringify(out[path])}`);
    }
    out.load = loadavg().map((l) => Number(l.toFixed(2)));
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    for (const schema of schemas) {
      await pool.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    }
    await pool.end();
  }
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exitCode = 1;
});
