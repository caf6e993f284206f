// RecordSatisfaction: an officer of the class's jurisdiction records trainees' survey answers.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { runOnSurvey, surveyClass } from '../survey-access';

@Injectable()
export class RecordSatisfactionHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.RecordSatisfaction>,
  ): Promise<certificationV1.CommandAccepted> {
    const cls = await surveyClass(this.reads, request);
    return runOnSurvey(this.commands, request, cls, {
      type: 'RecordSatisfaction',
      data: { ...request.payload, class: cls },
    });
  }
}
