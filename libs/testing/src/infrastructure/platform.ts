// The platform as production runs it, for cross-service end-to-end tests (test/*.e2e-spec.ts):
// each app is its own process (`apps/<name>/src/main.ts` through scripts/ts-register.cjs), on a free
// port, with the test's database schema, and the test waits until each is ready. As in production:
//   - the apps share a nats-server of their own (services answer their subjects in a queue group, so
//     two test files on one server would answer each other's requests), started from the NATS
//     configuration generated from nest-cli.json: each app connects with its own nkey and may do only
//     what its identity allows; the provisioner made the streams;
//   - each service runs as a database role of its own, made and granted by its migration step, which
//     runs as the migrator (the test's superuser) before the service starts;
//   - every app gets the test process's envelope key files (envelope-keys.ts): the gateway signs,
//     the services verify.
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { platformBusApps, type BusApp } from '@jineng/messaging';
import { Pool } from 'pg';
import { TestBus } from './bus';
import { databaseUrl } from './endpoints';
import { envelopeKeyEnv } from './envelope-keys';
import { payeeSealingKeyEnv } from './payee-sealing-keys';
import { auditSealKeyEnv } from './audit-seal-keys';
import { dropRoles } from './postgres';

const repoRoot = path.resolve(__dirname, '../../../..');

export interface PlatformApp {
  /** the folder under apps/ */
  readonly name: string;
  /** extra environment (e.g. JINENG_SCHEMA for a fresh schema, keys) */
  readonly env?: Record<string, string>;
}

export interface RunningPlatform {
  /** http://127.0.0.1:<port> of each app */
  readonly urls: Readonly<Record<string, string>>;
  /** the process id of each app, e.g. to read its memory from /proc */
  readonly pids: Readonly<Record<string, number>>;
  /** the platform's own nats-server */
  readonly natsUrl: string;
  /** its identities: connect as an app (`bus.connectOptionsOf('gateway')`) to talk to the services */
  readonly bus: TestBus;
  /** the database role each service runs as */
  readonly databaseRoles: Readonly<Record<string, string>>;
  /** every JSON log line each app wrote, for assertions on logs */
  readonly logs: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /**
   * Services not (yet) in nest-cli.json whose events a test publishes as they will (their own
   * subjects only): they get a bus identity of their own. A name nest-cli.json already has is its.
   */
  readonly producers?: readonly string[];
}

export async function startPlatform(
  apps: readonly PlatformApp[],
  common: Record<string, string> = {},
  readyTimeoutMs = 60_000,
  options: PlatformOptions = {},
): Promise<RunningPlatform> {
  const urls: Record<string, string> = {};
  const pids: Record<string, number> = {};
  const logs: Record<string, Record<string, unknown>[]> = {};
  const children: { name: string; child: ChildProcess; exited: Promise<void> }[] = [];
  const described = platformBusApps(JSON.parse(readFileSync(path.join(repoRoot, 'nest-cli.json'), 'utf8')));
  const producers: BusApp[] = (options.producers ?? [])
    .filter((name) => !described.some((app) => app.name === name))
    .map((name) => ({ name, kind: 'service', consumers: [] }));
  const bus = await TestBus.start([...described, ...producers]);
  const roles: string[] = [];
  const databaseRoles: Record<string, string> = {};
  const stop = async () => {
    for (const { child, exited } of children.reverse()) {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
    await bus.dispose();
    const pool = new Pool({ connectionString: databaseUrl(), max: 1 });
    await dropRoles(pool, roles).finally(() => pool.end());
  };
  try {
    for (const app of apps) {
      const port = await freePort();
      const service = described.find((known) => known.name === app.name)?.kind === 'service';
      const database: Record<string, string> = { DATABASE_URL: databaseUrl() };
      if (service) {
        const role = `t_${app.name.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
        roles.push(role);
        databaseRoles[app.name] = role;
        const url = new URL(databaseUrl());
        url.username = role;
        url.password = '';
        Object.assign(database, {
          DATABASE_URL: url.toString(),
          JINENG_MIGRATOR_DATABASE_URL: databaseUrl(),
        });
      }
      const child = spawn(
        process.execPath,
        [
          '-r',
          path.join(repoRoot, 'scripts', 'ts-register.cjs'),
          path.join(repoRoot, 'apps', app.name, 'src', 'main.ts'),
        ],
        {
          cwd: repoRoot,
          env: {
            PATH: process.env.PATH ?? '',
            ...database,
            ...bus.envOf(app.name),
            HOST: '127.0.0.1',
            PORT: String(port),
            LOG_LEVEL: 'warn',
            // the gateway signs with the test key pair, the services verify with it
            ...envelopeKeyEnv(),
            // the registry seals payees' accounts, the fund ledger opens them
            ...payeeSealingKeyEnv(),
            // the audit service signs its daily seals
            ...auditSealKeyEnv(),
            ...common,
            ...app.env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const lines: Record<string, unknown>[] = [];
      logs[app.name] = lines;
      let stderr = '';
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        try {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          lines.push({ notJson: line });
        }
      });
      child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      children.push({ name: app.name, child, exited });
      urls[app.name] = `http://127.0.0.1:${port}`;
      pids[app.name] = child.pid!;
      await waitUntilReady(app.name, urls[app.name], child, () => stderr, lines, readyTimeoutMs);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, pids, natsUrl: bus.url, bus, databaseRoles, logs, stop };
}

async function waitUntilReady(
  name: string,
  url: string,
  child: ChildProcess,
  stderr: () => string,
  lines: readonly Record<string, unknown>[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `${name} exited with ${child.exitCode} before it was ready:\n${stderr()}\n${lines.map((l) => JSON.stringify(l)).join('\n')}`,
      );
    }
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A TCP port nobody listens on now (for a process the test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A token of the gateway's development issuer (JINENG_DEV_AUTH=enabled) for one demo user, by role. */
export async function devToken(gatewayUrl: string, user: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/api/v1/dev/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (response.status !== 200)
    throw new Error(`no dev token for ${user}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
