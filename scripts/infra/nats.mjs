// Makes sure NATS with JetStream is reachable at NATS_URL: reuse a running server, else start
// `nats-server` from the OS packages (installing it with apt-get when root and missing).
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { URL } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { InfraError, findExecutable, isLocalHost, isRoot, repoRoot, run, waitFor } from './util.mjs';

const CONNECT_TIMEOUT_MS = 3000;
const START_TIMEOUT_MS = 30_000;
const SYSTEM_BINARY_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'];
const SYSTEM_STORE_DIR = '/var/lib/nats-server';
const SYSTEM_LOG_FILE = '/var/log/nats-server.log';

export function parseNatsUrl(natsUrl) {
  let url;
  try {
    url = new URL(natsUrl);
  } catch {
    throw new InfraError(`NATS_URL is not a valid URL: ${natsUrl}`);
  }
  return { host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(url.port || 4222) };
}

function isUnreachable(error) {
  const text = `${error?.name} ${error?.code} ${error?.message} ${error?.cause?.code}`;
  return /ConnectionError|TimeoutError|refused|timeout|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN/i.test(
    text,
  );
}

/**
 * One connection attempt. Returns 'up' (JetStream enabled) | 'down'. Throws InfraError when the
 * server answers but JetStream is off or we are refused: starting another server would not help.
 */
export async function probeNats(natsUrl) {
  let nc;
  try {
    nc = await connect({ servers: natsUrl, timeout: CONNECT_TIMEOUT_MS, reconnect: false });
  } catch (error) {
    if (isUnreachable(error)) return 'down';
    throw new InfraError(`NATS at ${natsUrl} answered but refused the connection: ${error.message}`, {
      cause: error,
    });
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: CONNECT_TIMEOUT_MS });
    await jsm.getAccountInfo();
    return 'up';
  } catch (error) {
    throw new InfraError(
      `NATS at ${natsUrl} is running but JetStream is not available (${error.message}). ` +
        'Restart that nats-server with JetStream enabled (`-js`), or point NATS_URL at one that has it.',
      { cause: error },
    );
  } finally {
    await nc.close().catch(() => undefined);
  }
}

async function findOrInstallNatsServer(log) {
  let binary = findExecutable('nats-server', SYSTEM_BINARY_DIRS);
  if (binary) return binary;
  const aptGet = findExecutable('apt-get', SYSTEM_BINARY_DIRS);
  if (!isRoot() || !aptGet) {
    throw new InfraError(
      'nats-server is not installed. Install it (e.g. `sudo apt-get install -y nats-server`) and run again.',
    );
  }
  log('NATS: nats-server is not installed; apt-get update && apt-get install -y nats-server');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'nats-server']]) {
    const result = await run(aptGet, args, { inherit: true, env });
    if (result.code !== 0) throw new InfraError(`apt-get ${args.join(' ')} failed (exit ${result.code})`);
  }
  binary = findExecutable('nats-server', SYSTEM_BINARY_DIRS);
  if (!binary) throw new InfraError('apt-get installed nats-server, but no nats-server binary was found.');
  return binary;
}

/** The address nats-server listens on: the URL's IP, or 127.0.0.1 for a host name (localhost). */
function listenAddress(host) {
  return /^[\d.]+$/.test(host) || host.includes(':') ? host : '127.0.0.1';
}

/** Start with start-stop-daemon, like the OS service. Returns false when it did not start one. */
async function startSystemNats(binary, address, port, log) {
  const ssd = findExecutable('start-stop-daemon', SYSTEM_BINARY_DIRS);
  if (!ssd || !isRoot()) return false;
  mkdirSync(SYSTEM_STORE_DIR, { recursive: true });
  const args = ['--start', '--oknodo', '--background', '--exec', binary, '--'];
  args.push('-a', address, '-p', String(port), '-js', '-sd', SYSTEM_STORE_DIR, '-l', SYSTEM_LOG_FILE);
  log(`NATS: start-stop-daemon ${args.join(' ')}`);
  const result = await run(ssd, args);
  const output = `${result.stdout}${result.stderr}`.trim();
  if (result.code !== 0) throw new InfraError(`start-stop-daemon failed (exit ${result.code}): ${output}`);
  // --oknodo: a nats-server already running (on another port) makes it do nothing.
  if (/already running/i.test(output)) {
    log(`NATS: start-stop-daemon says "${output}"; starting a separate nats-server instead`);
    return false;
  }
  return true;
}

/** Start nats-server detached, with its store and log under <repo>/.data. */
function startLocalNats(binary, address, port, log) {
  const storeDir = path.join(repoRoot, '.data', 'nats');
  const logFile = path.join(repoRoot, '.data', 'nats-server.log');
  mkdirSync(storeDir, { recursive: true });
  const args = ['-a', address, '-p', String(port), '-js', '-sd', storeDir];
  log(`NATS: starting ${binary} ${args.join(' ')} (log ${logFile})`);
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', fd, fd] });
    child.on('error', (error) => log(`NATS: could not start nats-server: ${error.message}`));
    child.unref();
  } finally {
    closeSync(fd);
  }
  return logFile;
}

/** @returns {Promise<'running' | 'started'>} */
export async function ensureNats({ natsUrl, log }) {
  const { host, port } = parseNatsUrl(natsUrl);
  if ((await probeNats(natsUrl)) === 'up') {
    log(`NATS: reusing the server already running at ${host}:${port} (JetStream enabled)`);
    return 'running';
  }
  if (!isLocalHost(host)) {
    throw new InfraError(
      `NATS at ${natsUrl} is unreachable, and it is not on this machine, so it cannot be started here.`,
    );
  }
  const binary = await findOrInstallNatsServer(log);
  const address = listenAddress(host);
  const isDefault = port === 4222 && address === '127.0.0.1';
  let logFile = SYSTEM_LOG_FILE;
  if (!isDefault || !(await startSystemNats(binary, address, port, log))) {
    logFile = startLocalNats(binary, address, port, log);
  }
  await waitFor(async () => (await probeNats(natsUrl)) === 'up', {
    timeoutMs: START_TIMEOUT_MS,
    intervalMs: 300,
    what: `nats-server with JetStream at ${host}:${port} (see ${logFile})`,
  });
  return 'started';
}
