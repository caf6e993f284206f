// Deadlines (the product owners' rule): "Deadlines run from a scheduler driven by an injectable
// clock; tests move the clock. A scheduler that was down when a deadline passed acts on it when it
// comes back, once."
//
// A service schedules a deadline — id, due time, kind, JSON data — with `schedule(tx, …)` in the same
// transaction as whatever decided it. The scheduler (one per service process, every replica runs
// one) fires due deadlines through the handler the service registered for their kind:
//   - at most once in effect: each deadline is fired in a transaction of its own that locks its row
//     (`for update skip locked`: replicas never take the same one), runs the handler with that
//     transaction, and marks the row fired in it — the handler's rows and the mark commit together.
//     A handler whose effect is outside the database (a command to another service) sends it with
//     `deadline.commandId`, derived from the deadline id: a re-fire after a crash between the send and
//     the commit is the same command, which the receiver answers idempotently.
//   - catch-up: due means `due_at <= clock.now()`, so deadlines that passed while no scheduler ran
//     fire at the next start, once each.
//   - a failing handler is retried with backoff, and after `maxAttempts` the deadline is parked
//     (status `failed`, with the error, an alert) instead of retried for ever.
import { uuidV5 } from '@jineng/ddd';
import {
  PollingLoop,
  inTransaction,
  isTransientError,
  quoteSchema,
  summarizeError,
  type Migration,
  type Queryable,
} from '@jineng/event-store';
import type { Clock } from '@jineng/kernel';
import type { Pool, PoolClient } from 'pg';

/** Among the migrations every service's migration step applies (`serviceMigrations`). */
export const deadlineMigrations: readonly Migration[] = [
  {
    id: 'service-runtime-deadlines-0001',
    sql: (S) => `
      create table if not exists ${S}.deadlines (
        deadline_id     text primary key,
        kind            text not null,
        due_at          timestamptz not null,
        data            json not null,
        status          text not null default 'pending' check (status in ('pending', 'fired', 'cancelled', 'failed')),
        attempts        int not null default 0,
        next_attempt_at timestamptz,
        last_error      json,
        scheduled_at    timestamptz not null default now(),
        fired_at        timestamptz
      );
      create index if not exists deadlines_due on ${S}.deadlines (due_at) where status = 'pending';`,
  },
];

/** namespace of the command ids derived from deadline ids */
const DEADLINE_COMMAND_NAMESPACE = '7b0f3c4e-2d1a-5e6b-9c8d-0a1b2c3d4e5f';

export interface DeadlineToSchedule {
  /** stable and meaningful: `class-42:opening-day-check` (scheduling it again reschedules it) */
  readonly id: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly data: Record<string, unknown>;
}

export interface DueDeadline extends DeadlineToSchedule {
  /** when it fired, by the scheduler's clock */
  readonly firedAt: Date;
  /** the same for every firing of this deadline: use it as the command id of what it sends */
  readonly commandId: string;
  /** 1 on the first attempt */
  readonly attempt: number;
}

/** Writes the deadline's effect with `tx`: it commits with the deadline's "fired" mark, or not at all. */
export type DeadlineHandler = (deadline: DueDeadline, tx: PoolClient) => Promise<void>;

export interface DeadlineSchedulerOptions {
  readonly pool: Pool;
  readonly schema: string;
  readonly clock: Clock;
  /** how often it looks for due deadlines (default 1 s; a moved test clock is seen at the next look) */
  readonly pollMs?: number;
  /** failed attempts before a deadline is parked as failed (default 5) */
  readonly maxAttempts?: number;
  /** wait after the n-th failed attempt, by the scheduler's clock; the last value repeats */
  readonly retryDelaysMs?: readonly number[];
  readonly onError?: (error: unknown, deadline?: DueDeadline) => void;
  /** a deadline failed its last attempt and was parked (alert) */
  readonly onFailed?: (deadline: DueDeadline, error: unknown) => void;
}

interface DeadlineRow {
  deadline_id: string;
  kind: string;
  due_at: Date;
  data: Record<string, unknown>;
  attempts: number;
}

export class DeadlineScheduler {
  private readonly T: string;
  private readonly handlers = new Map<string, DeadlineHandler>();
  private readonly loop: PollingLoop;
  private running = false;

