// The certification service (issue 12): recognised evaluation bodies, assessments and their results,
// certificates and their revocation. See apps/certification/README.md.
import { Module, type Type } from '@nestjs/common';
import { ApplyForAssessmentHandler } from './assessment/apply-for-assessment/apply-for-assessment.handler';
import { ApplyForAssessmentNatsController } from './assessment/apply-for-assessment/apply-for-assessment.nats.controller';
import { GetAssessmentHandler } from './assessment/get-assessment/get-assessment.handler';
import { GetAssessmentNatsController } from './assessment/get-assessment/get-assessment.nats.controller';
import { RecordResultsHandler } from './assessment/record-results/record-results.handler';
import { RecordResultsNatsController } from './assessment/record-results/record-results.nats.controller';
import { RecordResultsSheetHandler } from './assessment/record-results-sheet/record-results-sheet.handler';
import { RecordResultsSheetNatsController } from './assessment/record-results-sheet/record-results-sheet.nats.controller';
import { ScheduleAssessmentHandler } from './assessment/schedule-assessment/schedule-assessment.handler';
import { ScheduleAssessmentNatsController } from './assessment/schedule-assessment/schedule-assessment.nats.controller';
import { GetCertificateHandler } from './certificate/get-certificate/get-certificate.handler';
import { GetCertificateNatsController } from './certificate/get-certificate/get-certificate.nats.controller';
import { IssueCertificateHandler } from './certificate/issue-certificate/issue-certificate.handler';
import { IssueCertificateNatsController } from './certificate/issue-certificate/issue-certificate.nats.controller';
import { RevokeCertificateHandler } from './certificate/revoke-certificate/revoke-certificate.handler';
import { RevokeCertificateNatsController } from './certificate/revoke-certificate/revoke-certificate.nats.controller';
import { RecogniseEvaluationBodyHandler } from './evaluation-body/recognise-evaluation-body/recognise-evaluation-body.handler';
import { RecogniseEvaluationBodyNatsController } from './evaluation-body/recognise-evaluation-body/recognise-evaluation-body.nats.controller';
import { CertificateQrCodes, PUBLIC_BASE_URL, publicBaseUrlFromEnv } from './certificate/qr-code';
import { VerifyCertificateHandler } from './certificate/verify-certificate/verify-certificate.handler';
import { VerifyCertificateNatsController } from './certificate/verify-certificate/verify-certificate.nats.controller';
import { ExportCertificatesHandler } from './certificate/export-certificates/export-certificates.handler';
import { ExportCertificatesNatsController } from './certificate/export-certificates/export-certificates.nats.controller';
import { ListCertificatesHandler } from './certificate/list-certificates/list-certificates.handler';
import { ListCertificatesNatsController } from './certificate/list-certificates/list-certificates.nats.controller';
import { ListMyCertificatesHandler } from './certificate/list-my-certificates/list-my-certificates.handler';
import { ListMyCertificatesNatsController } from './certificate/list-my-certificates/list-my-certificates.nats.controller';
import { ExportEnterprisesLackingEvaluationBodyHandler } from './evaluation-body/export-enterprises-lacking-evaluation-body/export-enterprises-lacking-evaluation-body.handler';
import { ExportEnterprisesLackingEvaluationBodyNatsController } from './evaluation-body/export-enterprises-lacking-evaluation-body/export-enterprises-lacking-evaluation-body.nats.controller';
import { ListEnterprisesLackingEvaluationBodyHandler } from './evaluation-body/list-enterprises-lacking-evaluation-body/list-enterprises-lacking-evaluation-body.handler';
import { ListEnterprisesLackingEvaluationBodyNatsController } from './evaluation-body/list-enterprises-lacking-evaluation-body/list-enterprises-lacking-evaluation-body.nats.controller';
import { CertificationReads } from './local/certification-reads';
import { ExportOutcomeScorecardHandler } from './quality/export-outcome-scorecard/export-outcome-scorecard.handler';
import { ExportOutcomeScorecardNatsController } from './quality/export-outcome-scorecard/export-outcome-scorecard.nats.controller';
import { GetOutcomeFiguresHandler } from './quality/get-outcome-figures/get-outcome-figures.handler';
import { GetOutcomeFiguresNatsController } from './quality/get-outcome-figures/get-outcome-figures.nats.controller';
import { ListOutcomeScorecardHandler } from './quality/list-outcome-scorecard/list-outcome-scorecard.handler';
import { ListOutcomeScorecardNatsController } from './quality/list-outcome-scorecard/list-outcome-scorecard.nats.controller';
import { EvaluateInstitutionYearHandler } from './quality/evaluate-institution-year/evaluate-institution-year.handler';
import { EvaluateInstitutionYearNatsController } from './quality/evaluate-institution-year/evaluate-institution-year.nats.controller';
import { InstitutionYearEvaluator } from './quality/institution-year.evaluator';
import { OutcomeFiguresReader } from './quality/outcome-figures.reader';
import { CloseSatisfactionSurveyHandler } from './survey/close-satisfaction-survey/close-satisfaction-survey.handler';
import { CloseSatisfactionSurveyNatsController } from './survey/close-satisfaction-survey/close-satisfaction-survey.nats.controller';
import { RecordSatisfactionHandler } from './survey/record-satisfaction/record-satisfaction.handler';
import { RecordSatisfactionNatsController } from './survey/record-satisfaction/record-satisfaction.nats.controller';

/** One entry per use case: its NATS controller and its handler. */
const USE_CASES: readonly [Type, Type][] = [
  [RecogniseEvaluationBodyNatsController, RecogniseEvaluationBodyHandler],
  [ApplyForAssessmentNatsController, ApplyForAssessmentHandler],
  [ScheduleAssessmentNatsController, ScheduleAssessmentHandler],
  [RecordResultsNatsController, RecordResultsHandler],
  [RecordResultsSheetNatsController, RecordResultsSheetHandler],
  [GetAssessmentNatsController, GetAssessmentHandler],
  [IssueCertificateNatsController, IssueCertificateHandler],
  [RevokeCertificateNatsController, RevokeCertificateHandler],
  [GetCertificateNatsController, GetCertificateHandler],
  [VerifyCertificateNatsController, VerifyCertificateHandler],
  [RecordSatisfactionNatsController, RecordSatisfactionHandler],
  [CloseSatisfactionSurveyNatsController, CloseSatisfactionSurveyHandler],
  [EvaluateInstitutionYearNatsController, EvaluateInstitutionYearHandler],
  [ListCertificatesNatsController, ListCertificatesHandler],
  [ExportCertificatesNatsController, ExportCertificatesHandler],
  [ListMyCertificatesNatsController, ListMyCertificatesHandler],
  [GetOutcomeFiguresNatsController, GetOutcomeFiguresHandler],
  [ListOutcomeScorecardNatsController, ListOutcomeScorecardHandler],
  [ExportOutcomeScorecardNatsController, ExportOutcomeScorecardHandler],
  [ListEnterprisesLackingEvaluationBodyNatsController, ListEnterprisesLackingEvaluationBodyHandler],
  [ExportEnterprisesLackingEvaluationBodyNatsController, ExportEnterprisesLackingEvaluationBodyHandler],
];

@Module({
  controllers: USE_CASES.map(([controller]) => controller),
  providers: [
    // a bad public address stops the start, naming it
    { provide: PUBLIC_BASE_URL, useFactory: () => publicBaseUrlFromEnv() },
    CertificateQrCodes,
    CertificationReads,
    OutcomeFiguresReader,
    InstitutionYearEvaluator,
    ...USE_CASES.map(([, handler]) => handler),
  ],
})
export class CertificationModule {}
