/* global fetch */
// `npm start`: the whole platform locally, in one command.
//
//   1. makes sure PostgreSQL and NATS (JetStream) are up (scripts/infra-up.mjs: reuse running ones,
//      else start them);
//   2. builds: npx tsc -p tsconfig.build.json (output in dist/) and the web console (apps/console/dist,
//      served by the gateway: JINENG_CONSOLE_DIR);
//   3. starts every project of nest-cli.json (with JINENG_DEV_AUTH=enabled unless set, or NODE_ENV=production,
//      and fresh per-service envelope keys unless JINENG_ENVELOPE_KEYS_DIR names a folder of them,
//      scripts/envelope-keys.mjs) whose "type" is "application", as
//      `node dist/<sourceRoot>/<entryFile>.js` (default dist/apps/<name>/src/main.js), with
//      DATABASE_URL and NATS_URL (and PORT, see below) in its environment; each output line is
//      prefixed with the app's name; nothing is restarted; SIGINT/SIGTERM stops all of them;
//   4. loads the demo data (scripts/demo/load.ts → demo-data.ts, the whole flow of scripts/demo/whole-flow.ts)
//      through the gateway, after every app with a port accepts connections: the services read the demo
//      clock (JINENG_TEST_CLOCK_FILE, default <tmp>/jineng-demo/clock.json, not with NODE_ENV=production),
//      which the loader moves through 2019; every step has an Idempotency-Key derived from the demo item,
//      so a second start appends nothing (JINENG_DEMO_DATA=none: no demo data);
//   5. prints the URLs: PostgreSQL, NATS, each app's, and the demo users (the console's logins).
//
// Trust boundaries (docs/adr/0001, 0002): each service ("jineng": { "bus": "service" } below) runs as
// its own database role `jineng_<name>` (DATABASE_URL), which its migration step — run at its start
// with JINENG_MIGRATOR_DATABASE_URL, the URL of infra (the local superuser) — creates and grants. NATS
// is the local server, reused as it is: unauthenticated, which the summary says (the bus has no
// identities here; deploy/ and the end-to-end tests run it with one identity per app).
//
// Convention — an app's HTTP port is declared in nest-cli.json under a "jineng" key of its project:
//
//   "projects": {
//     "gateway": {
//       "type": "application", "root": "apps/gateway", "sourceRoot": "apps/gateway/src",
//       "entryFile": "main",
//       "jineng": { "port": 3000, "bus": "gateway" }
//     }
//   }
//
// The app gets that port as PORT in its environment and is shown as http://127.0.0.1:<port>.
// Apps without a "jineng.port" are started too, only no URL is printed for them.
// The built code's `@jineng/*` imports are resolved to dist/ by scripts/infra/register-paths.cjs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { URL } from 'node:url';
import readline from 'node:readline';
import {
  GATEWAY_KEYS_FILE,
  platformServices,
  serviceKeysFileName,
  writeEnvelopeKeys,
} from './envelope-keys.mjs';
import {
  PAYEE_PRIVATE_KEY_FILE,
  PAYEE_PUBLIC_KEY_FILE,
  writePayeeSealingKeys,
} from './payee-sealing-keys.mjs';
import { nodeOptionsOf } from './deploy/platform.mjs';
import { writeDevelopmentSealKey } from './audit-seal-key.mjs';
import { ensureInfrastructure } from './infra-up.mjs';
import { InfraError, redactUrl, repoRoot, run, sleep } from './infra/util.mjs';

const log = (message) => console.log(`[start] ${message}`);
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

class StartError extends Error {}

