// ApplyForAssessment: the institution (or an officer for it) applies for its class's assessment; the
// class comes from the local read model of class-ops, the lead days from the policy in force today.
import type { certificationV1 } from '@jineng/contracts';
import { shanghaiDate } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, SERVICE_CLOCK, commandAccepted } from '@jineng/service-runtime';
import type { Clock } from '@jineng/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { chainOf, parameterInForce } from '../../local/policy-resolution';
import { OFFICERS, authorize } from '../../shared/access';
import { assessmentDecider } from '../domain/assessment.decide';
import { assessmentStreamId } from '../domain/assessment';
import { ClassNotKnown } from '../domain/assessment.errors';

@Injectable()
export class ApplyForAssessmentHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.ApplyForAssessment>,
  ): Promise<certificationV1.CommandAccepted> {
    const { envelope, payload } = request;
    const cls = await this.reads.classFacts(payload.classId);
    if (!cls) throw new ClassNotKnown({ classId: payload.classId });
    authorize(envelope.principal, ['institution', ...OFFICERS], {
      jurisdiction: cls.jurisdictionCode,
      institutionId: cls.institutionId,
    });
    const today = shanghaiDate(this.clock.now());
    const versions = await this.reads.policyVersions(chainOf(cls.jurisdictionCode));
    const leadDays = parameterInForce(
      versions,
      cls.jurisdictionCode,
      today,
      'assessment',
      'applicationLeadDays',
    );
    const result = await this.commands.run(request, {
      decider: assessmentDecider,
      streamId: assessmentStreamId(payload.assessmentId),
      jurisdiction: cls.jurisdictionCode,
      command: { type: 'ApplyForAssessment', data: { ...payload, class: cls, leadDays: leadDays ?? null } },
    });
    return commandAccepted(payload.assessmentId, result);
  }
}
