// The platform from its images (ADR 0005): `npm run images` builds every app of nest-cli.json on the
// cached Debian base, then the gateway and every service run as podman containers — user 65534, read-only
// root filesystem, no capabilities, secrets as mounted files, host network — against this machine's
// PostgreSQL and a nats-server with the generated accounts. One registration and one query go through
// the containerised gateway; SIGTERM under load stops the registry cleanly (exit 0) and every
// registration it accepted is in its event store; then every container stops cleanly on SIGTERM.
// Where podman is missing the test fails and says so: it is never skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { platformBusApps } from '@jineng/messaging';
import {
  connectTestDatabase,
  databaseUrl,
  devToken,
  dropRoles,
  eventually,
  freePort,
  payeeSealingKeyEnv,
  auditSealKeyEnv,
  TestBus,
  testEnvelopeKeys,
  type TestDatabase,
} from '@jineng/testing';
import { residentIdCheckCharacter, shanghaiDate } from '@jineng/kernel';

const repoRoot = path.resolve(__dirname, '..');
const env = { ...process.env, CONTAINERS_CONF: path.join(repoRoot, 'scripts', 'images', 'containers.conf') };
const NOBODY = 65534;

interface App {
  name: string;
  kind: 'gateway' | 'service';
  port: number;
  image: string;
  container: string;
  url: string;
  schema?: string;
  role?: string;
}

const podman = (...args: string[]) =>
  execFileSync('podman', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

let apps: App[] = [];
let bus: TestBus;
let db: TestDatabase;
let secrets: string;
const roles: string[] = [];
const figures: Record<string, unknown> = {};
const suffix = randomBytes(3).toString('hex');

/** A directory readable only by the containers' user, like a secret mounted with fsGroup. */
function secretDir(name: string, files: Record<string, string>): string {
  const dir = path.join(secrets, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, file), content, { mode: 0o400 });
    chownSync(path.join(dir, file), NOBODY, NOBODY);
  }
  chmodSync(dir, 0o755);
  return dir;
}

function runArgs(app: App, extra: Record<string, string>, mounts: Record<string, string>): string[] {
  const args = [
    '--network',
    'host',
    '--read-only',
    '--tmpfs',
    '/tmp:rw,size=64m',
    '--user',
    `${NOBODY}:${NOBODY}`,
  ];
  args.push('--cap-drop', 'ALL', '--security-opt', 'no-new-privileges');
  for (const [name, value] of Object.entries(extra)) args.push('-e', `${name}=${value}`);
  for (const [from, to] of Object.entries(mounts)) args.push('-v', `${from}:${to}:ro`);
  return args;
}

const exitOf = (container: string) => Number(podman('inspect', '--format', '{{.State.ExitCode}}', container));

