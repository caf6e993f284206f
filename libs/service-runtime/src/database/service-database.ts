// A service's database: the migrations it declares, applied by a migration step that runs as the
// migrator, and checked at start by the runtime role, which runs no DDL (ADR 0001, decision 7).
import {
  eventStoreMigrations,
  migrate,
  parkingMigrations,
  quoteSchema,
  type Migration,
} from '@jineng/event-store';
import { messagingMigrations } from '@jineng/messaging';
import { Pool } from 'pg';
import { jobsMigrations } from '../jobs/jobs.migrations';
import { deadlineMigrations } from '../scheduling/deadline-scheduler';
import type { ServiceDatabaseConfig } from '../service-config';

/**
 * What the runtime's mechanisms keep in every service's schema, in front of the service's own tables:
 * a service declares only its own (`runService(…, { migrations })`).
 */
export const runtimeMigrations: readonly Migration[] = [
  // events, stream heads, checkpoints, the append functions
  ...eventStoreMigrations,
  // parked_events: what projections, consumers and read models gave up on, and replay requests
  ...parkingMigrations,
  // the consumers' inbox; local read models' stream versions and pending events
  ...messagingMigrations,
  // long jobs (JobTracker, GetJob) and durable deadlines (DeadlineScheduler)
  ...jobsMigrations,
  ...deadlineMigrations,
];

/** Everything a service's schema holds: the runtime's tables, then the service's own. */
export function serviceMigrations(own: readonly Migration[] = []): readonly Migration[] {
  const all = [...runtimeMigrations, ...own];
  const ids = all.map((migration) => migration.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  // `migrate` applies by id: a second migration under a taken id would never run
  if (twice) throw new TypeError(`migration id '${twice}' is used twice`);
  return all;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  /** the role granted (the user of DATABASE_URL), or none when the service runs as the migrator */
  readonly runtimeRole?: string;
}

export class DatabaseNotMigratedError extends Error {
  constructor(service: string, reason: string) {
    super(
      `the database of ${service} is not ready for it: ${reason}. Run its migration step ` +
        `(\`node dist/apps/${service}/src/main.js migrate\` with JINENG_MIGRATOR_DATABASE_URL), ` +
        'or give the service JINENG_MIGRATOR_DATABASE_URL to run it at start',
    );
    this.name = 'DatabaseNotMigratedError';
  }
}

/**
 * The migration step: as the migrator (`config.migratorDatabaseUrl`), applies the service's migrations
 * to its schema, creates its runtime role (the user of `config.databaseUrl`) when missing, sets that
 * role's password when the URL carries one, and grants it what it may do.
 */
export async function migrateServiceDatabase(
  config: ServiceDatabaseConfig,
  own: readonly Migration[] = [],
): Promise<MigrationReport> {
  if (!config.migratorDatabaseUrl)
    throw new DatabaseNotMigratedError(config.service, 'JINENG_MIGRATOR_DATABASE_URL is not set');
  const pool = new Pool({ connectionString: config.migratorDatabaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ migrator: string }>('select current_user as migrator');
    const runtime = new URL(config.databaseUrl);
    const name = decodeURIComponent(runtime.username);
    const separate = name !== '' && name !== rows[0].migrator;
    const applied = await migrate(pool, config.schema, serviceMigrations(own), {
      ...(separate
        ? {
            runtimeRole: {
              name,
              ...(runtime.password ? { password: decodeURIComponent(runtime.password) } : {}),
            },
          }
        : {}),
      ...(config.storeReaderRole ? { storeReaderRole: config.storeReaderRole } : {}),
    });
    return { applied, ...(separate ? { runtimeRole: name } : {}) };
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** At start, as the runtime role: every migration the service declares has been applied. */
export async function checkServiceDatabase(
  config: ServiceDatabaseConfig,
  own: readonly Migration[] = [],
): Promise<void> {
  const pool = new Pool({ connectionString: config.databaseUrl, max: 1 });
  try {
    let done: Set<string>;
    try {
      const { rows } = await pool.query<{ id: string }>(
        `select id from ${quoteSchema(config.schema)}.schema_migrations`,
      );
      done = new Set(rows.map((row) => row.id));
    } catch (error) {
      const code = (error as { code?: string }).code;
      // no schema or table yet, or no right to read them
      if (code === '3F000' || code === '42P01' || code === '42501')
        throw new DatabaseNotMigratedError(
          config.service,
          `schema ${config.schema}: ${(error as Error).message}`,
        );
      throw error;
    }
    const pending = serviceMigrations(own)
      .map((migration) => migration.id)
      .filter((id) => !done.has(id));
    if (pending.length > 0)
      throw new DatabaseNotMigratedError(config.service, `pending migrations ${pending.join(', ')}`);
  } finally {
    await pool.end().catch(() => undefined);
  }
}
