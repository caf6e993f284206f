// The outbox relay (ARCHITECTURE §3): the service's own event store is its outbox. A catch-up
// subscription reads it in global order and publishes each batch to JetStream at once, then waits
// for every ack before the checkpoint moves. A relay killed mid-batch starts again from the last
// checkpoint and re-sends part of a batch: JetStream drops the re-sends inside its duplicate window
// (Nats-Msg-Id = event id), and consumers' inboxes drop any that arrive later than that.
import {
  CatchUpSubscription,
  type GlobalPosition,
  type PostgresEventStore,
  type RecordedEvent,
} from '@jineng/event-store';
import { jetstream, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { toIntegrationEvent } from '../integration-event';
import { EVENTS_STREAM, assertServiceName, eventSubject } from '../subjects';
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

export class OutboxRelay {
  private readonly js: JetStreamClient;
  private readonly subscription: CatchUpSubscription;
  private readonly leadership?: RelayLeadership;

  constructor(private readonly options: OutboxRelayOptions) {
    assertServiceName(options.service);
    this.js = jetstream(options.nc, { timeout: options.publishTimeoutMs ?? 10_000 });
    this.subscription = new CatchUpSubscription({
      store: options.store,
      subscriptionId: `outbox-relay:${options.service}`,
      handle: (events) => this.publishBatch(events),
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 50,
      retryDelayMs: options.retryDelayMs ?? 1_000,
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

  start(): void {
    if (this.leadership) this.leadership.start();
    else this.subscription.start();
  }

  async stop(): Promise<void> {
    if (this.leadership) await this.leadership.stop();
    else await this.subscription.stop();
  }

  private async publishBatch(events: readonly RecordedEvent[]): Promise<void> {
    const acks = await Promise.allSettled(events.map((event) => this.publish(event)));
    const failed = acks.find((ack): ack is PromiseRejectedResult => ack.status === 'rejected');
    // one lost ack fails the batch: the checkpoint stays and the whole batch is sent again
    if (failed) throw failed.reason;
    const duplicates = acks.filter((ack) => (ack as PromiseFulfilledResult<PubAck>).value.duplicate).length;
    const last = events[events.length - 1];
    this.options.onBatchPublished?.({
      events: events.length,
      duplicates,
      position: { transactionId: last.transactionId, position: last.position },
    });
  }

  private publish(event: RecordedEvent): Promise<PubAck> {
    const h = headers();
    h.set(RELAY_HEADERS.eventType, event.type);
    const correlationId = event.metadata.correlationId;
    if (typeof correlationId === 'string') h.set(RELAY_HEADERS.correlationId, correlationId);
    return this.js.publish(
      eventSubject(this.options.service, event.type),
      JSON.stringify(toIntegrationEvent(this.options.service, event)),
      { msgID: event.id, headers: h, expect: { streamName: EVENTS_STREAM } },
    );
  }
}
