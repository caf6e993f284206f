// The outbox relay (ARCHITECTURE §3): the service's own event store is its outbox. A catch-up
// subscription reads it in global order and publishes each batch to JetStream at once, then waits
// for every ack before the checkpoint moves. A relay killed mid-batch starts again from the last
// checkpoint and re-sends part of a batch: JetStream drops the re-sends inside its duplicate window
// (Nats-Msg-Id = event id), and consumers' inboxes drop any that arrive later than that.
import {
  CatchUpSubscriptionOf,
  type GlobalPosition,
  type PostgresEventStore,
  type RecordedEventText,
  type SubscriptionReadStats,
} from '@jineng/event-store';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { integrationEventText } from '../integration-event';
import { EVENTS_STREAM, assertServiceName, eventSubject } from '../subjects';
import { JetStreamAckCollector, type OutgoingMessage } from './jetstream-ack-collector';
import { RelayLeadership } from './relay-leadership';

export interface OutboxRelayOptions {
  readonly store: PostgresEventStore;
  readonly nc: NatsConnection;
  /** the owning service: the `<service>` token of `jineng.evt.<service>.<EventName>.v<N>` */
  readonly service: string;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /** wait before re-reading from the checkpoint after a failed batch (NATS down, ...) */
  readonly retryDelayMs?: number;
  /** how long to wait for each publish ack */
  readonly publishTimeoutMs?: number;
  /**
   * save the checkpoint at most this often while busy (default 100 ms), and whenever caught up: a
   * relay restarted after a crash sends again at most that much, which JetStream's duplicate window
   * and the consumers' inboxes drop (ADR 0002)
   */
  readonly checkpointEveryMs?: number;
  /** run even when another replica holds the relay lock (tests of concurrent relays only) */
  readonly withoutLeadership?: boolean;
  readonly onError?: (error: unknown) => void;
  /** after each acknowledged batch: for metrics and tests */
  readonly onBatchPublished?: (batch: PublishedBatch) => void;
}

export interface PublishedBatch {
  readonly events: number;
  /** re-sends JetStream recognised by their Nats-Msg-Id */
  readonly duplicates: number;
  readonly position: GlobalPosition;
}

export const RELAY_HEADERS = {
  eventType: 'Jineng-Event-Type',
  correlationId: 'Jineng-Correlation-Id',
} as const;

/**
 * JetStream took an event of ours for a duplicate of a message stored on another subject: someone
 * published a message carrying its id first, which would have swallowed the event (ADR 0002,
 * decision 10). The batch fails and is sent again until the duplicate window has passed.
 */
export class EventPreemptedError extends Error {
  constructor(
    readonly eventId: string,
    readonly storedSubject: string | undefined,
    readonly streamSequence: number,
  ) {
    super(
      `event ${eventId} was taken for a duplicate of stream message ${streamSequence} on ` +
        `${storedSubject ?? 'a subject that cannot be read'}: a message carrying its id was published ` +
        'first by someone else; the relay sends it again until the duplicate window has passed',
    );
    this.name = 'EventPreemptedError';
  }
}

export class OutboxRelay {
  private publisher?: JetStreamAckCollector;
  private jsm?: JetStreamManager;
  private readonly publishTimeoutMs: number;
  private readonly subscription: CatchUpSubscriptionOf<RecordedEventText>;
  private readonly leadership?: RelayLeadership;

  constructor(private readonly options: OutboxRelayOptions) {
    assertServiceName(options.service);
    this.publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    this.subscription = new CatchUpSubscriptionOf<RecordedEventText>({
      store: options.store,
      // the events' data and metadata as stored: sent on as they are, never parsed here
      read: (from, limit) => options.store.readAllText(from, limit),
      subscriptionId: `outbox-relay:${options.service}`,
      handle: (events) => this.publishBatch(events),
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 50,
      retryDelayMs: options.retryDelayMs ?? 1_000,
      checkpointEveryMs: options.checkpointEveryMs ?? 100,
      onError: options.onError,
    });
    if (!options.withoutLeadership) {
      this.leadership = new RelayLeadership({
        pool: options.store.pool,
        lockName: `jineng.outbox-relay:${options.store.schema}:${options.service}`,
        onLead: () => this.subscription.start(),
        onLoseLead: () => this.subscription.stop(),
        retryDelayMs: options.retryDelayMs ?? 1_000,
        onError: options.onError,
      });
    }
  }

  /** where the relay has published up to (acknowledged and checkpointed), once it has started */
  get position(): GlobalPosition | undefined {
    return this.subscription.position;
  }

  /** reads of the store so far, and how many came back empty */
  get readStats(): SubscriptionReadStats {
    return { ...this.subscription.stats };
  }

  start(): void {
    this.publisher ??= new JetStreamAckCollector(this.options.nc);
    if (this.leadership) this.leadership.start();
    else this.subscription.start();
  }

  async stop(): Promise<void> {
    if (this.leadership) await this.leadership.stop();
    else await this.subscription.stop();
    this.publisher?.close();
    this.publisher = undefined;
  }

  private async publishBatch(events: readonly RecordedEventText[]): Promise<void> {
    // a lost ack fails the batch: the checkpoint stays and the whole batch is sent again
    if (!this.publisher) throw new Error('the relay is not started');
    const messages = events.map((event) => this.messageOf(event));
    const acks = await this.publisher.publishAll(messages, this.publishTimeoutMs);
    for (const [i, ack] of acks.entries()) {
      if (ack.duplicate) await this.checkOwnDuplicate(events[i].id, messages[i].subject, ack.seq);
    }
    const last = events[events.length - 1];
    this.options.onBatchPublished?.({
      events: events.length,
      duplicates: acks.filter((ack) => ack.duplicate).length,
      position: { transactionId: last.transactionId, position: last.position },
    });
  }

  /**
   * A duplicate is normally our own earlier send (a batch sent again after a crash). The stream keeps
   * one message per id whatever its subject, and only this service may publish on its subjects: so the
   * stored message is ours exactly when it is on our event's subject.
   */
  private async checkOwnDuplicate(eventId: string, subject: string, seq: number): Promise<void> {
    this.jsm ??= await jetstreamManager(this.options.nc, { checkAPI: false });
    const stored = await this.jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => null);
    if (stored?.subject !== subject) throw new EventPreemptedError(eventId, stored?.subject, seq);
  }

  private messageOf(event: RecordedEventText): OutgoingMessage {
    const h = headers();
    h.set('Nats-Msg-Id', event.id);
    h.set('Nats-Expected-Stream', EVENTS_STREAM);
    h.set(RELAY_HEADERS.eventType, event.type);
    if (event.correlationId !== undefined) h.set(RELAY_HEADERS.correlationId, event.correlationId);
    return {
      subject: eventSubject(this.options.service, event.type),
      data: integrationEventText(this.options.service, event),
      headers: h,
    };
  }
}
