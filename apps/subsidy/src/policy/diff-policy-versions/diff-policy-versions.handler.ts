// What changed from one version to another, parameter by parameter.
import type { subsidyV1 } from '@jineng/contracts';
import type { Principal } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { diffPolicyVersions } from '../domain/diff-policy';
import { PolicyVersionsReadModel } from '../read-model/policy-versions.read-model';
import { readableVersion } from '../readable-version';

@Injectable()
export class DiffPolicyVersionsHandler {
  constructor(private readonly versions: PolicyVersionsReadModel) {}

  async execute(
    principal: Principal,
    query: subsidyV1.DiffPolicyVersions,
  ): Promise<subsidyV1.PolicyVersionDiff> {
    const from = await readableVersion(this.versions, principal, query.fromVersionId);
    const to = await readableVersion(this.versions, principal, query.toVersionId);
    const diff = diffPolicyVersions(from, to);
    return {
      fromVersionId: from.versionId,
      toVersionId: to.versionId,
      changes: diff.changes,
      otherDifferences: diff.otherDifferences,
    };
  }
}
