import { AllSlice, GlobalPosition, RecordedEvent } from '../event-store.port';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { CheckpointStore } from './checkpoint-store';
import { sleep, waitForAppend } from './wait-for-append';

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
  /**
   * Save the checkpoint at most this often (and when stopping) instead of after every batch; for a
   * handler whose repeats are harmless (the outbox relay: JetStream and the inboxes drop re-sends), so
   * that a busy subscription does not commit a checkpoint transaction per batch. Default 0: every batch.
   */
  readonly checkpointEveryMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * A subscription whose events are read another way than `store.readAll` (the outbox relay reads the
 * stored text with `store.readAllText`): any reader of the same order and horizon.
 */
export interface CatchUpSubscriptionOptionsOf<E extends Positioned> extends Omit<
  CatchUpSubscriptionOptions,
  'handle'
> {
  readonly handle: (events: readonly E[]) => Promise<void>;
  readonly read: (from: GlobalPosition, limit: number) => Promise<AllSlice<E>>;
}

/** What a subscription needs of an event: its place in the global order. */
export type Positioned = Pick<RecordedEvent, 'transactionId' | 'position'>;

/** The longest wait between reads while appends of this process are held behind the horizon. */
const HELD_BACK_MAX_WAIT_MS = 50;

/** Reads so far, and how many of them came back empty (for metrics and the relay benchmark). */
export interface SubscriptionReadStats {
  reads: number;
  emptyReads: number;
}

/**
 * Reads the whole store from its durable checkpoint on, batch by batch, then follows new events.
 * At-least-once towards the handler, and exactly-once across stop/start: the checkpoint is saved
 * after each handled batch and `stop()` waits for the batch in hand.
 */
export class CatchUpSubscriptionOf<E extends Positioned> {
  private readonly checkpoints: CheckpointStore;
  private abort = new AbortController();
  private loop?: Promise<void>;
  private current: GlobalPosition | undefined;
  readonly stats: SubscriptionReadStats = { reads: 0, emptyReads: 0 };

  constructor(private readonly options: CatchUpSubscriptionOptionsOf<E>) {
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
      checkpointEveryMs = 0,
    } = this.options;
    let position: GlobalPosition | undefined;
    let unsaved = false;
    let savedAt = 0;
    let emptyInARow = 0;
    // this process's append count before the last read that gave events: appends after it may be
    // still unread. Before the first such read, whatever this process appended may be (-1)
    let appendsBeforeProgress = store.appendCount > 0 ? -1 : 0;
    while (!signal.aborted) {
      try {
        position ??= await this.checkpoints.load(subscriptionId);
        this.current = position;
        const appendsBeforeRead = store.appendCount;
        const slice = await this.options.read(position, batchSize);
        this.stats.reads++;
        if (slice.events.length > 0) {
          emptyInARow = 0;
          appendsBeforeProgress = appendsBeforeRead;
          await handle(slice.events);
          position = slice.next;
          this.current = position;
          unsaved = true;
          // caught up (nothing more to read, nothing appended meanwhile): saved now, before waiting
          const caughtUp = slice.events.length < batchSize && store.appendCount === appendsBeforeRead;
          if (caughtUp || Date.now() - savedAt >= checkpointEveryMs) {
            await this.checkpoints.save(subscriptionId, position);
            unsaved = false;
            savedAt = Date.now();
          }
          if (slice.events.length < batchSize)
            await waitForAppend(store, pollIntervalMs, signal, appendsBeforeRead);
        } else {
          this.stats.emptyReads++;
          if (unsaved && position) {
            await this.checkpoints.save(subscriptionId, position);
            unsaved = false;
            savedAt = Date.now();
          }
          if (store.appendCount !== appendsBeforeProgress) {
            // appended here but not readable yet: a transaction still running holds the readers'
            // horizon (ADR 0001). Reading again at once would spin until it ends; wait 1, 2, 4 … ms
            // (up to 50 ms, or the poll interval if shorter), and not for the next append, which is
            // held back the same way.
            await sleep(Math.min(pollIntervalMs, HELD_BACK_MAX_WAIT_MS, 2 ** emptyInARow), signal);
            emptyInARow++;
          } else {
            emptyInARow = 0;
            await waitForAppend(store, pollIntervalMs, signal);
          }
        }
      } catch (error) {
        this.options.onError?.(error);
        position = undefined; // reload from the durable checkpoint: the failed batch is tried again
        unsaved = false;
        await waitForAppend(store, retryDelayMs, signal);
      }
    }
    if (unsaved && position) {
      try {
        await this.checkpoints.save(subscriptionId, position);
      } catch (error) {
        this.options.onError?.(error); // the next start repeats a little: harmless for such handlers
      }
    }
  }
}

/** The store's events as `readAll` gives them. */
export class CatchUpSubscription extends CatchUpSubscriptionOf<RecordedEvent> {
  constructor(options: CatchUpSubscriptionOptions) {
    super({ ...options, read: (from, limit) => options.store.readAll(from, limit) });
  }
}
