// The TypeORM DataSource of the policy read model, on the service's schema (the table is made by
// subsidyMigrations, never by TypeORM's synchronize).
import type { ServiceConfig } from '@jineng/service-runtime';
import { DataSource } from 'typeorm';
import { PolicyVersionRow } from './policy-version.entity';

export async function createPolicyDataSource(config: ServiceConfig): Promise<DataSource> {
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
