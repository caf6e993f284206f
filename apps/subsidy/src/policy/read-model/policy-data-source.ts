// The TypeORM DataSource of the policy read model, on the service's schema; its table is created
// idempotently first (under an advisory lock, as replicas may start together).
import { createReadModelDataSource, type ServiceConfig } from '@jineng/service-runtime';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
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
  return createReadModelDataSource(config, { entities: [PolicyVersionRow], poolSize: 4 });
}
