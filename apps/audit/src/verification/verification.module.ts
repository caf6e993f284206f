// Verification of the audit copy: its hash chains against the sources' own hashes.
import { Module } from '@nestjs/common';
import { VerifyAuditCopyHandler } from './verify-audit-copy/verify-audit-copy.handler';
import { VerifyAuditCopyNatsController } from './verify-audit-copy/verify-audit-copy.nats.controller';

@Module({
  controllers: [VerifyAuditCopyNatsController],
  providers: [VerifyAuditCopyHandler],
})
export class VerificationModule {}
