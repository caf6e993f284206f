// PostgreSQL CPU time spent for one benchmark phase, per event. Two sources:
//  - pg_stat_statements, when the server has it loaded (shared_preload_libraries) and the extension
//    exists in the benchmark's database: the execution time of the statements the phase ran;
//  - otherwise the CPU time (user + system, from /proc/<pid>/stat) of the backends serving the
//    benchmark's own pool, found by its application_name. Only when PostgreSQL runs on this machine;
//    the WAL writer and other background processes are not counted, the backend's own commit flush is.
import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

export type CpuSource = 'pg_stat_statements' | 'proc' | 'none';

const TICK_US = 10_000; // USER_HZ is 100 on Linux: one tick is 10 ms

function ticksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return undefined;
  }
}

export class BackendCpu {
  private constructor(
    private readonly pool: Pool,
    private readonly applicationName: string,
    readonly source: CpuSource,
  ) {}

  /** Picks the source this server allows. */
  static async open(pool: Pool, applicationName: string): Promise<BackendCpu> {
    try {
      await pool.query('select pg_stat_statements_reset()');
      await pool.query('select count(*) from pg_stat_statements');
      return new BackendCpu(pool, applicationName, 'pg_stat_statements');
    } catch {
      // not loaded ("must be loaded via shared_preload_libraries") or the extension is not created
    }
    const { rows } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
    return new BackendCpu(pool, applicationName, ticksOf(rows[0].pid) === undefined ? 'none' : 'proc');
  }

  /** Starts measuring; the answered function gives the µs spent since, per `events`. */
  async start(): Promise<(events: number) => Promise<number | null>> {
    if (this.source === 'none') return async () => null;
    if (this.source === 'pg_stat_statements') {
      await this.pool.query('select pg_stat_statements_reset()');
      return async (events) => {
        const { rows } = await this.pool.query<{ ms: number }>(
          `select coalesce(sum(total_exec_time), 0)::float8 as ms from pg_stat_statements
            where query not like '%pg_stat_statements%'`,
        );
        return Number(((rows[0].ms * 1000) / events).toFixed(1));
      };
    }
    const before = await this.ticks();
    return async (events) => {
      const after = await this.ticks();
      let ticks = 0;
      for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
      return Number(((ticks * TICK_US) / events).toFixed(1));
    };
  }

  private async ticks(): Promise<Map<number, number>> {
    const { rows } = await this.pool.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [this.applicationName],
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      const t = ticksOf(pid);
      if (t !== undefined) ticks.set(pid, t);
    }
    return ticks;
  }
}
