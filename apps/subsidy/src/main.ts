import { runService } from '@jineng/service-runtime';
import { subsidyMigrations } from './subsidy.migrations';
import { SubsidyModule } from './subsidy.module';

void runService('subsidy', SubsidyModule, { port: 3104, migrations: subsidyMigrations });
