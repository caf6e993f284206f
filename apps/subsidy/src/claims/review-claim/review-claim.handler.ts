// FirstReview / SecondReview: an officer of the claim's jurisdiction approves, returns or rejects with
// a reason; the second is by another officer. The next review is due in the policy's working days.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { assertOfficerFor, ClaimsContext } from '../claims-context';
import type { ReviewDecision } from '../domain/claim';

@Injectable()
export class ReviewClaimHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(
    stage: 'FirstReview' | 'SecondReview',
    request: RpcRequest<subsidyV1.ReviewClaim>,
  ): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    const jurisdiction = claim.submitted.jurisdictionCode;
    assertOfficerFor(envelope.principal, jurisdiction);
    const days = claim.submitted.reviewWorkingDays;
    const nextDueOn =
      stage === 'FirstReview' && payload.decision === 'approve' && days !== undefined
        ? (await this.context.calendarFor(jurisdiction)).addWorkingDays(this.context.today(), days)
        : undefined;
    return this.context.run(request, payload.claimId, jurisdiction, {
      type: stage,
      data: {
        claimId: payload.claimId,
        decision: payload.decision as ReviewDecision,
        reason: payload.reason,
        ...(nextDueOn ? { nextDueOn } : {}),
      },
    });
  }
}