  constructor(private readonly options: DeadlineSchedulerOptions) {
    this.T = `${quoteSchema(options.schema)}.deadlines`;
    this.loop = new PollingLoop(
      options.pollMs ?? 1_000,
      () => this.fireDue(),
      (error) => options.onError?.(error),
    );
  }

  /**
   * Registers the handler of a kind (in onModuleInit, before the scheduler starts). The first
   * registration of a kind holds: a hybrid app (HTTP + NATS) runs onModuleInit once per part.
   */
  handle(kind: string, handler: DeadlineHandler): void {
    if (!this.handlers.has(kind)) this.handlers.set(kind, handler);
  }

  /**
   * Schedules a deadline in the caller's transaction; scheduling the same id again moves it (while it
   * is pending). Answers false when that deadline already fired (nothing changes then).
   */
  async schedule(on: Queryable, deadline: DeadlineToSchedule): Promise<boolean> {
    const result = (await on.query(
      `insert into ${this.T} (deadline_id, kind, due_at, data) values ($1, $2, $3, $4)
       on conflict (deadline_id) do update
         set kind = excluded.kind, due_at = excluded.due_at, data = excluded.data, attempts = 0,
             next_attempt_at = null, last_error = null
         where ${this.T}.status = 'pending'
       returning deadline_id`,
      [deadline.id, deadline.kind, deadline.dueAt, JSON.stringify(deadline.data)],
    )) as { rows?: unknown[] } | unknown[];
    return (Array.isArray(result) ? result : (result.rows ?? [])).length > 0;
  }

  /** Cancels a pending deadline in the caller's transaction. */
  async cancel(on: Queryable, deadlineId: string): Promise<void> {
    await on.query(
      `update ${this.T} set status = 'cancelled' where deadline_id = $1 and status = 'pending'`,
      [deadlineId],
    );
  }

  /**
   * Fires what is already due (missed while down), then keeps looking. Its table comes with the
   * service's migrations (`deadlineMigrations`).
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.fireDue();
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop.stop();
  }

  /** Fires every deadline due by the clock now; answers how many fired. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const outcome = await this.fireOne();
      if (outcome === 'none') return fired;
      if (outcome === 'fired') fired++;
    }
  }

  private async fireOne(): Promise<'fired' | 'failed' | 'none'> {
    const now = this.options.clock.now();
    let due: DueDeadline | undefined;
    try {
      return await inTransaction(this.options.pool, async (tx) => {
        const { rows } = await tx.query<DeadlineRow>(
          `select deadline_id, kind, due_at, data, attempts from ${this.T}
            where status = 'pending' and due_at <= $1 and (next_attempt_at is null or next_attempt_at <= $1)
              and kind = any($2::text[])
            order by due_at limit 1 for update skip locked`,
          [now, [...this.handlers.keys()]],
        );
        if (rows.length === 0) return 'none';
        const row = rows[0];
        due = {
          id: row.deadline_id,
          kind: row.kind,
          dueAt: row.due_at,
          data: row.data,
          firedAt: now,
          commandId: uuidV5(DEADLINE_COMMAND_NAMESPACE, row.deadline_id),
          attempt: row.attempts + 1,
        };
        await this.handlers.get(row.kind)!(due, tx);
        await tx.query(
          `update ${this.T} set status = 'fired', fired_at = $2, attempts = $3 where deadline_id = $1`,
          [row.deadline_id, now, due.attempt],
        );
        return 'fired';
      });
    } catch (error) {
      if (!due || isTransientError(error)) throw error;
      await this.failed(due, error, now);
      return 'failed';
    }
  }

  private async failed(deadline: DueDeadline, error: unknown, now: Date): Promise<void> {
    const max = this.options.maxAttempts ?? 5;
    const delays = this.options.retryDelaysMs ?? [1_000, 5_000, 30_000, 120_000];
    const parked = deadline.attempt >= max;
    const delay = delays[Math.min(deadline.attempt - 1, delays.length - 1)];
    await this.options.pool.query(
      `update ${this.T} set attempts = $2, last_error = $3, next_attempt_at = $4,
         status = case when $5 then 'failed' else status end
       where deadline_id = $1`,
      [
        deadline.id,
        deadline.attempt,
        JSON.stringify(summarizeError(error)),
        new Date(now.getTime() + delay),
        parked,
      ],
    );
    this.options.onError?.(error, deadline);
    if (parked) this.options.onFailed?.(deadline, error);
  }
}
