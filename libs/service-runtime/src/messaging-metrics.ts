// Prometheus counters of the relay and the consumers: what an operator watches to see events
// flowing, re-sent, failing or parked on a dead-letter subject.
import type { Metrics } from '@jineng/observability';
import { Counter, Gauge } from 'prom-client';

export class MessagingMetrics {
  readonly relayPublished: Counter;
  readonly relayDuplicates: Counter;
  readonly relayErrors: Counter;
  readonly relayLastPublish: Gauge;
  readonly consumerHandled: Counter<'consumer'>;
  readonly consumerMessages: Counter<'consumer'>;
  readonly consumerDeadLetters: Counter<'consumer'>;
  readonly consumerErrors: Counter<'consumer'>;

  constructor(metrics: Metrics) {
    const registers = [metrics.registry];
    this.relayPublished = new Counter({
      name: 'jineng_relay_events_published_total',
      help: 'Events the outbox relay published and JetStream acknowledged',
      registers,
    });
    this.relayDuplicates = new Counter({
      name: 'jineng_relay_duplicates_total',
      help: 'Re-sent events JetStream recognised by their Nats-Msg-Id (after a relay restart)',
      registers,
    });
    this.relayErrors = new Counter({
      name: 'jineng_relay_errors_total',
      help: 'Failed relay batches (retried from the checkpoint)',
      registers,
    });
    this.relayLastPublish = new Gauge({
      name: 'jineng_relay_last_publish_timestamp_seconds',
      help: 'When the relay last had a batch acknowledged',
      registers,
    });
    this.consumerHandled = new Counter({
      name: 'jineng_consumer_events_handled_total',
      help: 'Events whose effect a consumer committed (duplicates not counted)',
      labelNames: ['consumer'],
      registers,
    });
    this.consumerMessages = new Counter({
      name: 'jineng_consumer_messages_total',
      help: 'Messages a consumer acknowledged, duplicates included',
      labelNames: ['consumer'],
      registers,
    });
    this.consumerDeadLetters = new Counter({
      name: 'jineng_consumer_dead_letters_total',
      help: 'Events a consumer gave up on and published to jineng.dlq.<consumer>',
      labelNames: ['consumer'],
      registers,
    });
    this.consumerErrors = new Counter({
      name: 'jineng_consumer_errors_total',
      help: 'Handler and infrastructure errors of a consumer (each retried or dead-lettered)',
      labelNames: ['consumer'],
      registers,
    });
  }
}
