// Parked events: what a projection or a consumer gave up on after its last attempt, and the later
// events of the same stream held behind it, kept in the owning service's schema until an operator
// replays them (`npm run ops -- parked list|replay`). The runner that owns a subscriber picks up the
// replay requests and applies them through its own idempotent path, so a replay never applies twice.
import type { Pool } from 'pg';
import { migrate, quoteSchema, type Migration } from '../postgres/migrate';
import { rowsOf, type Queryable } from '../postgres/queryable';

/**
 * The parked_events table, in the subscriber's schema: among the migrations a service's migration step
 * applies (libs/service-runtime adds it in front of the service's own).
 */
export const parkingMigrations: readonly Migration[] = [
  {
    id: 'event-store-parking-0001',
    sql: (S) => `
      create table if not exists ${S}.parked_events (
        parked_id           bigint generated always as identity primary key,
        -- 'projection:<name>', a consumer or a local read model name
        subscriber          text not null,
        -- the service the event comes from; '' for the service's own store
        source              text not null default '',
        event_id            uuid not null,
        stream_id           text not null,
        stream_version      bigint not null,
        event_type          text not null,
        event               json not null,
        -- failed: it failed its last attempt; held: a later event of a stream that has a failed one;
        -- dead_letter: copied from jineng.dlq.<consumer> by an operator to be replayed
        reason              text not null check (reason in ('failed', 'held', 'dead_letter')),
        -- parked → replay_requested (by an operator) → replayed, or back to parked with replay_error
        status              text not null check (status in ('parked', 'replay_requested', 'replayed')),
        error               json,
        attempts            int not null default 0,
        parked_at           timestamptz not null default now(),
        replay_requested_at timestamptz,
        replayed_at         timestamptz,
        replay_error        json,
        unique (subscriber, event_id)
      );
      create index if not exists parked_events_open on ${S}.parked_events (subscriber, status)
        where status <> 'replayed';`,
  },
];

/** Creates parked_events as the pool's role: for tests and tools that run as the schema's owner. */
export async function migrateParking(pool: Pool, schema: string): Promise<void> {
  await migrate(pool, schema, parkingMigrations);
}

export type ParkReason = 'failed' | 'held' | 'dead_letter';
export type ParkStatus = 'parked' | 'replay_requested' | 'replayed';

export interface ErrorSummary {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export function summarizeError(error: unknown): ErrorSummary {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'NonError', message: String(error) };
}

export interface EventToPark {
  readonly subscriber: string;
  readonly source?: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventType: string;
  /** the event as the subscriber reads it back on replay (JSON) */
  readonly event: unknown;
  readonly reason: ParkReason;
  readonly status?: ParkStatus;
  readonly error?: ErrorSummary;
  readonly attempts?: number;
}

export interface ParkedEvent {
  readonly parkedId: string;
  readonly subscriber: string;
  readonly source: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventType: string;
  readonly event: unknown;
  readonly reason: ParkReason;
  readonly status: ParkStatus;
  readonly error?: ErrorSummary;
  readonly attempts: number;
  readonly parkedAt: Date;
  readonly replayRequestedAt?: Date;
  readonly replayedAt?: Date;
  readonly replayError?: ErrorSummary;
}

interface ParkedRow {
  parked_id: string;
  subscriber: string;
  source: string;
  event_id: string;
  stream_id: string;
  stream_version: string;
  event_type: string;
  event: unknown;
  reason: ParkReason;
  status: ParkStatus;
  error: ErrorSummary | null;
  attempts: number;
  parked_at: Date;
  replay_requested_at: Date | null;
  replayed_at: Date | null;
  replay_error: ErrorSummary | null;
}

const toParked = (r: ParkedRow): ParkedEvent => ({
  parkedId: String(r.parked_id),
  subscriber: r.subscriber,
  source: r.source,
  eventId: r.event_id,
  streamId: r.stream_id,
  streamVersion: Number(r.stream_version),
  eventType: r.event_type,
  event: r.event,
  reason: r.reason,
  status: r.status,
  ...(r.error ? { error: r.error } : {}),
  attempts: r.attempts,
  parkedAt: r.parked_at,
  ...(r.replay_requested_at ? { replayRequestedAt: r.replay_requested_at } : {}),
  ...(r.replayed_at ? { replayedAt: r.replayed_at } : {}),
  ...(r.replay_error ? { replayError: r.replay_error } : {}),
});

export interface ParkedFilter {
  readonly subscriber?: string;
  /** default: every status but replayed */
  readonly statuses?: readonly ParkStatus[];
  readonly parkedIds?: readonly string[];
  readonly eventIds?: readonly string[];
  readonly limit?: number;
}

/** The parked events of one schema. Every method takes the connection or transaction to run on. */
export class ParkedEvents {
  readonly table: string;

  constructor(readonly schema: string) {
    this.table = `${quoteSchema(schema)}.parked_events`;
  }

