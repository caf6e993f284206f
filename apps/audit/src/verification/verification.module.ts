// Verification of the audit copy (its hash chains against the sources' own hashes) and of the services'
// own stores, read through their read-only roles and compared with the copy (ADR 0021).
import { Module } from '@nestjs/common';
import { VerifyAuditCopyHandler } from './verify-audit-copy/verify-audit-copy.handler';
import { VerifyAuditCopyNatsController } from './verify-audit-copy/verify-audit-copy.nats.controller';
import { STORE_SOURCES, storeSourcesFromEnv } from './verify-stores/store-sources.config';
import { VerifyServiceStoresHandler } from './verify-stores/verify-service-stores.handler';
import { VerifyServiceStoresNatsController } from './verify-stores/verify-service-stores.nats.controller';

@Module({
  controllers: [VerifyAuditCopyNatsController, VerifyServiceStoresNatsController],
  providers: [
    VerifyAuditCopyHandler,
    VerifyServiceStoresHandler,
    { provide: STORE_SOURCES, useFactory: () => storeSourcesFromEnv() },
  ],
})
export class VerificationModule {}
