// The versions that apply to a jurisdiction (its own and its levels above) and those below it, with
// when each was superseded; drafts only for the admins who may edit them.
import type { subsidyV1 } from '@jineng/contracts';
import type { Principal } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { chainOf, isWithin } from '@jineng/subsidy-computation';
import { assertKnownJurisdiction, assertWithin, mayRead } from '../domain/policy-access';
import { supersessions } from '@jineng/subsidy-computation';
import { policyVersionSummary, publishedVersionOf } from '../policy-version.views';
import { PolicyVersionsReadModel } from '../read-model/policy-versions.read-model';

@Injectable()
export class ListPolicyVersionsHandler {
  constructor(private readonly versions: PolicyVersionsReadModel) {}

  async execute(
    principal: Principal,
    query: subsidyV1.ListPolicyVersions,
  ): Promise<subsidyV1.PolicyVersionList> {
    assertKnownJurisdiction(query.jurisdiction);
    assertWithin(query.jurisdiction, principal);
    const chain = chainOf(query.jurisdiction);
    const all = await this.versions.all();
    const superseded = supersessions(all.filter((v) => v.status === 'published').map(publishedVersionOf));
    const listed = all.filter(
      (version) =>
        (chain.includes(version.jurisdiction) || isWithin(version.jurisdiction, query.jurisdiction)) &&
        (query.status === undefined || version.status === query.status) &&
        mayRead(principal, version),
    );
    return { versions: listed.map((v) => policyVersionSummary(v, superseded.get(v.versionId))) };
  }
}
