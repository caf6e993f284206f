import 'reflect-metadata';
import { runService } from '@jineng/service-runtime';
import { certificationMigrations } from './certification.migrations';
import { CertificationModule } from './certification.module';

void runService('certification', CertificationModule, { port: 3103, migrations: certificationMigrations });