function readApps() {
  const file = path.join(repoRoot, 'nest-cli.json');
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StartError(`Cannot read ${file}: ${error.message}`);
  }
  return Object.entries(config.projects ?? {})
    .filter(([, project]) => project?.type === 'application')
    .map(([name, project]) => {
      const sourceRoot = project.sourceRoot ?? `${project.root ?? `apps/${name}`}/src`;
      const entry = path.join(repoRoot, 'dist', sourceRoot, `${project.entryFile ?? 'main'}.js`);
      const port = project.jineng?.port;
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
        throw new StartError(
          `nest-cli.json: projects.${name}.jineng.port must be a TCP port number (got ${port})`,
        );
      }
      const service = project.jineng?.bus === 'service';
      const gateway = project.jineng?.bus === 'gateway';
      const nodeOptions = nodeOptionsOf(
        `nest-cli.json: projects.${name}.jineng`,
        project.jineng?.nodeOptions ?? [],
      );
      return {
        name,
        entry,
        port,
        service,
        gateway,
        nodeOptions,
        url: port ? `http://127.0.0.1:${port}` : null,
      };
    });
}

function portAccepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// ---- children -------------------------------------------------------------------------------

const children = new Map(); // name -> { child, exited: Promise<number> }
let stopping = false;

function pipeWithPrefix(stream, prefix, out) {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', (line) => out.write(`${prefix}${line}\n`));
}

/** The local role a service runs as: the infrastructure's URL with that user (and its password, if any). */
function runtimeRoleOf(app, databaseUrl) {
  const role = `jineng_${app.name.replace(/-/g, '_')}`;
  const url = new URL(databaseUrl);
  url.username = role;
  return { role, url: url.toString() };
}

/** The gateway gets every service's envelope key, a service its own only (ADR 0022). */
function envelopeKeyEnvOf(app, folder) {
  if (app.service)
    return { JINENG_ENVELOPE_VERIFY_KEYS_FILE: path.join(folder, serviceKeysFileName(app.name)) };
  if (app.gateway) return { JINENG_ENVELOPE_SIGNING_KEY_FILE: path.join(folder, GATEWAY_KEYS_FILE) };
  return {};
}

/** The audit service's read-only role on a service's store (ADR 0021), as deploy/ names it. */
function storeReaderOf(name, databaseUrl) {
  const role = `jineng_audit_reads_${name.replace(/-/g, '_')}`;
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = '';
  return { role, url: url.toString() };
}

