import type { DataSource } from 'typeorm';
import { ParkedEvents, ReplayFailedError, summarizeError, type ParkedEvent } from '../parking/parked-events';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { isTransientError } from '../postgres/transient-errors';
import { START, type RecordedEvent } from '../event-store.port';
import { CheckpointStore } from '../subscriptions/checkpoint-store';
import { waitForAppend } from '../subscriptions/wait-for-append';
import type { Projection, RebuildProgress } from './projection';
import { recordedEventFromJson, recordedEventToJson } from './recorded-event-json';

export interface ProjectionRunnerOptions {
  readonly store: PostgresEventStore;
  /** a TypeORM DataSource on the same database as the store */
  readonly dataSource: DataSource;
  readonly projection: Projection;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /**
   * Failed attempts at one event before it is parked (default 5). Infrastructure errors (connection
   * lost, serialization failure) do not count: they are retried without end.
   */
  readonly maxAttempts?: number;
  /** wait after the n-th failed attempt; the last value repeats (default 500 ms, 2 s, 5 s, 15 s) */
  readonly retryDelaysMs?: readonly number[];
  /** how often a started runner looks for replay requests of its parked events (default 1 s) */
  readonly replayPollMs?: number;
  readonly onError?: (error: unknown) => void;
  /** an event was parked after its last attempt (alert: log at error level, count it) */
  readonly onParked?: (parked: ParkedNotice) => void;
}

export interface ParkedNotice {
  readonly subscriber: string;
  readonly event: RecordedEvent;
  readonly error: unknown;
  readonly attempts: number;
}

export const DEFAULT_PROJECTION_RETRY_DELAYS_MS: readonly number[] = [500, 2_000, 5_000, 15_000];

