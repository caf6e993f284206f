// The policy in force in a jurisdiction on a date: the published versions of its chain from the read
// model, resolved by the domain's resolvePolicy.
import type { subsidyV1 } from '@jineng/contracts';
import { shanghaiToday, type Clock } from '@jineng/kernel';
import type { Principal } from '@jineng/messaging';
import { SERVICE_CLOCK } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { chainOf, jurisdictionName } from '@jineng/subsidy-computation';
import { assertKnownJurisdiction, assertWithin } from '../domain/policy-access';
import { resolvePolicy } from '@jineng/subsidy-computation';
import { PolicyVersionsReadModel } from '../read-model/policy-versions.read-model';

@Injectable()
export class GetEffectivePolicyHandler {
  constructor(
    private readonly versions: PolicyVersionsReadModel,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    query: subsidyV1.GetEffectivePolicy,
  ): Promise<subsidyV1.EffectivePolicy> {
    assertKnownJurisdiction(query.jurisdiction);
    assertWithin(query.jurisdiction, principal);
    const date = query.date ?? shanghaiToday(this.clock);
    const published = await this.versions.publishedIn(chainOf(query.jurisdiction));
    const resolved = resolvePolicy(query.jurisdiction, date, published);
    const used = new Set(resolved.versionIdsUsed);
    return {
      jurisdiction: resolved.jurisdiction,
      jurisdictionName: jurisdictionName(resolved.jurisdiction),
      date,
      parameters: resolved.parameters,
      sources: resolved.sources,
      versions: resolved.inForce.map((version) => ({
        versionId: version.versionId,
        jurisdiction: version.jurisdiction,
        jurisdictionName: jurisdictionName(version.jurisdiction),
        effectiveFrom: version.effectiveFrom,
        ...(version.effectiveUntil ? { effectiveUntil: version.effectiveUntil } : {}),
        title: version.title,
        document: version.document,
        used: used.has(version.versionId),
        assumptions: version.assumptions,
      })),
      versionIdsUsed: resolved.versionIdsUsed,
      notSet: resolved.notSet,
      ended: resolved.ended.map((version) => ({
        versionId: version.versionId,
        jurisdiction: version.jurisdiction,
        jurisdictionName: jurisdictionName(version.jurisdiction),
        effectiveFrom: version.effectiveFrom,
        effectiveUntil: version.effectiveUntil!,
        title: version.title,
      })),
      namedWithoutValue: resolved.namedWithoutValue,
    };
  }
}
