import 'reflect-metadata';
import { runService } from '@jineng/service-runtime';
import { ClassOpsModule } from './class-ops.module';
import { classOpsMigrations } from './persistence/class-ops.migrations';

void runService('class-ops', ClassOpsModule, { port: 3102, migrations: classOpsMigrations });
