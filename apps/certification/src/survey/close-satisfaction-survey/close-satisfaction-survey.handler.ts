// CloseSatisfactionSurvey: an officer closes the class's survey; the minimum is the policy's in force
// on the class's end date in its jurisdiction.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { chainOf, parameterInForce } from '../../local/policy-resolution';
import { runOnSurvey, surveyClass } from '../survey-access';

@Injectable()
export class CloseSatisfactionSurveyHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.CloseSatisfactionSurvey>,
  ): Promise<certificationV1.CommandAccepted> {
    const cls = await surveyClass(this.reads, request);
    const versions = await this.reads.policyVersions(chainOf(cls.jurisdictionCode));
    const minimum = parameterInForce(
      versions,
      cls.jurisdictionCode,
      cls.endDate,
      'institutionQuality',
      'minSatisfaction',
    );
    return runOnSurvey(this.commands, request, cls, {
      type: 'CloseSatisfactionSurvey',
      data: { ...request.payload, class: cls, minSatisfaction: minimum ?? null },
    });
  }
}
