// RecomputeClaim: the claim (within the auditor's jurisdiction) and the events its inputs come from —
// its class and trainees, wherever those were recorded (a trainee may be registered in another county),
// and the policy versions of its jurisdiction's chain — re-run by `recomputeClaim`. The reply names ids
// and amounts only.
import type { auditV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { chainOf } from '@jineng/subsidy-computation';
import { Injectable } from '@nestjs/common';
import { auditScope } from '../../access/access-control';
import { NotInAuditCopy } from '../../explain/domain/explain.errors';
import { AuditCopyReader, EVERYWHERE } from '../../shared/audit-copy.reader';
import { inputIdsOf, recomputeClaim } from '../domain/recompute-claim';

@Injectable()
export class RecomputeClaimHandler {
  constructor(private readonly copy: AuditCopyReader) {}

  async handle({ envelope, payload }: RpcRequest<auditV1.RecomputeClaim>): Promise<auditV1.Recomputation> {
    const jurisdiction = auditScope(envelope.principal, payload.jurisdiction);
    const ofClaim = await this.copy.naming([payload.claimId], jurisdiction);
    const submitted = ofClaim.find((e) => e.type === 'ClaimSubmitted.v1');
    if (!submitted) throw new NotInAuditCopy({ kind: 'claim', id: payload.claimId });
    const inputs = await this.copy.naming(inputIdsOf(payload.claimId, ofClaim), EVERYWHERE, {
      upTo: submitted.recordedAt,
    });
    const policy = await this.copy.policyVersionsIn(
      chainOf(String(submitted.data.jurisdictionCode)),
      submitted.recordedAt,
    );
    const byId = new Map([...ofClaim, ...inputs, ...policy].map((e) => [e.eventId, e]));
    return recomputeClaim(payload.claimId, [...byId.values()]);
  }
}
