// The audit service (ARCHITECTURE §1, DOMAIN §9): every event of every service, kept append-only and
// indexed by the ids it names, for auditors' timelines.
import { Module } from '@nestjs/common';
import { AuditTrailModule } from './trail/audit-trail.module';

@Module({ imports: [AuditTrailModule] })
export class AuditModule {}
