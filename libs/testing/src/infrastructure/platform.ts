// The platform as production runs it, for cross-service end-to-end tests (test/*.e2e-spec.ts):
// each app is its own process (`apps/<name>/src/main.ts` through scripts/ts-register.cjs), on a free
// port, with the test's database schema, and the test waits until each is ready. The apps get a
// nats-server of their own: services answer their subjects in a queue group, so two test files
// running services on one server would answer each other's requests from the wrong schema.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { databaseUrl } from './endpoints';
import { DedicatedNatsServer } from './nats';

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
  /** the platform's own nats-server */
  readonly natsUrl: string;
  /** every JSON log line each app wrote, for assertions on logs */
  readonly logs: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  stop(): Promise<void>;
}

export async function startPlatform(
  apps: readonly PlatformApp[],
  common: Record<string, string> = {},
  readyTimeoutMs = 60_000,
): Promise<RunningPlatform> {
  const urls: Record<string, string> = {};
  const logs: Record<string, Record<string, unknown>[]> = {};
  const children: { name: string; child: ChildProcess; exited: Promise<void> }[] = [];
  const nats = await DedicatedNatsServer.start();
  const stop = async () => {
    for (const { child, exited } of children.reverse()) {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
    await nats.dispose();
  };
  try {
    for (const app of apps) {
      const port = await freePort();
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
            DATABASE_URL: databaseUrl(),
            NATS_URL: nats.url,
            HOST: '127.0.0.1',
            PORT: String(port),
            LOG_LEVEL: 'warn',
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
      await waitUntilReady(app.name, urls[app.name], child, () => stderr, lines, readyTimeoutMs);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, natsUrl: nats.url, logs, stop };
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
