// Evaluates an institution's year: the figures of its classes that ended in the year, the policy's
// minimums and employment months in force on the year's last day in the institution's jurisdiction.
// Run by the deadline at the year's end (scheduled when one of its classes completes) as the system,
// with the deadline's command id, or by an officer.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, DeadlineScheduler, commandAccepted, type DueDeadline } from '@jineng/service-runtime';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CertificationReads } from '../local/certification-reads';
import { chainOf, parameterInForce } from '../local/policy-resolution';
import { qualityDecider } from './domain/quality.decide';
import { qualityStreamId, type EvaluateInstitutionYear } from './domain/quality';
import { INSTITUTION_YEAR_END } from './institution-year.deadline';
import type { PoolClient } from 'pg';
import { figuresOf } from './domain/outcome-figures';
import { OutcomeFiguresReader, countsOf, type TraineeOutcome } from './outcome-figures.reader';

@Injectable()
export class InstitutionYearEvaluator implements OnModuleInit {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
    private readonly figures: OutcomeFiguresReader,
    private readonly deadlines: DeadlineScheduler,
  ) {}

  onModuleInit(): void {
    this.deadlines.handle(INSTITUTION_YEAR_END, (deadline) => this.onYearEnd(deadline));
  }

  /** The command's data: the figures and the policy in force on the year's last day. */
  async commandData(
    institutionId: string,
    year: number,
    fallbackJurisdiction?: string,
  ): Promise<{
    readonly data: EvaluateInstitutionYear['data'];
    readonly trainees: TraineeOutcome[];
    readonly employmentWithinMonths: number | null;
  }> {
    const jurisdictionCode =
      (await this.reads.institutionJurisdiction(institutionId)) ??
      fallbackJurisdiction ??
      (await this.reads.jurisdictionOfClassesOf(institutionId));
    const lastDay = `${year}-12-31`;
    const versions = jurisdictionCode ? await this.reads.policyVersions(chainOf(jurisdictionCode)) : [];
    const at = <G extends 'institutionQuality' | 'subsidies'>(group: G, field: string) =>
      jurisdictionCode
        ? parameterInForce(versions, jurisdictionCode, lastDay, group, field as never)
        : undefined;
    const months = at('subsidies', 'tranches') as { value: { employmentWithinMonths?: number } } | undefined;
    const employmentWithinMonths = months?.value.employmentWithinMonths ?? null;
    const trainees = await this.figures.trainees({ year, institutionId, employmentWithinMonths });
    const minPass = at('institutionQuality', 'minYearlyPassRate') as
      { value: number; versionId: string } | undefined;
    const minEmployment = at('institutionQuality', 'minYearlyEmploymentRate') as
      { value: number; versionId: string } | undefined;
    return {
      data: {
        institutionId,
        year,
        jurisdictionCode: jurisdictionCode ?? fallbackJurisdiction ?? '110000',
        counts: countsOf(trainees, employmentWithinMonths),
        minPassRate: minPass ?? null,
        minEmploymentRate: minEmployment ?? null,
      },
      trainees,
      employmentWithinMonths,
    };
  }

  /** The scorecard's rows of the year, per occupation, written with InstitutionYearEvaluated. */
  private scorecardRows(evaluation: Awaited<ReturnType<InstitutionYearEvaluator['commandData']>>) {
    return async (tx: PoolClient, { events }: { events: readonly { type: string }[] }) => {
      if (!events.some((e) => e.type === 'InstitutionYearEvaluated.v1')) return;
      const { data, trainees, employmentWithinMonths } = evaluation;
      const S = `"${this.reads.schema}"`;
      for (const occupationCode of [...new Set(trainees.map((t) => t.occupationCode))]) {
        const figures = figuresOf(
          countsOf(
            trainees.filter((t) => t.occupationCode === occupationCode),
            employmentWithinMonths,
          ),
        );
        await tx.query(
          `insert into ${S}.outcome_scorecard (year, institution_id, occupation_code, jurisdiction_code, classes,
             trainees, passed, certified, employed, pass_rate, certificate_rate, employment_rate)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           on conflict (year, institution_id, occupation_code) do nothing`,
          [
            data.year,
            data.institutionId,
            occupationCode,
            data.jurisdictionCode,
            figures.classes,
            figures.trainees,
            figures.passed,
            figures.certified,
            figures.employed ?? null,
            figures.passRate ?? null,
            figures.certificateRate ?? null,
            figures.employmentRate ?? null,
          ],
        );
      }
    };
  }

  /** An officer asks for the evaluation of a year that is over. */
  async onRequest(
    request: RpcRequest<certificationV1.EvaluateInstitutionYear>,
    jurisdictionCode: string,
  ): Promise<certificationV1.CommandAccepted> {
    const { institutionId, year } = request.payload;
    const evaluation = await this.commandData(institutionId, year, jurisdictionCode);
    const result = await this.commands.run(request, {
      decider: qualityDecider,
      streamId: qualityStreamId(institutionId, year),
      jurisdiction: evaluation.data.jurisdictionCode,
      command: { type: 'EvaluateInstitutionYear', data: evaluation.data },
      withEvents: this.scorecardRows(evaluation),
    });
    return commandAccepted(institutionId, result);
  }

  private async onYearEnd(deadline: DueDeadline): Promise<void> {
    const { institutionId, jurisdictionCode, year } = deadline.data as {
      institutionId: string;
      jurisdictionCode: string;
      year: number;
    };
    const evaluation = await this.commandData(institutionId, year, jurisdictionCode);
    await this.commands.runAsSystem(
      {
        actor: { userId: 'system:certification', roles: ['system'] },
        jurisdiction: evaluation.data.jurisdictionCode,
        commandId: deadline.commandId,
        correlationId: deadline.commandId,
      },
      {
        decider: qualityDecider,
        streamId: qualityStreamId(institutionId, year),
        command: { type: 'EvaluateInstitutionYear', data: evaluation.data },
        withEvents: this.scorecardRows(evaluation),
      },
    );
  }
}
