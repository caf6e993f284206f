// The TypeORM DataSource of the policy read model, on the service's schema; its table is created
// idempotently first (under an advisory lock, as replicas may start together).
import type { ServiceConfig } from '@jineng/service-runtime';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PolicyVersionRow, policyVersionsDdl } from './policy-version.entity';

export async function createPolicyDataSource(config: ServiceConfig, pool: Pool): Promise<DataSource> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`${config.schema}.policy_versions`]);
    await client.query(policyVersionsDdl(config.schema));
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
    entities: [PolicyVersionRow],
    synchronize: false,
    extra: { max: 4 },
  });
  return dataSource.initialize();
}
