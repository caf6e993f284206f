import { GlobalPosition, RecordedEvent } from '../event-store.port';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { CheckpointStore } from './checkpoint-store';
import { waitForAppend } from './wait-for-append';

export interface CatchUpSubscriptionOptions {
  readonly store: PostgresEventStore;
  readonly subscriptionId: string;
  /** gets each batch in global order; the checkpoint moves past a batch only after this resolves */
  readonly handle: (events: readonly RecordedEvent[]) => Promise<void>;
  readonly batchSize?: number;
  /** how long to wait for new events when caught up (an append in this process wakes it at once) */
  readonly pollIntervalMs?: number;
  /** wait after a failing batch before trying it again */
  readonly retryDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Reads the whole store from its durable checkpoint on, batch by batch, then follows new events.
 * At-least-once towards the handler, and exactly-once across stop/start: the checkpoint is saved
 * after each handled batch and `stop()` waits for the batch in hand.
 */
export class CatchUpSubscription {
  private readonly checkpoints: CheckpointStore;
  private abort = new AbortController();
  private loop?: Promise<void>;
  private current: GlobalPosition | undefined;

  constructor(private readonly options: CatchUpSubscriptionOptions) {
    this.checkpoints = new CheckpointStore(options.store.pool, options.store.schema);
  }

  get position(): GlobalPosition | undefined {
    return this.current;
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = undefined;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const {
      store,
      subscriptionId,
      handle,
      batchSize = 500,
      pollIntervalMs = 50,
      retryDelayMs = 500,
    } = this.options;
    let position: GlobalPosition | undefined;
    while (!signal.aborted) {
      try {
        position ??= await this.checkpoints.load(subscriptionId);
        this.current = position;
        const appendsBeforeRead = store.appendCount;
        const slice = await store.readAll(position, batchSize);
        if (slice.events.length > 0) {
          await handle(slice.events);
          await this.checkpoints.save(subscriptionId, slice.next);
          position = slice.next;
          this.current = position;
        }
        if (slice.events.length < batchSize)
          await waitForAppend(store, pollIntervalMs, signal, appendsBeforeRead);
      } catch (error) {
        this.options.onError?.(error);
        position = undefined; // reload from the durable checkpoint: the failed batch is tried again
        await waitForAppend(store, retryDelayMs, signal);
      }
    }
  }
}