function startApp(app, env, width, apps) {
  const prefix = `${app.name.padEnd(width)} | `;
  const database = app.service
    ? {
        DATABASE_URL: runtimeRoleOf(app, env.DATABASE_URL).url,
        JINENG_MIGRATOR_DATABASE_URL: env.DATABASE_URL,
        // its migration step grants the audit service's reader; the audit service reads every store with them
        JINENG_STORE_READER_ROLE: storeReaderOf(app.name, env.DATABASE_URL).role,
        ...(app.name === 'audit'
          ? {
              JINENG_AUDIT_STORES: JSON.stringify(
                Object.fromEntries(
                  apps
                    .filter((other) => other.service)
                    .map((other) => [
                      other.name,
                      {
                        databaseUrl: storeReaderOf(other.name, env.DATABASE_URL).url,
                        schema: other.name.replace(/-/g, '_'),
                      },
                    ]),
                ),
              ),
            }
          : {}),
      }
    : {};
  const child = spawn(
    process.execPath,
    [
      ...app.nodeOptions,
      '--enable-source-maps',
      '-r',
      path.join(repoRoot, 'scripts', 'infra', 'register-paths.cjs'),
      app.entry,
    ],
    {
      cwd: repoRoot,
      env: { ...env, ...database, ...(app.port ? { PORT: String(app.port) } : {}), JINENG_SERVICE: app.name },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  pipeWithPrefix(child.stdout, prefix, process.stdout);
  pipeWithPrefix(child.stderr, prefix, process.stderr);
  const exited = new Promise((resolve) => {
    child.on('error', (error) => {
      log(`${app.name}: could not start: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      const status = code ?? (signal ? `signal ${signal}` : 1);
      if (!stopping)
        log(
          `${app.name} exited (${typeof status === 'number' ? `code ${status}` : status}); not restarting it`,
        );
      resolve(typeof code === 'number' ? code : 1);
    });
  });
  children.set(app.name, { child, exited, done: false });
  exited.then(() => {
    children.get(app.name).done = true;
    onChildExit();
  });
  log(`started ${app.name} (pid ${child.pid}): node ${path.relative(repoRoot, app.entry)}`);
}

let finalExitCode = 0;
function onChildExit() {
  if (stopping) return;
  const all = [...children.values()];
  if (all.length > 0 && all.every((c) => c.done)) {
    log('all services have exited');
    process.exit(1);
  }
}

async function stopAll(code, reason) {
  if (stopping) return;
  stopping = true;
  finalExitCode = code;
  const running = [...children.entries()].filter(([, c]) => !c.done);
  if (running.length > 0) log(`${reason}: stopping ${running.map(([name]) => name).join(', ')}`);
  for (const [, { child }] of running) child.kill('SIGTERM');
  const killer = setTimeout(() => {
    for (const [name, c] of running) {
      if (!c.done) {
        log(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
        c.child.kill('SIGKILL');
      }
    }
  }, STOP_GRACE_MS);
  await Promise.all(running.map(([, c]) => c.exited));
  clearTimeout(killer);
  process.exit(finalExitCode);
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  process.on('SIGINT', () => stopAll(0, 'SIGINT'));
  process.on('SIGTERM', () => stopAll(0, 'SIGTERM'));

  const infra = await ensureInfrastructure({ log: (m) => console.log(`[infra] ${m}`) });
  const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl };
  // `npm start` is the local run: the gateway's development issuer (demo users) is on unless the
  // caller says otherwise; the gateway itself refuses it with NODE_ENV=production
  if (env.JINENG_DEV_AUTH === undefined && env.NODE_ENV !== 'production') env.JINENG_DEV_AUTH = 'enabled';
  // …and the registry's development keys (sha256 of published seeds, see apps/registry/src/config/
  // registry-keys.ts): deterministic, so data stays readable across restarts; refused in production
  if (env.NODE_ENV !== 'production') {
    for (const [name, seed] of [
      ['JINENG_REGISTRY_DATA_KEY', 'jineng development registry data key - not for production'],
      ['JINENG_REGISTRY_LOOKUP_KEY', 'jineng development registry lookup key - not for production'],
    ])
      env[name] ??= createHash('sha256').update(seed).digest('base64');
  }
  // …and fresh per-service envelope keys (the gateway MACs with each service's key, each service holds
  // its own only: ADR 0022), unless the caller gives a folder of them (scripts/envelope-keys.mjs); they
  // live as long as this run
  let envelopeKeysDir = env.JINENG_ENVELOPE_KEYS_DIR;
  if (!envelopeKeysDir) {
    envelopeKeysDir = mkdtempSync(path.join(tmpdir(), 'jineng-envelope-keys-'));
    const folder = envelopeKeysDir;
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    writeEnvelopeKeys(folder, platformServices(), (service) => `npm-start-${service}`);
    log(`envelope keys of this run (gateway: every service's, each service: its own): ${folder}`);
  }
  delete env.JINENG_ENVELOPE_KEYS_DIR;
  // …and an X25519 pair for payees' bank accounts (the registry seals, the fund ledger opens), unless
  // the caller gives key files: kept in the demo folder and reused, so that accounts sealed by an
  // earlier start (the demo data's payees) still open into a later start's payment files
  if (!env.JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE && !env.JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE) {
    const folder = path.join(tmpdir(), 'jineng-demo', 'payee-keys');
    const kept = {
      publicKeyFile: path.join(folder, PAYEE_PUBLIC_KEY_FILE),
      privateKeyFile: path.join(folder, PAYEE_PRIVATE_KEY_FILE),
    };
    const keys =
      existsSync(kept.publicKeyFile) && existsSync(kept.privateKeyFile)
        ? kept
        : writePayeeSealingKeys(folder);
    env.JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE = keys.publicKeyFile;
    env.JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE = keys.privateKeyFile;
    log(`payee sealing keys (registry seals, fund ledger opens; kept for the next start): ${folder}`);
  }
  // …and the audit service's development seal key, the same on every start (seals made by an earlier
  // run on this database still verify), unless the caller gives one
  if (!env.JINENG_AUDIT_SEAL_KEY_FILE) {
    const folder = mkdtempSync(path.join(tmpdir(), 'jineng-seal-key-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    env.JINENG_AUDIT_SEAL_KEY_FILE = writeDevelopmentSealKey(folder).keyFile;
    log('audit seals are signed with the development key (scripts/audit-seal-key.mjs makes a real one)');
  }

  // the demo clock (libs/service-runtime clock/service-clock.ts): the demo data lives in 2019, when
  // Yuncheng's seed rules were in force; the services read the clock from this file, which stays where
  // the demo left it across starts (refused by the services with NODE_ENV=production)
  if (env.NODE_ENV !== 'production' && env.JINENG_DEMO_DATA !== 'none') {
    env.JINENG_TEST_CLOCK_FILE ??= path.join(tmpdir(), 'jineng-demo', 'clock.json');
    mkdirSync(path.dirname(env.JINENG_TEST_CLOCK_FILE), { recursive: true });
    log(`demo clock: ${env.JINENG_TEST_CLOCK_FILE}`);
  }

  log('building: npx tsc -p tsconfig.build.json');
  const build = await run('npx', ['--no', '--', 'tsc', '-p', 'tsconfig.build.json'], {
    inherit: true,
    cwd: repoRoot,
  });
  if (build.code !== 0) throw new StartError(`the build failed (tsc exit ${build.code})`);
  // the web console (apps/console), which the gateway serves on its own origin
  log('building the console: npm run console:build');
  const consoleBuild = await run('npm', ['run', '--silent', 'console:build', '--', '--logLevel', 'warn'], {
    inherit: true,
    cwd: repoRoot,
  });
  if (consoleBuild.code !== 0)
    throw new StartError(`the console build failed (vite exit ${consoleBuild.code})`);
  env.JINENG_CONSOLE_DIR ??= path.join(repoRoot, 'apps', 'console', 'dist');

  const apps = readApps();
  const missing = apps.filter((app) => !existsSync(app.entry));
  if (missing.length > 0) {
    throw new StartError(
      `the build produced no entry file for: ${missing.map((a) => `${a.name} (${path.relative(repoRoot, a.entry)})`).join(', ')}`,
    );
  }

  const width = Math.max(0, ...apps.map((app) => app.name.length));
  for (const app of apps) startApp(app, { ...env, ...envelopeKeyEnvOf(app, envelopeKeysDir) }, width, apps);

  for (const app of apps.filter((a) => a.port)) {
    const entry = children.get(app.name);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await portAccepts(app.port))) {
      if (entry.done) throw new StartError(`${app.name} exited before listening on port ${app.port}`);
      if (Date.now() > deadline) {
        throw new StartError(
          `${app.name} did not listen on port ${app.port} within ${READY_TIMEOUT_MS / 1000} s`,
        );
      }
      await sleep(250);
    }
    log(`${app.name} is listening on port ${app.port}`);
  }

  // the demo data (scripts/demo/demo-data.ts), through the gateway only, on the demo clock; every step
  // has an Idempotency-Key derived from the demo item, so a second start appends nothing
  if (env.JINENG_DEMO_DATA === 'none') {
    log('JINENG_DEMO_DATA=none: no demo data');
  } else if (!env.JINENG_TEST_CLOCK_FILE) {
    log('no demo clock (NODE_ENV=production): no demo data');
  } else {
    log('loading demo data: node scripts/demo/load.ts (the demo clock moves through 2019)');
    const urls = Object.fromEntries(apps.filter((a) => a.url).map((a) => [a.name, a.url]));
    const loaded = await run(
      process.execPath,
      [
        '-r',
        path.join(repoRoot, 'scripts', 'ts-register.cjs'),
        path.join(repoRoot, 'scripts', 'demo', 'load.ts'),
      ],
      { inherit: true, cwd: repoRoot, env: { ...env, JINENG_SERVICE_URLS: JSON.stringify(urls) } },
    );
    if (loaded.code !== 0) throw new StartError(`the demo-data loader failed (exit ${loaded.code})`);
  }

  const roles = apps.filter((app) => app.service).map((app) => runtimeRoleOf(app, infra.databaseUrl).role);
  const rows = [
    [
      'PostgreSQL',
      redactUrl(infra.databaseUrl),
      `${infra.postgres}; services run as ${roles.join(', ') || 'no role yet'}, migrated by ${new URL(infra.databaseUrl).username || 'postgres'}`,
    ],
    [
      'NATS',
      infra.natsUrl,
      `${infra.nats}, JetStream, UNAUTHENTICATED: any local process can act as any app on this bus`,
    ],
    ...apps.map((app) => [app.name, app.url ?? '(no "jineng.port" in nest-cli.json)', 'service']),
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const urlWidth = Math.max(...rows.map(([, url]) => url.length));
  console.log('');
  console.log('Jineng is up:');
  for (const [name, url, note] of rows)
    console.log(`  ${name.padEnd(nameWidth)}  ${url.padEnd(urlWidth)}  (${note})`);
  if (apps.length === 0) {
    console.log('  No services are defined yet (nest-cli.json has no project with "type": "application").');
    console.log('');
    return 0;
  }
  const gateway = apps.find((app) => app.name === 'gateway' && app.url);
  if (gateway) {
    console.log('');
    // on the gateway's admin port when it has one (ADMIN_PORT; always in production, 9090 by default)
    const adminPort = env.ADMIN_PORT || (env.NODE_ENV === 'production' ? '9090' : undefined);
    const docsBase = adminPort ? `http://127.0.0.1:${adminPort}` : gateway.url;
    console.log(`  web console        ${gateway.url}/  (apps/console, served by the gateway)`);
    console.log(
      `  API documentation  ${docsBase}/api/docs${adminPort ? '  (admin port, with /metrics)' : ''}`,
    );
    if (env.JINENG_DEV_AUTH === 'enabled') {
      console.log(
        `  demo users         ${gateway.url}/api/v1/dev/users  (development issuer: JINENG_DEV_AUTH=enabled)`,
      );
      // the demo logins: the console's 登录 button leads to the development issuer's page (OIDC code +
      // PKCE, ADR 0020), which lists these users; a person clicks in as any of them
      console.log(
        `  sign-in (OIDC)     ${gateway.url}/.well-known/openid-configuration  (the console: 登录 → choose a demo user)`,
      );
      const users = await fetch(`${gateway.url}/api/v1/dev/users`)
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null);
      for (const user of users?.users ?? users?.items ?? (Array.isArray(users) ? users : []))
        console.log(`    ${String(user.user).padEnd(16)} ${user.displayName ?? ''}`);
      console.log(
        `  a token            curl -s -X POST ${gateway.url}/api/v1/dev/tokens -H 'Content-Type: application/json' -d '{"user":"county_officer"}'`,
      );
    }
  }
  console.log('');
  log('press Ctrl+C to stop all services');
  return null; // keep running until a signal arrives or every service has exited
}

try {
  const code = await main();
  if (code !== null) process.exit(code);
} catch (error) {
  const message =
    error instanceof InfraError || error instanceof StartError
      ? error.message
      : (error?.stack ?? String(error));
  console.error(`[start] FAILED: ${message}`);
  if (children.size > 0) {
    await stopAll(1, 'start-up failed');
  }
  process.exit(1);
}
