// EvaluateInstitutionYear: an officer asks for the evaluation of an institution's year once it is
// over (the scheduler does it at the year's end anyway); within the officer's jurisdiction.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { OFFICERS, authorize } from '../../shared/access';
import { InstitutionYearEvaluator } from '../institution-year.evaluator';

@Injectable()
export class EvaluateInstitutionYearHandler {
  constructor(
    private readonly evaluator: InstitutionYearEvaluator,
    private readonly reads: CertificationReads,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.EvaluateInstitutionYear>,
  ): Promise<certificationV1.CommandAccepted> {
    const { envelope, payload } = request;
    const jurisdiction =
      (await this.reads.institutionJurisdiction(payload.institutionId)) ??
      (await this.reads.jurisdictionOfClassesOf(payload.institutionId)) ??
      envelope.principal.jurisdiction;
    authorize(envelope.principal, OFFICERS, { jurisdiction });
    return this.evaluator.onRequest(request, jurisdiction);
  }
}
