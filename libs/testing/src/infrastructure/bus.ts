// A bus with identities, as production runs it (ADR 0002, decision 10): a dedicated nats-server whose
// users are the given apps, each with an nkey made here, permissions from libs/messaging, and the
// streams and files buckets made by the provisioner — never by a service.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PROVISIONER,
  connectNats,
  inboxPrefixOf,
  natsAuthorizationConfig,
  nkeyVariableOf,
  provisionBus,
  type BusApp,
} from '@jineng/messaging';
import {
  nkeyAuthenticator,
  nkeys,
  type NatsConnection,
  type NodeConnectionOptions,
} from '@nats-io/transport-node';
import { DedicatedNatsServer } from './nats';

export class TestBus {
  private constructor(
    readonly server: DedicatedNatsServer,
    private readonly seedDir: string,
    private readonly seeds: ReadonlyMap<string, string>,
  ) {}

  /** Starts the server for `apps` (the provisioner is added) and provisions the streams and buckets. */
  static async start(
    apps: readonly BusApp[],
    streams: { readonly duplicateWindowMs: number } = { duplicateWindowMs: 120_000 },
  ): Promise<TestBus> {
    const all = apps.some((app) => app.kind === 'provisioner') ? apps : [...apps, PROVISIONER];
    const seedDir = mkdtempSync(path.join(os.tmpdir(), 'jineng-nkeys-'));
    const seeds = new Map<string, string>();
    const env: Record<string, string> = {};
    for (const app of all) {
      const pair = nkeys.createUser();
      const file = path.join(seedDir, `${app.name}.nk`);
      writeFileSync(file, new TextDecoder().decode(pair.getSeed()));
      chmodSync(file, 0o600);
      seeds.set(app.name, file);
      env[nkeyVariableOf(app.name)] = pair.getPublicKey();
    }
    const provisioner = seeds.get(PROVISIONER.name)!;
    let server: DedicatedNatsServer | undefined;
    try {
      server = await DedicatedNatsServer.start({
        config: natsAuthorizationConfig(all),
        env,
        probe: connectOptionsOf(PROVISIONER.name, provisioner),
      });
      const bus = new TestBus(server, seedDir, seeds);
      const nc = await bus.connect(PROVISIONER.name);
      try {
        await provisionBus(nc, all, { replicas: 1, duplicateWindowMs: streams.duplicateWindowMs });
      } finally {
        await nc.close();
      }
      return bus;
    } catch (error) {
      await server?.dispose();
      rmSync(seedDir, { recursive: true, force: true });
      throw error;
    }
  }

  get url(): string {
    return this.server.url;
  }

  /** The environment that makes an app process connect as itself. */
  envOf(app: string): Record<string, string> {
    return { NATS_URL: this.url, JINENG_NATS_NKEY_SEED_FILE: this.seedOf(app) };
  }

  /** Connection options of an app's identity (credentials and inbox prefix), for in-process clients. */
  connectOptionsOf(app: string): Partial<NodeConnectionOptions> {
    return connectOptionsOf(app, this.seedOf(app));
  }

  connect(app: string): Promise<NatsConnection> {
    return connectNats(this.url, `test-as-${app}`, {
      ...this.connectOptionsOf(app),
      maxReconnectAttempts: 0,
    });
  }

  async dispose(): Promise<void> {
    await this.server.dispose();
    rmSync(this.seedDir, { recursive: true, force: true });
  }

  private seedOf(app: string): string {
    const seed = this.seeds.get(app);
    if (!seed) throw new Error(`the test bus has no identity '${app}'`);
    return seed;
  }
}

function connectOptionsOf(app: string, seedFile: string): Partial<NodeConnectionOptions> {
  const seed = readFileSync(seedFile, 'utf8');
  return {
    authenticator: nkeyAuthenticator(new TextEncoder().encode(seed)),
    inboxPrefix: inboxPrefixOf(app),
  };
}
