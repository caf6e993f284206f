// RecordResults: an officer of the assessment's jurisdiction records the offline results; the roster
// is the class's as class-ops last told it (amendments included).
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { OFFICERS } from '../../shared/access';
import { assessmentFor, runOnAssessment } from '../assessment-access';
import type { AssessmentResultsRecorded, KnownAssessment, PassRule } from '../domain/assessment';
import { passRuleFor } from '../pass-rule';
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
    return this.record(request, assessment, payload, cls.workerIds, await passRuleFor(this.reads, cls));
  }

  /**
   * Runs RecordResults on the assessment for `request` (its command id, principal and digest):
   * the results sheet records its accepted rows through here too.
   */
  record(
    request: RpcRequest,
    assessment: KnownAssessment,
    data: certificationV1.RecordResults,
    rosterWorkerIds: readonly string[],
    passRule: PassRule | undefined,
  ): Promise<certificationV1.CommandAccepted> {
    const S = `"${this.reads.schema}"`;
    return runOnAssessment(
      this.commands,
      request,
      assessment,
      {
        type: 'RecordResults',
        data: { ...data, rosterWorkerIds: [...rosterWorkerIds], ...(passRule ? { passRule } : {}) },
      },
      // each trainee's latest result, for the pass rates
      async (tx, { events }) => {
        for (const event of events) {
          if (event.type !== 'AssessmentResultsRecorded.v1') continue;
          const data = (event as AssessmentResultsRecorded).data;
          for (const result of data.results)
            await tx.query(
              `insert into ${S}.assessment_results (assessment_id, worker_id, class_id, institution_id, outcome)
               values ($1, $2, $3, $4, $5)
               on conflict (assessment_id, worker_id) do update set outcome = excluded.outcome`,
              [data.assessmentId, result.workerId, data.classId, data.institutionId, result.outcome],
            );
        }
      },
    );
  }
}
