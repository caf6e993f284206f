// One active relay per service: every replica of a service starts a relay, and the one holding a
// PostgreSQL session advisory lock publishes. Two relays would still be correct (duplicates are
// absorbed) but would double the traffic. The lock dies with its connection, so a crashed leader's
// lock is free at once and a standby takes over on its next try.
import type { Pool, PoolClient } from 'pg';

export interface RelayLeadershipOptions {
  readonly pool: Pool;
  readonly lockName: string;
  readonly onLead: () => void;
  readonly onLoseLead: () => Promise<void>;
  readonly retryDelayMs: number;
  readonly onError?: (error: unknown) => void;
}

export class RelayLeadership {
  private abort = new AbortController();
  private loop?: Promise<void>;

  constructor(private readonly options: RelayLeadershipOptions) {}

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
    while (!signal.aborted) {
      let client: PoolClient | undefined;
      try {
        client = await this.options.pool.connect();
        const { rows } = await client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock(hashtext($1)) as locked',
          [this.options.lockName],
        );
        if (rows[0].locked) await this.lead(client, signal);
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        // destroying the connection releases a session lock however the lead ended
        client?.release(true);
      }
      await sleep(this.options.retryDelayMs, signal);
    }
  }

  private async lead(client: PoolClient, signal: AbortSignal): Promise<void> {
    const lost = new Promise<void>((resolve) => {
      client.once('error', (error) => {
        this.options.onError?.(error);
        resolve();
      });
      client.once('end', resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    this.options.onLead();
    try {
      await lost;
    } finally {
      await this.options.onLoseLead();
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