/**
 * Runs a projection exactly once per event: each batch's table writes and its checkpoint commit in
 * one transaction, with the checkpoint row locked so that a second runner waits instead of
 * applying the same batch. A crash between batches leaves the tables and checkpoint consistent.
 *
 * A poison event does not stop the projection for ever: a failing batch is rolled back whole, and
 * once the same event has failed `maxAttempts` times the next batch parks it (in `parked_events`,
 * with the checkpoint in the same transaction) instead of applying it. The later events of its
 * stream are parked behind it (`held`), so that a read model never applies N+1 without N; other
 * streams go on. An operator's replay request applies the stream's parked events in order.
 *
 * The parked_events table must exist (`parkingMigrations`, applied by the service's migration step;
 * `migrateParking` in tests): the runner runs no DDL.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private readonly parking: ParkedEvents;
  private readonly failures = new Map<string, { attempts: number; error: unknown }>();
  private abort = new AbortController();
  private loop?: Promise<void>;
  private lastFailure?: { readonly attempts: number };

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.checkpoints = new CheckpointStore(options.store.pool, options.store.schema);
    this.parking = new ParkedEvents(options.store.schema);
  }

  get checkpointId(): string {
    return `projection:${this.options.projection.name}`;
  }

  /** Applies the next batch, if any; answers how many events it went past (applied or parked). */
  async runBatch(): Promise<number> {
    const { dataSource, store, projection, batchSize = 500 } = this.options;
    // look before opening a transaction: an idle runner then takes no transaction id and holds
    // back no reader's horizon (ADR 0001)
    const peek = await store.readAll(await this.checkpoints.load(this.checkpointId), 1);
    if (peek.events.length === 0) return 0;
    const parked: ParkedNotice[] = [];
    let current: RecordedEvent | undefined;
    try {
      const count = await dataSource.transaction(async (manager) => {
        const from = await this.checkpoints.lock(this.checkpointId, manager);
        const slice = await store.readAll(from, batchSize);
        const blocked = await this.parking.blockedStreams(manager, this.checkpointId);
        for (const event of slice.events) {
          current = event;
          const failure = this.failures.get(event.id);
          if (blocked.has(event.streamId)) {
            await this.park(manager, event, 'held');
          } else if (failure && failure.attempts >= this.maxAttempts) {
            await this.park(manager, event, 'failed', failure);
            blocked.add(event.streamId);
            parked.push({ subscriber: this.checkpointId, event, ...failure });
          } else {
            await projection.apply(event, manager);
          }
        }
        current = undefined;
        if (slice.events.length > 0) await this.checkpoints.save(this.checkpointId, slice.next, manager);
        return slice.events.length;
      });
      for (const notice of parked) {
        this.failures.delete(notice.event.id);
        this.options.onParked?.(notice);
      }
      this.lastFailure = undefined;
      return count;
    } catch (error) {
      // the whole batch rolled back; the event that threw is counted against its attempts
      if (current && !isTransientError(error)) {
        const attempts = (this.failures.get(current.id)?.attempts ?? 0) + 1;
        this.failures.set(current.id, { attempts, error });
        this.lastFailure = { attempts };
      }
      throw error;
    }
  }

  /**
   * Applies the parked events an operator asked to replay: per stream, every open parked event in
   * version order, in one transaction with the checkpoint locked (so no batch runs meanwhile), and
   * marked replayed in the same transaction. A failure parks them again with the reason.
   * Answers how many events it applied.
   */
  async replayRequested(): Promise<number> {
    const { dataSource, store, projection } = this.options;
    const requested = await this.parking.requested(store.pool, this.checkpointId);
    let applied = 0;
    for (const streamId of new Set(requested.map((r) => r.streamId))) {
      let open: ParkedEvent[] = [];
      try {
        applied += await dataSource.transaction(async (manager) => {
          await this.checkpoints.lock(this.checkpointId, manager);
          open = await this.parking.openOfStream(manager, this.checkpointId, '', streamId);
          for (const row of open) {
            await projection.apply(recordedEventFromJson(row.event), manager).catch((error: unknown) => {
              throw new ReplayFailedError(row, error);
            });
          }
          await this.parking.markReplayed(
            manager,
            open.map((row) => row.parkedId),
          );
          return open.length;
        });
      } catch (error) {
        if (isTransientError(error)) throw error;
        this.options.onError?.(error);
        await this.parking.markReplayFailed(
          store.pool,
          requested.filter((r) => r.streamId === streamId).map((r) => r.parkedId),
          summarizeError(error),
        );
      }
    }
    return applied;
  }

  /** How many times in a row the batch failed at the same event (0 when the last batch went through). */
  get failedAttempts(): number {
    return this.lastFailure?.attempts ?? 0;
  }

  private get maxAttempts(): number {
    return this.options.maxAttempts ?? 5;
  }

  private park(
    manager: Parameters<Projection['apply']>[1],
    event: RecordedEvent,
    reason: 'failed' | 'held',
    failure?: { attempts: number; error: unknown },
  ): Promise<void> {
    return this.parking.park(manager, {
      subscriber: this.checkpointId,
      eventId: event.id,
      streamId: event.streamId,
      streamVersion: event.version,
      eventType: event.type,
      event: recordedEventToJson(event),
      reason,
      ...(failure ? { error: summarizeError(failure.error), attempts: failure.attempts } : {}),
    });
  }

  /** Runs batches until nothing is left that readers may see; answers how many events it applied. */
  async catchUp(onBatch?: (applied: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.runBatch();
      if (applied === 0) return total;
      total += applied;
      onBatch?.(total);
    }
  }

  /**
   * Clears the projection's tables and replays every event from the start, reporting progress.
   * Batch by batch rather than in one transaction: a long transaction would hold back every
   * reader's safe horizon (ADR 0001) for the whole rebuild.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    const { dataSource, store, projection } = this.options;
    const total = await store.countEvents();
    await dataSource.transaction(async (manager) => {
      await this.checkpoints.lock(this.checkpointId, manager);
      for (const entity of projection.entities) await manager.clear(entity);
      // every event is applied again: what was parked comes back (and is parked again if it still fails)
      await manager.query(`delete from ${this.parking.table} where subscriber = $1`, [this.checkpointId]);
      await this.checkpoints.save(this.checkpointId, START, manager);
    });
    onProgress?.({ processed: 0, total });
    const processed = await this.catchUp((done) =>
      onProgress?.({ processed: done, total: Math.max(total, done) }),
    );
    return { processed, total: Math.max(total, processed) };
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    const { store, batchSize = 500, pollIntervalMs = 50, replayPollMs = 1_000 } = this.options;
    const delays = this.options.retryDelaysMs ?? DEFAULT_PROJECTION_RETRY_DELAYS_MS;
    let nextReplayCheck = 0;
    this.loop = (async () => {
      while (!signal.aborted) {
        try {
          if (Date.now() >= nextReplayCheck) {
            nextReplayCheck = Date.now() + replayPollMs;
            await this.replayRequested();
          }
          const appendsBeforeRead = store.appendCount;
          const applied = await this.runBatch();
          if (applied < batchSize) await waitForAppend(store, pollIntervalMs, signal, appendsBeforeRead);
        } catch (error) {
          this.options.onError?.(error);
          const attempt = Math.max(this.failedAttempts, 1);
          await sleep(delays[Math.min(attempt - 1, delays.length - 1)], signal);
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
