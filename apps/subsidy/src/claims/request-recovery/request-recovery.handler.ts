// RequestRecovery: an officer's confirmed fraud finding after payment asks back what was paid and not
// yet recovered (RecoveryRequested → the fund ledger's reversal).
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { assertOfficerFor, ClaimsContext } from '../claims-context';
import { recoveryIdFor } from '../clawback/on-certificate-revoked';

@Injectable()
export class RequestRecoveryHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(request: RpcRequest<subsidyV1.RequestRecovery>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    assertOfficerFor(envelope.principal, claim.submitted.jurisdictionCode);
    return this.context.run(request, payload.claimId, claim.submitted.jurisdictionCode, {
      type: 'RequestRecovery',
      data: {
        claimId: payload.claimId,
        recoveryId: recoveryIdFor(envelope.commandId ?? envelope.correlationId, payload.claimId),
        reason: payload.reason,
      },
    });
  }
}
