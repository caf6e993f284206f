// Readiness of NATS: a connection of its own (kept between probes), and a PING/PONG round trip
// (`flush`) on each probe — a connection that is reconnecting has no answer, so the probe fails.
import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import type { HealthCheck } from './health-check';

export interface NatsHealthCheckOptions {
  /** e.g. `nats://127.0.0.1:4222` */
  readonly servers: string | readonly string[];
  /** default `nats` */
  readonly name?: string;
  /** time allowed to open the connection (default 2000 ms) */
  readonly connectTimeoutMs?: number;
  /** the app's NATS identity: credentials, TLS, inbox prefix (the probe connects as the app) */
  readonly connectOptions?: Partial<NodeConnectionOptions>;
}

export class NatsHealthCheck implements HealthCheck {
  readonly name: string;
  private connection: Promise<NatsConnection> | undefined;

  constructor(private readonly options: NatsHealthCheckOptions) {
    this.name = options.name ?? 'nats';
  }

  async check(): Promise<void> {
    const nc = await this.connect();
    await nc.flush();
  }

  async close(): Promise<void> {
    const pending = this.connection;
    this.connection = undefined;
    const nc = await pending?.catch(() => undefined);
    await nc?.close().catch(() => undefined);
  }

  private connect(): Promise<NatsConnection> {
    const current = this.connection;
    if (current) {
      return current.then((nc) => {
        if (!nc.isClosed()) return nc;
        if (this.connection === current) this.connection = undefined;
        return this.connect();
      });
    }
    const attempt = connect({
      ...this.options.connectOptions,
      servers: [...[this.options.servers].flat()],
      name: 'jineng-readiness',
      timeout: this.options.connectTimeoutMs ?? 2000,
      maxReconnectAttempts: -1,
    });
    this.connection = attempt;
    // a failed attempt is not kept: the next probe tries again
    attempt.catch(() => {
      if (this.connection === attempt) this.connection = undefined;
    });
    return attempt;
  }
}
