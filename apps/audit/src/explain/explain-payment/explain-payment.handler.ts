// ExplainPayment: the chain of evidence behind a payment or a claim line, read from the audit copy in
// rounds through its entity index — the payment's claim, the claim's events, then the class, trainees,
// certificates and policy versions the claim names, then the devices of the check-ins — and built by
// the pure `explainChain`.
import type { auditV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { chainOf } from '@jineng/subsidy-computation';
import { Injectable } from '@nestjs/common';
import { auditScope } from '../../access/access-control';
import type { AuditRecord } from '../../shared/audit-record';
import { AuditCopyReader } from '../../shared/audit-copy.reader';
import { claimOfPayment, devicesOfCheckIns, explainChain, idsNamedByClaim } from '../domain/explain-chain';
import { NothingToExplain, PaymentOfAnotherClaim } from '../domain/explain.errors';

@Injectable()
export class ExplainPaymentHandler {
  constructor(private readonly copy: AuditCopyReader) {}

  async handle({ envelope, payload }: RpcRequest<auditV1.ExplainPayment>): Promise<auditV1.Explanation> {
    const jurisdiction = auditScope(envelope.principal, payload.jurisdiction);
    if (!payload.paymentId && !payload.claimId) throw new NothingToExplain({});
    let claimId = payload.claimId;
    if (payload.paymentId) {
      const paid = claimOfPayment(
        payload.paymentId,
        await this.copy.naming([payload.paymentId], jurisdiction),
      );
      if (claimId && claimId !== paid)
        throw new PaymentOfAnotherClaim({ paymentId: payload.paymentId, claimId });
      claimId = paid;
    }
    const ofClaim = await this.copy.naming([claimId!], jurisdiction);
    const named = await this.copy.naming(idsNamedByClaim(claimId!, ofClaim), jurisdiction);
    const devices = await this.copy.naming(devicesOfCheckIns(named), jurisdiction, {
      types: ['DeviceRegistered.v1', 'DeviceRevoked.v1'],
    });
    const submitted = ofClaim.find((e) => e.type === 'ClaimSubmitted.v1');
    const claimJurisdiction = String(submitted?.data.jurisdictionCode ?? jurisdiction);
    const policy = await this.copy.policyVersionsIn(chainOf(claimJurisdiction));
    const explanation = explainChain({
      claimId: claimId!,
      ...(payload.paymentId ? { paymentId: payload.paymentId } : {}),
      ...(payload.workerId ? { workerId: payload.workerId } : {}),
      copy: distinct([...ofClaim, ...named, ...devices, ...policy]),
    });
    return { ...explanation, links: [...explanation.links], missing: [...explanation.missing] };
  }
}

function distinct(events: readonly AuditRecord[]): AuditRecord[] {
  const seen = new Map<string, AuditRecord>();
  for (const event of events) seen.set(event.eventId, event);
  return [...seen.values()];
}
