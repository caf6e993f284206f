// ResolveObjection: an officer records the finding; upheld, the claim is rejected with it.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { assertOfficerFor, ClaimsContext } from '../claims-context';

@Injectable()
export class ResolveObjectionHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(request: RpcRequest<subsidyV1.ResolveObjection>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    assertOfficerFor(envelope.principal, claim.submitted.jurisdictionCode);
    return this.context.run(request, payload.claimId, claim.submitted.jurisdictionCode, {
      type: 'ResolveObjection',
      data: {
        claimId: payload.claimId,
        objectionId: payload.objectionId,
        finding: payload.finding as 'dismissed' | 'upheld',
        note: payload.note,
      },
    });
  }
}
