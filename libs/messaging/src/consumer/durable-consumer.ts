// A durable pull consumer of integration events (ARCHITECTURE §3). Messages are handled in batches:
// one PostgreSQL transaction records the batch's event ids in the inbox and runs the handler for
// each new one, then the messages are acked. If a handler throws, the batch is rolled back and its
// messages are handled one by one, so only the failing one is retried — with a growing delay — and
// after its last attempt it goes to `jineng.dlq.<consumer>` with the error. The others keep flowing.
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { ParkedEvents, PollingLoop, inTransaction, summarizeError } from '@jineng/event-store';
import type { Pool, PoolClient } from 'pg';
import { integrationEventProblem, type IntegrationEvent } from '../integration-event';
import { EVENTS_STREAM, assertConsumerName } from '../subjects';
import { describeError, publishDeadLetter, type DeadLetter } from './dead-letter';
import { beginAndClaimInInbox, claimInInbox } from './inbox';
import { isTransientError } from './transient-errors';

export interface DeliveryContext {
  readonly subject: string;
  readonly streamSequence: number;
  /** 1 on the first delivery */
  readonly deliveryCount: number;
}

/** Runs inside the inbox transaction: write the effect with `tx` so both commit or neither does. */
export type IntegrationEventHandler = (
  event: IntegrationEvent,
  tx: PoolClient,
  delivery: DeliveryContext,
) => Promise<void>;

/**
 * Gets every new event of a batch at once, in order, inside the inbox transaction: for effects that
 * are cheaper written together (a projection's multi-row insert). If it throws, the events are
 * handled again one per call so that only the failing one is retried.
 */
export type IntegrationEventBatchHandler = (
  events: readonly IntegrationEvent[],
  tx: PoolClient,
) => Promise<void>;

export interface DurableConsumerOptions {
  readonly nc: NatsConnection;
  /** the consuming service's database and schema (its inbox lives there) */
  readonly pool: Pool;
  readonly schema: string;
  /** durable consumer name, also the dead-letter subject token: `<service>-<purpose>` */
  readonly name: string;
  /** e.g. `eventFilter('registry')`; more than one needs nats-server 2.10 */
  readonly filterSubjects: readonly string[];
  /** one of `handle` (per event) or `handleBatch` */
  readonly handle?: IntegrationEventHandler;
  readonly handleBatch?: IntegrationEventBatchHandler;
  /** deliveries before a failing event goes to the dead-letter subject */
  readonly maxAttempts?: number;
  /** delay before attempt n+1 after attempt n failed; the last value repeats */
  readonly backoffMs?: readonly number[];
  /** unacked time after which JetStream redelivers (a consumer that died mid-batch) */
  readonly ackWaitMs?: number;
  /** most events handled in one transaction */
  readonly batchSize?: number;
  /** most messages out for this consumer at once, across all its replicas */
  readonly maxAckPending?: number;
  readonly onError?: (error: unknown) => void;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
  readonly onBatchHandled?: (batch: { readonly messages: number; readonly handled: number }) => void;
  /** how often it looks for dead letters an operator asked to replay (default 2 s) */
  readonly replayPollMs?: number;
}

/** An event to handle, from JetStream or from a replayed dead letter. */
interface Delivered extends DeliveryContext {
  readonly event: IntegrationEvent;
}

interface Parsed extends Delivered {
  readonly msg: JsMsg;
}

export const DEFAULT_BACKOFF_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000];

/** the longest a batch waits for the rest of a delivery its messages say is coming */
const GATHER_MAX_MS = 50;

export class DurableConsumer {
  private readonly js: JetStreamClient;
  private readonly maxAttempts: number;
  private readonly backoffMs: readonly number[];
  private readonly batchSize: number;
  private queue: JsMsg[] = [];
  private wake?: () => void;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly replays: PollingLoop;
  private stopping = false;
  private readonly parking: ParkedEvents;

  constructor(private readonly options: DurableConsumerOptions) {
    assertConsumerName(options.name);
    if (options.filterSubjects.length === 0)
      throw new TypeError('a consumer needs at least one filter subject');
    this.js = jetstream(options.nc);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.batchSize = options.batchSize ?? 200;
    this.parking = new ParkedEvents(options.schema);
    this.replays = new PollingLoop(
      options.replayPollMs ?? 2_000,
      () => this.replayRequested(),
      options.onError,
    );
    if (this.maxAttempts < 1) throw new TypeError('maxAttempts must be at least 1');
    if (this.backoffMs.length === 0) throw new TypeError('backoffMs needs at least one delay');
  }

