// ScheduleAssessment: an officer of the assessment's jurisdiction sets date, place, assessors and the
// recognised body; whether the HR office sets training-qualified exams is the policy's on that date.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { evaluationBodyDecider } from '../../evaluation-body/domain/evaluation-body.decide';
import { evaluationBodyStreamId, factsOf } from '../../evaluation-body/domain/evaluation-body';
import { EvaluationBodyNotFound } from '../../evaluation-body/domain/evaluation-body.errors';
import { CertificationReads } from '../../local/certification-reads';
import { chainOf, parameterInForce } from '../../local/policy-resolution';
import { OFFICERS } from '../../shared/access';
import { assessmentFor, runOnAssessment } from '../assessment-access';

@Injectable()
export class ScheduleAssessmentHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.ScheduleAssessment>,
  ): Promise<certificationV1.CommandAccepted> {
    const { envelope, payload } = request;
    const assessment = await assessmentFor(this.commands, envelope.principal, OFFICERS, payload.assessmentId);
    const body = factsOf(
      await this.commands.load(evaluationBodyDecider, evaluationBodyStreamId(payload.evaluationBodyId)),
    );
    if (!body) throw new EvaluationBodyNotFound({ evaluationBodyId: payload.evaluationBodyId });
    const versions = await this.reads.policyVersions(chainOf(assessment.jurisdictionCode));
    const hrOffice = parameterInForce(
      versions,
      assessment.jurisdictionCode,
      payload.date,
      'assessment',
      'hrOfficeSetsTrainingCertificateExams',
    );
    return runOnAssessment(this.commands, request, assessment, {
      type: 'ScheduleAssessment',
      data: { ...payload, body, hrOfficeSetsTrainingExams: hrOffice?.value === true },
    });
  }
}
