// GetOutcomeFigures: an institution's year as it stands — in total, per occupation and per class —
// for the officers of its jurisdiction and the institution itself. Employment counts within the
// months of the policy in force on the year's last day.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { READERS, authorize } from '../../shared/access';
import { figuresOf } from '../domain/outcome-figures';
import { InstitutionYearEvaluator } from '../institution-year.evaluator';
import { countsOf, type TraineeOutcome } from '../outcome-figures.reader';

@Injectable()
export class GetOutcomeFiguresHandler {
  constructor(
    private readonly evaluator: InstitutionYearEvaluator,
    private readonly reads: CertificationReads,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<certificationV1.GetOutcomeFigures>): Promise<certificationV1.OutcomeFiguresReply> {
    const { institutionId, year } = payload;
    const jurisdiction =
      (await this.reads.institutionJurisdiction(institutionId)) ??
      (await this.reads.jurisdictionOfClassesOf(institutionId)) ??
      envelope.principal.jurisdiction;
    authorize(envelope.principal, ['institution', ...READERS], { jurisdiction, institutionId });
    const { trainees, employmentWithinMonths } = await this.evaluator.commandData(
      institutionId,
      year,
      jurisdiction,
    );
    const of = (subset: readonly TraineeOutcome[]) => figuresOf(countsOf(subset, employmentWithinMonths));
    const occupations = [...new Set(trainees.map((t) => t.occupationCode))].sort();
    const classes = [...new Map(trainees.map((t) => [t.classId, t])).values()];
    return {
      institutionId,
      year,
      total: of(trainees),
      byOccupation: occupations.map((occupationCode) => ({
        occupationCode,
        figures: of(trainees.filter((t) => t.occupationCode === occupationCode)),
      })),
      byClass: classes.map((c) => ({
        classId: c.classId,
        occupationCode: c.occupationCode,
        endDate: c.endDate,
        figures: of(trainees.filter((t) => t.classId === c.classId)),
      })),
    };
  }
}
