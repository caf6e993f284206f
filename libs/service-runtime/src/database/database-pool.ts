// Every connection a service opens — its pg Pool and the TypeORM DataSources of its read models —
// has the same guards: a statement that runs too long is cancelled, a transaction left idle is ended
// with its session, and pg_stat_activity names the service (application_name). One open transaction
// anywhere on the server holds back every relay and projection (ADR 0001): these bound how long.
import { Pool, type PoolConfig } from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { ServiceConfig } from '../service-config';

/** The pg settings of every connection of the service (also TypeORM's `extra`, which goes to pg). */
export function connectionSettings(config: ServiceConfig, max: number): PoolConfig {
  return {
    connectionString: config.databaseUrl,
    max,
    application_name: `jineng-${config.service}`,
    ...(config.statementTimeoutMs > 0 ? { statement_timeout: config.statementTimeoutMs } : {}),
    ...(config.idleInTransactionTimeoutMs > 0
      ? { idle_in_transaction_session_timeout: config.idleInTransactionTimeoutMs }
      : {}),
  };
}

export function createServicePool(config: ServiceConfig): Pool {
  const pool = new Pool(connectionSettings(config, config.poolSize));
  // A connection the server ends (a failover, pg_terminate_backend) is an 'error' event; unhandled,
  // it ended the whole process. An idle one is the pool's, which pg has already dropped it from: the
  // next query opens a new connection.
  const closed = (error: Error) =>
    process.stdout.write(
      `${JSON.stringify({
        time: new Date().toISOString(),
        level: 'warn',
        service: config.service,
        context: 'DatabasePool',
        message: `a database connection was closed: ${error.message}`,
      })}\n`,
    );
  pool.on('error', closed);
  // …and so is one checked out and between two queries (a transaction waiting on the bus): its own
  // 'error' event; its next query fails, and the command or consumer that holds it retries
  pool.on('connect', (client) => client.on('error', closed));
  return pool;
}

export interface ReadModelDataSourceOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  /** connections of its own (default half the service pool, at least 2) */
  readonly poolSize?: number;
}

/**
 * The one way a service makes the TypeORM DataSource of its read models: on its schema, tables made by
 * migrations (never `synchronize`), and the same connection guards as the service pool. Initialized.
 */
export async function createReadModelDataSource(
  config: ServiceConfig,
  options: ReadModelDataSourceOptions,
): Promise<DataSource> {
  const { connectionString, ...extra } = connectionSettings(
    config,
    options.poolSize ?? Math.max(2, Math.floor(config.poolSize / 2)),
  );
  const dataSource = new DataSource({
    type: 'postgres',
    url: connectionString,
    schema: config.schema,
    entities: options.entities,
    synchronize: false,
    extra,
  });
  return dataSource.initialize();
}
