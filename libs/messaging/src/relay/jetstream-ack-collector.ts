// Publishes to JetStream and collects the acks on one wildcard inbox subscription. The client's
// own `js.publish` sets up a request, a promise and a timer per message, which made the relay spend
// ~80 µs of Node per event; here one subscription serves every publish and one timer a whole batch
// (the asynchronous publishing of JetStream's own clients). Measured in bench/relay/README.md.
import { createInbox, type MsgHdrs, type NatsConnection, type Subscription } from '@nats-io/transport-node';

export interface PublishAck {
  readonly stream: string;
  readonly seq: number;
  /** JetStream recognised the Nats-Msg-Id within its duplicate window and stored nothing */
  readonly duplicate: boolean;
}

export interface OutgoingMessage {
  readonly subject: string;
  readonly data: string;
  readonly headers: MsgHdrs;
}

interface Waiting {
  resolve(ack: PublishAck): void;
  reject(error: Error): void;
}

export class JetStreamPublishError extends Error {
  constructor(
    message: string,
    readonly subject?: string,
  ) {
    super(message);
    this.name = 'JetStreamPublishError';
  }
}

export class JetStreamAckCollector {
  private readonly inbox: string;
  private readonly waiting = new Map<string, Waiting>();
  private readonly subscription: Subscription;
  private next = 0;

  constructor(private readonly nc: NatsConnection) {
    // under the connection's own inbox prefix, the only inbox its NATS identity may subscribe to (as
    // the JetStream client itself does: `nc.options` is not in the connection's public type)
    this.inbox = createInbox((nc as { options?: { inboxPrefix?: string } }).options?.inboxPrefix);
    this.subscription = nc.subscribe(`${this.inbox}.*`, {
      callback: (error, msg) => {
        const token = msg?.subject.slice(this.inbox.length + 1);
        const waiter = token === undefined ? undefined : this.waiting.get(token);
        if (!waiter || token === undefined) return;
        this.waiting.delete(token);
        if (error) return waiter.reject(new JetStreamPublishError(error.message));
        if (msg.headers?.hasError || msg.data.length === 0) {
          // 503: no stream listens on the subject (or JetStream is not ready after a restart)
          return waiter.reject(
            new JetStreamPublishError(
              `JetStream did not store the message: ${msg.headers?.code ?? 'no'} ${msg.headers?.description ?? 'answer'}`,
            ),
          );
        }
        const ack = msg.json<{
          stream?: string;
          seq?: number;
          duplicate?: boolean;
          error?: { code: number; description: string };
        }>();
        if (ack.error || !ack.stream)
          return waiter.reject(
            new JetStreamPublishError(
              `JetStream refused the message: ${ack.error?.description ?? 'no stream'}`,
            ),
          );
        waiter.resolve({ stream: ack.stream, seq: ack.seq ?? 0, duplicate: ack.duplicate === true });
      },
    });
  }

  /** Publishes every message at once; answers their acks in order, or rejects when one fails or `timeoutMs` passes. */
  async publishAll(messages: readonly OutgoingMessage[], timeoutMs: number): Promise<PublishAck[]> {
    const tokens: string[] = [];
    const acks = messages.map(
      (message) =>
        new Promise<PublishAck>((resolve, reject) => {
          const token = (this.next++).toString(36);
          tokens.push(token);
          this.waiting.set(token, { resolve, reject });
          this.nc.publish(message.subject, message.data, {
            reply: `${this.inbox}.${token}`,
            headers: message.headers,
          });
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new JetStreamPublishError(
              `no JetStream ack within ${timeoutMs} ms for ${messages.length} messages`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([Promise.all(acks), timeout]);
    } finally {
      clearTimeout(timer);
      for (const token of tokens) this.waiting.delete(token);
      // a rejected batch leaves the other acks unobserved: they must not surface as unhandled
      for (const ack of acks) ack.catch(() => undefined);
    }
  }

  close(): void {
    this.subscription.unsubscribe();
  }
}
