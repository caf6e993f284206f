import { hash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import {
  AllSlice,
  AllTextSlice,
  AppendResult,
  EventIdConflictError,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  GlobalPosition,
  InvalidEventError,
  ReadStreamOptions,
  RecordedEvent,
  RecordedEventText,
  StreamSlice,
  WrongExpectedVersionError,
} from '../event-store.port';
import { contentDigest } from '../chain/event-chain';
import { eventJson } from '../chain/event-json';
import { eventStoreMigrations } from './event-store.migrations';
import { migrate, quoteSchema } from './migrate';
import { Queryable, rowsOf } from './queryable';
import { statementName } from './statement-name';
import { AppendRow, GroupCommit, GroupCommitOptions, QueuedAppend } from './group-commit';

/**
 * A stored event as the reading queries select it (`rowMode: 'array'`: no per-row objects to build),
 * its data and metadata parsed (`EventRow`) or as the text stored (`EventTextRow`).
 */
type StoredRow<Json, More extends unknown[] = []> = [
  id: string,
  streamId: string,
  version: string,
  type: string,
  data: Json,
  metadata: Json,
  recordedAtMillis: string,
  transactionId: string,
  position: string,
  hash: string,
  ...More,
];
type EventRow = StoredRow<RecordedEvent['data']>;

// millisecond epoch and hex text: cheaper to parse than timestamptz and bytea, and exact (recorded_at
// is stored to the millisecond). The computed columns get names of their own: a bare `transaction_id`
// in ORDER BY would otherwise mean the *text* output column and sort the whole table lexically.
const EVENT_COLUMNS = `e.event_id, e.stream_id, e.version, e.type, e.data, e.metadata,
  (extract(epoch from e.recorded_at) * 1000)::bigint as recorded_ms, e.transaction_id::text as transaction_text,
  e.global_position, encode(e.hash, 'hex') as hash_hex`;

/** As EVENT_COLUMNS, with data and metadata as their stored text (json's text is the writer's, as is). */
const EVENT_TEXT_COLUMNS = `e.event_id, e.stream_id, e.version, e.type, e.data::text as data_text,
  e.metadata::text as metadata_text, (extract(epoch from e.recorded_at) * 1000)::bigint as recorded_ms,
  e.transaction_id::text as transaction_text, e.global_position, encode(e.hash, 'hex') as hash_hex,
  (e.metadata -> 'correlationId')::text as correlation_json`;

/** The read-all query: strictly after ($1, $2), below the oldest running transaction, in global order. */
export const readAllSql = (
  S: string,
  columns = EVENT_COLUMNS,
): string => `select ${columns} from ${S}.events e
  where (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
    and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by e.transaction_id, e.global_position
  limit $3`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9]*\.v[1-9][0-9]*$/;

const isDuplicateEventId = (error: unknown): boolean =>
  (error as { code?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'events_event_id_unique';

/** One append's events as `append_events` takes them: a JSON array of objects. */
const eventsPayload = (append: QueuedAppend): string => `[{${append.eventTexts.join('},{')}}]`;

/**
 * A group as `append_group` takes it (migration 0007): one flat JSON array of the group's events, in
 * order, each with its append's place `o` (from 1), its own place `k` in the append (from 1), the
 * append's size `n`, stream and expectation. One level: PostgreSQL reads it in one pass, where an
 * array of appends each holding its array of events was read again at every level.
 */
const groupPayload = (appends: readonly QueuedAppend[]): string => {
  const elements: string[] = [];
  appends.forEach((a, i) => {
    const head = `{"o":${i + 1},"n":${a.eventTexts.length},"streamId":${JSON.stringify(a.streamId)},"kind":"${a.kind}","expected":${a.expected},"k":`;
    a.eventTexts.forEach((text, k) => elements.push(`${head}${k + 1},${text}}`));
  });
  return `[${elements.join(',')}]`;
};

/** A stored event as `readAllText` selects it: metadata's correlation id last, as a JSON value. */
type EventTextRow = StoredRow<string, [correlationJson: string | null]>;

/** What every read gives of an event, whatever form its data and metadata take. */
const storedFields = (row: StoredRow<unknown, unknown[]>) => ({
  id: row[0],
  streamId: row[1],
  version: Number(row[2]),
  type: row[3],
  recordedAt: new Date(Number(row[6])),
  transactionId: BigInt(row[7]),
  position: BigInt(row[8]),
  hash: row[9],
});

const toRecordedEventText = (row: EventTextRow): RecordedEventText => ({
  ...storedFields(row),
  dataText: row[4],
  metadataText: row[5],
  // the JSON value of metadata.correlationId: a string only when it is one
  correlationId: row[10]?.startsWith('"') ? (JSON.parse(row[10]) as string) : undefined,
});

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  ...storedFields(row),
  data: row[4],
  metadata: row[5],
});