  /**
   * Creates or updates the JetStream consumer, then starts handling. The inbox and parked_events
   * tables must exist (applied by the service's migration step; `migrateConsumerTables` in tests).
   */
  async start(): Promise<void> {
    if (this.loop) return;
    await this.ensureConsumer();
    this.stopping = false;
    const consumer = await this.js.consumers.get(EVENTS_STREAM, this.options.name);
    this.messages = await consumer.consume({
      max_messages: Math.max(this.batchSize * 2, 100),
      callback: (msg) => {
        this.queue.push(msg);
        this.wake?.();
      },
    });
    this.loop = this.run();
    this.replays.start();
  }

  /** Finishes the batch in hand; messages not yet started go back to JetStream at once. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    const replays = this.replays.stop();
    await this.messages?.close().catch((error: unknown) => this.options.onError?.(error));
    this.wake?.();
    await this.loop;
    await replays;
    for (const msg of this.queue.splice(0)) msg.nak();
    this.loop = undefined;
  }

  private async ensureConsumer(): Promise<void> {
    const { name, filterSubjects } = this.options;
    const config: Partial<ConsumerConfig> = {
      durable_name: name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      // attempts are counted here, not by the server, so the last one can be dead-lettered
      max_deliver: -1,
      max_ack_pending: this.options.maxAckPending ?? 1_000,
      ...(filterSubjects.length === 1
        ? { filter_subject: filterSubjects[0] }
        : { filter_subjects: [...filterSubjects] }),
    };
    const jsm = await jetstreamManager(this.options.nc);
    const existing = await jsm.consumers.info(EVENTS_STREAM, name).catch((error: unknown) => {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound)
        return undefined;
      throw error;
    });
    if (existing) await jsm.consumers.update(EVENTS_STREAM, name, config);
    else await jsm.consumers.add(EVENTS_STREAM, config);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (this.queue.length === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      await this.gather();
      const batch = this.queue.splice(0, this.batchSize);
      try {
        await this.handleBatch(batch);
      } catch (error) {
        // only infrastructure failures get here (handler errors are dealt with per message)
        this.options.onError?.(error);
        for (const msg of batch) msg.nak(this.backoffMs[0]);
      }
    }
  }

  /**
   * Lets the rest of a delivery arrive before a batch is taken: a pull's messages come in more than one
   * socket read, and the first one wakes the loop. Each message says how many more the consumer has
   * pending behind it (`info.pending`); while that is more than zero and the batch is not full, the
   * next message is waited for — each wait ended by that message's arrival, the whole capped at
   * GATHER_MAX_MS so that a batch is never held back for long.
   */
  private async gather(): Promise<void> {
    const until = Date.now() + GATHER_MAX_MS;
    while (this.queue.length < this.batchSize && this.queue[this.queue.length - 1]!.info.pending > 0) {
      const left = until - Date.now();
      if (left <= 0) return;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
      this.wake = undefined;
      if (this.stopping) return;
    }
  }

  private async handleBatch(batch: readonly JsMsg[]): Promise<void> {
    const readable: Parsed[] = [];
    for (const msg of batch) {
      const parsed = this.parse(msg);
      if (parsed) readable.push(parsed);
      else await this.deadLetterUnreadable(msg);
    }
    if (readable.length === 0) return;
    try {
      const handled = await this.inInbox(readable);
      for (const { msg } of readable) msg.ack();
      this.options.onBatchHandled?.({ messages: readable.length, handled });
    } catch (error) {
      if (isTransientError(error)) throw error;
      if (readable.length === 1) return this.failed(readable[0].msg, error, readable[0].event);
      // a handler threw: find which one, without holding back the others
      for (const item of readable) await this.handleOne(item);
    }
  }

  private async handleOne(item: Parsed): Promise<void> {
    try {
      const handled = await this.inInbox([item]);
      item.msg.ack();
      this.options.onBatchHandled?.({ messages: 1, handled });
    } catch (error) {
      if (isTransientError(error)) throw error;
      await this.failed(item.msg, error, item.event);
    }
  }

  /**
   * Applies the dead letters an operator asked to replay (`npm run ops -- dead-letters replay`):
   * through the inbox, like any delivery, so an event already handled is not handled again; the
   * request is marked replayed in the same transaction, or parked again with the new error.
   * Answers how many were handled now.
   */
  async replayRequested(): Promise<number> {
    let handled = 0;
    const requests = await this.parking.requested(this.options.pool, this.options.name);
    for (const request of requests.filter((r) => r.reason === 'dead_letter')) {
      const letter = request.event as DeadLetter;
      try {
        if (integrationEventProblem(letter.event) !== undefined)
          throw new UnreadableEventError(integrationEventProblem(letter.event) ?? 'unknown');
        handled += await inTransaction(this.options.pool, async (tx) => {
          const count = await this.handleAll(
            [
              {
                event: letter.event as IntegrationEvent,
                subject: letter.subject,
                streamSequence: letter.streamSequence,
                deliveryCount: letter.deliveryCount + request.attempts + 1,
              },
            ],
            tx,
          );
          await this.parking.markReplayed(tx, [request.parkedId]);
          return count;
        });
      } catch (error) {
        if (isTransientError(error)) throw error;
        this.options.onError?.(error);
        await this.parking.markReplayFailed(this.options.pool, [request.parkedId], summarizeError(error));
      }
    }
    return handled;
  }

