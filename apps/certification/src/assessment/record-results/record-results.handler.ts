// RecordResults: an officer of the assessment's jurisdiction records the offline results; the roster
// is the class's as class-ops last told it (amendments included).
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { OFFICERS } from '../../shared/access';
import { assessmentFor, runOnAssessment } from '../assessment-access';
import { ClassNotKnown } from '../domain/assessment.errors';

@Injectable()
export class RecordResultsHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
  ) {}

  async handle(request: RpcRequest<certificationV1.RecordResults>): Promise<certificationV1.CommandAccepted> {
    const { envelope, payload } = request;
    const assessment = await assessmentFor(this.commands, envelope.principal, OFFICERS, payload.assessmentId);
    const cls = await this.reads.classFacts(assessment.classId);
    if (!cls) throw new ClassNotKnown({ classId: assessment.classId });
    return runOnAssessment(this.commands, request, assessment, {
      type: 'RecordResults',
      data: { ...payload, rosterWorkerIds: cls.workerIds },
    });
  }
}
