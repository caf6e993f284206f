// The TypeORM DataSource of the policy read model, on the service's schema (the table is made by
// subsidyMigrations, never by TypeORM's synchronize), with the connection guards of every service
// connection.
import { createReadModelDataSource, type ServiceConfig } from '@jineng/service-runtime';
import type { DataSource } from 'typeorm';
import { PolicyVersionRow } from './policy-version.entity';

export function createPolicyDataSource(config: ServiceConfig): Promise<DataSource> {
  return createReadModelDataSource(config, { entities: [PolicyVersionRow], poolSize: 4 });
}
