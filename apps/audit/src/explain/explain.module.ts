// Questions of one claim, answered from the audit copy (ADR 0018): explain this yuan, as-of replay and
// re-computation.
import { Module } from '@nestjs/common';
import { AuditCopyReader } from '../shared/audit-copy.reader';
import { RecomputeClaimHandler } from '../recompute/recompute-claim/recompute-claim.handler';
import { RecomputeClaimNatsController } from '../recompute/recompute-claim/recompute-claim.nats.controller';
import { ReplayClaimHandler } from '../replay/replay-claim/replay-claim.handler';
import { ReplayClaimNatsController } from '../replay/replay-claim/replay-claim.nats.controller';
import { ExplainPaymentHandler } from './explain-payment/explain-payment.handler';
import { ExplainPaymentNatsController } from './explain-payment/explain-payment.nats.controller';

@Module({
  controllers: [ExplainPaymentNatsController, ReplayClaimNatsController, RecomputeClaimNatsController],
  providers: [AuditCopyReader, ExplainPaymentHandler, ReplayClaimHandler, RecomputeClaimHandler],
})
export class ExplainModule {}
