// IssueCertificate: an officer of the assessment's jurisdiction issues a passed trainee's certificate;
// the body, the policy's training-certificate rule in force on the issue date and the kinds recognised
// bodies certify for the occupation come in the command. The certificate's row (its number, for the
// public verification) commits with the event.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { assessmentFor } from '../../assessment/assessment-access';
import { AssessmentNotScheduled } from '../../assessment/domain/assessment.errors';
import { evaluationBodyDecider } from '../../evaluation-body/domain/evaluation-body.decide';
import { evaluationBodyStreamId, factsOf } from '../../evaluation-body/domain/evaluation-body';
import { EvaluationBodyNotFound } from '../../evaluation-body/domain/evaluation-body.errors';
import { CertificationReads } from '../../local/certification-reads';
import { chainOf, parameterInForce } from '../../local/policy-resolution';
import { OFFICERS } from '../../shared/access';
import type { CertificateKind, PolicyCertificateKind } from '../../shared/certificate-kinds';
import { certificateDecider } from '../domain/certificate.decide';
import { certificateIdOf, certificateStreamId } from '../domain/certificate';

@Injectable()
export class IssueCertificateHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.IssueCertificate>,
  ): Promise<certificationV1.CommandAccepted> {
    const { envelope, payload } = request;
    const assessment = await assessmentFor(this.commands, envelope.principal, OFFICERS, payload.assessmentId);
    const schedule = assessment.schedule;
    if (!schedule) throw new AssessmentNotScheduled({ assessmentId: assessment.assessmentId });
    const body = factsOf(
      await this.commands.load(evaluationBodyDecider, evaluationBodyStreamId(schedule.evaluationBodyId)),
    );
    if (!body) throw new EvaluationBodyNotFound({ evaluationBodyId: schedule.evaluationBodyId });
    const versions = await this.reads.policyVersions(chainOf(assessment.jurisdictionCode));
    const rule = parameterInForce(
      versions,
      assessment.jurisdictionCode,
      payload.issuedOn,
      'assessment',
      'trainingCertificate',
    );
    const kindsOffered = await this.reads.kindsOffered(
      assessment.occupationCode,
      assessment.level,
      payload.issuedOn,
    );
    const certificateId = certificateIdOf(assessment.assessmentId, payload.workerId);
    const outcome = assessment.results.get(payload.workerId)?.outcome;
    const S = `"${this.reads.schema}"`;
    const result = await this.commands.run(request, {
      decider: certificateDecider,
      streamId: certificateStreamId(certificateId),
      jurisdiction: assessment.jurisdictionCode,
      command: {
        type: 'IssueCertificate',
        data: {
          ...payload,
          certificateId,
          assessment: {
            assessmentId: assessment.assessmentId,
            classId: assessment.classId,
            institutionId: assessment.institutionId,
            jurisdictionCode: assessment.jurisdictionCode,
            occupationCode: assessment.occupationCode,
            level: assessment.level,
            kind: assessment.certificateKind as CertificateKind,
            date: schedule.date,
            evaluationBodyId: schedule.evaluationBodyId,
            ...(outcome ? { outcome } : {}),
          },
          body,
          trainingCertificateRule: rule
            ? {
                notAcceptedFor: rule.value.notAcceptedFor as PolicyCertificateKind[],
                ...(rule.value.temporaryException
                  ? {
                      temporaryException: {
                        acceptedFor: rule.value.temporaryException.acceptedFor as PolicyCertificateKind[],
                        ...(rule.value.temporaryException.until
                          ? { until: rule.value.temporaryException.until }
                          : {}),
                      },
                    }
                  : {}),
                versionId: rule.versionId,
              }
            : null,
          kindsOffered,
        },
      },
      withEvents: async (tx, { events }) => {
        for (const { type, data } of events) {
          if (type !== 'CertificateIssued.v1') continue;
          const d = data as certificationV1.CertificateIssued;
          await tx.query(
            `insert into ${S}.certificates (certificate_id, certificate_number, worker_id, class_id, assessment_id,
               institution_id, jurisdiction_code, occupation_code, level, kind, evaluation_body_id, issued_on, status)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'valid')`,
            [
              d.certificateId,
              d.certificateNumber,
              d.workerId,
              d.classId ?? null,
              d.assessmentId ?? null,
              d.institutionId,
              d.jurisdictionCode,
              d.occupationCode,
              d.level,
              d.kind,
              d.evaluationBodyId,
              d.issuedOn,
            ],
          );
        }
      },
    });
    return commandAccepted(certificateId, result);
  }
}
