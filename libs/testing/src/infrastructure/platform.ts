// The platform as production runs it, for cross-service end-to-end tests (test/*.e2e-spec.ts):
// each app is its own process (`apps/<name>/src/main.ts` through scripts/ts-register.cjs), on a free
// port, with the test's database schema, and the test waits until each is ready. As in production:
//   - the apps share a nats-server of their own (services answer their subjects in a queue group, so
//     two test files on one server would answer each other's requests), started from the NATS
//     configuration generated from nest-cli.json: each app connects with its own nkey and may do only
//     what its identity allows; the provisioner made the streams;
//   - each service runs as a database role of its own, made and granted by its migration step, which
//     runs as the migrator (the test's superuser) before the service starts;
//   - every app gets its envelope key file of the test process (envelope-keys.ts): the gateway MACs,
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
  /**
   * A second process of the same service (its database role, bus identity and environment), known
   * under this label (e.g. `fund-ledger#2`) in `urls`, `pids` and `logs`.
   */
  readonly replicaLabel?: string;
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
  /** Kills one app's process (by its name or replica label), as a crash would: SIGKILL by default. */
  kill(label: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a killed app again, with the same environment and port, and waits until it is ready. */
  restart(label: string): Promise<void>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /**
   * Services not (yet) in nest-cli.json whose events a test publishes as they will (their own
   * subjects only): they get a bus identity of their own. A name nest-cli.json already has is its.
   */
  readonly producers?: readonly string[];
  /**
   * how many apps start at once (each waited for until ready); 1 by default. More than the machine's
   * cores slows every start past the bus's authentication timeout.
   */
  readonly parallel?: number;
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
  const nestCli = JSON.parse(readFileSync(path.join(repoRoot, 'nest-cli.json'), 'utf8')) as {
    projects: Record<string, { type?: string; jineng?: { bus?: unknown; nodeOptions?: string[] } }>;
  };
  const described = platformBusApps(nestCli);
  const producers: BusApp[] = (options.producers ?? [])
    .filter((name) => !described.some((app) => app.name === name))
    .map((name) => ({ name, kind: 'service', consumers: [] }));
  const bus = await TestBus.start([...described, ...producers]);
  const roles: string[] = [];
  const databaseRoles: Record<string, string> = {};
  const stop = async () => {
    for (const { child, exited } of [...children].reverse()) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    }
    await bus.dispose();
    const pool = new Pool({ connectionString: databaseUrl(), max: 1 });
    await dropRoles(pool, roles).finally(() => pool.end());
  };
  const launched = new Map<string, { env: NodeJS.ProcessEnv; child: ChildProcess; exited: Promise<void> }>();
  const launch = async (label: string, name: string, env: NodeJS.ProcessEnv): Promise<void> => {
    const child = spawn(
      process.execPath,
      [
        // the app's own Node.js options, as in its container (nest-cli.json: jineng.nodeOptions)
        ...(nestCli.projects[name]?.jineng?.nodeOptions ?? []),
        // e.g. JINENG_PLATFORM_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile each service
        ...(process.env.JINENG_PLATFORM_NODE_ARGS ?? '').split(' ').filter(Boolean),
        '-r',
        path.join(repoRoot, 'scripts', 'ts-register.cjs'),
        path.join(repoRoot, 'apps', name, 'src', 'main.ts'),
      ],
      { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = (logs[label] ??= []);
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
    children.push({ name: label, child, exited });
    launched.set(label, { env, child, exited });
    pids[label] = child.pid!;
    await waitUntilReady(label, urls[label]!, child, () => stderr, lines, readyTimeoutMs);
  };
  const starting: Promise<void>[] = [];
  try {
    for (const app of apps) {
      const label = app.replicaLabel ?? app.name;
      // a replica starts once its service has migrated its schema
      if (app.replicaLabel || starting.length % (options.parallel ?? 1) === 0) await Promise.all(starting);
      const port = await freePort();
      const service = described.find((known) => known.name === app.name)?.kind === 'service';
      const database: Record<string, string> = { DATABASE_URL: databaseUrl() };
      if (service) {
        // a replica runs as the role of the service's first process
        const role =
          (app.replicaLabel ? databaseRoles[app.name] : undefined) ??
          `t_${app.name.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
        if (!roles.includes(role)) roles.push(role);
        databaseRoles[app.name] ??= role;
        const url = new URL(databaseUrl());
        url.username = role;
        url.password = '';
        Object.assign(database, {
          DATABASE_URL: url.toString(),
          JINENG_MIGRATOR_DATABASE_URL: databaseUrl(),
        });
      }
      urls[label] = `http://127.0.0.1:${port}`;
      const started = launch(label, app.name, {
        PATH: process.env.PATH ?? '',
        ...database,
        ...bus.envOf(app.name),
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        // the gateway signs with the test key pair, the services verify with it
        ...envelopeKeyEnv(app.name),
        // the registry seals payees' accounts, the fund ledger opens them
        ...payeeSealingKeyEnv(),
        // the audit service signs its daily seals
        ...auditSealKeyEnv(),
        ...common,
        ...app.env,
      });
      starting.push(started);
      // (never left unhandled while the next ones start: awaited below)
      started.catch(() => undefined);
    }
    const failures = (await Promise.allSettled(starting)).filter((r) => r.status === 'rejected');
    if (failures.length > 0) throw (failures[0] as PromiseRejectedResult).reason;
  } catch (error) {
    await stop();
    throw error;
  }
  const kill = async (label: string, signal: NodeJS.Signals = 'SIGKILL') => {
    const running = launched.get(label);
    if (!running) throw new Error(`no app '${label}' in this platform`);
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill(signal);
    await running.exited;
  };
  const restart = async (label: string) => {
    const running = launched.get(label);
    if (!running) throw new Error(`no app '${label}' in this platform`);
    if (running.child.exitCode === null && running.child.signalCode === null)
      throw new Error(`${label} is still running`);
    const name = apps.find((app) => (app.replicaLabel ?? app.name) === label)!.name;
    await launch(label, name, running.env);
  };
  return { urls, pids, natsUrl: bus.url, bus, databaseRoles, logs, kill, restart, stop };
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
