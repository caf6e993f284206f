import { runService } from '@jineng/service-runtime';
import { auditMigrations } from './audit.migrations';
import { AuditModule } from './audit.module';

void runService('audit', AuditModule, { port: 3106, migrations: auditMigrations });
