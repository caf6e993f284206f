// ApproveClaim: after the notice period with no unresolved objection, an officer approves: ClaimApproved
// is the payment request the fund ledger commits (amount, fund source, the claimant as payee). A final
// claim that settled a prepayment for less than was prepaid asks the difference back on the prepayment
// claim (RequestRecovery, caused by this approval: approving again records nothing new).
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { CLAIMS_ACTOR } from '../claims-actor';
import { assertOfficerFor, ClaimsContext } from '../claims-context';
import { recoveryIdFor } from '../clawback/on-certificate-revoked';
import { claimDecider, claimStreamId } from '../domain/claim';
import { projectClaimEvents } from '../read-model/claims.projection';

@Injectable()
export class ApproveClaimHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(request: RpcRequest<subsidyV1.ClaimAction>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    assertOfficerFor(envelope.principal, claim.submitted.jurisdictionCode);
    const accepted = await this.context.run(request, payload.claimId, claim.submitted.jurisdictionCode, {
      type: 'ApproveClaim',
      data: { claimId: payload.claimId },
    });
    const settlement = claim.submitted.computation.settlement;
    if (settlement && settlement.toRecoverFen > 0) {
      const prepaymentClaimId = settlement.prepaymentClaimId;
      const causeId = recoveryIdFor(`prepayment-settlement:${payload.claimId}`, prepaymentClaimId);
      await this.context.commands.runCaused(
        { id: causeId, correlationId: envelope.correlationId },
        { actor: CLAIMS_ACTOR, jurisdiction: claim.submitted.jurisdictionCode },
        {
          decider: claimDecider,
          streamId: claimStreamId(prepaymentClaimId),
          command: {
            type: 'RequestRecovery',
            data: {
              claimId: prepaymentClaimId,
              recoveryId: causeId,
              amountFen: settlement.toRecoverFen,
              reason: `预拨 ${settlement.prepaidFen} 分超出结算金额 ${settlement.grossFen} 分（申领 ${payload.claimId}），追回差额`,
            },
          },
          withEvents: (tx, r) =>
            projectClaimEvents(tx, this.context.config.schema, prepaymentClaimId, r.events),
        },
      );
    }
    return accepted;
  }
}