async function waitReady(app: App, started: number, timeoutMs = 90_000): Promise<number> {
  for (;;) {
    const state = podman('inspect', '--format', '{{.State.Status}}', app.container);
    if (state === 'exited')
      throw new Error(`${app.name} exited before it was ready:\n${podman('logs', app.container)}`);
    try {
      if ((await fetch(`${app.url}/health/ready`)).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${app.name} not ready in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGTERM through podman (tini forwards it to node); answers the time to exit and the exit code. */
function stopWithSigterm(app: App): { ms: number; exitCode: number } {
  const started = Date.now();
  podman('kill', '--signal', 'TERM', app.container);
  podman('wait', app.container);
  return { ms: Date.now() - started, exitCode: exitOf(app.container) };
}

beforeAll(async () => {
  const found = spawnSync('podman', ['--version'], { env });
  if (found.status !== 0)
    throw new Error(
      'podman is missing: the container test cannot run (.ci/run installs podman, buildah, runc)',
    );

  // the images, as an operator builds them (base cached under ~/.cache/jineng)
  const built = spawnSync(
    'node',
    [path.join(repoRoot, 'scripts', 'images', 'build.mjs'), '--tag', `test-${suffix}`],
    {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  if (built.status !== 0) throw new Error(`npm run images failed:\n${built.stderr}`);
  const result = JSON.parse(built.stdout.trim().split('\n').pop()!) as {
    images: { app: string; image: string; sizeBytes: number; buildMs: number }[];
    totalMs: number;
  };
  figures.build = result;

  const nestCli = JSON.parse(readFileSync(path.join(repoRoot, 'nest-cli.json'), 'utf8'));
  const described = platformBusApps(nestCli);
  bus = await TestBus.start(described);
  db = await connectTestDatabase('containers');
  secrets = mkdtempSync(path.join(os.tmpdir(), 'jineng-container-secrets-'));
  chmodSync(secrets, 0o755);
  const keys = testEnvelopeKeys();
  // envelope keys as deploy/ mounts them (ADR 0022): the gateway's Secret holds every service's key,
  // each service's Secret its own only
  const signing = secretDir('envelope-keys-gateway', {
    'gateway.keys.json': readFileSync(keys.gatewayKeysFile, 'utf8'),
  });
  const envelopeKeysOf = (service: string) =>
    secretDir(`envelope-keys-${service}`, {
      [`${service}.keys.json`]: readFileSync(keys.serviceKeysFile(service), 'utf8'),
    });
  // payees' bank accounts (ADR 0012): the registry seals with the public key, the fund ledger opens
  // with the private one — both required with NODE_ENV=production, as the images run
  const payeeKeys = payeeSealingKeyEnv();
  const keyDirs: Record<string, { dir: string; mount: string; variable: string; file: string }> = {
    registry: {
      dir: secretDir('payee-public', {
        'key.pem': readFileSync(payeeKeys.JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE, 'utf8'),
      }),
      mount: '/run/jineng/payee',
      variable: 'JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE',
      file: '/run/jineng/payee/key.pem',
    },
    'fund-ledger': {
      dir: secretDir('payee-private', {
        'key.pem': readFileSync(payeeKeys.JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE, 'utf8'),
      }),
      mount: '/run/jineng/payee',
      variable: 'JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE',
      file: '/run/jineng/payee/key.pem',
    },
    // the audit service signs its daily seals (ADR 0017): required with NODE_ENV=production too
    audit: {
      dir: secretDir('audit-seal-key', {
        'audit-seal-key.jwk.json': readFileSync(auditSealKeyEnv().JINENG_AUDIT_SEAL_KEY_FILE, 'utf8'),
      }),
      mount: '/run/jineng/audit-seal-key',
      variable: 'JINENG_AUDIT_SEAL_KEY_FILE',
      file: '/run/jineng/audit-seal-key/audit-seal-key.jwk.json',
    },
  };

  for (const image of result.images) {
    const kind = described.find((app) => app.name === image.app)!.kind as 'gateway' | 'service';
    const port = await freePort();
    apps.push({
      name: image.app,
      kind,
      port,
      image: image.image,
      container: `jineng-test-${image.app}-${suffix}`,
      url: `http://127.0.0.1:${port}`,
    });
  }
  // services first (the gateway is ready only when it reaches the bus; they do not need it)
  apps = [...apps.filter((a) => a.kind === 'service'), ...apps.filter((a) => a.kind === 'gateway')];
  const readyMs: Record<string, number> = {};
  for (const app of apps) {
    const seedDir = path.join(secrets, `nats-${app.name}`);
    mkdirSync(seedDir);
    copyFileSync(bus.envOf(app.name).JINENG_NATS_NKEY_SEED_FILE, path.join(seedDir, 'seed'));
    chownSync(path.join(seedDir, 'seed'), NOBODY, NOBODY);
    chmodSync(seedDir, 0o755);
    const common = {
      NATS_URL: bus.url,
      JINENG_NATS_NKEY_SEED_FILE: '/run/jineng/nats/seed',
      HOST: '127.0.0.1',
      PORT: String(app.port),
      LOG_LEVEL: 'info',
    };
    const mounts: Record<string, string> = { [seedDir]: '/run/jineng/nats' };
    let extra: Record<string, string>;
    if (app.kind === 'service') {
      app.schema = await db.freshSchema();
      app.role = `t_${app.name.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
      roles.push(app.role);
      const url = new URL(databaseUrl());
      url.username = app.role;
      url.password = '';
      // the registry's data keys as files (JINENG_ENV_DIR), like secret jineng-env-<app>
      mounts[
        secretDir(`env-${app.name}`, {
          JINENG_REGISTRY_DATA_KEY: randomBytes(32).toString('base64'),
          JINENG_REGISTRY_LOOKUP_KEY: randomBytes(32).toString('base64'),
        })
      ] = '/var/run/secrets/jineng/env';
      mounts[envelopeKeysOf(app.name)] = '/run/jineng/envelope-keys';
      extra = {
        ...common,
        DATABASE_URL: url.toString(),
        JINENG_SCHEMA: app.schema,
        JINENG_ENVELOPE_VERIFY_KEYS_FILE: `/run/jineng/envelope-keys/${app.name}.keys.json`,
      };
      const key = keyDirs[app.name];
      if (key) {
        mounts[key.dir] = key.mount;
        extra[key.variable] = key.file;
      }
      // the migration step first, as the Deployment's init container does
      const migrate = spawnSync(
        'podman',
        [
          'run',
          '--rm',
          ...runArgs(app, { ...extra, JINENG_MIGRATOR_DATABASE_URL: databaseUrl() }, mounts),
          app.image,
          'migrate',
        ],
        { env, encoding: 'utf8' },
      );
      if (migrate.status !== 0)
        throw new Error(`${app.name} migrate failed:\n${migrate.stdout}${migrate.stderr}`);
    } else {
      mounts[signing] = '/run/jineng/envelope-keys';
      extra = {
        ...common,
        // the development issuer signs the test's tokens (refused with NODE_ENV=production)
        NODE_ENV: 'development',
        JINENG_DEV_AUTH: 'enabled',
        JINENG_ENVELOPE_SIGNING_KEY_FILE: '/run/jineng/envelope-keys/gateway.keys.json',
      };
    }
    const started = Date.now();
    podman('run', '-d', '--name', app.container, ...runArgs(app, extra, mounts), app.image);
    readyMs[app.name] = await waitReady(app, started);
  }
  figures.startToReadyMs = readyMs;
}, 900_000);

afterAll(async () => {
  for (const app of apps) spawnSync('podman', ['rm', '-f', app.container], { env });
  // the images of this run (tagged test-<suffix>); the base and the layers stay cached
  for (const app of apps) spawnSync('podman', ['rmi', app.image], { env });
  await bus?.dispose();
  if (db) await dropRoles(db.pool, roles).catch(() => undefined);
  await db?.dispose();
  if (secrets) rmSync(secrets, { recursive: true, force: true });
  process.stdout.write(`container figures: ${JSON.stringify(figures)}\n`);
});

const gateway = () => apps.find((app) => app.kind === 'gateway')!;
let sequence = 0;
function worker() {
  const [y, m, d] = shanghaiDate(new Date()).split('-').map(Number);
  const birthDate = new Date(Date.UTC(y - 30, m - 1, d - 10)).toISOString().slice(0, 10);
  sequence = (sequence + 1) % 450;
  const first17 = `140802${birthDate.replace(/-/g, '')}${String(sequence * 2).padStart(3, '0')}`;
  return {
    idNumber: `${first17}${residentIdCheckCharacter(first17)}`,
    name: '王小红',
    gender: 'female',
    birthDate,
    jurisdiction: '140802',
    hukouJurisdiction: '140821',
    residenceJurisdiction: '140802',
    phone: '13912345678',
    education: 'junior_secondary',
    category: 'rural_labour',
    keyGroups: ['migrant_worker'],
    ableToWork: true,
    willingToWork: true,
  };
}

async function register(token: string, body: Record<string, unknown>) {
  const response = await fetch(`${gateway().url}/api/v1/workers`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

it('runs every app of nest-cli.json from its image as a non-root container', () => {
  const names = Object.entries(
    JSON.parse(readFileSync(path.join(repoRoot, 'nest-cli.json'), 'utf8')).projects as Record<
      string,
      { type: string }
    >,
  )
    .filter(([, project]) => project.type === 'application')
    .map(([name]) => name)
    .sort();
  expect(apps.map((app) => app.name).sort()).toEqual(names);
  for (const app of apps) {
    expect(podman('inspect', '--format', '{{.State.Status}}', app.container)).toBe('running');
    expect(podman('exec', app.container, 'id', '-u')).toBe(String(NOBODY));
    // the root filesystem is read-only
    expect(spawnSync('podman', ['exec', app.container, 'touch', '/app/x'], { env }).status).not.toBe(0);
    expect(app.image).toMatch(/\/jineng\/[a-z-]+:test-[0-9a-f]{6}$/);
  }
});

it('registers a worker and answers a query through the containerised gateway', async () => {
  const token = await devToken(gateway().url, 'county_officer');
  const registered = await register(token, worker());
  expect(registered.status).toBe(201);
  const workerId = registered.body.id as string;
  const shown = await eventually(async () => {
    const response = await fetch(`${gateway().url}/api/v1/workers/${workerId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  });
  expect(shown).toMatchObject({ workerId, nameMasked: '王**' });
});

it('stops the registry on SIGTERM under load with exit 0, losing no accepted registration', async () => {
  const registry = apps.find((app) => app.name === 'registry')!;
  const token = await devToken(gateway().url, 'county_officer');
  const accepted: string[] = [];
  const answers: Record<string, number> = {};
  let loading = true;
  const loaders = Array.from({ length: 8 }, async () => {
    while (loading) {
      const answer = await register(token, worker()).catch(() => ({
        status: 0,
        body: {} as Record<string, unknown>,
      }));
      answers[answer.status] = (answers[answer.status] ?? 0) + 1;
      if (answer.status === 201) accepted.push(answer.body.id as string);
    }
  });
  await eventually(() => expect(accepted.length).toBeGreaterThanOrEqual(20), { timeoutMs: 60_000 });
  const stopped = stopWithSigterm(registry);
  loading = false;
  await Promise.all(loaders);
  figures.sigtermUnderLoad = { app: 'registry', ...stopped, accepted: accepted.length, answers };
  expect(stopped.exitCode).toBe(0);
  expect(podman('logs', registry.container)).toContain('SIGTERM: stopping');

  // every registration the gateway answered 201 for is an event in the registry's store ...
  const stored = await db.pool.query<{ event_id: string; stream_id: string }>(
    `select event_id, stream_id from "${registry.schema}".events where type = 'WorkerRegistered.v1'`,
  );
  const streams = stored.rows.map((row) => row.stream_id).join('\n');
  for (const id of accepted) expect(streams).toContain(id);
  // ... and, once the registry runs again, on the bus: its relay publishes what it had not yet
  const restarted = Date.now();
  podman('start', registry.container);
  await waitReady(registry, restarted);
  const nc = await bus.connect('provisioner');
  try {
    const jsm = await jetstreamManager(nc);
    await eventually(
      async () => {
        const { state } = await jsm.streams.info('JINENG_EVENTS');
        const published = new Set<string>();
        for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
          const message = await jsm.streams.getMessage('JINENG_EVENTS', { seq }).catch(() => null);
          const id = message?.header?.get('Nats-Msg-Id');
          if (id) published.add(id);
        }
        expect(stored.rows.filter((row) => !published.has(row.event_id))).toEqual([]);
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  } finally {
    await nc.close();
  }
}, 180_000);

it('stops every container cleanly on SIGTERM', () => {
  const stops: Record<string, { ms: number; exitCode: number }> = {};
  for (const app of apps) stops[app.name] = stopWithSigterm(app);
  figures.sigtermIdle = stops;
  for (const stop of Object.values(stops)) expect(stop.exitCode).toBe(0);
}, 120_000);
