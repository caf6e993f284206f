// Readiness of what follows the service's own store — the outbox relay and the projections: not
// ready when one has events waiting and its checkpoint has not moved for `stallAfterMs`. Readers
// only see events below the oldest transaction still running on the whole server (ADR 0001), so one
// open transaction anywhere freezes them all while everything else answers; the reason then names the
// open transactions that are older than the waiting events, from pg_stat_activity.
//
// Rights: pid, user, application_name and the transaction id of other roles' sessions are readable
// by any role; their state and age need the predefined role `pg_read_all_stats` (grant it to the
// service's runtime role; it reads statistics only, no data). Without it the reason says "age unknown".
import { quoteSchema } from '@jineng/event-store';
import type { HealthCheck } from '@jineng/observability';
import type { Pool } from 'pg';

export interface WatchedFollower {
  /** what the reason calls it: `relay`, `projection worker-view` */
  readonly label: string;
  /** its row in `checkpoints`: `outbox-relay:<service>`, `projection:<name>` */
  readonly checkpointId: string;
  /** its last error, if its last attempt failed */
  lastError?(): string | undefined;
}

interface FollowerRow {
  id: string;
  waiting: string;
  oldest_waiting_ms: string | null;
  checkpoint_moved_ms: string | null;
  first_waiting_xid: string | null;
  horizon: string;
}

interface HolderRow {
  pid: number;
  usename: string | null;
  application_name: string | null;
  state: string | null;
  age_s: string | null;
}

/** at most this many waiting events are counted (the count only says "some" or "many") */
const COUNT_LIMIT = 10_000;

export class FollowerStallHealthCheck implements HealthCheck {
  readonly name = 'followers';
  private readonly S: string;
  /** a follower cannot have been still for longer than this process has watched it */
  private readonly since = Date.now();

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly stallAfterMs: number,
    private readonly followers: () => readonly WatchedFollower[],
  ) {
    this.S = quoteSchema(schema);
  }

  async check(): Promise<void> {
    const followers = this.followers();
    if (followers.length === 0) return;
    const { rows } = await this.pool.query<FollowerRow>(
      `select f.id,
              w.waiting,
              (extract(epoch from now() - w.oldest) * 1000)::bigint as oldest_waiting_ms,
              (extract(epoch from now() - c.updated_at) * 1000)::bigint as checkpoint_moved_ms,
              w.first_xid as first_waiting_xid,
              pg_snapshot_xmin(pg_current_snapshot())::text as horizon
         from unnest($1::text[]) as f(id)
         left join ${this.S}.checkpoints c on c.subscription_id = f.id
         cross join lateral (
           select count(*) as waiting, min(e.recorded_at) as oldest, min(e.transaction_id)::text as first_xid
             from (select e.recorded_at, e.transaction_id from ${this.S}.events e
                    where (e.transaction_id, e.global_position)
                          > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.position, 0))
                    order by e.transaction_id, e.global_position
                    limit ${COUNT_LIMIT}) e
         ) w`,
      [followers.map((f) => f.checkpointId)],
    );
    const stalled: string[] = [];
    for (const row of rows) {
      const waiting = Number(row.waiting);
      if (waiting === 0 || row.oldest_waiting_ms === null) continue;
      // how long nothing moved: since the checkpoint last moved, or since the oldest waiting event came
      const stillMs = Math.min(
        Date.now() - this.since,
        Number(row.oldest_waiting_ms),
        row.checkpoint_moved_ms === null ? Infinity : Number(row.checkpoint_moved_ms),
      );
      if (stillMs < this.stallAfterMs) continue;
      const follower = followers.find((f) => f.checkpointId === row.id)!;
      const count = waiting >= COUNT_LIMIT ? `${COUNT_LIMIT}+` : String(waiting);
      let reason = `${follower.label}: ${count} events waiting, not moved for ${Math.round(stillMs / 1000)} s`;
      if (row.first_waiting_xid && BigInt(row.first_waiting_xid) >= BigInt(row.horizon)) {
        reason += `; held back by ${await this.describeHolders(row.first_waiting_xid)}`;
      }
      const lastError = follower.lastError?.();
      if (lastError) reason += `; last error: ${lastError}`;
      stalled.push(reason);
    }
    if (stalled.length > 0) throw new Error(stalled.join(' | '));
  }

  /** The open transactions older than the waiting events, oldest first (what holds the horizon). */
  private async describeHolders(firstWaitingXid: string): Promise<string> {
    // backend_xid is a 32-bit xid: put it in the current epoch to compare it with the events' xid8
    const { rows } = await this.pool.query<HolderRow>(
      `with now_xid as (select pg_snapshot_xmax(pg_current_snapshot())::text::numeric as xmax),
            open as (
              select a.pid, a.usename, a.application_name, a.state,
                     extract(epoch from now() - a.xact_start)::bigint as age_s,
                     case when a.backend_xid::text::numeric <= mod(n.xmax, 4294967296)
                          then floor(n.xmax / 4294967296) * 4294967296 + a.backend_xid::text::numeric
                          else (floor(n.xmax / 4294967296) - 1) * 4294967296 + a.backend_xid::text::numeric
                     end as xid8
                from pg_stat_activity a, now_xid n
               where a.backend_xid is not null and a.pid <> pg_backend_pid())
       select pid, usename, application_name, state, age_s from open
        where xid8 < $1::numeric order by xid8 limit 3`,
      [firstWaitingXid],
    );
    if (rows.length === 0)
      return 'the oldest running transaction (a prepared transaction, or one that has just ended)';
    return rows
      .map((r) => {
        const age = r.age_s === null ? 'age unknown (needs pg_read_all_stats)' : `open for ${r.age_s} s`;
        const state = r.state ? `, ${r.state}` : '';
        return `open transaction pid ${r.pid} (application_name '${r.application_name ?? ''}', user ${r.usename ?? '?'}${state}, ${age})`;
      })
      .join(', ');
  }
}