  /**
   * Parks an event (inside the caller's transaction, with the checkpoint or version that moves past
   * it). Parking the same event again — a replay that failed and is parked anew — updates the row.
   */
  async park(on: Queryable, entry: EventToPark): Promise<void> {
    await on.query(
      `insert into ${this.table} (subscriber, source, event_id, stream_id, stream_version, event_type, event,
         reason, status, error, attempts)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (subscriber, event_id) do update
         set status = excluded.status, error = excluded.error, attempts = excluded.attempts,
             reason = excluded.reason, parked_at = now()`,
      [
        entry.subscriber,
        entry.source ?? '',
        entry.eventId,
        entry.streamId,
        entry.streamVersion,
        entry.eventType,
        JSON.stringify(entry.event),
        entry.reason,
        entry.status ?? 'parked',
        entry.error ? JSON.stringify(entry.error) : null,
        entry.attempts ?? 0,
      ],
    );
  }

  /** Streams of `subscriber` that have an open (not replayed) parked event: their later events wait. */
  async blockedStreams(on: Queryable, subscriber: string, source = ''): Promise<Set<string>> {
    const rows = rowsOf<{ stream_id: string }>(
      await on.query(
        `select distinct stream_id from ${this.table}
          where subscriber = $1 and source = $2 and status <> 'replayed' and reason <> 'dead_letter'`,
        [subscriber, source],
      ),
    );
    return new Set(rows.map((r) => r.stream_id));
  }

  async list(on: Queryable, filter: ParkedFilter = {}): Promise<ParkedEvent[]> {
    const where = [`status = any($1::text[])`];
    const params: unknown[] = [filter.statuses ?? ['parked', 'replay_requested']];
    if (filter.subscriber) {
      params.push(filter.subscriber);
      where.push(`subscriber = $${params.length}`);
    }
    if (filter.parkedIds) {
      params.push(filter.parkedIds);
      where.push(`parked_id = any($${params.length}::bigint[])`);
    }
    if (filter.eventIds) {
      params.push(filter.eventIds);
      where.push(`event_id = any($${params.length}::uuid[])`);
    }
    params.push(filter.limit ?? 1000);
    const rows = rowsOf<ParkedRow>(
      await on.query(
        `select * from ${this.table} where ${where.join(' and ')}
          order by subscriber, source, stream_id, stream_version limit $${params.length}`,
        params,
      ),
    );
    return rows.map(toParked);
  }

  /** The rows of one stream still waiting (parked or requested), in version order, locked. */
  async openOfStream(
    on: Queryable,
    subscriber: string,
    source: string,
    streamId: string,
  ): Promise<ParkedEvent[]> {
    const rows = rowsOf<ParkedRow>(
      await on.query(
        `select * from ${this.table}
          where subscriber = $1 and source = $2 and stream_id = $3 and status <> 'replayed'
          order by stream_version for update`,
        [subscriber, source, streamId],
      ),
    );
    return rows.map(toParked);
  }

  /** Marks parked rows for replay; answers the rows marked. */
  async requestReplay(on: Queryable, filter: ParkedFilter): Promise<ParkedEvent[]> {
    const marked = [];
    for (const row of await this.list(on, { ...filter, statuses: ['parked'] })) {
      await on.query(
        `update ${this.table} set status = 'replay_requested', replay_requested_at = now()
          where parked_id = $1 and status = 'parked'`,
        [row.parkedId],
      );
      marked.push(row);
    }
    return marked;
  }

  /** Replay requests of `subscriber`, oldest first. */
  async requested(on: Queryable, subscriber: string, limit = 100): Promise<ParkedEvent[]> {
    const rows = rowsOf<ParkedRow>(
      await on.query(
        `select * from ${this.table} where subscriber = $1 and status = 'replay_requested'
          order by replay_requested_at, parked_id limit $2`,
        [subscriber, limit],
      ),
    );
    return rows.map(toParked);
  }

  async markReplayed(on: Queryable, parkedIds: readonly string[]): Promise<void> {
    await on.query(
      `update ${this.table} set status = 'replayed', replayed_at = now(), replay_error = null
        where parked_id = any($1::bigint[])`,
      [parkedIds],
    );
  }

  /** The replay failed: the rows are parked again, with why. */
  async markReplayFailed(on: Queryable, parkedIds: readonly string[], error: ErrorSummary): Promise<void> {
    await on.query(
      `update ${this.table} set status = 'parked', replay_error = $2
        where parked_id = any($1::bigint[]) and status = 'replay_requested'`,
      [parkedIds, JSON.stringify(error)],
    );
  }

  /** Open parked events per subscriber: for the `jineng_parked_events` gauge. */
  async countOpen(on: Queryable): Promise<Map<string, number>> {
    const rows = rowsOf<{ subscriber: string; n: string }>(
      await on.query(
        `select subscriber, count(*) as n from ${this.table} where status <> 'replayed' group by subscriber`,
      ),
    );
    return new Map(rows.map((r) => [r.subscriber, Number(r.n)]));
  }
}

/** A parked event failed again on replay: names it. */
export class ReplayFailedError extends Error {
  constructor(row: ParkedEvent, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `replay of ${row.eventType} ${row.streamId}@${row.streamVersion} (${row.eventId}) failed: ${reason}`,
    );
    this.name = 'ReplayFailedError';
  }
}
