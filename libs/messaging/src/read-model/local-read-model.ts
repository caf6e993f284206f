// A local read model (ARCHITECTURE §1): what a service needs from another, learned from that
// service's events through durable consumers, applied per stream in version order.
//
// The product owners' rule: "A local read model applies each stream's events in order: it keeps the
// last version it applied per stream and never applies N+1 before N (a gap waits; a failed event
// holds back the later events of its stream, not others)."
//
// How: one DurableConsumer per source service, subscribed to *all* of that service's events
// (`jineng.evt.<source>.>`) — a filter on a few types would leave gaps that never fill. Inside the
// consumer's inbox transaction each event is stored as pending, then its stream is drained: while
// the next pending event is `last_version + 1`, its handler runs (types without a handler are
// skipped, their version still counts), the pending row goes and the version moves — one
// transaction, so the effect and the version commit together. An event that arrives early waits in
// `read_model_pending` (acked: it is durable). A handler that throws is rolled back to a savepoint
// and retried later with backoff (attempts counted in the table, so across restarts); after the
// last attempt it is parked (`parked_events`), and its stream waits until an operator replays it.
import {
  DEFAULT_PROJECTION_RETRY_DELAYS_MS,
  ParkedEvents,
  PollingLoop,
  ReplayFailedError,
  inTransaction,
  isTransientError,
  summarizeError,
} from '@jineng/event-store';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Pool, PoolClient } from 'pg';
import type { IntegrationEvent } from '../integration-event';
import { assertConsumerName, assertServiceName, eventFilter, readModelConsumerName } from '../subjects';
import { DurableConsumer, type DurableConsumerOptions } from '../consumer/durable-consumer';

/** Writes the read model's rows with `tx`: they commit with the stream's new version, or not at all. */
export type LocalReadModelHandler = (event: IntegrationEvent, tx: PoolClient) => Promise<void>;

export interface LocalReadModelDefinition {
  /**
   * `<service>-<purpose>` (`class-ops-workers`); its JetStream consumers are `<name>-<source>`
   * (`readModelConsumerName`). Declared with its sources in nest-cli.json (`jineng.readModels`), which
   * gives the service's bus identity these consumers.
   */
  readonly name: string;
  /** per source service, a handler per stored event type it uses (`WorkerRegistered.v1`) */
  readonly from: Readonly<Record<string, Readonly<Record<string, LocalReadModelHandler>>>>;
}