  /**
   * A batch in one transaction of its own, in as few round trips as the effect allows: `begin` with the
   * inbox claim, the handler's statements, `commit` — three for a batch handler writing one statement.
   * A connection that failed is destroyed rather than given back (as `inTransaction` does).
   */
  private async inInbox(items: readonly Delivered[]): Promise<number> {
    const tx = await this.options.pool.connect();
    let broken = false;
    try {
      const claimed = await beginAndClaimInInbox(
        tx,
        this.options.schema,
        this.options.name,
        entriesOf(items),
      );
      const handled = await this.handleClaimed(items, claimed, tx);
      await tx.query('commit');
      return handled;
    } catch (error) {
      broken = isTransientError(error);
      await tx.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      tx.release(broken);
    }
  }

  /** Claims the events in the inbox and handles those not seen before; answers how many that was. */
  private async handleAll(items: readonly Delivered[], tx: PoolClient): Promise<number> {
    const claimed = await claimInInbox(tx, this.options.schema, this.options.name, entriesOf(items));
    return this.handleClaimed(items, claimed, tx);
  }

  private async handleClaimed(
    items: readonly Delivered[],
    claimed: Set<string>,
    tx: PoolClient,
  ): Promise<number> {
    const fresh: Delivered[] = [];
    // a redelivery of an event in this same batch is handled once
    for (const item of items) if (claimed.delete(item.event.id)) fresh.push(item);
    const { handle, handleBatch } = this.options;
    if (handleBatch) {
      if (fresh.length > 0)
        await handleBatch(
          fresh.map((item) => item.event),
          tx,
        );
      return fresh.length;
    }
    for (const { event, subject, streamSequence, deliveryCount } of fresh) {
      await handle!(event, tx, { subject, streamSequence, deliveryCount });
    }
    return fresh.length;
  }

  private async failed(msg: JsMsg, error: unknown, event: IntegrationEvent): Promise<void> {
    const attempt = msg.info.deliveryCount;
    this.options.onError?.(error);
    if (attempt < this.maxAttempts) {
      msg.nak(this.backoffMs[Math.min(attempt - 1, this.backoffMs.length - 1)]);
      return;
    }
    await this.deadLetter(msg, error, { event });
  }

  private async deadLetterUnreadable(msg: JsMsg): Promise<void> {
    const raw = Buffer.from(msg.data).toString('utf8');
    // an unreadable message cannot get better by retrying
    await this.deadLetter(msg, new UnreadableEventError(unreadableReason(raw)), { raw });
  }

  private async deadLetter(
    msg: JsMsg,
    error: unknown,
    content: Pick<DeadLetter, 'event' | 'raw'>,
  ): Promise<void> {
    const letter: DeadLetter = {
      consumer: this.options.name,
      subject: msg.subject,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      failedAt: new Date().toISOString(),
      error: describeError(error),
      ...content,
    };
    try {
      await publishDeadLetter(this.js, letter);
    } catch (publishError) {
      // not parked yet: keep the message and try again later
      this.options.onError?.(publishError);
      msg.nak(this.backoffMs[this.backoffMs.length - 1]);
      return;
    }
    // no reason text: `+TERM <reason>` is not understood before nats-server 2.10.4
    msg.term();
    this.options.onDeadLetter?.(letter);
  }

  private parse(msg: JsMsg): Parsed | undefined {
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(msg.data).toString('utf8'));
    } catch {
      return undefined;
    }
    return integrationEventProblem(value) === undefined
      ? {
          msg,
          event: value as IntegrationEvent,
          subject: msg.subject,
          streamSequence: msg.seq,
          deliveryCount: msg.info.deliveryCount,
        }
      : undefined;
  }
}

const entriesOf = (items: readonly Delivered[]) =>
  items.map(({ streamSequence, event }) => ({ eventId: event.id, eventType: event.type, streamSequence }));

export class UnreadableEventError extends Error {
  readonly code = 'MESSAGING.UNREADABLE_EVENT';
  constructor(reason: string) {
    super(`not an integration event: ${reason}`);
    this.name = 'UnreadableEventError';
  }
}

function unreadableReason(raw: string): string {
  try {
    return integrationEventProblem(JSON.parse(raw)) ?? 'unknown';
  } catch {
    return 'not JSON';
  }
}
