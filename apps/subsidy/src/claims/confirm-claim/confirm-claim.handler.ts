// ConfirmClaim: a trainee named in the claim (worker role, their own record) confirms it. Confirmation
// is never required for payment.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { ClaimsContext, workerOf } from '../claims-context';
import { ClaimForbidden } from '@jineng/subsidy-computation';

@Injectable()
export class ConfirmClaimHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(request: RpcRequest<subsidyV1.ClaimAction>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const workerId = workerOf(envelope.principal);
    if (!workerId)
      throw new ClaimForbidden({
        reason: '只有申领涉及的学员本人可以确认',
        reasonEn: 'only a trainee named in the claim confirms it',
      });
    const claim = await this.context.loadClaim(payload.claimId);
    return this.context.run(request, payload.claimId, claim.submitted.jurisdictionCode, {
      type: 'ConfirmClaim',
      data: { claimId: payload.claimId, workerId },
    });
  }
}