/** Checks the definition at once (names, types), so a typo fails at start, not at the first event. */
export function defineLocalReadModel<D extends LocalReadModelDefinition>(definition: D): D {
  assertConsumerName(definition.name);
  const sources = Object.keys(definition.from);
  if (sources.length === 0) throw new TypeError(`read model ${definition.name} reads no source`);
  for (const source of sources) {
    assertServiceName(source);
    for (const type of Object.keys(definition.from[source]))
      if (!/^[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/.test(type))
        throw new TypeError(`read model ${definition.name}: '${type}' is not <EventName>.v<N>`);
  }
  return definition;
}

export interface LocalReadModelOptions {
  readonly definition: LocalReadModelDefinition;
  readonly nc: NatsConnection;
  readonly pool: Pool;
  readonly schema: string;
  /** failed attempts at one event before it is parked (default 5) */
  readonly maxAttempts?: number;
  /** wait after the n-th failed attempt; the last value repeats (default 500 ms, 2 s, 5 s, 15 s) */
  readonly retryDelaysMs?: readonly number[];
  /** how often it retries due pending events and looks for replay requests (default 500 ms) */
  readonly pollMs?: number;
  /** passed to each DurableConsumer (ack wait, batch size, …) */
  readonly consumer?: Partial<Pick<DurableConsumerOptions, 'ackWaitMs' | 'batchSize' | 'maxAckPending'>>;
  readonly onError?: (error: unknown) => void;
  /** an event was parked after its last attempt: alert */
  readonly onParked?: (parked: ReadModelParkedNotice) => void;
  readonly onApplied?: (applied: number) => void;
}

export interface ReadModelParkedNotice {
  readonly readModel: string;
  readonly event: IntegrationEvent;
  readonly error: unknown;
  readonly attempts: number;
}

interface PendingRow {
  version: string;
  event: IntegrationEvent;
  attempts: number;
  due: boolean;
}

export class LocalReadModelConsumer {
  private readonly consumers: DurableConsumer[];
  private readonly parking: ParkedEvents;
  private readonly T: { streams: string; pending: string };
  private readonly sweeps: PollingLoop;
  private running = false;

  constructor(private readonly options: LocalReadModelOptions) {
    defineLocalReadModel(options.definition);
    this.parking = new ParkedEvents(options.schema);
    const S = `"${options.schema}"`;
    this.T = { streams: `${S}.read_model_streams`, pending: `${S}.read_model_pending` };
    this.sweeps = new PollingLoop(
      options.pollMs ?? 500,
      async () => {
        await this.replayRequested();
        const applied = await this.retryDue();
        if (applied > 0) this.options.onApplied?.(applied);
      },
      options.onError,
    );
    this.consumers = Object.keys(options.definition.from).map(
      (source) =>
        new DurableConsumer({
          ...options.consumer,
          nc: options.nc,
          pool: options.pool,
          schema: options.schema,
          name: readModelConsumerName(options.definition.name, source),
          filterSubjects: [eventFilter(source)],
          // nothing the handlers do reaches the dead letter: failures wait in the pending table
          handleBatch: (events, tx) => this.receive(source, events, tx),
          onError: options.onError,
        }),
    );
  }

  get name(): string {
    return this.options.definition.name;
  }

  async start(): Promise<void> {
    if (this.running) return;
    for (const consumer of this.consumers) await consumer.start();
    this.running = true;
    this.sweeps.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.sweeps.stop();
    for (const consumer of this.consumers) await consumer.stop();
  }

  /** Retries the pending events whose turn has come and whose delay is over; answers how many it applied. */
  async retryDue(): Promise<number> {
    const { rows } = await this.options.pool.query<{ source: string; stream_id: string }>(
      `select distinct p.source, p.stream_id
         from ${this.T.pending} p
         join ${this.T.streams} s using (read_model, source, stream_id)
        where p.read_model = $1 and p.version = s.last_version + 1 and p.next_attempt_at <= now()
          and not exists (select 1 from ${this.parking.table} k
                           where k.subscriber = p.read_model and k.source = p.source
                             and k.stream_id = p.stream_id and k.status <> 'replayed')
        limit 100`,
      [this.name],
    );
    let applied = 0;
    for (const row of rows)
      applied += await inTransaction(this.options.pool, (tx) => this.drain(tx, row.source, row.stream_id));
    return applied;
  }

  /**
   * Applies the parked events an operator asked to replay, in their stream's order, then what waited
   * behind them; marked replayed in the same transaction. A failure parks them again with the reason.
   */
  async replayRequested(): Promise<number> {
    let applied = 0;
    for (const request of await this.parking.requested(this.options.pool, this.name)) {
      try {
        applied += await inTransaction(this.options.pool, async (tx) => {
          const last = await this.lockStream(tx, request.source, request.streamId);
          const open = await this.parking.openOfStream(tx, this.name, request.source, request.streamId);
          let version = last;
          for (const row of open) {
            if (row.streamVersion !== version + 1) break;
            await this.apply(request.source, row.event as IntegrationEvent, tx).catch((error: unknown) => {
              throw new ReplayFailedError(row, error);
            });
            version = row.streamVersion;
          }
          await this.parking.markReplayed(
            tx,
            open.filter((row) => row.streamVersion <= version).map((row) => row.parkedId),
          );
          await this.saveVersion(tx, request.source, request.streamId, version);
          return version - last + (await this.drain(tx, request.source, request.streamId));
        });
      } catch (error) {
        if (isTransientError(error)) throw error;
        this.options.onError?.(error);
        await this.parking.markReplayFailed(this.options.pool, [request.parkedId], summarizeError(error));
      }
    }
    return applied;
  }

  /** Inside the consumer's inbox transaction: store what came, then apply what is in turn. */
  private async receive(source: string, events: readonly IntegrationEvent[], tx: PoolClient): Promise<void> {
    await tx.query(
      `insert into ${this.T.pending} (read_model, source, stream_id, version, event_id, event_type, event)
       select $1, $2, e.stream_id, e.version, e.event_id, e.event_type, e.event
         from unnest($3::text[], $4::bigint[], $5::uuid[], $6::text[], $7::json[])
           as e(stream_id, version, event_id, event_type, event)
       on conflict do nothing`,
      [
        this.name,
        source,
        events.map((e) => e.streamId),
        events.map((e) => e.streamVersion),
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e)),
      ],
    );
    let applied = 0;
    // sorted: two transactions lock the same streams in the same order and cannot deadlock
    for (const streamId of [...new Set(events.map((e) => e.streamId))].sort())
      applied += await this.drain(tx, source, streamId);
    if (applied > 0) this.options.onApplied?.(applied);
  }

  /** Applies the stream's pending events while each is the next version; answers how many. */
  private async drain(tx: PoolClient, source: string, streamId: string): Promise<number> {
    let last = await this.lockStream(tx, source, streamId);
    const blocked = await this.parking.blockedStreams(tx, this.name, source);
    if (blocked.has(streamId)) return 0;
    await tx.query(
      `delete from ${this.T.pending} where read_model = $1 and source = $2 and stream_id = $3 and version <= $4`,
      [this.name, source, streamId, last],
    );
    const { rows } = await tx.query<PendingRow>(
      `select version, event, attempts, next_attempt_at <= now() as due from ${this.T.pending}
        where read_model = $1 and source = $2 and stream_id = $3 order by version limit 1000`,
      [this.name, source, streamId],
    );
    const start = last;
    for (const row of rows) {
      if (Number(row.version) !== last + 1 || !row.due) break;
      await tx.query('savepoint read_model_event');
      try {
        await this.apply(source, row.event, tx);
        await tx.query('release savepoint read_model_event');
      } catch (error) {
        await tx.query('rollback to savepoint read_model_event');
        if (isTransientError(error)) throw error;
        await this.failed(tx, source, row, error);
        break;
      }
      await tx.query(
        `delete from ${this.T.pending} where read_model = $1 and source = $2 and stream_id = $3 and version = $4`,
        [this.name, source, streamId, row.version],
      );
      last += 1;
    }
    if (last !== start) await this.saveVersion(tx, source, streamId, last);
    return last - start;
  }

  private async apply(source: string, event: IntegrationEvent, tx: PoolClient): Promise<void> {
    const handler = this.options.definition.from[source]?.[event.type];
    // a type the read model does not use: skipped, its version counted
    if (handler) await handler(event, tx);
  }

  private async failed(tx: PoolClient, source: string, row: PendingRow, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const max = this.options.maxAttempts ?? 5;
    const key = [this.name, source, row.event.streamId, row.version];
    this.options.onError?.(error);
    if (attempts < max) {
      const delays = this.options.retryDelaysMs ?? DEFAULT_PROJECTION_RETRY_DELAYS_MS;
      const delay = delays[Math.min(attempts - 1, delays.length - 1)];
      await tx.query(
        `update ${this.T.pending}
            set attempts = $5, last_error = $6, next_attempt_at = now() + make_interval(secs => $7::double precision / 1000)
          where read_model = $1 and source = $2 and stream_id = $3 and version = $4`,
        [...key, attempts, JSON.stringify(summarizeError(error)), delay],
      );
      return;
    }
    await this.parking.park(tx, {
      subscriber: this.name,
      source,
      eventId: row.event.id,
      streamId: row.event.streamId,
      streamVersion: row.event.streamVersion,
      eventType: row.event.type,
      event: row.event,
      reason: 'failed',
      error: summarizeError(error),
      attempts,
    });
    await tx.query(
      `delete from ${this.T.pending} where read_model = $1 and source = $2 and stream_id = $3 and version = $4`,
      key,
    );
    // after the commit would be better, but the notice is only an alert (log line and counter)
    this.options.onParked?.({ readModel: this.name, event: row.event, error, attempts });
  }

  private async lockStream(tx: PoolClient, source: string, streamId: string): Promise<number> {
    await tx.query(
      `insert into ${this.T.streams} (read_model, source, stream_id) values ($1, $2, $3) on conflict do nothing`,
      [this.name, source, streamId],
    );
    const { rows } = await tx.query<{ last_version: string }>(
      `select last_version from ${this.T.streams}
        where read_model = $1 and source = $2 and stream_id = $3 for update`,
      [this.name, source, streamId],
    );
    return Number(rows[0].last_version);
  }

  private async saveVersion(
    tx: PoolClient,
    source: string,
    streamId: string,
    version: number,
  ): Promise<void> {
    await tx.query(
      `update ${this.T.streams} set last_version = $4, updated_at = now()
        where read_model = $1 and source = $2 and stream_id = $3`,
      [this.name, source, streamId, version],
    );
  }
}
