// ApproveClaim: after the notice period with no unresolved objection, an officer approves: ClaimApproved
// is the payment request the fund ledger commits (amount, fund source, the claimant as payee).
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { assertOfficerFor, ClaimsContext } from '../claims-context';

@Injectable()
export class ApproveClaimHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(request: RpcRequest<subsidyV1.ClaimAction>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    assertOfficerFor(envelope.principal, claim.submitted.jurisdictionCode);
    return this.context.run(request, payload.claimId, claim.submitted.jurisdictionCode, {
      type: 'ApproveClaim',
      data: { claimId: payload.claimId },
    });
  }
}
