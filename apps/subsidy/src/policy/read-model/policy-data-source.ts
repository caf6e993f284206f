// The TypeORM DataSource of the policy read model, on the service's schema.
import type { ServiceConfig } from '@jineng/service-runtime';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createReadModelDataSource } from '../../read-model-data-source';
import { PolicyVersionRow, policyVersionsDdl } from './policy-version.entity';

export const createPolicyDataSource = (config: ServiceConfig, pool: Pool): Promise<DataSource> =>
  createReadModelDataSource(config, pool, {
    name: 'policy_versions',
    ddl: policyVersionsDdl,
    entities: [PolicyVersionRow],
  });
