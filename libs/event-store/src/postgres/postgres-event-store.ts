import { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import {
  AllSlice,
  AppendResult,
  EventIdConflictError,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  GlobalPosition,
  InvalidEventError,
  ReadStreamOptions,
  RecordedEvent,
  StreamSlice,
  WrongExpectedVersionError,
} from '../event-store.port';
import { contentDigest } from '../chain/event-chain';
import { eventStoreMigrations } from './event-store.migrations';
import { migrate, quoteSchema } from './migrate';
import { Queryable, rowsOf } from './queryable';

interface EventRow {
  event_id: string;
  stream_id: string;
  version: string;
  type: string;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
  transaction_id: string;
  global_position: string;
  hash: Buffer;
}

const EVENT_COLUMNS =
  'event_id, stream_id, version, type, data, metadata, recorded_at, transaction_id::text, global_position, hash';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9]*\.v[1-9][0-9]*$/;

const isDuplicateEventId = (error: unknown): boolean =>
  (error as { code?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'events_event_id_unique';

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  streamId: row.stream_id,
  version: Number(row.version),
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
  transactionId: BigInt(row.transaction_id),
  position: BigInt(row.global_position),
  hash: row.hash.toString('hex'),
});

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** the owning service's schema: one schema per service (ARCHITECTURE §1) */
  readonly schema: string;
}

/**
 * The PostgreSQL event store: an append-only table guarded by triggers, one round trip per append
 * (the `append_events` function), and a global order readers can trust (ADR 0001).
 */
export class PostgresEventStore implements EventStore {
  /** in-process nudge to subscriptions after each append, so they need not wait for their next poll */
  readonly appended = new EventEmitter();
  private readonly S: string;

  private constructor(
    readonly pool: Pool,
    readonly schema: string,
  ) {
    this.S = quoteSchema(schema);
    this.appended.setMaxListeners(0);
  }

  /** Creates the store's tables in `schema` if needed (idempotent migrations) and returns the store. */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    await migrate(options.pool, options.schema, eventStoreMigrations);
    return new PostgresEventStore(options.pool, options.schema);
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedVersion, on }: { expectedVersion: ExpectedVersion; on?: Queryable },
  ): Promise<AppendResult> {
    if (!streamId) throw new InvalidEventError('stream id is empty');
    if (events.length === 0) throw new InvalidEventError('nothing to append');
    const payload = JSON.stringify(events.map((event) => this.prepare(event)));
    const [kind, exact] =
      typeof expectedVersion === 'number' ? ['exact', expectedVersion] : [expectedVersion, null];
    if (
      typeof expectedVersion === 'number' &&
      (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0)
    ) {
      throw new InvalidEventError(`expected version ${expectedVersion} is not a version`);
    }
    const sql = `select status, stream_version, transaction_id, positions from ${this.S}.append_events($1, $2, $3, $4)`;
    let row: {
      status: string;
      stream_version: string;
      transaction_id: string | null;
      positions: string[] | null;
    };
    for (let attempt = 1; ; attempt++) {
      try {
        row = rowsOf<typeof row>(await (on ?? this.pool).query(sql, [streamId, kind, exact, payload]))[0];
        break;
      } catch (error) {
        // the same ids racing in from a concurrent retry: once that one has committed, asking again
        // answers 'idempotent' (or names the real conflict)
        if (attempt === 1 && !on && isDuplicateEventId(error)) continue;
        throw this.translate(error, events);
      }
    }
    if (row.status === 'conflict') {
      throw new WrongExpectedVersionError(streamId, expectedVersion, Number(row.stream_version));
    }
    const transactionId = BigInt(row.transaction_id as string);
    if (row.status === 'ok') this.appended.emit('appended', streamId);
    return {
      streamId,
      nextExpectedVersion: Number(row.stream_version),
      positions: (row.positions ?? []).map((p) => ({ transactionId, position: BigInt(p) })),
      idempotent: row.status === 'idempotent',
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StreamSlice> {
    const where = ['stream_id = $1', 'version >= $2'];
    const params: unknown[] = [streamId, options.fromVersion ?? 1];
    if (options.toVersion !== undefined) {
      params.push(options.toVersion);
      where.push(`version <= $${params.length}`);
    }
    if (options.asOf !== undefined) {
      params.push(options.asOf);
      where.push(`recorded_at <= $${params.length}`);
    }
    const { rows } = await this.pool.query<EventRow>(
      `select ${EVENT_COLUMNS} from ${this.S}.events where ${where.join(' and ')} order by version`,
      params,
    );
    const events = rows.map(toRecordedEvent);
    return { streamId, version: events.length ? events[events.length - 1].version : 0, events };
  }

  async readAll(from: GlobalPosition, limit: number): Promise<AllSlice> {
    // Only rows of transactions below the oldest running one: a transaction still open can never
    // later commit an event *before* what we hand out (ADR 0001).
    const { rows } = await this.pool.query<EventRow>(
      `select ${EVENT_COLUMNS} from ${this.S}.events
        where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
          and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        order by transaction_id, global_position
        limit $3`,
      [from.transactionId.toString(), from.position.toString(), limit],
    );
    const events = rows.map(toRecordedEvent);
    const last = events[events.length - 1];
    return { events, next: last ? { transactionId: last.transactionId, position: last.position } : from };
  }

  async findEvent(eventId: string): Promise<RecordedEvent | undefined> {
    if (!UUID.test(eventId)) return undefined;
    const { rows } = await this.pool.query<EventRow>(
      `select ${EVENT_COLUMNS} from ${this.S}.events where event_id = $1`,
      [eventId],
    );
    return rows[0] ? toRecordedEvent(rows[0]) : undefined;
  }

  /** The number of stored events (for progress reports and benchmarks). */
  async countEvents(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(`select count(*) as n from ${this.S}.events`);
    return Number(rows[0].n);
  }

  private prepare(event: EventToAppend) {
    if (!UUID.test(event.id)) throw new InvalidEventError(`event id '${event.id}' is not a UUID`);
    if (!EVENT_TYPE.test(event.type)) {
      throw new InvalidEventError(
        `event type '${event.type}' must be a stable versioned name like 'ClassOpened.v1'`,
      );
    }
    return {
      id: event.id.toLowerCase(),
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      digest: contentDigest({ ...event, id: event.id.toLowerCase() }),
    };
  }

  private translate(error: unknown, events: readonly EventToAppend[]): unknown {
    const pgError = error as { code?: string; constraint?: string; message?: string };
    if (pgError.code === 'JN001')
      return new EventIdConflictError(events[0].id, 'with other content or at another place');
    if (isDuplicateEventId(error)) {
      return new EventIdConflictError(events.map((e) => e.id).join(', '), 'in another append');
    }
    return error;
  }
}
