// RecordResultsSheet: an officer of the assessment's jurisdiction uploads the results as a sheet
// (.xlsx or .csv, read by the lists lib's bounded sheet reader). Each row is judged by the rules of
// RecordResults (domain/results-sheet.ts); the rows that pass are recorded by one RecordResults run on
// the assessment's stream — the same event, the same read-model update — and every row is reported.
// The assessment's own rules (scheduled, its date reached) are the decider's, applied to that run even
// when no row passed. A sheet uploaded again finds its results recorded: its rows are `unchanged`.
import type { certificationV1 } from '@jineng/contracts';
import { readSheetFile, sheetFormatOf } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { OFFICERS } from '../../shared/access';
import { assessmentFor } from '../assessment-access';
import { passRuleFor } from '../pass-rule';
import { ClassNotKnown } from '../domain/assessment.errors';
import { judgeResultsSheet, RESULTS_SHEET_LIMITS } from '../domain/results-sheet';
import { RecordResultsHandler } from '../record-results/record-results.handler';

@Injectable()
export class RecordResultsSheetHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
    private readonly recordResults: RecordResultsHandler,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.RecordResultsSheet>,
  ): Promise<certificationV1.ResultsSheetReport> {
    const { envelope, payload } = request;
    const assessment = await assessmentFor(this.commands, envelope.principal, OFFICERS, payload.assessmentId);
    const cls = await this.reads.classFacts(assessment.classId);
    if (!cls) throw new ClassNotKnown({ classId: assessment.classId });
    const sheet = await readSheetFile(
      Buffer.from(payload.contentBase64, 'base64'),
      sheetFormatOf(payload.fileName),
      RESULTS_SHEET_LIMITS,
      'contentBase64',
    );
    const passRule = await passRuleFor(this.reads, cls);
    const judged = judgeResultsSheet(
      sheet,
      assessment,
      cls.workerIds,
      payload.correctionReason,
      'contentBase64',
      passRule,
    );
    await this.recordResults.record(
      request,
      assessment,
      {
        assessmentId: payload.assessmentId,
        results: judged.accepted.map((result) => ({ ...result })),
        ...(payload.correctionReason !== undefined ? { correctionReason: payload.correctionReason } : {}),
      },
      cls.workerIds,
      passRule,
    );
    const count = (outcome: string) => judged.rows.filter((row) => row.outcome === outcome).length;
    return {
      assessmentId: payload.assessmentId,
      recorded: count('recorded'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      rows: judged.rows.map((row) => ({ ...row, problems: row.problems.map((problem) => ({ ...problem })) })),
    };
  }
}
