// ReplayClaim: a claim, its class, certificates and payments as they stood at a moment — the audit
// copy's events naming the claim and its class, folded up to that moment (claim-as-of.ts).
import type { auditV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { auditScope } from '../../access/access-control';
import { AuditCopyReader } from '../../shared/audit-copy.reader';
import { NotInAuditCopy } from '../../explain/domain/explain.errors';
import { claimAsOf, classOfClaim } from '../domain/claim-as-of';

@Injectable()
export class ReplayClaimHandler {
  constructor(private readonly copy: AuditCopyReader) {}

  async handle({ envelope, payload }: RpcRequest<auditV1.ReplayClaim>): Promise<auditV1.ClaimAsOf> {
    const jurisdiction = auditScope(envelope.principal, payload.jurisdiction);
    const ofClaim = await this.copy.naming([payload.claimId], jurisdiction);
    if (ofClaim.length === 0) throw new NotInAuditCopy({ kind: 'claim', id: payload.claimId });
    const classId = classOfClaim(payload.claimId, ofClaim);
    const ofClass = classId ? await this.copy.naming([classId], jurisdiction, { upTo: payload.asOf }) : [];
    const byId = new Map([...ofClaim, ...ofClass].map((e) => [e.eventId, e]));
    const state = claimAsOf(payload.claimId, payload.asOf, [...byId.values()]);
    const { claim, class: cls, ...rest } = state;
    return {
      ...rest,
      ...(claim ? { claim: struct(claim) } : {}),
      ...(cls ? { class: struct(cls) } : {}),
      certificates: state.certificates.map(struct),
      payments: state.payments.map(struct),
    };
  }
}

/** A view as the reply's JSON object (google.protobuf.Struct). */
const struct = (view: object): Record<string, unknown> => ({ ...view });
