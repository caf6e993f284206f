// One version with its parameters, targets and, when published, its supersession.
import type { subsidyV1 } from '@jineng/contracts';
import type { Principal } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { policyVersionView } from '../policy-version.views';
import { PolicyVersionsReadModel } from '../read-model/policy-versions.read-model';
import { readableVersion } from '../readable-version';

@Injectable()
export class GetPolicyVersionHandler {
  constructor(private readonly versions: PolicyVersionsReadModel) {}

  async execute(principal: Principal, query: subsidyV1.GetPolicyVersion): Promise<subsidyV1.PolicyVersion> {
    const version = await readableVersion(this.versions, principal, query.versionId);
    const superseded = await this.versions.supersessionsIn([version.jurisdiction]);
    return policyVersionView(version, superseded.get(version.versionId));
  }
}
