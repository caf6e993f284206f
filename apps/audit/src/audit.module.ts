// The audit service (ARCHITECTURE §1, DOMAIN §9): every event of every service, kept append-only and
// indexed by the ids it names, for auditors' timelines; its hash chains verified against the sources'.
import { Module } from '@nestjs/common';
import { ExplainModule } from './explain/explain.module';
import { FraudModule } from './fraud/fraud.module';
import { SealsModule } from './seals/seals.module';
import { AuditTrailModule } from './trail/audit-trail.module';
import { VerificationModule } from './verification/verification.module';

@Module({ imports: [AuditTrailModule, VerificationModule, ExplainModule, SealsModule, FraudModule] })
export class AuditModule {}
