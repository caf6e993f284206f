// A TypeORM DataSource for one of the service's read models, on the service's schema; its tables are
// created idempotently first, under an advisory lock (replicas may start together).
import type { ServiceConfig } from '@jineng/service-runtime';
import type { Pool } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

export interface ReadModelTables {
  /** names the advisory lock: one per read model */
  readonly name: string;
  readonly ddl: (schema: string) => string;
  readonly entities: NonNullable<DataSourceOptions['entities']>;
}

export async function createReadModelDataSource(
  config: ServiceConfig,
  pool: Pool,
  tables: ReadModelTables,
): Promise<DataSource> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`${config.schema}.${tables.name}`]);
    await client.query(tables.ddl(config.schema));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: tables.entities,
    synchronize: false,
    extra: { max: 4 },
  });
  return dataSource.initialize();
}
