import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { natsUrl, testEnvelopeKeys } from '@jineng/testing';

// The gateway as its process starts in production: apps/gateway/src/main.ts with its configuration
// in the environment, JSON lines on stdout, stopping cleanly on SIGTERM — and refusing to start
// with a dangerous configuration. (The request handling itself is apps/gateway/src/gateway.int-spec.ts.)
const root = path.join(__dirname, '..');

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: Record<string, unknown>[];
  readonly exited: Promise<number | null>;
}

function startGateway(env: Record<string, string>): Started {
  const child = spawn(
    process.execPath,
    [
      '-r',
      path.join(root, 'scripts', 'ts-register.cjs'),
      path.join(root, 'apps', 'gateway', 'src', 'main.ts'),
    ],
    { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' },
  );
  const lines: Record<string, unknown>[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    // every line must be a JSON object: a line that is not fails the test where it is parsed
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the gateway process (main.ts)', () => {
  it('starts, serves, and stops on SIGTERM', async () => {
    const port = await freePort();
    const gateway = startGateway({
      JINENG_DEV_AUTH: 'enabled',
      PORT: String(port),
      HOST: '127.0.0.1',
      NATS_URL: natsUrl(),
      JINENG_ENVELOPE_SIGNING_KEY_FILE: testEnvelopeKeys().gatewayKeysFile,
    });
    try {
      const listening = await waitFor(
        () => gateway.lines.find((line) => String(line.message).startsWith('listening on')),
        30_000,
        'the "listening on" line',
      );
      const base = `http://127.0.0.1:${port}`;
      expect(listening.message).toContain(`${base}/api/docs`);
      expect(
        gateway.lines.some(
          (line) => line.level === 'warn' && String(line.message).includes('JINENG_DEV_AUTH=enabled'),
        ),
      ).toBe(true);

      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      expect((await fetch(`${base}/api/docs`)).status).toBe(200);
      const token = (await (
        await fetch(`${base}/api/v1/dev/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'city_approver' }),
        })
      ).json()) as { accessToken: string };
      const me = await fetch(`${base}/api/v1/me`, {
        headers: { authorization: `Bearer ${token.accessToken}` },
      });
      expect(await me.json()).toMatchObject({ roles: ['city_approver'], jurisdiction: '140800' });

      gateway.child.kill('SIGTERM');
      await expect(gateway.exited).resolves.toBe(0);
      expect(gateway.lines.map((line) => line.message)).toEqual(
        expect.arrayContaining(['SIGTERM: stopping', 'stopped']),
      );
      for (const line of gateway.lines)
        expect(line).toMatchObject({
          time: expect.any(String),
          level: expect.any(String),
          service: 'gateway',
        });
    } finally {
      gateway.child.kill('SIGKILL');
    }
  });

  /** The gateway exits 1 at start, naming the problem in its fatal log line. */
  async function expectRefusedStart(env: Record<string, string>, problem: string): Promise<void> {
    const gateway = startGateway({ PORT: String(await freePort()), ...env });
    try {
      await expect(gateway.exited).resolves.toBe(1);
      await waitFor(() => (gateway.lines.length > 0 ? true : undefined), 5000, 'the log line');
      expect(gateway.lines).toContainEqual(
        expect.objectContaining({ level: 'fatal', message: expect.stringContaining(problem) }),
      );
    } finally {
      gateway.child.kill('SIGKILL');
    }
  }

  it('refuses to start with the development issuer in production, saying so in its log', async () => {
    await expectRefusedStart(
      {
        NODE_ENV: 'production',
        JINENG_DEV_AUTH: 'enabled',
        JINENG_ENVELOPE_SIGNING_KEY_FILE: testEnvelopeKeys().gatewayKeysFile,
      },
      'JINENG_DEV_AUTH=enabled is refused when NODE_ENV=production',
    );
  });

  it('refuses to start without its envelope signing key', async () => {
    await expectRefusedStart({ JINENG_DEV_AUTH: 'enabled' }, 'JINENG_ENVELOPE_SIGNING_KEY_FILE is required');
  });
});
