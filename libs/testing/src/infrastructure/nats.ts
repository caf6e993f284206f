// NATS for integration tests: the shared server at NATS_URL, and dedicated servers a test may
// stop and restart (never the shared one). Unreachable means failure, never a skipped test.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import { natsUrl } from './endpoints';

export async function connectTestNats(
  url: string = natsUrl(),
  name = 'jineng-test',
): Promise<NatsConnection> {
  try {
    return await connect({ servers: url, name, timeout: 5_000 });
  } catch (error) {
    throw new Error(
      `NATS is required for this test and was not reachable at ${url}: ${(error as Error).message}. ` +
        'Start it with `npm run infra:up`.',
    );
  }
}

/** Removes what a test published on the shared server (its own subjects only). */
export async function purgeSubjects(nc: NatsConnection, stream: string, filter: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.purge(stream, { filter }).catch((error: unknown) => {
    if (!/stream not found/i.test((error as Error).message)) throw error;
  });
}

const BINARY_CANDIDATES = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

export interface DedicatedNatsServerOptions {
  /** nats-server configuration added to its own (e.g. `natsAuthorizationConfig` of libs/messaging) */
  readonly config?: string;
  /** the server process's environment: the variables the configuration names (public nkeys) */
  readonly env?: Readonly<Record<string, string>>;
  /** how the readiness probe connects: an identity allowed to ask JetStream, when `config` has users */
  readonly probe?: Partial<NodeConnectionOptions>;
}

/** A nats-server with JetStream of the test's own, on a free port, with its own store directory. */
export class DedicatedNatsServer {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  private constructor(
    readonly port: number,
    readonly storeDir: string,
    private readonly binary: string,
    private readonly options: DedicatedNatsServerOptions,
  ) {}

  static async start(options: DedicatedNatsServerOptions = {}): Promise<DedicatedNatsServer> {
    const binary = BINARY_CANDIDATES.find((candidate) => existsSync(candidate));
    if (!binary)
      throw new Error(`nats-server is required for this test; looked in ${BINARY_CANDIDATES.join(', ')}`);
    const server = new DedicatedNatsServer(
      await freePort(),
      mkdtempSync(path.join(os.tmpdir(), 'jineng-nats-')),
      binary,
      options,
    );
    await server.restart();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port and store: JetStream keeps its streams across restarts. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('the dedicated nats-server is already running');
    const args = ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir];
    if (this.options.config !== undefined) {
      const file = path.join(this.storeDir, 'nats.conf');
      writeFileSync(file, this.options.config);
      args.unshift('-c', file);
    }
    const child = spawn(this.binary, args, {
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', ...this.options.env },
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const nc = await connect({
          ...this.options.probe,
          servers: this.url,
          timeout: 1_000,
          reconnect: false,
        });
        await (await jetstreamManager(nc)).getAccountInfo();
        await nc.close();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`dedicated nats-server did not start: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** Kills the server without a clean shutdown, as a crash would. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child) return;
    this.child.kill(signal);
    await this.exited;
    this.child = undefined;
  }

  async dispose(): Promise<void> {
    await this.kill('SIGTERM');
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
