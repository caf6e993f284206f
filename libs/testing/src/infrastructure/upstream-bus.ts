// Another service's integration events as its relay publishes them (docs/contracts.md): on the real bus,
// subject `jineng.evt.<service>.<EventName>.v1`, message id = event id, each
// stream's versions counted here. For tests of a consumer built before its producer (or without it):
// in production the producing service's relay publishes.
import { createHash, randomUUID } from 'node:crypto';
import { eventSubject, type IntegrationEvent } from '@jineng/messaging';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

export class UpstreamBus {
  private readonly versions = new Map<string, number>();
  private readonly js: JetStreamClient;

  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
  }

  /** Publishes the next event of `streamId` as `service` would; answers it (to publish it again). */
  async publish(
    service: string,
    type: string,
    streamId: string,
    data: Record<string, unknown>,
    metadata: Record<string, unknown> = {},
  ): Promise<IntegrationEvent> {
    const key = `${service}/${streamId}`;
    const version = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, version);
    const event: IntegrationEvent = {
      id: randomUUID(),
      type,
      service,
      streamId,
      streamVersion: version,
      recordedAt: new Date().toISOString(),
      hash: createHash('sha256').update(`${key}:${version}`).digest('hex'),
      data: data as IntegrationEvent['data'],
      metadata: {
        correlationId: randomUUID(),
        actor: { userId: `system:${service}`, roles: ['system'] },
        ...metadata,
      },
    };
    await this.again(event);
    return event;
  }

  /** The same event once more, under another message id (a redelivery the bus cannot tell apart). */
  async again(event: IntegrationEvent, msgID = event.id): Promise<void> {
    await this.js.publish(eventSubject(event.service, event.type), JSON.stringify(event), { msgID });
  }
}
