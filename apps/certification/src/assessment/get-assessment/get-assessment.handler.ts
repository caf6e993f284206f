// GetAssessment: the assessment as it stands, for an officer or auditor of its jurisdiction or its institution.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { READERS } from '../../shared/access';
import { assessmentFor, assessmentView } from '../assessment-access';

@Injectable()
export class GetAssessmentHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<certificationV1.GetAssessment>): Promise<certificationV1.Assessment> {
    const { envelope, payload } = request;
    return assessmentView(
      await assessmentFor(
        this.commands,
        envelope.principal,
        ['institution', ...READERS],
        payload.assessmentId,
      ),
    );
  }
}
