import 'reflect-metadata';
import { runService } from '@jineng/service-runtime';
import { registryMigrations } from './persistence/registry.migrations';
import { RegistryModule } from './registry.module';

void runService('registry', RegistryModule, { port: 3101, migrations: registryMigrations });
