import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { START } from '../event-store.port';
import { CheckpointStore } from '../subscriptions/checkpoint-store';
import { waitForAppend } from '../subscriptions/wait-for-append';
import type { Projection, RebuildProgress } from './projection';

export interface ProjectionRunnerOptions {
  readonly store: PostgresEventStore;
  /** a TypeORM DataSource on the same database as the store */
  readonly dataSource: DataSource;
  readonly projection: Projection;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs a projection exactly once per event: each batch's table writes and its checkpoint commit in
 * one transaction, with the checkpoint row locked so that a second runner waits instead of
 * applying the same batch. A crash between batches leaves the tables and checkpoint consistent.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private abort = new AbortController();
  private loop?: Promise<void>;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.checkpoints = new CheckpointStore(options.store.pool, options.store.schema);
  }

  get checkpointId(): string {
    return `projection:${this.options.projection.name}`;
  }

  /** Applies the next batch, if any; answers how many events it applied. */
  async runBatch(): Promise<number> {
    const { dataSource, store, projection, batchSize = 500 } = this.options;
    // look before opening a transaction: an idle runner then takes no transaction id and holds
    // back no reader's horizon (ADR 0001)
    const peek = await store.readAll(await this.checkpoints.load(this.checkpointId), 1);
    if (peek.events.length === 0) return 0;
    return dataSource.transaction(async (manager) => {
      const from = await this.checkpoints.lock(this.checkpointId, manager);
      const slice = await store.readAll(from, batchSize);
      for (const event of slice.events) await projection.apply(event, manager);
      if (slice.events.length > 0) await this.checkpoints.save(this.checkpointId, slice.next, manager);
      return slice.events.length;
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
    const { store, batchSize = 500, pollIntervalMs = 50 } = this.options;
    this.loop = (async () => {
      while (!signal.aborted) {
        try {
          const appendsBeforeRead = store.appendCount;
          const applied = await this.runBatch();
          if (applied < batchSize) await waitForAppend(store, pollIntervalMs, signal, appendsBeforeRead);
        } catch (error) {
          this.options.onError?.(error);
          await waitForAppend(store, 500, signal);
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