/** Group-commit lanes as measured (ADR 0001, decision 8). */
export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = {
  maxInFlight: 4,
  maxGroupSize: 200,
  adaptiveLanes: true,
  laneEvents: 100,
};

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** the owning service's schema: one schema per service (ARCHITECTURE §1) */
  readonly schema: string;
  /** concurrent appends of this process share round trips and commits (default: DEFAULT_GROUP_COMMIT) */
  readonly groupCommit?: Partial<GroupCommitOptions>;
}

/** Rows the caller writes in the same statement as its appends (`appendToStreams` without `on`). */
export interface RowsWithAppend {
  /** one data-modifying statement with RETURNING, its parameters `$1 … $n`: `insert … on conflict do
   * nothing returning id` (a row whose key is taken is left out, and fewer rows come back), or a plain
   * `insert … returning id`, cheaper (no speculative insertion), whose taken key raises a unique
   * violation — answered as `RowsNotWrittenError` too */
  readonly text: string;
  readonly values: readonly unknown[];
  /** how many rows it must return; fewer, and neither the rows nor the appends are written */
  readonly expectedRows: number;
}

/** SQLSTATE of `append_group_with_rows` refusing (migration 0006). */
const ROWS_NOT_WRITTEN = 'JN003';

/** The store's own unique keys: a violation of any other in a statement with rows is a row's key taken. */
const STORE_KEYS = new Set(['events_event_id_unique', 'events_stream_version_unique', 'streams_pkey']);

const isRowKeyTaken = (error: unknown): boolean => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint !== undefined && !STORE_KEYS.has(constraint);
};

/**
 * The rows written with appends were fewer than expected, or an append met another version of its
 * stream: nothing was written.
 */
export class RowsNotWrittenError extends Error {
  constructor(override readonly cause: unknown) {
    super(`nothing was written: ${(cause as Error).message}`);
    this.name = 'RowsNotWrittenError';
  }
}

/**
 * The PostgreSQL event store: an append-only table guarded by triggers, one round trip per append
 * (`append_events`) or per group of concurrent appends (`append_group`, judged as a set: ADR 0001,
 * decision 8), and a global order readers can trust (ADR 0001).
 */
export class PostgresEventStore implements EventStore {
  /** in-process nudge to subscriptions after each append, so they need not wait for their next poll */
  readonly appended = new EventEmitter();
  /** appends this process made so far: a reader compares it before and after a read (see waitForAppend) */
  appendCount = 0;
  private readonly S: string;
  private readonly groupCommit: GroupCommit;

  private constructor(
    readonly pool: Pool,
    readonly schema: string,
    groupCommit: Partial<GroupCommitOptions> = {},
  ) {
    this.S = quoteSchema(schema);
    this.appended.setMaxListeners(0);
    this.groupCommit = new GroupCommit(
      (append) => this.sendAppend(append),
      (appends) => this.sendAppends(appends),
      { ...DEFAULT_GROUP_COMMIT, ...groupCommit },
    );
  }

  /**
   * Creates the store's tables in `schema` if needed (idempotent migrations) and returns the store:
   * for tests and tools that run as the schema's owner. A service runs no DDL: it `open`s the store
   * its migration step made (ADR 0001, decision 7).
   */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    await migrate(options.pool, options.schema, eventStoreMigrations);
    return PostgresEventStore.open(options);
  }

  /** The store in `schema`, as migrated already; runs no DDL (a service's runtime role may not). */
  static open(options: PostgresEventStoreOptions): PostgresEventStore {
    return new PostgresEventStore(options.pool, options.schema, options.groupCommit);
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedVersion, on }: { expectedVersion: ExpectedVersion; on?: Queryable },
  ): Promise<AppendResult> {
    const append = this.queued({ streamId, events, expectedVersion });
    let row: AppendRow;
    for (let attempt = 1; ; attempt++) {
      try {
        row = on ? await this.sendAppend(append, on) : await this.groupCommit.submit(append);
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
    if (row.status === 'ok') {
      this.appendCount++;
      this.appended.emit('appended', streamId);
    }
    return {
      streamId,
      nextExpectedVersion: Number(row.stream_version),
      positions: (row.positions ?? []).map((p) => ({ transactionId, position: BigInt(p) })),
      idempotent: row.status === 'idempotent',
    };
  }

  /**
   * Appends to several streams in one round trip, inside the caller's transaction (`on`): each append
   * is decided on its own (its expected version, its idempotency), and they commit together with
   * whatever else the caller writes. Answers one result per append, in the order given; a version
   * conflict is answered as a `WrongExpectedVersionError` in its place rather than thrown, so the
   * others still hold. For bulk writers such as a roster import; single commands use appendToStream.
   *
   * Without `on`, the appends are one statement of their own, and `rows` — the caller's rows that must
   * be written with them — go in the same statement: one round trip, all or nothing, no transaction
   * held open between statements. When `rows` writes fewer rows than it expects (a concurrent writer
   * took a row's key) or an append meets another version of its stream, nothing is written and
   * `RowsNotWrittenError` is thrown, for the caller to take its careful path.
   */
  async appendToStreams(
    appends: readonly {
      streamId: string;
      events: readonly EventToAppend[];
      expectedVersion: ExpectedVersion;
    }[],
    { on, rows: withRows }: { on: Queryable; rows?: never } | { on?: undefined; rows?: RowsWithAppend },
  ): Promise<(AppendResult | WrongExpectedVersionError)[]> {
    if (appends.length === 0) {
      if (withRows) throw new InvalidEventError('rows to write with no append');
      return [];
    }
    const queued = appends.map((a) => this.queued(a));
    let rows: AppendRow[];
    try {
      rows = await this.sendAppends(queued, on, withRows);
    } catch (error) {
      if ((error as { code?: string }).code === ROWS_NOT_WRITTEN || (withRows && isRowKeyTaken(error)))
        throw new RowsNotWrittenError(error);
      throw this.translate(error, appends[0].events);
    }
    return rows.map((row, i) => {
      const { streamId, expectedVersion } = appends[i];
      if (row.status === 'conflict')
        return new WrongExpectedVersionError(streamId, expectedVersion, Number(row.stream_version));
      if (row.status === 'ok') {
        this.appendCount++;
        this.appended.emit('appended', streamId);
      }
      const transactionId = BigInt(row.transaction_id as string);
      return {
        streamId,
        nextExpectedVersion: Number(row.stream_version),
        positions: (row.positions ?? []).map((p) => ({ transactionId, position: BigInt(p) })),
        idempotent: row.status === 'idempotent',
      };
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StreamSlice> {
    const where = ['e.stream_id = $1', 'e.version >= $2'];
    const params: unknown[] = [streamId, options.fromVersion ?? 1];
    if (options.toVersion !== undefined) {
      params.push(options.toVersion);
      where.push(`e.version <= $${params.length}`);
    }
    if (options.asOf !== undefined) {
      params.push(options.asOf);
      where.push(`e.recorded_at <= $${params.length}`);
    }
    const { rows } = await this.pool.query<EventRow>({
      text: `select ${EVENT_COLUMNS} from ${this.S}.events e where ${where.join(' and ')} order by e.version`,
      values: params,
      rowMode: 'array',
    });
    const events = rows.map(toRecordedEvent);
    return { streamId, version: events.length ? events[events.length - 1].version : 0, events };
  }

  async readAll(from: GlobalPosition, limit: number): Promise<AllSlice> {
    return this.readAllAs('read_all', EVENT_COLUMNS, toRecordedEvent, from, limit);
  }

  /**
   * `readAll` with each event's data and metadata as the JSON text stored: for a reader that sends them
   * on as they are (the outbox relay), so that neither is parsed here nor serialised again there.
   */
  async readAllText(from: GlobalPosition, limit: number): Promise<AllTextSlice> {
    return this.readAllAs('read_all_text', EVENT_TEXT_COLUMNS, toRecordedEventText, from, limit);
  }

  private async readAllAs<
    Row extends StoredRow<unknown, unknown[]>,
    E extends RecordedEventText | RecordedEvent,
  >(
    statement: string,
    columns: string,
    toEvent: (row: Row) => E,
    from: GlobalPosition,
    limit: number,
  ): Promise<AllSlice<E>> {
    // Only rows of transactions below the oldest running one: a transaction still open can never
    // later commit an event *before* what we hand out (ADR 0001).
    const { rows } = await this.pool.query<Row>({
      name: statementName(this.schema, statement),
      text: readAllSql(this.S, columns),
      values: [from.transactionId.toString(), from.position.toString(), limit],
      rowMode: 'array',
    });
    const events = rows.map(toEvent);
    const last = events[events.length - 1];
    return { events, next: last ? { transactionId: last.transactionId, position: last.position } : from };
  }

  /**
   * Every event after `from`, page by page, until nothing more is visible. The next page is asked for
   * while the caller works on the current one, so PostgreSQL and this process work at the same time.
   */
  async *readAllPages(from: GlobalPosition, pageSize = 1000): AsyncGenerator<AllSlice> {
    let pending = this.readAll(from, pageSize);
    for (;;) {
      const slice = await pending;
      if (slice.events.length === 0) return;
      pending = this.readAll(slice.next, pageSize);
      pending.catch(() => undefined); // surfaced by the await above when its turn comes
      yield slice;
    }
  }

  async findEvent(eventId: string): Promise<RecordedEvent | undefined> {
    if (!UUID.test(eventId)) return undefined;
    const { rows } = await this.pool.query<EventRow>({
      text: `select ${EVENT_COLUMNS} from ${this.S}.events e where e.event_id = $1`,
      values: [eventId],
      rowMode: 'array',
    });
    return rows[0] ? toRecordedEvent(rows[0]) : undefined;
  }

  /** The number of stored events (for progress reports and benchmarks). */
  async countEvents(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(`select count(*) as n from ${this.S}.events`);
    return Number(rows[0].n);
  }

  /** An append checked and serialised once, as the append functions take it. */
  private queued({
    streamId,
    events,
    expectedVersion,
  }: {
    streamId: string;
    events: readonly EventToAppend[];
    expectedVersion: ExpectedVersion;
  }): QueuedAppend {
    if (!streamId) throw new InvalidEventError('stream id is empty');
    if (events.length === 0) throw new InvalidEventError('nothing to append');
    if (
      typeof expectedVersion === 'number' &&
      (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0)
    ) {
      throw new InvalidEventError(`expected version ${expectedVersion} is not a version`);
    }
    const [kind, expected] =
      typeof expectedVersion === 'number' ? ['exact', expectedVersion] : [expectedVersion, null];
    return {
      streamId,
      kind,
      expected,
      eventTexts: events.map((event) => this.prepare(event)),
      events: events.length,
    };
  }

  /**
   * The JSON a group of appends is sent as (`append_group`: one flat array of the group's events). For
   * tests that call the functions themselves; the store sends it itself.
   */
  groupPayload(
    appends: readonly {
      streamId: string;
      events: readonly EventToAppend[];
      expectedVersion: ExpectedVersion;
    }[],
  ): string {
    return groupPayload(appends.map((a) => this.queued(a)));
  }

  private async sendAppend(append: QueuedAppend, on?: Queryable): Promise<AppendRow> {
    const text = `select status, stream_version, transaction_id, positions from ${this.S}.append_events($1, $2, $3, $4)`;
    const values = [append.streamId, append.kind, append.expected, eventsPayload(append)];
    if (on) return rowsOf<AppendRow>(await on.query(text, values))[0];
    return (
      await this.pool.query<AppendRow>({ name: statementName(this.schema, 'append_events'), text, values })
    ).rows[0];
  }

  private async sendAppends(
    appends: readonly QueuedAppend[],
    on?: Queryable,
    withRows?: RowsWithAppend,
  ): Promise<AppendRow[]> {
    const payload = groupPayload(appends);
    let rows: { results: AppendRow[] }[];
    if (withRows) {
      // the caller's rows first (a data-modifying WITH runs once, whatever reads it), then the appends
      // only when every row went in and none met another version; otherwise the statement fails and
      // takes the rows back with it
      const n = withRows.values.length;
      const text = `with written as (${withRows.text})
        select ${this.S}.append_group_with_rows($${n + 1}, $${n + 2}::bigint, (select count(*) from written)) as results`;
      rows = (
        await this.pool.query<{ results: AppendRow[] }>({
          // prepared once per connection and statement text (a caller's rows statement is constant)
          name: statementName(
            this.schema,
            'append_with_rows',
            hash('sha1', withRows.text, 'hex').slice(0, 16),
          ),
          text,
          values: [...withRows.values, payload, withRows.expectedRows],
        })
      ).rows;
    } else {
      const text = `select ${this.S}.append_group($1) as results`;
      rows = on
        ? rowsOf<{ results: AppendRow[] }>(await on.query(text, [payload]))
        : (
            await this.pool.query<{ results: AppendRow[] }>({
              name: statementName(this.schema, 'append_group'),
              text,
              values: [payload],
            })
          ).rows;
    }
    return rows[0].results.map((r) => ({
      ...r,
      stream_version: String(r.stream_version),
      positions: r.positions?.map(String) ?? null,
    }));
  }

  /** One event as the append functions take it (without braces), its data and metadata serialised once. */
  private prepare(event: EventToAppend): string {
    if (!UUID.test(event.id)) throw new InvalidEventError(`event id '${event.id}' is not a UUID`);
    if (!EVENT_TYPE.test(event.type)) {
      throw new InvalidEventError(
        `event type '${event.type}' must be a stable versioned name like 'ClassOpened.v1'`,
      );
    }
    const id = event.id.toLowerCase();
    const dataText = eventJson(event.data, 'data');
    const metadataText = eventJson(event.metadata, 'metadata');
    const digest = contentDigest({ id, type: event.type, dataText, metadataText });
    return `"id":"${id}","type":"${event.type}","data":${dataText},"metadata":${metadataText},"digest":"${digest}"`;
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
